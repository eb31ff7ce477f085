"""Render the typed model to Markdown pages with the jinja2 templates in site_templates/."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.checklists.form import COLUMNS, item_cells, row_groups
from generator.checklists.select import Checklist
from generator.content.model import Citation, Content, Requirement, Sector, Source
from generator.content.schema import ACTORS, SECTOR_GROUPS
from generator.site.escaping import finalize, html_text, nav_title
from generator.site.glossary_links import TermLinker, term_anchor
from generator.site.synonyms import SynonymFinder
from generator.site.text import number_words, short_title


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. "sectors/feimei.md"
    title: str
    text: str


def make_environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=False,  # output is Markdown; `finalize` escapes every value instead
        finalize=finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        # "{#id}" is Markdown's heading-id syntax, so jinja comments use "{##" instead.
        comment_start_string="{##",
        comment_end_string="##}",
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["html"] = html_text
    env.globals.update(actor_label=ACTORS, short_title=short_title, link=link, distinct=distinct_citations)
    return env


def distinct_citations(cites: list[Citation]) -> list[Citation]:
    """One link per cited line range, even where several quotes come from the same lines."""
    seen: set[tuple[str, str]] = set()
    result = []
    for cite in cites:
        key = (cite.source_id, str(cite.lines))
        if key not in seen:
            seen.add(key)
            result.append(cite)
    return result


def link(target: str) -> Markup:
    """A link target built from validated ids only (letters, digits, '-', '/', '.', '#')."""
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_/.#") for ch in target):
        raise ValueError(f"unsafe link target: {target!r}")
    return Markup(target)


def render_pages(content: Content, templates: Path, checklists: list[Checklist]) -> list[Page]:
    env = make_environment(templates)
    linker = TermLinker(content.glossary)
    synonyms = SynonymFinder(content)
    env.globals.update(term_anchor=term_anchor, also_called=synonyms.others,
                       glossed=lambda text, prefix="../": linker.link(text, link(prefix + "glossary.md")))
    sources = content.sources
    common: dict[str, Any] = {"content": content, "sources": sources, "checklists": checklists}

    def page(path: str, title: str, template: str, **context: Any) -> Page:
        text = env.get_template(template).render(**common, title=title, **context)
        return Page(path, title, text)

    pages = [
        page("index.md", "首页", "home.md.j2"),
        page("sectors/index.md", "行业领域", "sector_index.md.j2"),
        page("sources/index.md", "来源文件", "source_index.md.j2"),
        page("glossary.md", "术语表", "glossary.md.j2"),
        page("township/index.md", "乡镇安全生产 11 项基本制度", "township.md.j2"),
        page("indicators.md", "安全生产指标", "indicators.md.j2"),
        page("tasks.md", "任务分工", "tasks.md.j2"),
        page("risk.md", content.risk.title, "risk.md.j2"),
        page("checklists/index.md", "自查表", "checklist_index.md.j2"),
    ]
    for checklist in checklists:
        pages.append(page(f"checklists/{checklist.id}.md", checklist.title, "checklist.md.j2",
                          checklist=checklist, columns=COLUMNS, total_width=sum(w for _, w in COLUMNS),
                          item_cells=item_cells, row_groups=row_groups))
    for number, system in enumerate(content.township.systems, 1):
        pages.append(page(f"township/{system.slug}.md", system.name, "township_system.md.j2",
                          system=system, index=number_words(number)))
    for sector in content.sectors:
        groups = sector.topics_in_order(content.topic_names)
        pages.append(page(f"sectors/{sector.id}.md", sector.name, "sector.md.j2",
                          sector=sector, groups=groups,
                          topic_descriptions={t.name: t.description for t in content.topics},
                          matrix=topic_source_matrix(groups), matrix_sources=list(sources),
                          indicators=[i for i in content.indicators if sector.id in i.sectors],
                          tasks=[t for t in content.tasks.tasks if sector.id in t.sectors],
                          sector_checklists=[c for c in checklists if sector.id in c.sectors]))
    anchors = cited_ranges(content)
    for source in sources.values():
        pages.append(page(f"sources/{source.id}.md", source.short, "source.md.j2",
                          source=source, range_anchors=anchors.get(source.id, {}),
                          cited_by=requirements_citing(content, source)))
    return pages


def topic_source_matrix(groups: list[tuple[str, list[Requirement]]]) -> list[tuple[str, dict[str, int]]]:
    """Per topic group: how many requirements cite each source."""
    matrix = []
    for topic, requirements in groups:
        counts: dict[str, int] = {}
        for req in requirements:
            for source_id in {c.source_id for c in req.cites}:
                counts[source_id] = counts.get(source_id, 0) + 1
        matrix.append((topic, counts))
    return matrix


def cited_ranges(content: Content) -> dict[str, dict[int, list[str]]]:
    """For each source: the multi-line citation anchors that start at each line."""
    result: dict[str, dict[int, list[str]]] = {}
    for cite in content.all_citations():
        if cite.lines.first != cite.lines.last:
            starts = result.setdefault(cite.source_id, {}).setdefault(cite.lines.first, [])
            if cite.lines.anchor not in starts:
                starts.append(cite.lines.anchor)
    return result


def requirements_citing(content: Content, source: Source) -> list[tuple[Sector, Requirement]]:
    return [(sector, req) for sector in content.sectors for req in sector.requirements
            if any(c.source_id == source.id for c in req.cites)]


def navigation(content: Content, checklists: list[Checklist]) -> list[Any]:
    """The site navigation, grouped by section (mkdocs `nav` format); every title from content goes
    through nav_title, because MkDocs and the theme treat nav titles as HTML."""
    return [
        {"首页": "index.md"},
        {"行业领域": ["sectors/index.md"] + [{nav_title(s.name): f"sectors/{s.id}.md"} for s in content.sectors
                                             if s.group == SECTOR_GROUPS[0]]},
        {"综合与通用": [{nav_title(s.name): f"sectors/{s.id}.md"} for s in content.sectors
                    if s.group != SECTOR_GROUPS[0]]
         + [{"安全生产指标": "indicators.md"}, {"任务分工": "tasks.md"}, {nav_title(content.risk.title): "risk.md"}]},
        {"自查表": ["checklists/index.md"] + [{nav_title(c.title): f"checklists/{c.id}.md"} for c in checklists]},
        {"乡镇安监": ["township/index.md"] + [{nav_title(s.name): f"township/{s.slug}.md"}
                                          for s in content.township.systems]},
        {"术语表": "glossary.md"},
        {"来源文件": ["sources/index.md"] + [{nav_title(s.short): f"sources/{s.id}.md"}
                                          for s in content.sources.values()]},
    ]
