"""Checklist definitions (checklists/*.yaml): parsed and schema-checked like content files, then typed."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.files import display_path, load_checked
from generator.content.problems import Position, Problem
from generator.content.schema import CHECKLIST, DEFAULT_HEADER_FIELDS, DEFAULT_SIGNOFF
from generator.content.yaml_loader import plain, position_of


@dataclass
class Selection:
    sectors: list[str]
    topics: list[str]
    actors: list[str]
    scope: list[str]
    ids: list[str]
    township: bool
    pos: Position


@dataclass
class Exclusion:
    id: str
    reason: str


@dataclass
class ChecklistDefinition:
    id: str
    title: str
    description: str
    audience: str
    select: Selection
    exclude: list[Exclusion]
    fields: list[str]
    signoff: list[str]
    file: Path
    pos: Position


def _definition(data: Any, path: Path, display: str) -> ChecklistDefinition:
    start = Position(display, 1, 1)
    select = data["select"]
    selection = Selection(*(list(select.get(key, [])) for key in ("sectors", "topics", "actors", "scope", "ids")),
                          township=bool(plain(select.get("township", False))),
                          pos=data.key_pos.get("select", start))
    return ChecklistDefinition(
        id=data["id"], title=data["title"], description=data.get("description", ""), audience=data["audience"],
        select=selection, exclude=[Exclusion(e["id"], e["reason"]) for e in data.get("exclude", [])],
        fields=list(data.get("fields", DEFAULT_HEADER_FIELDS)), signoff=list(data.get("signoff", DEFAULT_SIGNOFF)),
        file=path, pos=position_of(data, start),
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
