"""Checklist definitions (checklists/*.yaml) to checklists: which items, in which groups."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.files import display_path, load_checked
from generator.content.model import Content, Requirement
from generator.content.problems import ContentError, Position, Problem
from generator.content.schema import CHECKLIST, DEFAULT_HEADER_FIELDS, DEFAULT_SIGNOFF
from generator.content.yaml_loader import LocDict, plain, position_of
from generator.site.text import short_title

RESULT_CHOICES = ["符合", "不符合", "不适用"]
HAZARD_LEVELS = ["一般", "重大"]


@dataclass
class ChecklistItem:
    number: int  # 序号, given once the checklist's items are all chosen
    group: str
    ref: str  # requirement id, or township system id
    title: str  # 检查项目
    question: str  # 检查内容（是否……）
    basis: str  # 检查依据, short: document and lines
    methods: list[str]
    records: list[str]
    derived: bool


@dataclass
class Checklist:
    id: str
    title: str
    description: str
    audience: str
    fields: list[str]
    signoff: list[str]
    items: list[ChecklistItem]
    exclusions: list[tuple[str, str]]
    content_version: str
    sectors: list[str]

    def groups(self) -> list[tuple[str, list[ChecklistItem]]]:
        result: list[tuple[str, list[ChecklistItem]]] = []
        for item in self.items:
            if not result or result[-1][0] != item.group:
                result.append((item.group, []))
            result[-1][1].append(item)
        return result


def basis_text(content: Content, cites: list[Any]) -> str:
    return "；".join(f"{content.sources[c.source_id].short} 第{c.lines}行" for c in cites)


class _Definition:
    """One checklist file: its checks against the content, and the selection it makes."""

    def __init__(self, data: LocDict, display: str, content: Content) -> None:
        self.data, self.display, self.content = data, display, content
        self.select = data["select"]
        self.problems: list[Problem] = []
        self.requirements = {r.id: r for s in content.sectors for r in s.requirements}

    def _pos(self, value: Any) -> Position:
        return position_of(value, Position(self.display, 1, 1))

    def _values(self, key: str) -> list[Any]:
        return list(self.select.get(key, []))

    def check_references(self) -> None:
        sectors = {s.id: s for s in self.content.sectors}
        for value in self._values("sectors"):
            if str(value) not in sectors:
                self._problem(value, f"行业「{value}」不存在。已有的行业：{'、'.join(sectors)}。")
        for value in self._values("topics"):
            if str(value) not in self.content.topic_names:
                self._problem(value, f"主题「{value}」没有在 content/topics.yaml 中登记。")
        scopes = {sc for s in self.content.sectors for sc in s.scopes}
        for value in self._values("scope"):
            if str(value) not in scopes:
                self._problem(value, f"适用范围「{value}」在所有行业的 scopes 中都没有。")
        for value in self._values("ids"):
            if str(value) not in self.requirements:
                self._problem(value, f"要求编号「{value}」不存在。")
            elif self.requirements[str(value)].check is None:
                self._problem(value, f"要求「{value}」没有检查项（check），不能放进自查表。")

    def _problem(self, value: Any, message: str) -> None:
        self.problems.append(Problem(self._pos(value), message))

    def selected_requirements(self) -> list[Requirement]:
        topics = {str(v) for v in self._values("topics")}
        actors = {str(v) for v in self._values("actors")}
        scope = {str(v) for v in self._values("scope")}
        chosen: list[Requirement] = []
        for sector_id in (str(v) for v in self._values("sectors")):
            for req in next((s.requirements for s in self.content.sectors if s.id == sector_id), []):
                if req.check is None or (topics and not topics & set(req.topics)):
                    continue
                if (actors and req.actor not in actors) or (scope and req.scope and not scope & set(req.scope)):
                    continue
                chosen.append(req)
        for rid in (str(v) for v in self._values("ids")):
            req = self.requirements.get(rid)
            if req is not None and req.check is not None and req not in chosen:
                chosen.append(req)
        return chosen

    def exclusions(self, chosen: list[Requirement]) -> list[tuple[str, str]]:
        chosen_ids = {r.id for r in chosen}
        result = []
        for entry in self.data.get("exclude", []):
            rid = str(entry["id"])
            if rid not in chosen_ids:
                self._problem(entry["id"], f"排除的要求「{rid}」并不在选取结果中，请删去这条排除或改正编号。")
            result.append((rid, str(entry["reason"])))
        return result


def _requirement_items(content: Content, chosen: list[Requirement]) -> list[ChecklistItem]:
    order = {name: n for n, name in enumerate(content.topic_names)}
    ranked = sorted(enumerate(chosen), key=lambda pair: (order[pair[1].topics[0]], pair[0]))
    items = []
    for _, req in ranked:
        assert req.check is not None
        items.append(ChecklistItem(0, req.topics[0], req.id, short_title(req.text), req.check.question,
                                   basis_text(content, req.cites), req.check.methods, req.check.records,
                                   req.check.derived))
    return items


def _township_items(content: Content) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []
    for system in content.township.systems:
        for check in system.checks:
            items.append(ChecklistItem(0, system.name, system.id, system.name, check.question,
                                       basis_text(content, system.cites), check.methods, check.records, True))
    archives = content.township.archives
    if archives is not None:
        for category in archives.categories:
            items.append(ChecklistItem(
                0, "档案管理", "档案", f"{category.name}档案",
                f"是否建立了{category.name}档案，并统一档案的式样、内容、封面、目录和装订？",
                basis_text(content, category.cites), ["查资料"], [f"{category.name}档案"], True))
    return items


def load_checklists(folder: Path, project_dir: Path, content: Content, version: str) -> list[Checklist]:
    """Every checklist definition, checked and resolved; ContentError lists all problems."""
    checklists: list[Checklist] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        display = display_path(path, project_dir)
        data, found = load_checked(path, display, CHECKLIST)
        problems.extend(found)
        if data is None:
            continue
        if str(data["id"]) != path.stem:
            problems.append(Problem(position_of(data["id"], Position(display, 1, 1)),
                                    f"自查表标识「{data['id']}」与文件名「{path.name}」不一致，请改成一致。"))
        definition = _Definition(data, display, content)
        definition.check_references()
        chosen = definition.selected_requirements()
        exclusions = definition.exclusions(chosen)
        excluded = {rid for rid, _ in exclusions}
        kept = [r for r in chosen if r.id not in excluded]
        items = _requirement_items(content, kept)
        if plain(data["select"].get("township", False)):
            items += _township_items(content)
        for number, item in enumerate(items, 1):
            item.number = number
        if not items:
            problems.append(Problem(data.key_pos["select"], "按这些条件选不出任何检查项，请检查选取条件。"))
        problems.extend(definition.problems)
        checklists.append(Checklist(
            id=str(data["id"]), title=str(data["title"]), description=str(data.get("description", "")),
            audience=str(data["audience"]),
            fields=[str(v) for v in data.get("fields", DEFAULT_HEADER_FIELDS)],
            signoff=[str(v) for v in data.get("signoff", DEFAULT_SIGNOFF)],
            items=items, exclusions=exclusions, content_version=version,
            sectors=[str(v) for v in data["select"].get("sectors", [])],
        ))
    if problems:
        raise ContentError(problems)
    return checklists
