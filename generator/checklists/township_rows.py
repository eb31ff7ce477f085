"""The rows of the township assessment form (乡镇安全生产工作自评表): 11 systems, 8 archive categories, 四大规范."""
from __future__ import annotations

from typing import Any, Callable

from generator.checklists.citing import QuoteBook
from generator.checklists.definition import ChecklistDefinition
from generator.checklists.model import ChecklistItem, Part
from generator.content.model import Citation, Content, TownshipCheck

RULES_SECTION = "sida-guifan"  # the section of township.yaml that holds the 四大规范


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _row(ref: str, title: str, checks: list[TownshipCheck], fallback: list[Citation], records: list[str],
         quotes: QuoteBook, score: int) -> ChecklistItem:
    cites = [c for k in checks for c in k.cites] or fallback
    return ChecklistItem(0, "", ref, title, [k.question for k in checks], quotes.basis(cites),
                         _unique([m for k in checks for m in k.methods]),
                         records or _unique([r for k in checks for r in k.records]), True, score)


def assessment_parts(content: Content, definition: ChecklistDefinition, quotes: QuoteBook,
                     problem: Callable[[Any, str], None]) -> tuple[list[Part], str]:
    """The form's parts, and a sentence saying how the 分值 were set."""
    township = content.township
    score = definition.scores.get
    default = definition.default_score
    systems = [_row(s.id, s.name, s.checks, s.cites, s.records, quotes, score(s.id, default))
               for s in township.systems if s.checks]
    parts = [Part("", "乡镇安全生产 11 项基本制度", systems)]
    if township.archives is not None:
        parts.append(Part("", "8 大类档案", [
            ChecklistItem(0, "", c.name, f"{c.name}档案",
                          [f"是否建立了{c.name}档案，并按规定统一档案的式样、内容、封面、目录和装订？"],
                          quotes.basis(c.cites), ["查资料"], [f"{c.name}档案"], True, score(c.name, default))
            for c in township.archives.categories]))
    rules = next((s for s in township.sections if s.id == RULES_SECTION), None)
    if rules is not None:
        rows = [_row(st.name, st.name, st.checks, st.cites, [], quotes, score(st.name, default))
                for st in rules.items if st.checks]
        if rows:
            parts.append(Part("", rules.title, rows))
    known = {item.ref for part in parts for item in part.items}
    for key in definition.scores:
        if key not in known:
            problem(key, f"分值中的「{key}」不是自评表中的项目。可以写的项目：{'、'.join(sorted(known))}。")
    changed = {k: v for k, v in definition.scores.items() if k in known}
    note = (f"文件没有规定各项分值，本表各项分值相同（每项 {default} 分）。" if not changed else
            f"文件没有规定各项分值，本表每项 {default} 分，其中"
            + "、".join(f"{k} {v} 分" for k, v in changed.items()) + "。")
    return parts, note
