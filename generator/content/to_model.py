"""Turn validated YAML documents into the typed model."""
from __future__ import annotations

from typing import Any

from generator.content.files import ContentFile
from generator.content.model import (
    ArchiveCategory,
    Archives,
    Check,
    Citation,
    Content,
    Focus,
    GlossaryTerm,
    Indicator,
    IndicatorValue,
    LineRange,
    Meaning,
    Redaction,
    Requirement,
    RiskPage,
    Section,
    Sector,
    Source,
    Statement,
    Task,
    TaskTable,
    Topic,
    Township,
    TownshipCheck,
    TownshipSystem,
    Uncited,
)
from generator.content.schema import SECTOR_GROUPS
from generator.content.validate import parse_lines
from generator.content.yaml_loader import plain, position_of


class _Converter:
    """Converts one file; knows the file so citations keep their position."""

    def __init__(self, file: ContentFile) -> None:
        self.file = file
        self.data = file.data

    def cites(self, values: Any) -> list[Citation]:
        return [Citation(str(c["source"]), str(c["section"]), LineRange(*parse_lines(c["lines"])),
                         str(c["quote"]), position_of(c, self.file.start)) for c in values or []]

    def statements(self, values: Any) -> list[Statement]:
        return [Statement(_str(v, "name"), str(v["text"]), self.cites(v["cites"])) for v in values or []]

    def section(self, data: Any) -> Section:
        return Section(str(data["id"]), str(data["title"]), _str(data, "intro"), self.cites(data.get("cites")),
                       self.statements(data["items"]))


def _str(data: Any, key: str) -> str:
    return str(data.get(key, ""))


def _texts(values: Any) -> list[str]:
    return [str(v) for v in values or []]


def _check(data: Any) -> Check | None:
    if data is None:
        return None
    return Check(str(data["question"]), _texts(data["methods"]), _texts(data["records"]),
                 bool(plain(data.get("derived", False))))


def _sector(file: ContentFile) -> Sector:
    c, data = _Converter(file), file.data
    requirements = [
        Requirement(
            id=str(r["id"]), text=str(r["text"]), actor=str(r["actor"]), topics=_texts(r["topics"]),
            scope=_texts(r.get("scope")), note=_str(r, "note"), cites=c.cites(r["cites"]),
            check=_check(r.get("check")), sector_id=str(data["id"]),
        )
        for r in data["requirements"]
    ]
    focus = [Focus(_str(f, "scope"), str(f["kind"]), _texts(f["items"]), c.cites(f["cites"]))
             for f in data.get("focus", [])]
    return Sector(id=str(data["id"]), group=str(data.get("group", SECTOR_GROUPS[0])), name=str(data["name"]),
                  prefix=str(data["prefix"]), aliases=_texts(data.get("aliases")), summary=str(data["summary"]),
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
            redactions=[Redaction(LineRange(*parse_lines(r["lines"])), str(r["what"]))
                        for r in s.get("redactions", [])],
            no_requirements=[Uncited(LineRange(*parse_lines(r["lines"])), str(r["reason"]))
                             for r in s.get("no_requirements", [])],
            lines=source_lines[sid],
        )
    return sources


def _township(file: ContentFile) -> Township:
    c, data = _Converter(file), file.data
    systems = [
        TownshipSystem(
            id=str(s["id"]), name=str(s["name"]), purpose=_str(s, "purpose"), covers=_texts(s.get("covers")),
            statements=c.statements(s.get("statements")), records=_texts(s.get("records")),
            checks=[TownshipCheck(str(k["question"]), _texts(k["methods"]), _texts(k.get("records")))
                    for k in s.get("checks", [])],
            cites=c.cites(s["cites"]),
        )
        for s in data["systems"]
    ]
    archives = None
    if "archives" in data:
        a = data["archives"]
        archives = Archives(str(a["intro"]), c.cites(a["cites"]),
                            [ArchiveCategory(str(k["name"]), c.cites(k["cites"])) for k in a["categories"]])
    return Township(str(data["intro"]), c.cites(data["cites"]), systems, archives,
                    [c.section(s) for s in data.get("sections", [])])


def _glossary(file: ContentFile) -> list[GlossaryTerm]:
    c = _Converter(file)
    return [GlossaryTerm(str(t["term"]), _texts(t.get("aliases")),
                         [Meaning(str(m["text"]), c.cites(m["cites"])) for m in t.get("meanings", [])],
                         c.cites(t["cites"])) for t in file.data["terms"]]


def _indicators(file: ContentFile) -> list[Indicator]:
    c = _Converter(file)
    return [Indicator(str(i["id"]), str(i["name"]), _str(i, "unit"), _texts(i.get("sectors")),
                      [IndicatorValue(str(v["jurisdiction"]), str(v["kind"]), str(v["year"]), str(v["value"]),
                                      c.cites(v["cites"])) for v in i["values"]])
            for i in file.data["indicators"]]


def _tasks(file: ContentFile) -> TaskTable:
    c, data = _Converter(file), file.data
    tasks = [Task(id=str(t["id"]), part=str(t["part"]), number=str(t["number"]), national=_str(t, "national"),
                  provincial=_str(t, "provincial"), municipal=_str(t, "municipal"), lead=_texts(t["lead"]),
                  participants=_texts(t.get("participants")), deadline=str(t["deadline"]),
                  chapter=_str(t, "chapter"), sectors=_texts(t.get("sectors")), cites=c.cites(t["cites"]))
             for t in data["tasks"]]
    return TaskTable(str(data["intro"]), c.cites(data.get("cites")), tasks)


def _risk(file: ContentFile) -> RiskPage:
    c, data = _Converter(file), file.data
    return RiskPage(str(data["title"]), str(data["intro"]), c.cites(data.get("cites")),
                    [c.section(s) for s in data["sections"]])


def build_model(files: list[ContentFile], source_lines: dict[str, list[str]]) -> Content:
    one = {file.kind: file for file in files if file.kind != "sector"}
    topics = [Topic(str(t["name"]), str(t["description"])) for t in one["topics"].data["topics"]]
    sectors = sorted((_sector(f) for f in files if f.kind == "sector"), key=lambda s: s.id)
    return Content(
        sources=_sources(one["sources"], source_lines),
        reform_note=str(one["sources"].data["reform_note"]),
        topics=topics, sectors=sectors, glossary=_glossary(one["glossary"]),
        township=_township(one["township"]),
        indicators=_indicators(one["indicators"]), indicators_intro=str(one["indicators"].data["intro"]),
        tasks=_tasks(one["tasks"]), risk=_risk(one["risk"]),
        synonym_groups=[_texts(group) for group in one["synonyms"].data["groups"]],
    )
