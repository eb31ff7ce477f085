"""Write every checklist as PDF, XLSX and CSV, in parallel worker processes."""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.checklists.export_csv import write_csv
from generator.checklists.export_pdf import write_pdf
from generator.checklists.export_xlsx import write_xlsx
from generator.checklists.model import Checklist

DOWNLOADS = "checklists/files"
FORMATS = ("pdf", "xlsx", "csv")


def download_name(checklist_id: str, fmt: str) -> str:
    return f"{DOWNLOADS}/{checklist_id}.{fmt}"


@dataclass
class ExportTiming:
    files: int
    seconds: float


def _export_one(checklist: Checklist, fmt: str, templates: Path, docs: Path) -> None:
    target = docs / download_name(checklist.id, fmt)
    if fmt == "pdf":
        write_pdf(checklist, templates, target)
    elif fmt == "xlsx":
        write_xlsx(checklist, target)
    else:
        write_csv(checklist, target)


def export_all(checklists: list[Checklist], templates: Path, docs: Path) -> ExportTiming:
    """PDFs are the slow part: spread all files over the machine's cores."""
    started = time.perf_counter()
    (docs / DOWNLOADS).mkdir(parents=True, exist_ok=True)
    jobs = [(c, fmt) for fmt in FORMATS for c in checklists]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = [pool.submit(_export_one, c, fmt, templates, docs) for c, fmt in jobs]
        for future in futures:
            future.result()
    return ExportTiming(len(jobs), time.perf_counter() - started)
