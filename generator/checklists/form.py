"""The printed form, as one model: its columns, header, rows, ledger, appendix and wording.

Print page, PDF, XLSX and CSV are all laid out from `Form`, so a column or a sentence is changed here once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.checklists.definition import OWN_PART
from generator.checklists.model import (
    ASSESSMENT,
    INSPECTION_TYPES,
    RESULT_CHOICES,
    Checklist,
    ChecklistItem,
)

DERIVED_MARK = "※"
TICK_BOX = "☐"
INSPECTION_TYPE_FIELD = "检查类型"
NOT_APPLICABLE = "不适用"


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float  # on A4 landscape (277 mm between the margins); XLSX widths are derived from it
    key: str


SELF_COLUMNS = [
    Column("序号", 9, "number"), Column("检查项目", 36, "title"), Column("检查内容", 62, "content"),
    Column("检查方法和查阅资料", 36, "method"), Column("检查依据", 44, "basis"), Column("检查结果", 20, "result"),
    Column("问题描述（不适用的写明理由）", 70, "problem"),
]
ASSESSMENT_COLUMNS = [
    Column("序号", 9, "number"), Column("考核项目", 30, "title"), Column("考核内容", 72, "content"),
    Column("佐证材料", 38, "records"), Column("检查依据", 44, "basis"), Column("分值", 12, "score"),
    Column("得分", 14, "got"), Column("扣分原因", 58, "reason"),
]
LEDGER_COLUMNS = [
    Column("序号", 9, "n"), Column("检查表序号", 14, "item"), Column("隐患描述", 50, "problem"),
    Column("隐患等级", 24, "level"), Column("整改措施", 52, "measure"), Column("责任人", 18, "owner"),
    Column("整改期限", 20, "deadline"), Column("复查人", 18, "reviewer"), Column("复查日期", 20, "review_date"),
    Column("复查结论", 32, "review"), Column("销号日期", 20, "closed"),
]
LEDGER_ROWS = 10
REVIEW_RESULTS = ["已整改", "未整改"]
LEDGER_TITLE = "隐患整改台账"
APPENDIX_TITLE = "依据原文摘录"


@dataclass(frozen=True)
class Span:
    text: str
    small: bool = False  # small print: line numbers and quote numbers under a citation


Cell = list[Span]


@dataclass
class HeadingRow:
    text: str
    level: int  # 1: part (一、烟花爆竹), 2: topic group


@dataclass
class ItemRow:
    item: ChecklistItem
    cells: list[Cell]  # one per column, blanks for the pen


@dataclass(frozen=True)
class HeaderField:
    label: str
    choices: list[str] = field(default_factory=list)  # printed as tick boxes (检查类型)


@dataclass
class Form:
    checklist: Checklist
    columns: list[Column]
    header: list[tuple[str, str]]  # 表单编号, 版本, 生成日期 as (label, value)
    fields: list[HeaderField]
    documents: list[str]
    notes: list[str]
    rows: list[HeadingRow | ItemRow]
    signoff: list[str]
    ledger: bool
    appendix: list[tuple[str, str]]  # (number, "汕尾实施方案 … 第119行：“…”")
    score_summary: list[str]  # assessment: the lines of the scoring block

    @property
    def title(self) -> str:
        return self.checklist.title

    @property
    def code(self) -> str:
        return self.checklist.form_code

    @property
    def is_assessment(self) -> bool:
        return self.checklist.kind == ASSESSMENT

    @property
    def footer(self) -> str:
        return f"{self.code} · {self.checklist.title}"

    def column_index(self, key: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == key)


def result_boxes() -> list[str]:
    return [f"{TICK_BOX}{choice}" for choice in RESULT_CHOICES]


def item_title(item: ChecklistItem) -> str:
    mark = f"{DERIVED_MARK} " if item.derived and not item.score else ""
    # the ref is shown unless the title already starts with it (archive 行政处罚类 → 行政处罚类档案)
    shown_ref = item.ref and not item.title.startswith(item.ref)
    return f"{mark}{item.ref} {item.title}" if shown_ref else f"{mark}{item.title}"


def questions_text(item: ChecklistItem) -> str:
    if len(item.questions) == 1:
        return item.questions[0]
    return "\n".join(f"{n}. {q}" for n, q in enumerate(item.questions, 1))


def basis_cell(item: ChecklistItem) -> Cell:
    cell: Cell = []
    for basis in item.basis:
        cell += [Span(basis.text()), Span(basis.reference(), small=True)]
    return cell


def method_cell(item: ChecklistItem) -> Cell:
    cell = [Span("、".join(item.methods))]
    if item.records:
        cell.append(Span("查阅：" + "、".join(item.records)))
    return cell


def item_cells(form_columns: list[Column], item: ChecklistItem) -> list[Cell]:
    values: dict[str, Cell] = {
        "number": [Span(str(item.number))],
        "title": [Span(item_title(item))],
        "content": [Span(line) for line in questions_text(item).split("\n")],
        "method": method_cell(item),
        "records": [Span("、".join(item.records))] if item.records else [],
        "basis": basis_cell(item),
        "result": [Span(box) for box in result_boxes()],
        "score": [Span(str(item.score))],
    }
    return [values.get(c.key, []) for c in form_columns]


def cell_text(cell: Cell) -> str:
    """A cell as plain text (spreadsheets, CSV): one line per span."""
    return "\n".join(span.text for span in cell)


def _rows(checklist: Checklist, columns: list[Column]) -> list[HeadingRow | ItemRow]:
    rows: list[HeadingRow | ItemRow] = []
    numbered = len(checklist.parts) > 1
    for part in checklist.parts:
        if numbered or checklist.kind == ASSESSMENT:
            rows.append(HeadingRow(f"{part.label}、{part.heading}", 1))
        for group, items in part.groups():
            if group:
                rows.append(HeadingRow(group, 2))
            rows += [ItemRow(item, item_cells(columns, item)) for item in items]
    return rows


def _documents(checklist: Checklist) -> list[str]:
    lines = []
    for s in checklist.sources:
        period = f"规划期{s.period}，已结束" if s.period_ended else f"规划期{s.period}"
        lines.append(f"{s.label}：《{s.title}》（{s.jurisdiction}，{s.status}，{period}）")
    return lines


def _places(checklist: Checklist) -> str:
    return "、".join(dict.fromkeys(s.jurisdiction for s in checklist.sources))


def _notes(checklist: Checklist) -> list[str]:
    sources = checklist.sources
    ended = [s for s in sources if s.period_ended]
    drafts = [s for s in sources if s.status == "征求意见稿"]
    notes = [f"本表的检查项取自 {len(sources)} 份地方文件（{_places(checklist)}）中的规定，"
             "不是法律法规条款，也不是重大事故隐患判定标准；文件没有写到的事项，本表也不涉及。"]
    status = []
    if ended:
        years = "或".join(f"{y} 年" for y in sorted({s.period_end for s in ended}))
        status.append(("这些文件的规划期都已结束" if len(ended) == len(sources) else f"其中 {len(ended)} 份的规划期已结束")
                      + f"（至 {years}）")
    if drafts:
        status.append(f"{'、'.join(s.place for s in drafts)}的文件是征求意见稿，不是正式印发的文件")
    notes.append(("，".join(status) + "。" if status else "")
                 + "使用时请对照现行的法律法规、国家标准和行业标准以及本地的规定。")
    if checklist.kind == ASSESSMENT:
        notes.append(checklist.weights_note + "不适用的项目在“得分”栏写“不适用”，并在“扣分原因”栏写明理由。")
        notes.append("考核内容是本知识库据文件归纳的检查要点，不是文件原文。")
    else:
        if checklist.has_derived:
            notes.append(f"标“{DERIVED_MARK}”的检查项：原文是对政府部门工作的要求，工作对象是企业，本表据此列出企业应做到的事项，"
                         "不是原文对企业的直接规定。")
        notes.append("检查结果在相应方框内打“√”；选“不适用”的，在问题描述栏写明理由。发现的问题按本表序号登记到"
                     f"“{LEDGER_TITLE}”，整改完成后复查销号。")
    if any(p.heading == OWN_PART for p in checklist.parts):
        notes.append(f"“{OWN_PART}”是使用本表的单位自己写的，检查依据由该单位填写，不出自本知识库收录的文件。")
    notes.append(f"“检查依据”栏列出文件、章节和行号（行号对应本知识库收录的原文）；“摘录”后的编号对应附页“{APPENDIX_TITLE}”。")
    return notes


def _score_summary(checklist: Checklist) -> list[str]:
    return [f"总分 {checklist.total_score} 分；不适用项分值合计＿＿＿＿分；得分合计＿＿＿＿分。",
            "自评得分 = 得分合计 ÷（总分 − 不适用项分值合计）× 100 = ＿＿＿＿分。"]


def _appendix(checklist: Checklist) -> list[tuple[str, str]]:
    return [(str(q.number), f"{q.source_short} {q.section} 第{q.lines}行：“{q.text}”")
            for q in checklist.quotes]


def build_form(checklist: Checklist) -> Form:
    assessment = checklist.kind == ASSESSMENT
    columns = ASSESSMENT_COLUMNS if assessment else SELF_COLUMNS
    fields = [HeaderField(f, INSPECTION_TYPES if f == INSPECTION_TYPE_FIELD else []) for f in checklist.fields]
    return Form(
        checklist=checklist, columns=columns,
        header=[("表单编号", checklist.form_code), ("版本", f"{checklist.content_date}（{checklist.content_version}）"),
                ("生成日期", checklist.generated)],
        fields=fields, documents=_documents(checklist), notes=_notes(checklist),
        rows=_rows(checklist, columns), signoff=checklist.signoff, ledger=not assessment,
        appendix=_appendix(checklist), score_summary=_score_summary(checklist) if assessment else [],
    )
