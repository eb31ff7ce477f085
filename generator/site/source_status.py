"""How current each source document is, judged against the build date: status chips and the home
page's summary of the registry. Labels are plain text; templates escape them like any other value."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from generator.content.model import Citation, Content, Source

# CSS classes (constants, never content): see site_templates/assets/site.css.
PLACE = "aq-chip-place"
ISSUED = "aq-chip-issued"
DRAFT = "aq-chip-draft"
ENDED = "aq-chip-ended"
CURRENT = "aq-chip-current"

NATIONAL = "国家"


class Chip(NamedTuple):
    label: str
    css_class: str
    title: str = ""  # tooltip, for the compact chips on requirements


def is_local(source: Source) -> bool:
    return source.level != NATIONAL


def place_label(source: Source) -> str:
    return source.jurisdiction if is_local(source) else "全国"


def period_label(source: Source, today: date) -> str:
    """规划期至 2020 年，已结束 / 规划期至 2030 年，未结束."""
    state = "已结束" if source.period_ended(today) else "未结束"
    return f"规划期至 {source.period_end} 年，{state}"


def source_status(source: Source, today: date) -> list[Chip]:
    """Where the document applies, whether it was issued, and whether its planning period is over."""
    return [
        Chip(place_label(source), PLACE),
        Chip(source.status, DRAFT if source.is_draft else ISSUED),
        Chip(period_label(source, today), ENDED if source.period_ended(today) else CURRENT),
    ]


def citation_chip(source: Source, today: date) -> Chip:
    """One compact chip for a cited document: 汕尾 · 正式印发, with the rest in the tooltip."""
    classes = [DRAFT if source.is_draft else ISSUED]
    if source.period_ended(today):
        classes.append(ENDED)
    kind = "地方文件" if is_local(source) else "国家文件"
    title = f"{source.short}：{place_label(source)}的{kind}，{source.status}，{period_label(source, today)}"
    return Chip(f"{source.place or place_label(source)} · {source.status}", " ".join(classes), title)


def cited_sources(cites: list[Citation]) -> list[str]:
    """The distinct source ids of some citations, in the order they are first cited."""
    return list(dict.fromkeys(c.source_id for c in cites))


def citation_chips(cites: list[Citation], sources: dict[str, Source], today: date) -> list[Chip]:
    return [citation_chip(sources[sid], today) for sid in cited_sources(cites) if sid in sources]


@dataclass(frozen=True)
class RegistrySummary:
    """What the home page says about the documents as a whole."""

    count: int
    local: list[Source]
    provinces: list[str]
    ended: list[Source]
    ended_years: list[int]
    drafts: list[Source]
    requirements: int
    single_source: int  # requirements resting on one document only

    @property
    def places(self) -> list[str]:
        return [s.place for s in self.local]

    @property
    def all_local(self) -> bool:
        return len(self.local) == self.count

    @property
    def all_ended(self) -> bool:
        return len(self.ended) == self.count


def registry_summary(content: Content, today: date) -> RegistrySummary:
    sources = list(content.sources.values())
    local = [s for s in sources if is_local(s)]
    ended = [s for s in sources if s.period_ended(today)]
    requirements = [r for sector in content.sectors for r in sector.requirements]
    return RegistrySummary(
        count=len(sources),
        local=local,
        provinces=list(dict.fromkeys(s.province for s in local if s.province)),
        ended=ended,
        ended_years=sorted({s.period_end for s in ended}),
        drafts=[s for s in sources if s.is_draft],
        requirements=len(requirements),
        single_source=sum(1 for r in requirements if len(cited_sources(r.cites)) == 1),
    )
