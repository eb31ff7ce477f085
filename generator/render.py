"""Render the typed model to Markdown pages with the jinja2 templates in site_templates/."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .escaping import finalize, html_text
from .model import Citation, Content, Requirement, Sector, Source
from .schema import ACTORS


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
    env.globals.update(actor_label=ACTORS, short_title=short_title, link=link)
    return env


def short_title(text: str, limit: int = 26) -> str:
    """The first clause of a requirement, to serve as its heading."""
    for stop in "。；，：":
        head = text.split(stop, 1)[0]
        if len(head) <= limit:
            return head
    return text[:limit] + "…"


def link(target: str) -> Markup:
    """A link target built from validated ids only (letters, digits, '-', '/', '.', '#')."""
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_/.#") for ch in target):
        raise ValueError(f"unsafe link target: {target!r}")
    return Markup(target)


def citation_anchor(cite: Citation) -> str:
    return cite.lines.anchor


def render_pages(content: Content, templates: Path) -> list[Page]:
    env = make_environment(templates)
    sources = content.sources
    common: dict[str, Any] = {"content": content, "sources": sources}

    def page(path: str, title: str, template: str, **context: Any) -> Page:
        text = env.get_template(template).render(**common, title=title, **context)
        return Page(path, title, text)

    pages = [
        page("index.md", "首页", "home.md.j2"),
        page("sectors/index.md", "行业领域", "sector_index.md.j2"),
        page("sources/index.md", "来源文件", "source_index.md.j2"),
        page("glossary.md", "术语表", "glossary.md.j2"),
        page("township/index.md", "乡镇安全生产 11 项基本制度", "township.md.j2"),
    ]
    for sector in content.sectors:
        pages.append(page(f"sectors/{sector.id}.md", sector.name, "sector.md.j2",
                          sector=sector, groups=sector.topics_in_order(content.topic_names),
                          topic_descriptions={t.name: t.description for t in content.topics}))
    anchors = cited_ranges(content)
    for source in sources.values():
        pages.append(page(f"sources/{source.id}.md", source.short, "source.md.j2",
                          source=source, range_anchors=anchors.get(source.id, {}),
                          cited_by=requirements_citing(content, source)))
    return pages


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


def navigation(content: Content) -> list[Any]:
    """The site navigation, grouped by section (mkdocs `nav` format)."""
    return [
        {"首页": "index.md"},
        {"行业领域": ["sectors/index.md"] + [{s.name: f"sectors/{s.id}.md"} for s in content.sectors]},
        {"乡镇安监": ["township/index.md"]},
        {"术语表": "glossary.md"},
        {"来源文件": ["sources/index.md"] + [{s.short: f"sources/{s.id}.md"} for s in content.sources.values()]},
    ]
