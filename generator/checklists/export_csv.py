"""Checklist as CSV: UTF-8 with BOM, so Excel opens the Chinese text correctly."""
from __future__ import annotations

import csv
from pathlib import Path

from generator.checklists.form import COLUMNS, item_cells
from generator.checklists.model import Checklist


def write_csv(checklist: Checklist, target: Path) -> None:
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in COLUMNS])
        for item in checklist.items:
            writer.writerow(item_cells(item))
