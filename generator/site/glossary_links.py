"""Link the first mention of each glossary term in a text to its glossary entry."""
from __future__ import annotations

import hashlib
import re

from markupsafe import Markup

from generator.content.model import GlossaryTerm
from generator.site.escaping import markdown_text


def term_anchor(term: str) -> str:
    """A stable ASCII anchor for a term, so links survive reordering the glossary."""
    return "g-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:8]


class TermLinker:
    def __init__(self, terms: list[GlossaryTerm]) -> None:
        self.anchor_of: dict[str, str] = {}
        for term in terms:
            for name in [term.term, *term.aliases]:
                if len(name) >= 2:
                    self.anchor_of.setdefault(str(markdown_text(name)), term_anchor(term.term))
        names = sorted(self.anchor_of, key=len, reverse=True)  # longest first: 五到位 before 到位
        self.pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def link(self, text: str, glossary_url: str) -> Markup:
        """The text, Markdown-escaped, with the first mention of each term linked."""
        escaped = str(markdown_text(text))
        if self.pattern is None:
            return Markup(escaped)
        linked: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            anchor = self.anchor_of[match.group(0)]
            if anchor in linked:
                return match.group(0)
            linked.add(anchor)
            return f"[{match.group(0)}]({glossary_url}#{anchor})"

        return Markup(self.pattern.sub(replace, escaped))
