"""Checklist as CSV: UTF-8 with BOM, so Excel opens the Chinese text correctly.

Formula injection: Excel, LibreOffice and Google Sheets evaluate a CSV cell that begins with "=", "+",
"-" or "@" (and some also after a leading tab or carriage return), e.g. `=HYPERLINK("http://…")`.
Such a cell gets a leading apostrophe, the usual spreadsheet defence: the program shows the text as
written and treats it as text (the apostrophe is visible in a plain text editor, and in cells edited
later). Every cell goes through `spreadsheet_text`, whatever column it is in.
"""
from __future__ import annotations

import csv
from pathlib import Path

from generator.checklists.form import COLUMNS, item_cells
from generator.checklists.model import Checklist

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(checklist: Checklist, target: Path) -> None:
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([spreadsheet_text(name) for name, _ in COLUMNS])
        for item in checklist.items:
            writer.writerow([spreadsheet_text(cell) for cell in item_cells(item)])
