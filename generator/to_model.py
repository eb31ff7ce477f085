"""Turn validated YAML documents into the typed model."""
from __future__ import annotations

from typing import Any

from .content_files import ContentFile
from .model import (Check, Citation, Content, Focus, GlossaryTerm, LineRange, Redaction,
                    Requirement, Sector, Source, Topic, Township, TownshipSystem)
from .validate import parse_lines
from .yaml_loader import plain, position_of


def _texts(values: Any) -> list[str]:
    return [str(v) for v in values or []]


def _lines(value: Any) -> LineRange:
    return LineRange(*parse_lines(value))


def _citations(values: Any, file: ContentFile) -> list[Citation]:
    return [Citation(str(c["source"]), str(c["section"]), _lines(c["lines"]), str(c["quote"]),
                     position_of(c, file.start)) for c in values]


def _check(data: Any) -> Check | None:
    if data is None:
        return None
    return Check(str(data["question"]), _texts(data["methods"]), _texts(data["records"]),
                 bool(plain(data.get("derived", False))))


def _sector(file: ContentFile) -> Sector:
    data = file.data
    requirements = [
        Requirement(
            id=str(r["id"]), text=str(r["text"]), actor=str(r["actor"]), topics=_texts(r["topics"]),
            scope=_texts(r.get("scope")), note=str(r.get("note", "")),
            cites=_citations(r["cites"], file), check=_check(r.get("check")), sector_id=str(data["id"]),
        )
        for r in data["requirements"]
    ]
    focus = [Focus(str(f.get("scope", "")), str(f["kind"]), _texts(f["items"]), _citations(f["cites"], file))
             for f in data.get("focus", [])]
    return Sector(id=str(data["id"]), name=str(data["name"]), prefix=str(data["prefix"]),
                  aliases=_texts(data.get("aliases")), summary=str(data["summary"]),
                  scopes=_texts(data.get("scopes")), focus=focus, requirements=requirements)


def _sources(file: ContentFile, source_lines: dict[str, list[str]]) -> dict[str, Source]:
    sources = {}
    for s in file.data["sources"]:
        sid = str(s["id"])
        sources[sid] = Source(
            id=sid, file=str(s["file"]), title=str(s["title"]), short=str(s["short"]),
            issuer=str(s["issuer"]), doc_number=str(s["doc_number"]), date=str(s["date"]),
            type=str(s["type"]), status=str(s["status"]), jurisdiction=str(s["jurisdiction"]),
            level=str(s["level"]), period=str(s["period"]), notes=_texts(s.get("notes")),
            redactions=[Redaction(_lines(r["lines"]), str(r["what"])) for r in s.get("redactions", [])],
            lines=source_lines[sid],
        )
    return sources


def build_model(files: list[ContentFile], source_lines: dict[str, list[str]]) -> Content:
    by_kind: dict[str, list[ContentFile]] = {}
    for file in files:
        by_kind.setdefault(file.kind, []).append(file)
    sources_file = by_kind["sources"][0]
    township_file = by_kind["township"][0]
    township = Township(
        intro=str(township_file.data["intro"]),
        cites=_citations(township_file.data["cites"], township_file),
        systems=[TownshipSystem(str(s["id"]), str(s["name"]), _citations(s["cites"], township_file))
                 for s in township_file.data["systems"]],
    )
    glossary_file = by_kind["glossary"][0]
    glossary = [GlossaryTerm(str(t["term"]), _texts(t.get("aliases")), str(t.get("meaning", "")),
                             _citations(t["cites"], glossary_file)) for t in glossary_file.data["terms"]]
    topics = [Topic(str(t["name"]), str(t["description"])) for t in by_kind["topics"][0].data["topics"]]
    sectors = sorted((_sector(f) for f in by_kind.get("sector", [])), key=lambda s: s.id)
    return Content(
        sources=_sources(sources_file, source_lines),
        reform_note=str(sources_file.data["reform_note"]),
        topics=topics, sectors=sectors, glossary=glossary, township=township,
    )
