"""A resolved checklist: the items chosen for it, in their groups."""
from __future__ import annotations

from dataclasses import dataclass

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
    content_version: str  # digest of this checklist's own items and wording (changes when they do)
    sectors: list[str]

    def groups(self) -> list[tuple[str, list[ChecklistItem]]]:
        result: list[tuple[str, list[ChecklistItem]]] = []
        for item in self.items:
            if not result or result[-1][0] != item.group:
                result.append((item.group, []))
            result[-1][1].append(item)
        return result
