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
from generator.content.model import Content, LineRange, Requirement, Sector, Source, TownshipSystem
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


def sector_page(sector_id: str) -> str:
    return f"sectors/{sector_id}.md"


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
class PageEntry:
    path: str
    title: str
    template: str
    subject: Any = None  # the model object the page is about (a sector, a checklist …), if any


class SiteMap:
    def __init__(self, content: Content, checklists: list[Checklist]) -> None:
        self.content = content
        self.checklists = checklists

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
        pages += [PageEntry(source_page(s.id), s.short, "source.md.j2", s) for s in content.sources.values()]
        return pages

    def navigation(self) -> list[Any]:
        """The site navigation, grouped by section (mkdocs `nav` format); every title from content
        goes through nav_title, because MkDocs and the theme treat nav titles as HTML."""
        content = self.content
        sectors = content.sectors
        return [
            {"首页": HOME},
            {"行业领域": [SECTOR_INDEX] + [{nav_title(s.name): sector_page(s.id)} for s in sectors
                                          if s.group == SECTOR_GROUPS[0]]},
            {"综合与通用": [{nav_title(s.name): sector_page(s.id)} for s in sectors if s.group != SECTOR_GROUPS[0]]
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

    def __init__(self, current: str) -> None:
        self.current = current

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
        return self.to(sector_page(requirement.sector_id), requirement.id)

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
