"""Checklist as CSV: UTF-8 with BOM, so Excel opens the Chinese text correctly.

The same columns as the printed form (from the form model), with the part in a first column; the
tick boxes of 检查结果 are left out (a CSV is filled in as data).

Formula injection: Excel, LibreOffice and Google Sheets evaluate a CSV cell that begins with "=", "+",
"-" or "@" (and some also after a leading tab or carriage return), e.g. `=HYPERLINK("http://…")`.
Such a cell gets a leading apostrophe, the usual spreadsheet defence: the program shows the text as
written and treats it as text (the apostrophe is visible in a plain text editor, and in cells edited
later). Every cell goes through `spreadsheet_text`, whatever column it is in.
"""
from __future__ import annotations

import csv
from pathlib import Path

from generator.checklists.form import HeadingRow, ItemRow, build_form, cell_text
from generator.checklists.model import Checklist

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BLANK_IN_CSV = {"result"}


def spreadsheet_text(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(checklist: Checklist, target: Path) -> None:
    form = build_form(checklist)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([spreadsheet_text(name) for name in ["部分"] + [c.title for c in form.columns]])
        part = ""
        for row in form.rows:
            if isinstance(row, HeadingRow):
                part = row.text if row.level == 1 else part
                continue
            assert isinstance(row, ItemRow)
            cells = ["" if column.key in BLANK_IN_CSV else cell_text(cell)
                     for column, cell in zip(form.columns, row.cells)]
            writer.writerow([spreadsheet_text(cell) for cell in [part] + cells])
