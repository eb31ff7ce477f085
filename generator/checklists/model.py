"""A resolved checklist: its parts, the items chosen for them, and what the form says about its documents."""
from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from generator.checklists.citing import Basis, OwnBasis, Quote

RESULT_CHOICES = ["符合", "不符合", "不适用"]
HAZARD_LEVELS = ["一般", "重大"]
INSPECTION_TYPES = ["日常", "综合", "专项", "季节性", "节假日", "复工复产"]
SELF_INSPECTION = "自查表"
ASSESSMENT = "自评表"


@dataclass
class ChecklistItem:
    number: int  # 序号, given once the checklist's items are all chosen
    group: str
    ref: str  # requirement id, township system id, or the name of an archive category / 规范 item
    title: str  # 检查项目, in full
    questions: list[str]  # 检查内容（是否……）; an assessment row may hold several
    basis: list[Basis | OwnBasis]
    methods: list[str]
    records: list[str]  # 查阅资料 (self-inspection) or 佐证材料 (assessment)
    derived: bool
    score: int = 0  # 分值, assessment rows only


@dataclass
class Part:
    """A numbered part of the form (一、烟花爆竹 / 二、企业安全生产主体责任) and its items."""

    label: str  # "一"
    heading: str
    items: list[ChecklistItem]

    def groups(self) -> list[tuple[str, list[ChecklistItem]]]:
        result: list[tuple[str, list[ChecklistItem]]] = []
        for item in self.items:
            if not result or result[-1][0] != item.group:
                result.append((item.group, []))
            result[-1][1].append(item)
        return result


@dataclass(frozen=True)
class SourceStatus:
    """One document the form rests on, as its header lists it."""

    label: str  # 雷州 雷发〔2018〕5号
    place: str  # 雷州
    title: str
    jurisdiction: str
    status: str  # 正式印发 / 征求意见稿
    period: str
    period_end: int
    period_ended: bool


@dataclass
class Checklist:
    id: str
    kind: str  # SELF_INSPECTION or ASSESSMENT
    form_code: str  # 表单编号, stable: ZCB-YH-01
    title: str
    description: str
    audience: str
    fields: list[str]
    signoff: list[str]
    parts: list[Part]
    exclusions: list[tuple[str, str]]
    sources: list[SourceStatus]
    quotes: list[Quote]
    content_version: str  # digest of this checklist's own items and wording (changes when they do)
    content_date: str  # date of the content it was made from
    generated: str  # build date
    sectors: list[str]
    weights_note: str = ""  # assessment: how the 分值 were set

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for part in self.parts for item in part.items]

    @property
    def version(self) -> str:
        return f"{self.content_date}-{self.content_version}"

    @property
    def has_derived(self) -> bool:
        return any(item.derived for item in self.items)

    @property
    def total_score(self) -> int:
        return sum(item.score for item in self.items)


def as_plain(value: Any) -> Any:
    """A checklist (or any part of it) as plain JSON data, for digests.

    dataclasses.asdict deep-copies every value, and content strings carry their file positions: far slower.
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_plain(v) for k, v in value.items()}
    if isinstance(value, str):
        return str(value)
    return value
