"""Write every checklist as PDF, XLSX and CSV, in parallel worker processes, through a cache.

A file is exported again only when its inputs changed: the cache key is a digest of the whole
Checklist (its items, texts and content version), the format, the print templates and the
generator's code. Cached files live in build/cache/checklists/ and are linked into build/docs.
The exporter libraries (WeasyPrint, XlsxWriter) are imported only in the worker processes.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from generator.checklists.model import Checklist, as_plain
from generator.process import die_with_parent
from generator.sitemap import CHECKLIST_FORMATS, checklist_file

GENERATOR_CODE = Path(__file__).resolve().parent.parent
PARTIAL = ".partial-"  # a cache file being written; a killed build's leftovers are removed by clean_partial


class StagingTarget(Protocol):
    def place_file(self, relative: str, source: Path) -> None: ...
    def stand_in(self, relative: str) -> None: ...


@dataclass
class ExportTiming:
    files: int
    exported: int  # the rest came from the cache
    seconds: float


def _tree_digest(folders: list[Path], pattern: str) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(checklist: Checklist, fmt: str, code_digest: str) -> str:
    data = json.dumps(as_plain(checklist), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{fmt}\0{code_digest}\0{data}".encode("utf-8")).hexdigest()[:32]


def _export_one(checklist: Checklist, fmt: str, templates: Path, target: Path) -> None:
    """Runs in a worker: write to a partial file, then rename, so the cache never holds half a file."""
    partial = target.with_name(f"{PARTIAL}{os.getpid()}-{target.name}")
    if fmt == "pdf":
        from generator.checklists.export_pdf import write_pdf
        write_pdf(checklist, templates, partial)
    elif fmt == "xlsx":
        from generator.checklists.export_xlsx import write_xlsx
        write_xlsx(checklist, partial)
    else:
        from generator.checklists.export_csv import write_csv
        write_csv(checklist, partial)
    partial.replace(target)


def _export_star(job: tuple[Checklist, str, Path, Path]) -> None:
    _export_one(*job)


class PendingExports:
    """Exports started in worker processes; the caller renders pages meanwhile, then calls finish()."""

    def __init__(self, checklists: list[Checklist], templates: Path, cache: Path) -> None:
        self.started = time.perf_counter()
        cache.mkdir(parents=True, exist_ok=True)
        code = _tree_digest([templates], "*") + _tree_digest([GENERATOR_CODE], "*.py")
        self.files: dict[str, Path] = {}
        jobs = []
        for fmt in CHECKLIST_FORMATS:
            for c in checklists:
                cached = cache / f"{cache_key(c, fmt, code)}.{fmt}"
                self.files[checklist_file(c.id, fmt)] = cached
                if not cached.exists():
                    jobs.append((c, fmt, templates, cached))
        self.exported = len(jobs)
        self.cache = cache
        self.pool = None
        self.result = None
        if jobs:
            # PDFs are the slow part: spread the files over the machine's cores.
            workers = min(len(jobs), os.cpu_count() or 2)
            self.pool = multiprocessing.get_context("fork").Pool(workers, initializer=die_with_parent)
            self.result = self.pool.map_async(_export_star, jobs, chunksize=1)

    def place_ready(self, tree: "StagingTarget") -> None:
        """Place the files already exported; the others get a stand-in until finish() places them."""
        for name, cached in self.files.items():
            if cached.exists():
                tree.place_file(name, cached)
            else:
                tree.stand_in(name)

    def finish(self, place: Callable[[str, Path], None]) -> ExportTiming:
        """Wait for the workers, then place every file (cached or new) into the staging folder."""
        if self.pool is not None and self.result is not None:
            try:
                self.result.get()
                self.pool.close()
            finally:
                self.pool.terminate()  # on Ctrl-C or an error, do not wait for the other files
                self.pool.join()
        for name, cached in self.files.items():
            place(name, cached)
        self._prune()
        return ExportTiming(len(self.files), self.exported, time.perf_counter() - self.started)

    def abort(self) -> None:
        """Stop the workers now (the build failed or was interrupted elsewhere)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def _prune(self) -> None:
        """Drop cached files no checklist uses any more, so the cache stays the size of one build."""
        used = set(self.files.values())
        for path in self.cache.iterdir():
            if path not in used and path.is_file():
                path.unlink()


def start_exports(checklists: list[Checklist], templates: Path, cache: Path) -> PendingExports:
    return PendingExports(checklists, templates, cache)


def clean_partial(cache: Path) -> None:
    """Remove files a killed export left half-written."""
    if cache.is_dir():
        for path in cache.glob(f"{PARTIAL}*"):
            path.unlink()
