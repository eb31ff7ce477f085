"""Turn schema-checked YAML documents into the typed model.

Every record keeps its position (and the positions of its keys where a cross-check
needs them), and string values stay the position-carrying strings the loader made,
so the cross-checks in crosscheck.py can point at the exact value. A file that could
not be used at all leaves an empty part in the model; its problems are already reported.
"""
from __future__ import annotations

from typing import Any

from generator.content.files import ContentFile
from generator.content.model import (
    AllowedData,
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
from generator.content.problems import Position
from generator.content.schema import SECTOR_GROUPS
from generator.content.yaml_loader import plain, position_of


class _Converter:
    """Converts one file; knows the file so citations keep their position."""

    def __init__(self, file: ContentFile) -> None:
        self.file = file
        self.data = file.data

    def pos(self, value: Any) -> Position:
        return position_of(value, self.file.start)

    def cites(self, values: Any) -> list[Citation]:
        return [Citation(c["source"], c["section"], LineRange.parse(plain(c["lines"])), c["quote"], self.pos(c),
                         lines_pos=self.pos(c["lines"])) for c in values or []]

    def statements(self, values: Any) -> list[Statement]:
        return [Statement(_str(v, "name"), v["text"], self.cites(v["cites"]), self.pos(v),
                          checks=self.township_checks(v.get("checks"))) for v in values or []]

    def township_checks(self, values: Any) -> list[TownshipCheck]:
        return [TownshipCheck(k["question"], _texts(k["methods"]), _texts(k.get("records")),
                              self.cites(k.get("cites")), self.pos(k)) for k in values or []]

    def section(self, data: Any) -> Section:
        return Section(data["id"], data["title"], _str(data, "intro"), self.cites(data.get("cites")),
                       self.statements(data["items"]), self.pos(data))


def _str(data: Any, key: str) -> str:
    return data.get(key, "")


def _texts(values: Any) -> list[str]:
    return list(values or [])


def _check(data: Any) -> Check | None:
    if data is None:
        return None
    return Check(data["question"], _texts(data["methods"]), _texts(data["records"]),
                 bool(plain(data.get("derived", False))), key_pos=dict(data.key_pos))


def _sector(file: ContentFile) -> Sector:
    c, data = _Converter(file), file.data
    requirements = [
        Requirement(
            id=r["id"], title=_str(r, "title"), text=r["text"], actor=r["actor"], topics=_texts(r["topics"]),
            scope=_texts(r.get("scope")), note=_str(r, "note"), cites=c.cites(r["cites"]),
            check=_check(r.get("check")), sector_id=data["id"], pos=c.pos(r), key_pos=dict(r.key_pos),
        )
        for r in data["requirements"]
    ]
    focus = [Focus(_str(f, "scope"), f["kind"], _texts(f["items"]), c.cites(f["cites"]), c.pos(f))
             for f in data.get("focus", [])]
    return Sector(id=data["id"], group=str(data.get("group", SECTOR_GROUPS[0])), name=data["name"],
                  prefix=data["prefix"], aliases=_texts(data.get("aliases")), summary=data["summary"],
                  scopes=_texts(data.get("scopes")), focus=focus, requirements=requirements, pos=c.pos(data),
                  file=file.path)


def _sources(file: ContentFile, source_lines: dict[str, list[str]]) -> list[Source]:
    c = _Converter(file)
    return [
        Source(
            id=s["id"], file=s["file"], title=s["title"], short=s["short"],
            issuer=s["issuer"], doc_number=s["doc_number"], date=s["date"],
            type=s["type"], status=s["status"], province=s["province"], city=s["city"],
            district=_str(s, "district"), level=s["level"], period=s["period"],
            period_end=int(plain(s["period_end"])), notes=_texts(s.get("notes")),
            redactions=[Redaction(LineRange.parse(plain(r["lines"])), r["what"], c.pos(r["lines"]))
                        for r in s.get("redactions", [])],
            no_requirements=[Uncited(LineRange.parse(plain(r["lines"])), r["reason"], c.pos(r["lines"]))
                             for r in s.get("no_requirements", [])],
            lines=source_lines.get(s["id"], []), pos=c.pos(s), key_pos=dict(s.key_pos),
            allowed_personal_data=[AllowedData(LineRange.parse(plain(a["lines"])), a["text"], a["reason"],
                                               c.pos(a["lines"])) for a in s.get("allowed_personal_data", [])],
            text_display=file.display.rsplit("/", 1)[0] + "/" + str(s["file"]),
        )
        for s in file.data["sources"]
    ]


def _registry(sources: list[Source]) -> tuple[dict[str, Source], list[Source]]:
    """Sources by id; a second entry under the same id is kept aside for the cross-checks to report."""
    registry: dict[str, Source] = {}
    repeated = []
    for source in sources:
        if source.id in registry:
            repeated.append(source)
        else:
            registry[source.id] = source
    return registry, repeated


def _township(file: ContentFile) -> Township:
    c, data = _Converter(file), file.data
    systems = [
        TownshipSystem(
            id=s["id"], name=s["name"], purpose=_str(s, "purpose"), covers=_texts(s.get("covers")),
            statements=c.statements(s.get("statements")), records=_texts(s.get("records")),
            checks=c.township_checks(s.get("checks")),
            cites=c.cites(s["cites"]), undescribed=_texts(s.get("undescribed")), pos=c.pos(s),
        )
        for s in data["systems"]
    ]
    archives = None
    if "archives" in data:
        a = data["archives"]
        archives = Archives(a["intro"], c.cites(a["cites"]),
                            [ArchiveCategory(k["name"], c.cites(k["cites"]), c.pos(k)) for k in a["categories"]])
    return Township(data["intro"], c.cites(data["cites"]), systems, archives,
                    [c.section(s) for s in data.get("sections", [])])


def _glossary(file: ContentFile) -> list[GlossaryTerm]:
    c = _Converter(file)
    return [GlossaryTerm(t["term"], t["group"], _texts(t.get("aliases")),
                         [Meaning(m["text"], c.cites(m["cites"])) for m in t.get("meanings", [])],
                         c.cites(t["cites"]), c.pos(t)) for t in file.data["terms"]]


def _indicators(file: ContentFile) -> list[Indicator]:
    c = _Converter(file)
    return [Indicator(i["id"], i["name"], _str(i, "unit"), _texts(i.get("sectors")),
                      [IndicatorValue(v["jurisdiction"], v["kind"], v["year"], v["value"], c.cites(v["cites"]))
                       for v in i["values"]], c.pos(i))
            for i in file.data["indicators"]]


def _tasks(file: ContentFile) -> TaskTable:
    c, data = _Converter(file), file.data
    tasks = [Task(id=t["id"], part=t["part"], number=t["number"], national=_str(t, "national"),
                  provincial=_str(t, "provincial"), municipal=_str(t, "municipal"), lead=_texts(t["lead"]),
                  participants=_texts(t.get("participants")), deadline=t["deadline"],
                  chapter=_str(t, "chapter"), sectors=_texts(t.get("sectors")), cites=c.cites(t["cites"]),
                  pos=c.pos(t))
             for t in data["tasks"]]
    return TaskTable(data["intro"], c.cites(data.get("cites")), tasks)


def _risk(file: ContentFile) -> RiskPage:
    c, data = _Converter(file), file.data
    return RiskPage(data["title"], data["intro"], c.cites(data.get("cites")),
                    [c.section(s) for s in data["sections"]])


def _topics(file: ContentFile) -> list[Topic]:
    c = _Converter(file)
    return [Topic(t["name"], t["slug"], t["description"], c.pos(t)) for t in file.data["topics"]]


def build_model(files: list[ContentFile], source_lines: dict[str, list[str]]) -> Content:
    """The model of whatever could be used; a missing part is empty (its file's problems are already reported)."""
    one = {file.kind: file for file in files if file.kind != "sector"}

    def part(kind: str, convert: Any, empty: Any) -> Any:
        return convert(one[kind]) if kind in one else empty

    sectors = sorted((_sector(f) for f in files if f.kind == "sector"), key=lambda s: s.id)
    sources, repeated = _registry(part("sources", lambda f: _sources(f, source_lines), []))
    return Content(
        sources=sources, duplicate_sources=repeated,
        reform_note=part("sources", lambda f: f.data["reform_note"], ""),
        topics=part("topics", _topics, []), sectors=sectors, glossary=part("glossary", _glossary, []),
        township=part("township", _township, Township("", [], [], None, [])),
        indicators=part("indicators", _indicators, []),
        indicators_intro=part("indicators", lambda f: f.data["intro"], ""),
        tasks=part("tasks", _tasks, TaskTable("", [], [])), risk=part("risk", _risk, RiskPage("", "", [], [])),
        synonym_groups=part("synonyms", lambda f: [_texts(group) for group in f.data["groups"]], []),
    )
