"""Render the typed model to Markdown pages with the jinja2 templates in site_templates/."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.builddate import build_date
from generator.checklists.form import build_form
from generator.checklists.catalog import catalog_script
from generator.checklists.form_data import data_json, data_script, index_script
from generator.checklists.form_html import render_form_html
from generator.checklists.model import ASSESSMENT, SELF_INSPECTION, Checklist
from generator.content.model import Citation, Content, Requirement, Sector, Source, TownshipSystem
from generator.content.schema import ACTORS
from generator.content.text import short_title
from generator.site.escaping import attribute_text, finalize, html_text
from generator.site.glossary_index import glossary_context
from generator.site.glossary_links import TermLinker, term_anchor
from generator.site.source_status import (citation_chips, is_local, place_label, registry_summary,
                                          source_status)
from generator.site.synonyms import SynonymFinder
from generator.site.text import number_words
from generator.sitemap import (CHECKLIST_CATALOG, CHECKLIST_DATA_INDEX, PageEntry, PageLinks, SectorPart, SiteMap,
                               checklist_data, checklist_form_fragment, safe_target)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. "sectors/feimei/index.md"
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
    env.filters["digest"] = lambda text: hashlib.sha256(str(text).encode("utf-8")).hexdigest()[:12]
    env.filters["attr"] = attribute_text  # attributes of inline HTML in Markdown paragraphs
    env.globals.update(actor_label=ACTORS, short_title=short_title,
                       link=safe_target,  # anchors and ids (`{#id}`, `id="…"`) from validated values only
                       distinct=distinct_citations)
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


def render_pages(content: Content, templates: Path, checklists: list[Checklist],
                 today: date | None = None) -> list[Page]:
    """Every page; whether a source's planning period has ended is judged at `today` (the build date).

    Checklist pages embed the form as the print templates (templates/../print) lay it out for the PDF.
    """
    print_templates = templates.parent / "print"
    env = make_environment(templates)
    linker = TermLinker(content.glossary)
    synonyms = SynonymFinder(content)
    today = today or build_date()
    env.globals.update(term_anchor=term_anchor, also_called=synonyms.others, today=today,
                       cited_source_ids=cited_source_ids,
                       source_status=source_status, citation_chips=citation_chips,
                       is_local=is_local, place_label=place_label)
    site = SiteMap(content, checklists)
    common: dict[str, Any] = {"content": content, "sources": content.sources, "checklists": checklists,
                              "registry": registry_summary(content, today),
                              "township_form": next((c for c in checklists if c.kind == ASSESSMENT), None)}
    anchors = cited_ranges(content)
    requirement_pages = site.requirement_pages()
    pages = []
    for entry in site.pages():
        links = PageLinks(entry.path, requirement_pages)
        context = _page_context(entry, site, checklists, anchors, print_templates)
        text = env.get_template(entry.template).render(
            **common, **context, title=entry.title, to=links,
            glossed=lambda text, links=links: linker.link(text, links.glossary()))
        pages.append(Page(entry.path, entry.title, text))
        if "form_fragment" in context:
            pages.append(Page(context["form_fragment"], "", context["form_html"]))
        pages += context.get("data_files", [])
    inspectable = [c for c in checklists if c.kind == SELF_INSPECTION]
    pages.append(Page(CHECKLIST_DATA_INDEX, "", index_script(inspectable)))
    pages.append(Page(CHECKLIST_CATALOG, "", catalog_script(content, checklists, today)))
    return pages


def _page_context(entry: PageEntry, site: SiteMap, checklists: list[Checklist],
                  anchors: dict[str, dict[int, list[str]]], print_templates: Path) -> dict[str, Any]:
    """What each kind of page needs beyond the shared context."""
    content = site.content
    subject = entry.subject
    if isinstance(subject, Checklist):
        form = build_form(subject)
        # 在线自查 takes self-inspection forms; the township assessment is scored on paper or in the XLSX.
        data_files = [Page(checklist_data(subject.id, "js"), "", data_script(form)),
                      Page(checklist_data(subject.id, "json"), "", data_json(form))
                      ] if subject.kind == SELF_INSPECTION else []
        return {"checklist": subject, "form_html": render_form_html(form, print_templates),
                "form_fragment": checklist_form_fragment(subject.id), "data_files": data_files}
    if isinstance(subject, TownshipSystem):
        return {"system": subject, "index": number_words(content.township.systems.index(subject) + 1)}
    if isinstance(subject, Sector):
        groups = subject.topics_in_order(content.topic_names)
        return {"sector": subject, "groups": groups, "parts": site.parts_of(subject),
                "topic_descriptions": {t.name: t.description for t in content.topics},
                "matrix": topic_source_matrix(groups), "matrix_sources": list(content.sources),
                "indicators": [i for i in content.indicators if subject.id in i.sectors],
                "tasks": [t for t in content.tasks.tasks if subject.id in t.sectors],
                "sector_checklists": [c for c in checklists if subject.id in c.sectors]}
    if isinstance(subject, SectorPart):
        siblings = site.parts_of(subject.sector)
        at = subject.number - 1
        return {"part": subject, "previous": siblings[at - 1] if at > 0 else None,
                "next": siblings[at + 1] if at + 1 < len(siblings) else None}
    if entry.template == "glossary.md.j2":
        return glossary_context(content)
    if isinstance(subject, Source):
        return {"source": subject, "range_anchors": anchors.get(subject.id, {}),
                "cited_by": requirements_citing(content, subject)}
    return {}


def cited_source_ids(requirements: list[Requirement]) -> list[str]:
    """The documents a list of requirements cites, by id."""
    return sorted({c.source_id for r in requirements for c in r.cites})


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
