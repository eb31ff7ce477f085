"""The columns of the self-inspection form, shared by every output format."""
from __future__ import annotations

from dataclasses import dataclass

from generator.checklists.model import Checklist, ChecklistItem

# (column title, width in Excel character units)
COLUMNS: list[tuple[str, float]] = [
    ("序号", 5), ("检查项目", 14), ("检查内容", 30), ("检查依据", 16), ("检查方法", 8),
    ("检查结果", 8), ("不适用理由", 10), ("隐患描述", 16), ("隐患等级", 7), ("整改措施", 16),
    ("责任人", 7), ("整改期限", 9), ("复查人", 7), ("复查日期", 9), ("复查结论", 9),
]
FILLED_COLUMNS = 5  # the rest is left blank for the inspector's pen
RESULT_COLUMN = 5
LEVEL_COLUMN = 8
REVIEW_RESULT_COLUMN = 14
REVIEW_RESULTS = ["已整改", "未整改"]

LEDGER_COLUMNS: list[tuple[str, float]] = [
    ("序号", 5), ("检查表序号", 8), ("隐患描述", 30), ("隐患等级", 8), ("整改措施", 26), ("责任人", 9),
    ("整改期限", 10), ("复查人", 9), ("复查日期", 10), ("复查结论", 10), ("销号日期", 10),
]
LEDGER_ROWS = 30


def item_cells(item: ChecklistItem) -> list[str]:
    """One row: the filled columns, then blanks."""
    filled = [str(item.number), f"{item.ref} {item.title}", item.question, item.basis, "、".join(item.methods)]
    return filled + [""] * (len(COLUMNS) - FILLED_COLUMNS)


@dataclass
class RowGroup:
    """Rows printed together: a topic heading and its items; `tail` marks the group kept with the signatures."""

    heading: str | None
    items: list[ChecklistItem]
    tail: bool = False


def row_groups(checklist: Checklist, tail_rows: int = 2) -> list[RowGroup]:
    """The form's row groups, the last few items split off to stay on the page of the signature block."""
    groups = [RowGroup(heading, items) for heading, items in checklist.groups()]
    last = groups.pop()
    kept, moved = last.items[:-tail_rows], last.items[-tail_rows:]
    if kept:
        groups += [RowGroup(last.heading, kept), RowGroup(None, moved, tail=True)]
    else:
        groups.append(RowGroup(last.heading, moved, tail=True))
    return groups
