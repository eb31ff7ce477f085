"""Resolve checklist definitions against the content: which items, in which groups, and what is wrong."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from generator.checklists.definition import ChecklistDefinition, read_definitions
from generator.checklists.model import Checklist, ChecklistItem
from generator.content.gaps import Gaps
from generator.content.model import Citation, Content, Requirement
from generator.content.problems import Problem
from generator.content.text import short_title
from generator.content.yaml_loader import position_of


def basis_text(content: Content, cites: list[Citation]) -> str:
    return "；".join(f"{content.sources[c.source_id].short} 第{c.lines}行" for c in cites
                    if c.source_id in content.sources)


class _Resolver:
    """One definition against the content: its reference checks and the selection it makes."""

    def __init__(self, definition: ChecklistDefinition, content: Content, gaps: Gaps) -> None:
        self.definition, self.content, self.gaps = definition, content, gaps
        self.select = definition.select
        self.problems: list[Problem] = []
        self.requirements = {r.id: r for s in content.sectors for r in s.requirements}

    def _problem(self, value: Any, message: str) -> None:
        self.problems.append(Problem(position_of(value, self.definition.pos), message))

    def check_references(self) -> None:
        if self.definition.file.stem != self.definition.id:
            self._problem(self.definition.id, f"自查表标识「{self.definition.id}」与文件名「{self.definition.file.name}」"
                                              "不一致，请改成一致。")
        sectors = [s.id for s in self.content.sectors]
        for value in self.select.sectors:
            if value not in sectors and not self.gaps.hides("sector", value):
                self._problem(value, f"行业「{value}」不存在。已有的行业：{'、'.join(sectors)}。")
        for value in self.select.topics:
            if value not in self.content.topic_names and not self.gaps.hides("topic", value):
                self._problem(value, f"主题「{value}」没有在 content/topics.yaml 中登记。")
        scopes = {sc for s in self.content.sectors for sc in s.scopes}
        for value in self.select.scope:
            if value not in scopes and not self.gaps.hides("scope", value):
                self._problem(value, f"适用范围「{value}」在所有行业的 scopes 中都没有。")
        for value in self.select.ids:
            if value not in self.requirements:
                if not self.gaps.hides("requirement", value):
                    self._problem(value, f"要求编号「{value}」不存在。")
            elif self.requirements[value].check is None:
                self._problem(value, f"要求「{value}」没有检查项（check），不能放进自查表。")

    def selected_requirements(self) -> list[Requirement]:
        topics, actors, scope = set(self.select.topics), set(self.select.actors), set(self.select.scope)
        chosen: list[Requirement] = []
        for sector in (s for sid in self.select.sectors for s in self.content.sectors if s.id == sid):
            for req in sector.requirements:
                if req.check is None or (topics and not topics & set(req.topics)):
                    continue
                if (actors and req.actor not in actors) or (scope and req.scope and not scope & set(req.scope)):
                    continue
                chosen.append(req)
        for rid in self.select.ids:
            req = self.requirements.get(rid)
            if req is not None and req.check is not None and req not in chosen:
                chosen.append(req)
        return chosen

    def exclusions(self, chosen: list[Requirement]) -> list[tuple[str, str]]:
        chosen_ids = {r.id for r in chosen}
        for entry in self.definition.exclude:
            if entry.id not in chosen_ids and not self.gaps.hides("requirement", entry.id):
                self._problem(entry.id, f"排除的要求「{entry.id}」并不在选取结果中，请删去这条排除或改正编号。")
        return [(e.id, e.reason) for e in self.definition.exclude]

    def selection_may_be_incomplete(self) -> bool:
        """An empty selection is a consequence, not a mistake of its own, when something it names is missing."""
        named = ["sector", "requirement"] + (["system"] if self.select.township else [])
        return bool(self.problems) or any(self.gaps.hides_any(ns) for ns in named)

    def resolve(self) -> Checklist:
        self.check_references()
        chosen = self.selected_requirements()
        exclusions = self.exclusions(chosen)
        excluded = {rid for rid, _ in exclusions}
        items = _requirement_items(self.content, [r for r in chosen if r.id not in excluded])
        if self.select.township:
            items += _township_items(self.content)
        for number, item in enumerate(items, 1):
            item.number = number
        if not items and not self.selection_may_be_incomplete():
            self.problems.append(Problem(self.select.pos, "按这些条件选不出任何检查项，请检查选取条件。"))
        d = self.definition
        return Checklist(id=d.id, title=d.title, description=d.description, audience=d.audience,
                         fields=d.fields, signoff=d.signoff, items=items, exclusions=exclusions,
                         content_version=items_version(d, items), sectors=d.select.sectors)


def items_version(definition: ChecklistDefinition, items: list[ChecklistItem]) -> str:
    """A digest of what this checklist prints, so an edit elsewhere in the content leaves it unchanged."""
    printed = [definition.title, definition.description, definition.fields, definition.signoff,
               [(e.id, e.reason) for e in definition.exclude], [asdict(i) for i in items]]
    return hashlib.sha256(json.dumps(printed, ensure_ascii=False).encode("utf-8")).hexdigest()[:8]


def _requirement_items(content: Content, chosen: list[Requirement]) -> list[ChecklistItem]:
    order = {name: n for n, name in enumerate(content.topic_names)}
    ranked = sorted(enumerate(chosen), key=lambda pair: (order.get(pair[1].topics[0], len(order)), pair[0]))
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


def resolve_checklists(folder: Path, project_dir: Path, content: Content,
                       gaps: Gaps) -> tuple[list[Checklist], list[Problem]]:
    """Every checklist definition, checked and resolved, and every problem found in them."""
    definitions, problems = read_definitions(folder, project_dir)
    checklists = []
    for definition in definitions:
        resolver = _Resolver(definition, content, gaps)
        checklists.append(resolver.resolve())
        problems += resolver.problems
    return checklists, problems


