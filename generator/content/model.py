"""The typed content model every renderer works from."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from generator.content.problems import Position

# Records built without a file position (tests, derived objects) stand nowhere.
NOWHERE = Position("", 0, 0)


@dataclass(frozen=True)
class LineRange:
    first: int
    last: int

    @classmethod
    def parse(cls, value: object) -> "LineRange":
        """`226` or `"79-80"` (already schema-checked) as a range."""
        first, _, last = str(value).partition("-")
        return cls(int(first), int(last or first))

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def anchor(self) -> str:
        return f"L{self.first}" if self.first == self.last else f"L{self.first}-L{self.last}"


@dataclass(frozen=True)
class Citation:
    source_id: str
    section: str
    lines: LineRange
    quote: str
    pos: Position
    lines_pos: Position = NOWHERE


@dataclass(frozen=True)
class Redaction:
    lines: LineRange
    what: str
    pos: Position = NOWHERE


@dataclass(frozen=True)
class AllowedData:
    """Text the personal-data scan would flag that the registry publishes on purpose (a public hotline)."""
    lines: LineRange
    text: str
    reason: str
    pos: Position = NOWHERE


@dataclass(frozen=True)
class Uncited:
    """A range the registry marks as carrying no requirement, with the reason."""

    lines: LineRange
    reason: str
    pos: Position = NOWHERE


@dataclass
class Source:
    id: str
    file: str
    title: str
    short: str
    issuer: str
    doc_number: str
    date: str
    type: str
    status: str
    province: str
    city: str
    district: str
    level: str
    period: str
    period_end: int  # last year of the planning period
    notes: list[str]
    redactions: list[Redaction]
    no_requirements: list[Uncited]
    lines: list[str] = field(repr=False)
    allowed_personal_data: list[AllowedData] = field(default_factory=list)
    text_display: str = ""  # the .txt as named in messages: content/sources/luan.txt
    pos: Position = NOWHERE
    key_pos: dict[str, Position] = field(default_factory=dict, repr=False)

    @property
    def is_draft(self) -> bool:
        return self.status == "征求意见稿"

    @property
    def jurisdiction(self) -> str:
        """Where the document applies, in full: 广东省汕尾市, 广东省广州市荔湾区."""
        return self.province + self.city + self.district

    @property
    def place(self) -> str:
        """The place as people name the document: 汕尾, 荔湾."""
        name = self.district or self.city
        return name[:-1] if len(name) > 2 and name[-1] in "市区县" else name

    @property
    def places(self) -> set[str]:
        """Every name a checklist may select this document by (province, city, district)."""
        return {p for p in (self.province, self.city, self.district, self.jurisdiction) if p}

    def period_ended(self, today: date) -> bool:
        return today.year > self.period_end

    @property
    def citation_label(self) -> str:
        """Short name and document number as a person cites it: 雷州 雷发〔2018〕5号; 六安 2017 年（征求意见稿）."""
        number = self.doc_number if self.doc_number not in ("", "无") else (
            f"{self.date[:4]} 年" if self.date[:4].isdigit() else self.short)
        label = f"{self.place} {number}" if not number.startswith(self.place) else number
        return label + ("（征求意见稿）" if self.is_draft else "")


@dataclass
class Check:
    question: str
    methods: list[str]
    records: list[str]
    derived: bool
    key_pos: dict[str, Position] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Requirement:
    id: str
    title: str  # written where the text is long; see heading
    text: str
    actor: str
    topics: list[str]
    scope: list[str]
    note: str
    cites: list[Citation]
    check: Check | None
    sector_id: str
    pos: Position = NOWHERE
    key_pos: dict[str, Position] = field(default_factory=dict, repr=False, compare=False)

    def key_position(self, key: str) -> Position:
        return self.key_pos.get(key, self.pos)

    @property
    def heading(self) -> str:
        """The requirement's name in full: its title, or its text when that is short enough to be one."""
        return self.title or self.text.rstrip("。")


@dataclass
class Focus:
    scope: str
    kind: str
    items: list[str]
    cites: list[Citation]
    pos: Position = NOWHERE


@dataclass
class Sector:
    id: str
    group: str
    name: str
    prefix: str
    aliases: list[str]
    summary: str
    scopes: list[str]
    focus: list[Focus]
    requirements: list[Requirement]
    pos: Position = NOWHERE
    file: Path | None = None  # the sector file, whose name must match the id

    def topics_in_order(self, topic_order: list[str]) -> list[tuple[str, list[Requirement]]]:
        """Requirements grouped by their first topic, in the vocabulary's order."""
        groups: dict[str, list[Requirement]] = {}
        for req in self.requirements:
            groups.setdefault(req.topics[0], []).append(req)
        return [(topic, groups[topic]) for topic in topic_order if topic in groups]


@dataclass
class Topic:
    name: str
    slug: str  # the topic's page address in sectors split by topic (sectors/zonghe/yinhuan/)
    description: str
    pos: Position = NOWHERE


@dataclass
class TownshipCheck:
    question: str
    methods: list[str]
    records: list[str]
    cites: list[Citation] = field(default_factory=list)  # the statement lines this check derives from
    pos: Position = NOWHERE


@dataclass
class Statement:
    """A cited point from the documents (township systems, grassroots structures, risk)."""

    name: str
    text: str
    cites: list[Citation]
    pos: Position = NOWHERE
    checks: list[TownshipCheck] = field(default_factory=list)  # 四大规范 rows of the township assessment


@dataclass
class Meaning:
    text: str
    cites: list[Citation]


@dataclass
class GlossaryTerm:
    term: str
    group: str  # one of schema.GLOSSARY_GROUPS
    aliases: list[str]
    meanings: list[Meaning]
    cites: list[Citation]
    pos: Position = NOWHERE


@dataclass
class TownshipSystem:
    id: str
    name: str
    purpose: str
    covers: list[str]
    statements: list[Statement]
    records: list[str]
    checks: list[TownshipCheck]
    cites: list[Citation]
    undescribed: list[str] = field(default_factory=list)  # what the documents do not say about this system
    pos: Position = NOWHERE

    @property
    def slug(self) -> str:
        return self.id.lower()


@dataclass
class Section:
    id: str
    title: str
    intro: str
    cites: list[Citation]
    items: list[Statement]
    pos: Position = NOWHERE


@dataclass
class ArchiveCategory:
    name: str
    cites: list[Citation]
    pos: Position = NOWHERE


@dataclass
class Archives:
    intro: str
    cites: list[Citation]
    categories: list[ArchiveCategory]


@dataclass
class Township:
    intro: str
    cites: list[Citation]
    systems: list[TownshipSystem]
    archives: Archives | None
    sections: list[Section]


@dataclass
class IndicatorValue:
    jurisdiction: str
    kind: str
    year: str
    value: str
    cites: list[Citation]


@dataclass
class Indicator:
    id: str
    name: str
    unit: str
    sectors: list[str]
    values: list[IndicatorValue]
    pos: Position = NOWHERE


@dataclass
class Task:
    id: str
    part: str
    number: str
    national: str
    provincial: str
    municipal: str
    lead: list[str]
    participants: list[str]
    deadline: str
    chapter: str
    sectors: list[str]
    cites: list[Citation]
    pos: Position = NOWHERE


@dataclass
class TaskTable:
    intro: str
    cites: list[Citation]
    tasks: list[Task]


@dataclass
class RiskPage:
    title: str
    intro: str
    cites: list[Citation]
    sections: list[Section]


def citations_in(value: Any) -> Iterator[Citation]:
    """Every citation anywhere inside a model object."""
    if isinstance(value, Citation):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from citations_in(item)
    elif is_dataclass(value) and not isinstance(value, (Source, LineRange)):
        for f in fields(value):
            yield from citations_in(getattr(value, f.name))


@dataclass
class Content:
    sources: dict[str, Source]
    reform_note: str
    topics: list[Topic]
    sectors: list[Sector]
    glossary: list[GlossaryTerm]
    township: Township
    indicators: list[Indicator]
    indicators_intro: str
    tasks: TaskTable
    risk: RiskPage
    synonym_groups: list[list[str]]
    duplicate_sources: list[Source] = field(default_factory=list)  # registry entries repeating an id

    @property
    def topic_names(self) -> list[str]:
        return [t.name for t in self.topics]

    def all_citations(self) -> list[Citation]:
        return list(citations_in([self.sectors, self.glossary, self.township, self.indicators,
                                  self.tasks, self.risk]))

    def sector(self, sector_id: str) -> Sector:
        return next(s for s in self.sectors if s.id == sector_id)
