"""Checklist as an Excel workbook laid out from the form model: the form, the hazard ledger and the quotes.

Text from content never becomes a formula or a link: the workbook is opened with strings_to_formulas and
strings_to_urls off (so even merge_range, which goes through write(), stores "=..." as text), cells are
written with write_string, and "&" in the running header is doubled (it starts an Excel header code).
The only formulas are the assessment's score cells, written by write_formula from our own cell references.
"""
from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from generator.checklists.form import (
    APPENDIX_TITLE,
    LEDGER_COLUMNS,
    LEDGER_ROWS,
    LEDGER_TITLE,
    NOT_APPLICABLE,
    REVIEW_RESULTS,
    Column,
    Form,
    HeadingRow,
    ItemRow,
    build_form,
    cell_text,
)
from generator.checklists.model import HAZARD_LEVELS, RESULT_CHOICES, Checklist

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
HEADER_LIMIT = 255  # Excel's limit; XlsxWriter drops a longer header entirely
LINE_HEIGHT = 13.5  # points per wrapped line at 9 pt
MIN_ITEM_HEIGHT = 48  # points: room for two handwritten lines
MM_TO_WIDTH = 0.55  # Excel column width units per millimetre (at the 9 pt body font)
A4 = 9


def text_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def wrapped_lines(text: str, width: float) -> int:
    usable = max(width - 1.5, 1)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def row_height(cells: list[str], widths: list[float], minimum: float = 0) -> float:
    """Neither XlsxWriter nor LibreOffice sizes wrapped rows on open: estimate the line count ourselves."""
    lines = max([1] + [wrapped_lines(text, width) for text, width in zip(cells, widths)])
    return max(minimum, lines * LINE_HEIGHT + 6)


def widths_of(columns: list[Column]) -> list[float]:
    return [round(c.width_mm * MM_TO_WIDTH, 1) for c in columns]


def header_text(text: str) -> str:
    """Text for an Excel header or footer, where "&" starts a control code (&P, &[Path], …)."""
    return text.replace("&", "&&")


def running_header(form: Form) -> str:
    """Title on the left, form code and version on the right; a long title is cut to keep within Excel's limit."""
    right = "&R&8" + header_text(f"表单编号 {form.code} · 版本 {form.checklist.version}")
    room = HEADER_LIMIT - len("&L&8") - len(right)
    title = header_text(form.title)
    if len(title) > room:
        title = title[:room - 1].rstrip("&") + "…"
    return f"&L&8{title}{right}"


def _page_setup(sheet, form: Form, header_row: int, columns: int, last_row: int) -> None:
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    sheet.repeat_rows(header_row)
    sheet.print_area(0, 0, last_row, columns - 1)
    sheet.set_header(running_header(form))
    sheet.set_footer("&L&8" + header_text(form.code) + "&C&8第 &P 页 共 &N 页")


class _Sheet:
    """A worksheet filled top to bottom."""

    def __init__(self, workbook, name: str, columns: list[Column], fmt: dict) -> None:
        self.sheet = workbook.add_worksheet(name)
        self.widths = widths_of(columns)
        self.last = len(columns) - 1
        self.fmt = fmt
        self.row = 0
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width)

    def line(self, text: str, style: str, height: float | None = None) -> None:
        """A merged full-width row."""
        self.sheet.merge_range(self.row, 0, self.row, self.last, text, self.fmt[style])
        self.sheet.set_row(self.row, height or row_height([text], [sum(self.widths)]))
        self.row += 1

    def header(self, columns: list[Column]) -> int:
        for col, column in enumerate(columns):
            self.sheet.write_string(self.row, col, column.title, self.fmt["head"])
        self.sheet.set_row(self.row, 30)
        self.row += 1
        return self.row - 1

    def text(self, col: int, value: str, style: str = "cell") -> None:
        """Text stays text (write() would take a leading '=' for a formula)."""
        if value:
            self.sheet.write_string(self.row, col, value, self.fmt[style])
        else:
            self.sheet.write_blank(self.row, col, None, self.fmt[style])


def _formats(workbook) -> dict:
    base = {"font_name": "宋体", "font_size": 9, "valign": "top", "text_wrap": True}
    return {
        "title": workbook.add_format({**base, "bold": True, "font_size": 14, "align": "center", "valign": "vcenter"}),
        "meta": workbook.add_format({**base, "align": "center", "valign": "vcenter"}),
        "field": workbook.add_format({**base, "font_size": 10, "valign": "vcenter"}),
        "note": workbook.add_format({**base, "font_size": 8}),
        "head": workbook.add_format({**base, "bold": True, "align": "center", "valign": "vcenter",
                                     "border": 1, "bg_color": "#D9E1F2"}),
        "part": workbook.add_format({**base, "bold": True, "font_size": 10, "border": 1, "bg_color": "#E6E6E6"}),
        "group": workbook.add_format({**base, "bold": True, "border": 1, "bg_color": "#F4F4F4"}),
        "cell": workbook.add_format({**base, "border": 1}),
        "number": workbook.add_format({**base, "border": 1, "align": "center"}),
        "sign": workbook.add_format({**base, "font_size": 10, "valign": "vcenter"}),
        "total": workbook.add_format({**base, "bold": True, "border": 1, "align": "center", "num_format": "0.0"}),
    }


def write_xlsx(checklist: Checklist, target: Path) -> None:
    form = build_form(checklist)
    workbook = xlsxwriter.Workbook(str(target), WORKBOOK_OPTIONS)
    fmt = _formats(workbook)
    _form_sheet(workbook, form, fmt)
    if form.ledger:
        _ledger_sheet(workbook, form, fmt)
    _appendix_sheet(workbook, form, fmt)
    workbook.set_properties({"title": form.title, "subject": form.code,
                             "comments": f"表单编号 {form.code}，版本 {checklist.version}，生成日期 {checklist.generated}"})
    workbook.close()


def _form_head(s: _Sheet, form: Form) -> None:
    s.line(form.title, "title", 26)
    s.line("　".join(f"{label}：{value}" for label, value in form.header), "meta", 18)
    for field in form.fields:
        value = "　".join(f"☐{c}" for c in field.choices) if field.choices else "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿"
        s.line(f"{field.label}：{value}", "field", 20)
    s.line("说明：" + "　".join(f"{n}. {text}" for n, text in enumerate(form.notes, 1)), "note")
    s.line("依据文件：" + "；".join(form.documents), "note")


def _form_sheet(workbook, form: Form, fmt: dict) -> None:
    s = _Sheet(workbook, form.checklist.kind, form.columns, fmt)
    _form_head(s, form)
    header_row = s.header(form.columns)
    first_item = s.row
    item_rows: list[int] = []
    for row in form.rows:
        if isinstance(row, HeadingRow):
            s.line(row.text, "part" if row.level == 1 else "group", 20)
            continue
        assert isinstance(row, ItemRow)
        texts = [cell_text(cell) for cell in row.cells]
        for col, (column, value) in enumerate(zip(form.columns, texts)):
            if column.key in ("number", "score"):
                s.sheet.write_number(s.row, col, int(value), fmt["number"])
            else:
                s.text(col, value)
        s.sheet.set_row(s.row, row_height(texts, s.widths, MIN_ITEM_HEIGHT))
        item_rows.append(s.row)
        s.row += 1
    if form.is_assessment:
        _score_rows(s, form, first_item, s.row - 1)
    else:
        _result_validation(s, form, item_rows)
    s.row += 1
    for role in form.signoff:
        s.line(f"{role}（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", "sign", 24)
    _page_setup(s.sheet, form, header_row, len(form.columns), s.row - 1)
    s.sheet.freeze_panes(header_row + 1, 0)


def _result_validation(s: _Sheet, form: Form, rows: list[int]) -> None:
    col = form.column_index("result")
    for row in rows:
        s.sheet.data_validation(row, col, row, col, {
            "validate": "list", "source": RESULT_CHOICES,
            "input_title": "检查结果", "input_message": "请从下拉列表中选择（不适用的在问题描述栏写明理由）",
            "error_title": "输入有误", "error_message": "请从下拉列表中选择：" + "、".join(RESULT_CHOICES),
        })


def _score_rows(s: _Sheet, form: Form, first: int, last: int) -> None:
    """分值 / 得分 totals and 得分 ÷ (总分 − 不适用项分值) × 100, as formulas over the item rows."""
    score, got = form.column_index("score"), form.column_index("got")
    scores = f"{xl_rowcol_to_cell(first, score)}:{xl_rowcol_to_cell(last, score)}"
    gots = f"{xl_rowcol_to_cell(first, got)}:{xl_rowcol_to_cell(last, got)}"
    for row in range(first, last + 1):
        cell, limit = xl_rowcol_to_cell(row, got), xl_rowcol_to_cell(row, score)
        s.sheet.data_validation(row, got, row, got, {
            "validate": "custom", "value": f'=OR({cell}="{NOT_APPLICABLE}",AND(ISNUMBER({cell}),{cell}>=0,{cell}<={limit}))',
            "error_title": "输入有误", "error_message": f"得分应为 0 到本项分值之间的数，不适用的写“{NOT_APPLICABLE}”。"})
    total = form.checklist.total_score
    lines = [("总分", f"=SUM({scores})", total),
             ("不适用项分值合计", f'=SUMIF({gots},"{NOT_APPLICABLE}",{scores})', 0),
             ("得分合计", f"=SUM({gots})", 0)]
    cells = {}
    for label, formula, value in lines:
        s.sheet.merge_range(s.row, 0, s.row, score - 1, label, s.fmt["group"])
        s.sheet.write_formula(s.row, score, formula, s.fmt["total"], value)
        cells[label] = xl_rowcol_to_cell(s.row, score)
        s.row += 1
    s.sheet.merge_range(s.row, 0, s.row, score - 1, "自评得分 = 得分合计 ÷（总分 − 不适用项分值合计）× 100", s.fmt["group"])
    available = f"({cells['总分']}-{cells['不适用项分值合计']})"
    s.sheet.write_formula(s.row, score, f'=IF({available}>0,ROUND({cells["得分合计"]}/{available}*100,1),"")',
                          s.fmt["total"], 0)
    s.row += 1


def _ledger_sheet(workbook, form: Form, fmt: dict) -> None:
    s = _Sheet(workbook, LEDGER_TITLE, LEDGER_COLUMNS, fmt)
    s.line(f"{form.title} · {LEDGER_TITLE}", "title", 26)
    s.line(f"表单编号：{form.code}　按自查表的序号登记发现的问题，整改完成后复查销号。", "meta", 18)
    header_row = s.header(LEDGER_COLUMNS)
    first = s.row
    for n in range(1, LEDGER_ROWS + 1):
        s.sheet.write_number(s.row, 0, n, fmt["number"])
        for col in range(1, len(LEDGER_COLUMNS)):
            s.text(col, "")
        s.sheet.set_row(s.row, 34)
        s.row += 1
    keys = [c.key for c in LEDGER_COLUMNS]
    for key, options in (("level", HAZARD_LEVELS), ("review", REVIEW_RESULTS)):
        col = keys.index(key)
        s.sheet.data_validation(first, col, s.row - 1, col, {"validate": "list", "source": options})
    _page_setup(s.sheet, form, header_row, len(LEDGER_COLUMNS), s.row - 1)


APPENDIX_COLUMNS = [Column("编号", 12, "n"), Column("原文（文件、章节、行号和摘录）", 250, "quote")]


def _appendix_sheet(workbook, form: Form, fmt: dict) -> None:
    s = _Sheet(workbook, APPENDIX_TITLE, APPENDIX_COLUMNS, fmt)
    s.line(f"{form.title} · {APPENDIX_TITLE}", "title", 26)
    header_row = s.header(APPENDIX_COLUMNS)
    for number, text in form.appendix:
        s.sheet.write_number(s.row, 0, int(number), fmt["number"])
        s.text(1, text)
        s.sheet.set_row(s.row, row_height([text], s.widths[1:]))
        s.row += 1
    _page_setup(s.sheet, form, header_row, len(APPENDIX_COLUMNS), s.row - 1)
