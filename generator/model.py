"""The typed content model every renderer works from."""
from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Position


@dataclass(frozen=True)
class LineRange:
    first: int
    last: int

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


@dataclass(frozen=True)
class Redaction:
    lines: LineRange
    what: str


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
    jurisdiction: str
    level: str
    period: str
    notes: list[str]
    redactions: list[Redaction]
    lines: list[str] = field(repr=False)

    @property
    def is_draft(self) -> bool:
        return self.status == "征求意见稿"


@dataclass
class Check:
    question: str
    methods: list[str]
    records: list[str]
    derived: bool


@dataclass
class Requirement:
    id: str
    text: str
    actor: str
    topics: list[str]
    scope: list[str]
    note: str
    cites: list[Citation]
    check: Check | None
    sector_id: str


@dataclass
class Focus:
    scope: str
    kind: str
    items: list[str]
    cites: list[Citation]


@dataclass
class Sector:
    id: str
    name: str
    prefix: str
    aliases: list[str]
    summary: str
    scopes: list[str]
    focus: list[Focus]
    requirements: list[Requirement]

    def topics_in_order(self, topic_order: list[str]) -> list[tuple[str, list[Requirement]]]:
        """Requirements grouped by their first topic, in the vocabulary's order."""
        groups: dict[str, list[Requirement]] = {}
        for req in self.requirements:
            groups.setdefault(req.topics[0], []).append(req)
        return [(topic, groups[topic]) for topic in topic_order if topic in groups]


@dataclass
class Topic:
    name: str
    description: str


@dataclass
class GlossaryTerm:
    term: str
    aliases: list[str]
    meaning: str
    cites: list[Citation]


@dataclass
class TownshipSystem:
    id: str
    name: str
    cites: list[Citation]


@dataclass
class Township:
    intro: str
    cites: list[Citation]
    systems: list[TownshipSystem]


@dataclass
class Content:
    sources: dict[str, Source]
    reform_note: str
    topics: list[Topic]
    sectors: list[Sector]
    glossary: list[GlossaryTerm]
    township: Township

    @property
    def topic_names(self) -> list[str]:
        return [t.name for t in self.topics]

    def all_citations(self) -> list[Citation]:
        cites: list[Citation] = []
        for sector in self.sectors:
            for req in sector.requirements:
                cites.extend(req.cites)
            for focus in sector.focus:
                cites.extend(focus.cites)
        for term in self.glossary:
            cites.extend(term.cites)
        cites.extend(self.township.cites)
        for system in self.township.systems:
            cites.extend(system.cites)
        return cites
