"""Checklist definitions (checklists/*.yaml): parsed and schema-checked like content files, then typed."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.files import display_path, load_checked
from generator.content.problems import Position, Problem
from generator.content.schema import CHECKLIST, DEFAULT_HEADER_FIELDS, DEFAULT_SCORE, DEFAULT_SIGNOFF
from generator.content.yaml_loader import plain, position_of

MAIN_DUTIES = "qiye"  # 企业安全生产主体责任: part 二 of every enterprise form unless it opts out
TOWNSHIP_FIELDS = ["乡镇（街道）名称", "自评日期", "自评人员", "审核人"]
TOWNSHIP_SIGNOFF = ["自评人", "乡镇（街道）负责人", "审核人"]
OWN_METHOD = "查现场"
OWN_PART = "本单位增加的检查项"


@dataclass
class Selection:
    sectors: list[str]
    topics: list[str]
    actors: list[str]
    scope: list[str]
    ids: list[str]
    sources: list[str]
    exclude_sources: list[str]
    jurisdictions: list[str]
    status: list[str]
    derived: bool
    township: bool
    pos: Position


@dataclass
class Exclusion:
    id: str
    reason: str


@dataclass
class OwnItem:
    """An item the enterprise adds itself (在线组表): its own wording and its own basis, not a document's."""

    title: str
    content: str
    basis: str
    methods: list[str]


@dataclass
class ChecklistDefinition:
    id: str
    form_code: str
    title: str
    heading: str
    description: str
    audience: str
    select: Selection
    include: list[str]
    exclude: list[Exclusion]
    fields: list[str]
    signoff: list[str]
    file: Path
    pos: Position
    order: list[str] = field(default_factory=list)
    own_items: list[OwnItem] = field(default_factory=list)
    default_score: int = DEFAULT_SCORE
    scores: dict[str, int] = field(default_factory=dict)
    key_pos: dict[str, Position] = field(default_factory=dict)

    def position(self, key: str) -> Position:
        return self.key_pos.get(key, self.pos)


def _texts(data: Any, key: str) -> list[str]:
    return list(data.get(key, []))


def _selection(select: Any, pos: Position) -> Selection:
    return Selection(
        *(_texts(select, key) for key in ("sectors", "topics", "actors", "scope", "ids", "sources",
                                          "exclude_sources", "jurisdictions", "status")),
        derived=bool(plain(select.get("derived", True))), township=bool(plain(select.get("township", False))),
        pos=pos)


def _default_include(data: Any, township: bool) -> list[str]:
    if "include" in data:
        return list(data["include"])
    return [] if township or data["id"] == MAIN_DUTIES or data["audience"] != "企业" else [MAIN_DUTIES]


def _definition(data: Any, path: Path, display: str) -> ChecklistDefinition:
    start = Position(display, 1, 1)
    selection = _selection(data["select"], data.key_pos.get("select", start))
    township = selection.township
    return ChecklistDefinition(
        id=data["id"], form_code=data["form_code"], title=data["title"], heading=data.get("heading", ""),
        description=data.get("description", ""), audience=data["audience"], select=selection,
        include=_default_include(data, township),
        exclude=[Exclusion(e["id"], e["reason"]) for e in data.get("exclude", [])],
        fields=list(data.get("fields", TOWNSHIP_FIELDS if township else DEFAULT_HEADER_FIELDS)),
        signoff=list(data.get("signoff", TOWNSHIP_SIGNOFF if township else DEFAULT_SIGNOFF)),
        file=path, pos=position_of(data, start),
        order=list(data.get("order", [])),
        own_items=[OwnItem(o["title"], o["content"], o["basis"], list(o.get("methods", [OWN_METHOD])))
                   for o in data.get("own_items", [])],
        default_score=int(plain(data.get("default_score", DEFAULT_SCORE))),
        scores={str(k): int(plain(v)) for k, v in data.get("scores", {}).items()},
        key_pos=dict(data.key_pos),
    )


def read_definitions(folder: Path, project_dir: Path) -> tuple[list[ChecklistDefinition], list[Problem]]:
    """Every definition that could be used, and the problems of all of them."""
    definitions: list[ChecklistDefinition] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        display = display_path(path, project_dir)
        pruned, found = load_checked(path, display, CHECKLIST)
        problems.extend(found)
        if pruned.data is not None:
            definitions.append(_definition(pruned.data, path, display))
    return definitions, problems
