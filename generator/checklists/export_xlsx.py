"""Checklist as an Excel workbook: the form, and a second sheet for the hazard ledger.

Text from content never becomes a formula or a link: the workbook is opened with strings_to_formulas and
strings_to_urls off (so even merge_range, which goes through write(), stores "=..." as text), cells are
written with write_string, and "&" in the running header is doubled (it starts an Excel header code).
"""
from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import xlsxwriter

from generator.checklists.form import (
    COLUMNS,
    LEDGER_COLUMNS,
    LEDGER_ROWS,
    LEVEL_COLUMN,
    RESULT_COLUMN,
    REVIEW_RESULT_COLUMN,
    REVIEW_RESULTS,
    item_cells,
)
from generator.checklists.model import HAZARD_LEVELS, RESULT_CHOICES, Checklist

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
HEADER_LIMIT = 255  # Excel's limit; XlsxWriter drops a longer header entirely
LINE_HEIGHT = 14.5  # points per wrapped line at 10 pt
A4 = 9


def text_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def row_height(cells: list[str], widths: list[float]) -> float:
    """Neither XlsxWriter nor openpyxl sizes wrapped rows: estimate the line count ourselves."""
    lines = 1
    for text, width in zip(cells, widths):
        usable = max(width - 1, 1)
        lines = max(lines, sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n")))
    return lines * LINE_HEIGHT + 4


def _page_setup(sheet, checklist: Checklist, header_row: int, columns: int, last_row: int) -> None:
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    sheet.repeat_rows(header_row)
    sheet.print_area(0, 0, last_row, columns - 1)
    sheet.set_header(running_header(checklist))
    sheet.set_footer("&C&9第 &P 页 共 &N 页")
    sheet.freeze_panes(header_row + 1, 0)


def header_text(text: str) -> str:
    """Text for an Excel header or footer, where "&" starts a control code (&P, &[Path], …)."""
    return text.replace("&", "&&")


def running_header(checklist: Checklist) -> str:
    """Title on the left, id and version on the right; a long title is cut to keep within Excel's limit."""
    right = "&R&9" + header_text(f"{checklist.id} · 内容版本 {checklist.content_version}")
    room = HEADER_LIMIT - len("&L&9") - len(right)
    title = header_text(checklist.title)
    if len(title) > room:
        title = title[:room - 1].rstrip("&") + "…"
    return f"&L&9{title}{right}"


def write_xlsx(checklist: Checklist, target: Path) -> None:
    workbook = xlsxwriter.Workbook(str(target), WORKBOOK_OPTIONS)
    base = {"font_name": "宋体", "font_size": 10, "valign": "top", "text_wrap": True}
    fmt = {
        "title": workbook.add_format({**base, "bold": True, "font_size": 14, "align": "center", "valign": "vcenter"}),
        "field": workbook.add_format({**base, "valign": "vcenter"}),
        "head": workbook.add_format({**base, "bold": True, "align": "center", "valign": "vcenter",
                                     "border": 1, "bg_color": "#D9E1F2"}),
        "group": workbook.add_format({**base, "bold": True, "border": 1, "bg_color": "#F2F2F2"}),
        "cell": workbook.add_format({**base, "border": 1}),
        "number": workbook.add_format({**base, "border": 1, "align": "center"}),
        "sign": workbook.add_format({**base, "valign": "vcenter"}),
    }
    _form_sheet(workbook, checklist, fmt)
    _ledger_sheet(workbook, checklist, fmt)
    workbook.set_properties({"title": checklist.title, "comments": f"内容版本 {checklist.content_version}"})
    workbook.close()


def _form_sheet(workbook, checklist: Checklist, fmt) -> None:
    sheet = workbook.add_worksheet("自查表")
    widths = [w for _, w in COLUMNS]
    last = len(COLUMNS) - 1
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.merge_range(0, 0, 0, last, checklist.title, fmt["title"])
    sheet.set_row(0, 24)
    half = len(COLUMNS) // 2
    row = 1
    for n in range(0, len(checklist.fields), 2):
        pair = checklist.fields[n:n + 2]
        sheet.merge_range(row, 0, row, half - 1, f"{pair[0]}：", fmt["field"])
        if len(pair) > 1:
            sheet.merge_range(row, half, row, last, f"{pair[1]}：", fmt["field"])
        sheet.set_row(row, 20)
        row += 1
    header_row = row
    for col, (name, _) in enumerate(COLUMNS):
        sheet.write_string(header_row, col, name, fmt["head"])
    sheet.set_row(header_row, 30)
    row = header_row + 1
    first_item_row = row
    for group, items in checklist.groups():
        sheet.merge_range(row, 0, row, last, group, fmt["group"])
        row += 1
        for item in items:
            cells = item_cells(item)
            sheet.write_number(row, 0, item.number, fmt["number"])
            for col, value in enumerate(cells[1:], 1):
                _write_text(sheet, row, col, value, fmt["cell"])
            sheet.set_row(row, row_height(cells, widths))
            row += 1
    _validations(sheet, first_item_row, row - 1)
    row += 1
    for role in checklist.signoff:
        sheet.merge_range(row, 0, row, last, f"{role}（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", fmt["sign"])
        sheet.set_row(row, 24)
        row += 1
    _page_setup(sheet, checklist, header_row, len(COLUMNS), row - 1)


def _write_text(sheet, row: int, col: int, value: str, cell_format) -> None:
    """Text stays text (write() would take a leading '=' for a formula)."""
    if value:
        sheet.write_string(row, col, value, cell_format)
    else:
        sheet.write_blank(row, col, None, cell_format)


def _validations(sheet, first: int, last: int) -> None:
    choices = {RESULT_COLUMN: RESULT_CHOICES, LEVEL_COLUMN: HAZARD_LEVELS, REVIEW_RESULT_COLUMN: REVIEW_RESULTS}
    for col, options in choices.items():
        sheet.data_validation(first, col, last, col, {
            "validate": "list", "source": options,
            "input_title": COLUMNS[col][0], "input_message": "请从下拉列表中选择",
            "error_title": "输入有误", "error_message": "请从下拉列表中选择：" + "、".join(options),
        })


def _ledger_sheet(workbook, checklist: Checklist, fmt) -> None:
    sheet = workbook.add_worksheet("隐患整改台账")
    last = len(LEDGER_COLUMNS) - 1
    for col, (_, width) in enumerate(LEDGER_COLUMNS):
        sheet.set_column(col, col, width)
    sheet.merge_range(0, 0, 0, last, f"隐患整改台账（{checklist.title}）", fmt["title"])
    sheet.set_row(0, 24)
    for col, (name, _) in enumerate(LEDGER_COLUMNS):
        sheet.write_string(1, col, name, fmt["head"])
    for row in range(2, 2 + LEDGER_ROWS):
        sheet.write_number(row, 0, row - 1, fmt["number"])
        for col in range(1, last + 1):
            sheet.write_blank(row, col, None, fmt["cell"])
        sheet.set_row(row, 30)
    sheet.data_validation(2, 3, 1 + LEDGER_ROWS, 3, {"validate": "list", "source": HAZARD_LEVELS})
    sheet.data_validation(2, 9, 1 + LEDGER_ROWS, 9, {"validate": "list", "source": REVIEW_RESULTS})
    _page_setup(sheet, checklist, 1, len(LEDGER_COLUMNS), 1 + LEDGER_ROWS)
