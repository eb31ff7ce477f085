"""Resolve checklist definitions against the content: which items, in which parts, and what is wrong."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.checklists.citing import OwnBasis, QuoteBook
from generator.checklists.definition import OWN_PART, ChecklistDefinition, OwnItem, Selection, read_definitions
from generator.checklists.model import (
    ASSESSMENT,
    SELF_INSPECTION,
    Checklist,
    ChecklistItem,
    Part,
    SourceStatus,
    as_plain,
)
from generator.checklists.township_rows import assessment_parts
from generator.content.gaps import Gaps
from generator.content.model import Citation, Content, Requirement
from generator.content.problems import Problem
from generator.content.yaml_loader import position_of

PART_LABELS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Dates:
    content: str  # the content's date (last change), printed in 版本
    generated: date  # the build date: 生成日期, and what "period ended" is measured against


class DocumentFilter:
    """Which citations a form may rest on: by source id, jurisdiction and status."""

    def __init__(self, select: Selection, content: Content) -> None:
        self.select, self.sources = select, content.sources

    def allows(self, cite: Citation) -> bool:
        source = self.sources.get(cite.source_id)
        if source is None:
            return False
        s = self.select
        return ((not s.sources or source.id in s.sources) and source.id not in s.exclude_sources
                and (not s.jurisdictions or bool(source.places & set(s.jurisdictions)))
                and (not s.status or source.status in s.status))

    def cites(self, cites: list[Citation]) -> list[Citation]:
        return [c for c in cites if self.allows(c)]


class _Resolver:
    """One definition against the content: its reference checks and the selection it makes."""

    def __init__(self, definition: ChecklistDefinition, content: Content, gaps: Gaps,
                 definitions: dict[str, ChecklistDefinition]) -> None:
        self.definition, self.content, self.gaps, self.definitions = definition, content, gaps, definitions
        self.select = definition.select
        self.problems: list[Problem] = []
        self.requirements = {r.id: r for s in content.sectors for r in s.requirements}
        self.documents = DocumentFilter(definition.select, content)

    def _problem(self, value: Any, message: str) -> None:
        self.problems.append(Problem(position_of(value, self.definition.pos), message))

    def check_references(self) -> None:
        if self.definition.file.stem != self.definition.id:
            self._problem(self.definition.id, f"自查表标识「{self.definition.id}」与文件名「{self.definition.file.name}」"
                                              "不一致，请改成一致。")
        self._check_selection(self.select)
        for value in self.definition.include:
            if value == self.definition.id:
                self._problem(value, f"自查表「{value}」不能并入它自己。")
            elif value not in self.definitions:
                self._problem(value, f"要并入的自查表「{value}」不存在（checklists/ 中没有 {value}.yaml）。")
            elif self.definitions[value].select.township:
                self._problem(value, f"「{value}」是乡镇自评表，不能并入企业自查表。")

    def _check_selection(self, select: Selection) -> None:
        sectors = [s.id for s in self.content.sectors]
        for value in select.sectors:
            if value not in sectors and not self.gaps.hides("sector", value):
                self._problem(value, f"行业「{value}」不存在。已有的行业：{'、'.join(sectors)}。")
        for value in select.topics:
            if value not in self.content.topic_names and not self.gaps.hides("topic", value):
                self._problem(value, f"主题「{value}」没有在 content/topics.yaml 中登记。")
        scopes = {sc for s in self.content.sectors for sc in s.scopes}
        for value in select.scope:
            if value not in scopes and not self.gaps.hides("scope", value):
                self._problem(value, f"适用范围「{value}」在所有行业的 scopes 中都没有。")
        for value in select.sources + select.exclude_sources:
            if value not in self.content.sources and not self.gaps.hides("source", value):
                self._problem(value, f"来源文件「{value}」没有在 content/sources/sources.yaml 中登记。")
        places = set().union(*(s.places for s in self.content.sources.values()))
        for value in select.jurisdictions:
            if value not in places:
                self._problem(value, f"没有来自「{value}」的来源文件。已有的地区：{'、'.join(sorted(places))}。")
        for value in select.ids:
            if value not in self.requirements:
                if not self.gaps.hides("requirement", value):
                    self._problem(value, f"要求编号「{value}」不存在。")
            elif self.requirements[value].check is None:
                self._problem(value, f"要求「{value}」没有检查项（check），不能放进自查表。")

    def selected(self, select: Selection) -> list[tuple[Requirement, list[Citation]]]:
        """Requirements the selection takes, each with the citations this form may rest on."""
        topics, actors, scope = set(select.topics), set(select.actors), set(select.scope)
        chosen: list[Requirement] = []
        for sector in (s for sid in select.sectors for s in self.content.sectors if s.id == sid):
            for req in sector.requirements:
                if req.check is None or (topics and not topics & set(req.topics)):
                    continue
                if (actors and req.actor not in actors) or (scope and req.scope and not scope & set(req.scope)):
                    continue
                chosen.append(req)
        for rid in select.ids:
            req = self.requirements.get(rid)
            if req is not None and req.check is not None and req not in chosen:
                chosen.append(req)
        derived_allowed = self.select.derived and select.derived
        result = []
        for req in chosen:
            cites = self.documents.cites(req.cites)
            if cites and (derived_allowed or not (req.check and req.check.derived)):
                result.append((req, cites))
        return result

    def exclusions(self, chosen_ids: set[str]) -> list[tuple[str, str]]:
        for entry in self.definition.exclude:
            if entry.id not in chosen_ids and not self.gaps.hides("requirement", entry.id):
                self._problem(entry.id, f"排除的要求「{entry.id}」并不在选取结果中，请删去这条排除或改正编号。")
        return [(e.id, e.reason) for e in self.definition.exclude]

    def selection_may_be_incomplete(self) -> bool:
        """An empty selection is a consequence, not a mistake of its own, when something it names is missing."""
        named = ["sector", "requirement", "source"] + (["system"] if self.select.township else [])
        return bool(self.problems) or any(self.gaps.hides_any(ns) for ns in named)

    def heading(self, definition: ChecklistDefinition) -> str:
        if definition.heading:
            return definition.heading
        names = [s.name for sid in definition.select.sectors for s in self.content.sectors if s.id == sid]
        return "、".join(names) or definition.title

    def sector_parts(self, quotes: QuoteBook) -> tuple[list[Part], list[tuple[str, str]]]:
        parts = [(self.heading(self.definition), self.selected(self.select))]
        for included_id in self.definition.include:
            included = self.definitions.get(included_id)
            if included is None or included.select.township or included_id == self.definition.id:
                continue
            skip = {e.id for e in included.exclude}
            parts.append((self.heading(included), [(r, c) for r, c in self.selected(included.select)
                                                   if r.id not in skip]))
        # An exclusion may name an item of any part (在线组表 removes items of 企业主体责任 too).
        exclusions = self.exclusions({r.id for _, chosen in parts for r, _ in chosen})
        excluded = {rid for rid, _ in exclusions}
        taken: set[str] = set()
        result = []
        for heading, chosen in parts:
            fresh = [(r, c) for r, c in chosen if r.id not in taken and r.id not in excluded]
            taken.update(r.id for r, _ in fresh)
            if fresh:
                result.append(Part("", heading, _requirement_items(self.content, fresh, quotes, self.definition.order)))
        self._check_order(taken)
        if self.definition.own_items:
            result.append(Part("", OWN_PART, [_own_item(o) for o in self.definition.own_items]))
        return result, exclusions

    def _check_order(self, taken: set[str]) -> None:
        for value in self.definition.order:
            if value not in taken and not self.gaps.hides("requirement", value):
                self._problem(value, f"排序中的要求「{value}」不在本表的检查项中，请删去它或改正编号。")

    def resolve(self, dates: Dates) -> Checklist:
        self.check_references()
        quotes = QuoteBook(self.content.sources)
        d = self.definition
        if self.select.township:
            parts, notes = assessment_parts(self.content, d, quotes, self._problem)
            exclusions: list[tuple[str, str]] = []
        else:
            parts, exclusions = self.sector_parts(quotes)
            notes = ""
        for label, part in zip(PART_LABELS, parts):
            part.label = label
        for number, item in enumerate((i for p in parts for i in p.items), 1):
            item.number = number
        if not any(p.items for p in parts) and not self.selection_may_be_incomplete():
            self.problems.append(Problem(self.select.pos, "按这些条件选不出任何检查项，请检查选取条件。"))
        checklist = Checklist(
            id=d.id, kind=ASSESSMENT if self.select.township else SELF_INSPECTION, form_code=d.form_code,
            title=d.title, description=d.description, audience=d.audience, fields=d.fields, signoff=d.signoff,
            parts=parts, exclusions=exclusions, sources=self._source_statuses(quotes, dates.generated),
            quotes=quotes.quotes, content_version="", content_date=dates.content,
            generated=dates.generated.isoformat(), sectors=d.select.sectors, weights_note=notes)
        checklist.content_version = items_version(checklist)
        return checklist

    def _source_statuses(self, quotes: QuoteBook, today: date) -> list[SourceStatus]:
        used = {q.source_id for q in quotes.quotes}
        return [SourceStatus(s.citation_label, s.place, s.title, s.jurisdiction, s.status, s.period, s.period_end,
                             s.period_ended(today))
                for s in self.content.sources.values() if s.id in used]


def items_version(checklist: Checklist) -> str:
    """A digest of what this checklist prints, so an edit elsewhere in the content leaves it unchanged."""
    printed = as_plain([checklist.title, checklist.description, checklist.form_code, checklist.fields,
                        checklist.signoff, checklist.exclusions, checklist.parts, checklist.quotes,
                        checklist.sources, checklist.weights_note])
    return hashlib.sha256(json.dumps(printed, ensure_ascii=False).encode("utf-8")).hexdigest()[:8]


def _requirement_items(content: Content, chosen: list[tuple[Requirement, list[Citation]]],
                       quotes: QuoteBook, order: list[str]) -> list[ChecklistItem]:
    """Grouped by first topic in the topics' order; within a group, ids the definition orders come first."""
    topic_rank = {name: n for n, name in enumerate(content.topic_names)}
    placed = {rid: n for n, rid in enumerate(order)}

    def key(pair: tuple[int, tuple[Requirement, list[Citation]]]) -> tuple[int, int, int]:
        index, (req, _) = pair
        return topic_rank.get(req.topics[0], len(topic_rank)), placed.get(req.id, len(placed)), index

    ranked = sorted(enumerate(chosen), key=key)
    items = []
    for _, (req, cites) in ranked:
        assert req.check is not None
        items.append(ChecklistItem(0, req.topics[0], req.id, req.heading, [req.check.question],
                                   quotes.basis(cites), req.check.methods, req.check.records, req.check.derived))
    return items


def _own_item(own: OwnItem) -> ChecklistItem:
    return ChecklistItem(0, "", "", own.title, [own.content], [OwnBasis(own.basis)], own.methods, [], False)


def _check_form_codes(definitions: list[ChecklistDefinition]) -> list[Problem]:
    seen: dict[str, ChecklistDefinition] = {}
    problems = []
    for d in definitions:
        if d.form_code in seen:
            problems.append(Problem(position_of(d.form_code, d.pos), f"表单编号「{d.form_code}」已用于 "
                                    f"{seen[d.form_code].file.name}，每张表的编号必须不同。"))
        else:
            seen[d.form_code] = d
    return problems


def resolve_checklists(folder: Path, project_dir: Path, content: Content, gaps: Gaps,
                       dates: Dates) -> tuple[list[Checklist], list[Problem]]:
    """Every checklist definition, checked and resolved, and every problem found in them."""
    definitions, problems = read_definitions(folder, project_dir)
    problems += _check_form_codes(definitions)
    by_id = {d.id: d for d in definitions}
    checklists = []
    for definition in definitions:
        resolver = _Resolver(definition, content, gaps, by_id)
        checklists.append(resolver.resolve(dates))
        problems += resolver.problems
    return checklists, problems
