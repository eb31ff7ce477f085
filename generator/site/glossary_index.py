"""How the glossary page is ordered: by pinyin with a letter index, by group, and a table of 简称 → 全称.

Code-point order put 一、七、三、下、两 side by side; readers look a term up by its sound, as in a
dictionary. pypinyin reads phrases (重大 as zhòng dà, not chóng), which per-character tables get wrong.
"""
from __future__ import annotations

from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

from generator.content.model import Content, GlossaryTerm
from generator.content.schema import GLOSSARY_GROUPS

_DIGIT_WORDS = "零一二三四五六七八九"  # "8大类档案" is read, and looked up, as 八大类档案
OTHER_LETTER = "#"


def _spoken(text: str) -> str:
    return "".join(_DIGIT_WORDS[int(ch)] if ch.isascii() and ch.isdigit() else ch for ch in text)


def pinyin_key(text: str) -> tuple[str, str]:
    """Sort key: the toneless pinyin syllables, then the text itself to keep homophones apart stably."""
    syllables = lazy_pinyin(_spoken(text), style=Style.NORMAL, errors="default")
    return (" ".join(s.lower() for s in syllables), text)


def initial_letter(text: str) -> str:
    first = pinyin_key(text)[0][:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


def by_pinyin(terms: list[GlossaryTerm]) -> list[GlossaryTerm]:
    return sorted(terms, key=lambda t: pinyin_key(t.term))


def letter_sections(terms: list[GlossaryTerm]) -> list[tuple[str, list[GlossaryTerm]]]:
    sections: dict[str, list[GlossaryTerm]] = {}
    for term in by_pinyin(terms):
        sections.setdefault(initial_letter(term.term), []).append(term)
    return sorted(sections.items(), key=lambda item: (item[0] == OTHER_LETTER, item[0]))


def group_sections(terms: list[GlossaryTerm]) -> list[tuple[str, list[GlossaryTerm]]]:
    ordered = by_pinyin(terms)
    return [(group, [t for t in ordered if t.group == group])
            for group in GLOSSARY_GROUPS if any(t.group == group for t in ordered)]


@dataclass(frozen=True)
class Abbreviation:
    short: str
    full: str
    term: GlossaryTerm | None  # the glossary entry that explains it, when there is one


_QUOTES = str.maketrans("", "", "“”‘’\"'《》")
_LIST_MARKS = ("、", "，", ",", " ", "；")


def _is_shortening(short: str, full: str) -> bool:
    """安委会 of 安全生产委员会: shorter, and its characters appear in the full name in order. Not: same-length
    synonyms (有限空间 / 受限空间), other names (应急管理部门 for 安监局), the same words in quotes (“底线”思维),
    or one part of a formula (党政同责 of 党政同责、一岗双责、…; 关停并转 of 关、停、并、转)."""
    short, full = short.translate(_QUOTES), full.translate(_QUOTES)
    if len(short) >= len(full) or any(mark in full for mark in _LIST_MARKS):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def abbreviations(content: Content) -> list[Abbreviation]:
    """简称 → 全称 from the synonym groups and the glossary's own aliases, ordered by the 简称's pinyin."""
    entry_for = {name: t for t in content.glossary for name in [t.term, *t.aliases]}
    name_sets = [list(g) for g in content.synonym_groups] + [[t.term, *t.aliases] for t in content.glossary]
    found: dict[tuple[str, str], Abbreviation] = {}
    for names in name_sets:
        full = max(names, key=len)
        for short in names:
            if _is_shortening(short, full):
                found[(short, full)] = Abbreviation(short, full, entry_for.get(short) or entry_for.get(full))
    return sorted(found.values(), key=lambda a: pinyin_key(a.short))


def glossary_context(content: Content) -> dict[str, object]:
    return {"letters": letter_sections(content.glossary), "groups": group_sections(content.glossary),
            "abbreviations": abbreviations(content)}
