"""How a form cites the documents: per row each document once, as a person cites it, and the quotes numbered."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.model import Citation, Source

# Numbering in a section heading as the documents write it: 附件, 第一部分, 第五章, 二、 (三) （一） 3. 14
_TOKEN = re.compile(
    r"(?P<part>附件|第[一二三四五六七八九十百]+(?:部分|章|节))"
    r"|(?P<han>(?<![一二三四五六七八九十])[一二三四五六七八九十]+)、"
    r"|[（(](?P<paren>[一二三四五六七八九十]+|\d+)[)）]"
    r"|(?:^|(?<=[\s、）)]))(?P<arabic>\d{1,2})(?:[.．、]|(?=[\s（(]|$))"
)
_LEVEL = re.compile(r"[（(]([省市])贯彻要求[)）]")


def section_number(section: str) -> str:
    """The numbering part of a section heading: "附件 第一部分 二、(三)… 3.烟花爆竹安全（省贯彻要求）" → "附件 第一部分 二（三）3（省）"."""
    outline: list[str] = []
    numbers = ""
    for match in _TOKEN.finditer(section):
        if match["part"]:
            outline.append(match["part"])
        elif match["han"]:
            numbers += match["han"] + "、"
        elif match["paren"]:
            numbers = numbers.rstrip("、.") + f"（{match['paren']}）"
        else:
            numbers += match["arabic"] + "."
    numbers = numbers.rstrip("、.")
    text = " ".join(outline + ([numbers] if numbers else []))
    level = _LEVEL.search(section)
    if level:
        text += f"（{level[1]}）"
    return text or section


@dataclass(frozen=True)
class Quote:
    """One quoted sentence, printed once in the form's appendix under its number."""

    number: int
    source_id: str
    source_short: str
    section: str
    lines: str
    text: str


@dataclass(frozen=True)
class Basis:
    """One document a row rests on: "雷州 雷发〔2018〕5号 二、3", its lines, and the numbers of its quotes."""

    document: str
    sections: list[str]
    lines: list[str]
    quotes: list[int]

    def text(self) -> str:
        return f"{self.document} {'；'.join(self.sections)}"

    def reference(self) -> str:
        """The small print under it: where to check (line numbers) and which appendix quotes."""
        return f"第{'、'.join(self.lines)}行 · 摘录{'、'.join(map(str, self.quotes))}"


OWN_BASIS_MARK = "本单位填写"


@dataclass(frozen=True)
class OwnBasis:
    """The basis an enterprise gives for an item it added itself: printed as written, no quotes."""

    written: str

    def text(self) -> str:
        return self.written

    def reference(self) -> str:
        return OWN_BASIS_MARK


class QuoteBook:
    """Numbers every distinct quote of a form in the order rows first use it."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self.numbers: dict[tuple[str, str, str], int] = {}
        self.quotes: list[Quote] = []

    def number(self, cite: Citation) -> int:
        key = (cite.source_id, str(cite.lines), cite.quote)
        if key not in self.numbers:
            self.numbers[key] = len(self.quotes) + 1
            source = self.sources[cite.source_id]
            self.quotes.append(Quote(self.numbers[key], source.id, source.short, cite.section, str(cite.lines), cite.quote))
        return self.numbers[key]

    def basis(self, cites: list[Citation]) -> list[Basis]:
        """Each document once, in the order first cited; its sections and lines without repeats."""
        grouped: dict[str, list[Citation]] = {}
        for cite in cites:
            if cite.source_id in self.sources:
                grouped.setdefault(cite.source_id, []).append(cite)
        result = []
        for source_id, group in grouped.items():
            result.append(Basis(
                document=self.sources[source_id].citation_label,
                sections=_unique(section_number(c.section) for c in group),
                lines=_unique(str(c.lines) for c in group),
                quotes=_unique(self.number(c) for c in group),
            ))
        return result


def _unique(values) -> list:
    return list(dict.fromkeys(values))
