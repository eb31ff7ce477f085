"""Where every page and download lives and what it is called.

The one owner of page paths, page titles, navigation and download file names: the
renderer, the templates (through `PageLinks`) and the checklist exporters ask here,
so no template builds a link by hand and no two producers disagree about a path.
Paths are relative to the docs folder, as MkDocs wants them.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.checklists.model import Checklist
from generator.content.model import Content, LineRange, Requirement, Sector, Source, Topic, TownshipSystem
from generator.content.schema import SECTOR_GROUPS

HOME = "index.md"
SECTOR_INDEX = "sectors/index.md"
SOURCE_INDEX = "sources/index.md"
GLOSSARY = "glossary.md"
TOWNSHIP_INDEX = "township/index.md"
INDICATORS = "indicators.md"
TASKS = "tasks.md"
RISK = "risk.md"
CHECKLIST_INDEX = "checklists/index.md"
CHECKLIST_FILES = "checklists/files"
CHECKLIST_FORMATS = ("pdf", "xlsx", "csv")
# The form on each checklist page, staged as an HTML fragment beside the Markdown (not published): MkDocs'
# hook puts it into the page after Markdown, which then never parses the form's large HTML block.
FORM_FRAGMENTS = "checklists/_forms"
# 在线自查: the app's page, and each checklist's data for it (a script, and the same data as JSON).
INSPECT = "inspect.md"
CHECKLIST_DATA = "checklists/data"
CHECKLIST_DATA_INDEX = f"{CHECKLIST_DATA}/index.js"
CHECKLIST_CATALOG = f"{CHECKLIST_DATA}/catalog.js"  # what 在线组表 composes from


# A sector page holds at most this many requirements; a larger sector's page becomes an overview and its
# requirements go to pages of their own, cut at topic boundaries (a larger topic is cut into parts). One
# requirement is about 2.2 KB of HTML and the navigation and page frame about 40 KB: 24 keep a page under
# 100 KB (综合监管's 175 items made one page of 500 KB; tests/test_sector_pages.py checks the sizes).
PAGE_REQUIREMENTS = 24


def sector_page(sector_id: str) -> str:
    return f"sectors/{sector_id}/index.md"


def sector_part_page(sector_id: str, slug: str) -> str:
    return f"sectors/{sector_id}/{slug}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def checklist_page(checklist_id: str) -> str:
    return f"checklists/{checklist_id}.md"


def checklist_file(checklist_id: str, fmt: str) -> str:
    """A checklist download (pdf, xlsx or csv); its file name is also the name the user saves."""
    return f"{CHECKLIST_FILES}/{checklist_id}.{fmt}"


def checklist_form_fragment(checklist_id: str) -> str:
    return f"{FORM_FRAGMENTS}/{checklist_id}.html"


def checklist_data(checklist_id: str, ext: str) -> str:
    """The browser's data for a checklist: "js" (loaded by the app, also from disk) or "json"."""
    return f"{CHECKLIST_DATA}/{checklist_id}.{ext}"


def township_page(system: TownshipSystem) -> str:
    return f"township/{system.slug}.md"


@dataclass(frozen=True)
class TopicSection:
    """A topic's requirements on one page of a split sector (piece k of n when the topic itself is cut)."""
    topic: Topic
    requirements: list[Requirement]
    piece: int = 1
    pieces: int = 1

    @property
    def label(self) -> str:
        return self.topic.name if self.pieces == 1 else f"{self.topic.name}（{self.piece}/{self.pieces}）"

    @property
    def slug(self) -> str:
        return self.topic.slug if self.piece == 1 else f"{self.topic.slug}-{self.piece}"


@dataclass(frozen=True)
class SectorPart:
    """One page of a split sector's requirements: consecutive topics, at most PAGE_REQUIREMENTS items."""
    sector: Sector
    sections: list[TopicSection]
    number: int  # 1-based
    count: int  # how many parts the sector has

    @property
    def page(self) -> str:
        return sector_part_page(self.sector.id, self.sections[0].slug)

    @property
    def title(self) -> str:
        labels = [s.label for s in self.sections]
        return "、".join(labels) if len(labels) <= 3 else f"{'、'.join(labels[:2])}等 {len(labels)} 个主题"

    @property
    def requirements(self) -> list[Requirement]:
        return [r for s in self.sections for r in s.requirements]


def _topic_sections(sector: Sector, content: Content) -> list[TopicSection]:
    by_name = {t.name: t for t in content.topics}
    sections = []
    for name, reqs in sector.topics_in_order(content.topic_names):
        pieces = -(-len(reqs) // PAGE_REQUIREMENTS)
        size = -(-len(reqs) // pieces)  # equal pieces, not full pages and a remainder
        sections += [TopicSection(by_name[name], reqs[k * size:(k + 1) * size], k + 1, pieces) for k in range(pieces)]
    return sections


def _balanced_cuts(sizes: list[int], pages: int) -> list[int] | None:
    """Where to cut `sizes` (consecutive groups) into `pages` pages so that the largest page is as small as
    possible (the linear partition problem); None when no cut keeps every page within PAGE_REQUIREMENTS."""
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    # best[k][i]: (largest page, cuts) for the first i groups on k pages
    best: list[dict[int, tuple[int, list[int]]]] = [{0: (0, [])}]
    for k in range(1, pages + 1):
        best.append({})
        for i in range(k, len(sizes) + 1):
            options = [(max(best[k - 1][j][0], prefix[i] - prefix[j]), best[k - 1][j][1] + [j])
                       for j in range(k - 1, i) if j in best[k - 1]]
            if options:
                best[k][i] = min(options)
    largest, cuts = best[pages].get(len(sizes), (PAGE_REQUIREMENTS + 1, []))
    return cuts[1:] + [len(sizes)] if largest <= PAGE_REQUIREMENTS else None


def sector_parts(sector: Sector, content: Content) -> list[SectorPart]:
    """The pages of a sector too large for one page (none for the others), in topic order: as few pages as
    PAGE_REQUIREMENTS allows, as even as topic boundaries allow, so that no page is left with a stub."""
    if len(sector.requirements) <= PAGE_REQUIREMENTS:
        return []
    sections = _topic_sections(sector, content)
    sizes = [len(s.requirements) for s in sections]
    pages = -(-sum(sizes) // PAGE_REQUIREMENTS)
    while (ends := _balanced_cuts(sizes, pages)) is None:
        pages += 1  # topic boundaries leave no even cut: one page more
    starts = [0] + ends[:-1]
    return [SectorPart(sector, sections[a:b], i, len(ends)) for i, (a, b) in enumerate(zip(starts, ends), 1)]


@dataclass(frozen=True)
class PageEntry:
    path: str
    title: str
    template: str
    subject: Any = None  # the model object the page is about (a sector, a checklist …), if any


class SiteMap:
    def __init__(self, content: Content, checklists: list[Checklist]) -> None:
        self.content = content
        self.checklists = checklists
        self._parts = {s.id: sector_parts(s, content) for s in content.sectors}

    def parts_of(self, sector: Sector) -> list[SectorPart]:
        """The pages a split sector's requirements are on (sector_parts), none for the others."""
        return self._parts[sector.id]

    def pages(self) -> list[PageEntry]:
        content = self.content
        pages = [
            PageEntry(HOME, "首页", "home.md.j2"),
            PageEntry(SECTOR_INDEX, "行业领域", "sector_index.md.j2"),
            PageEntry(SOURCE_INDEX, "来源文件", "source_index.md.j2"),
            PageEntry(GLOSSARY, "术语表", "glossary.md.j2"),
            PageEntry(TOWNSHIP_INDEX, "乡镇安全生产 11 项基本制度", "township.md.j2"),
            PageEntry(INDICATORS, "安全生产指标", "indicators.md.j2"),
            PageEntry(TASKS, "任务分工", "tasks.md.j2"),
            PageEntry(RISK, content.risk.title, "risk.md.j2"),
            PageEntry(CHECKLIST_INDEX, "自查表", "checklist_index.md.j2"),
            PageEntry(INSPECT, "在线自查", "inspect.md.j2"),
        ]
        pages += [PageEntry(checklist_page(c.id), c.title, "checklist.md.j2", c) for c in self.checklists]
        pages += [PageEntry(township_page(s), s.name, "township_system.md.j2", s) for s in content.township.systems]
        pages += [PageEntry(sector_page(s.id), s.name, "sector.md.j2", s) for s in content.sectors]
        pages += [PageEntry(p.page, f"{s.name}：{p.title}", "sector_part.md.j2", p)
                  for s in content.sectors for p in self.parts_of(s)]
        pages += [PageEntry(source_page(s.id), s.short, "source.md.j2", s) for s in content.sources.values()]
        return pages

    def requirement_pages(self) -> dict[str, str]:
        """Which page shows each requirement: its sector's page, or one of the parts of a split sector."""
        pages = {r.id: sector_page(s.id) for s in self.content.sectors for r in s.requirements}
        for sector in self.content.sectors:
            for part in self.parts_of(sector):
                pages.update({r.id: part.page for r in part.requirements})
        return pages

    def _sector_nav(self, sector: Sector) -> dict[str, Any]:
        """A sector's navigation entry; a split sector's is a section: the overview, then its parts."""
        parts = self.parts_of(sector)
        if not parts:
            return {nav_title(sector.name): sector_page(sector.id)}
        return {nav_title(sector.name): [sector_page(sector.id)] + [{nav_title(p.title): p.page} for p in parts]}

    def navigation(self) -> list[Any]:
        """The site navigation, grouped by section (mkdocs `nav` format); every title from content
        goes through nav_title, because MkDocs and the theme treat nav titles as HTML."""
        content = self.content
        sectors = content.sectors
        return [
            {"首页": HOME},
            {"行业领域": [SECTOR_INDEX] + [self._sector_nav(s) for s in sectors if s.group == SECTOR_GROUPS[0]]},
            {"综合与通用": [self._sector_nav(s) for s in sectors if s.group != SECTOR_GROUPS[0]]
             + [{"安全生产指标": INDICATORS}, {"任务分工": TASKS}, {nav_title(content.risk.title): RISK}]},
            {"自查表": [CHECKLIST_INDEX, {"在线自查": INSPECT}]
             + [{nav_title(c.title): checklist_page(c.id)} for c in self.checklists]},
            {"乡镇安监": [TOWNSHIP_INDEX] + [{nav_title(s.name): township_page(s)} for s in content.township.systems]},
            {"术语表": GLOSSARY},
            {"来源文件": [SOURCE_INDEX] + [{nav_title(s.short): source_page(s.id)} for s in content.sources.values()]},
        ]


def nav_title(value: Any) -> str:
    """A navigation title: escaped HTML once, as a plain str (the nav is written to build/mkdocs.yml as YAML)."""
    return str(escape(value))


def safe_target(target: str) -> Markup:
    """A link target built from validated ids only (letters, digits, '-', '_', '/', '.', '#', '?', '=')."""
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_/.#?=") for ch in target):
        raise ValueError(f"unsafe link target: {target!r}")
    return Markup(target)


class PageLinks:
    """Links from one page to the others, relative to it, so the site works under any sub-path."""

    def __init__(self, current: str, requirement_pages: dict[str, str] | None = None) -> None:
        self.current = current
        self.requirement_pages = requirement_pages or {}  # from SiteMap.requirement_pages

    def to(self, path: str, anchor: str = "") -> Markup:
        relative = posixpath.relpath(path, posixpath.dirname(self.current) or ".")
        return safe_target(relative + (f"#{anchor}" if anchor else ""))

    def home(self) -> Markup:
        return self.to(HOME)

    def sector_index(self) -> Markup:
        return self.to(SECTOR_INDEX)

    def source_index(self) -> Markup:
        return self.to(SOURCE_INDEX)

    def glossary(self, anchor: str = "") -> Markup:
        return self.to(GLOSSARY, anchor)

    def township_index(self) -> Markup:
        return self.to(TOWNSHIP_INDEX)

    def indicators(self, indicator_id: str = "") -> Markup:
        return self.to(INDICATORS, indicator_id)

    def tasks(self, task_id: str = "") -> Markup:
        return self.to(TASKS, task_id)

    def risk(self) -> Markup:
        return self.to(RISK)

    def checklist_index(self) -> Markup:
        return self.to(CHECKLIST_INDEX)

    def sector(self, sector: Sector | str) -> Markup:
        return self.to(sector_page(sector if isinstance(sector, str) else sector.id))

    def requirement(self, requirement: Requirement) -> Markup:
        page = self.requirement_pages.get(requirement.id, sector_page(requirement.sector_id))
        return self.to(page, requirement.id)

    def sector_part(self, part: SectorPart, anchor: str = "") -> Markup:
        return self.to(part.page, anchor)

    def source(self, source: Source | str, lines: LineRange | None = None) -> Markup:
        source_id = source if isinstance(source, str) else source.id
        return self.to(source_page(source_id), lines.anchor if lines else "")

    def checklist(self, checklist: Checklist) -> Markup:
        return self.to(checklist_page(checklist.id))

    def checklist_file(self, checklist: Checklist, fmt: str) -> Markup:
        return self.to(checklist_file(checklist.id, fmt))

    def inspect(self, checklist: Checklist | None = None) -> Markup:
        """The 在线自查 page; with a checklist, the address that starts an inspection with it (a query,
        not an #anchor: MkDocs checks that every linked anchor exists on the page)."""
        page = self.to(INSPECT)
        return safe_target(f"{page}?new={checklist.id}") if checklist else page

    def checklist_data(self, checklist: Checklist, ext: str) -> Markup:
        return self.to(checklist_data(checklist.id, ext))

    def township_system(self, system: TownshipSystem) -> Markup:
        return self.to(township_page(system))
