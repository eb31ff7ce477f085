"""Other ways of saying what a text says, shown beside it so that search finds every form."""
from __future__ import annotations

from generator.content.model import Content


class SynonymFinder:
    def __init__(self, content: Content) -> None:
        groups = [list(g) for g in content.synonym_groups]
        groups += [[t.term, *t.aliases] for t in content.glossary if t.aliases]
        self.groups = groups

    def others(self, text: str) -> list[str]:
        """For every group the text uses, the forms it does not use."""
        result: list[str] = []
        for group in self.groups:
            if any(form in text for form in group):
                result += [form for form in group if form not in text and form not in result]
        return result
