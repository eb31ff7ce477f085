"""The whole validated project: content and checklist definitions, checked in one pass.

Checklist definitions are checked even when the content has problems, so an author
sees every mistake in one run; the build goes on only when there are none.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.checklists.model import Checklist
from generator.builddate import build_date
from generator.checklists.select import Dates, resolve_checklists
from generator.content.load import read_content
from generator.content.model import Content
from generator.content.problems import ContentError
from generator.paths import ProjectPaths


@dataclass
class Project:
    content: Content
    checklists: list[Checklist]


def load_project(paths: ProjectPaths) -> Project:
    """Everything checked; ContentError lists every problem in content/ and checklists/ at once."""
    loaded = read_content(paths.content, paths.root)
    dates = Dates(content_date(paths.root, [paths.content, paths.checklists]), build_date())
    checklists, checklist_problems = resolve_checklists(paths.checklists, paths.root, loaded.content, loaded.gaps,
                                                        dates)
    problems = loaded.problems + checklist_problems
    if problems:
        raise ContentError(problems)
    return Project(loaded.content, checklists)


def content_date(root: Path, folders: list[Path]) -> str:
    """When the content last changed: its last commit, or (outside git) its newest file."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *map(str, folders)], cwd=root,
                              capture_output=True, text=True, timeout=10, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for f in folders for p in f.rglob("*") if p.is_file()), default=0)
    return date.fromtimestamp(newest).isoformat()
