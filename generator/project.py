"""The whole validated project: content and checklist definitions, checked in one pass.

Checklist definitions are checked even when the content has problems, so an author
sees every mistake in one run; the build goes on only when there are none.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.checklists.model import Checklist
from generator.checklists.select import resolve_checklists
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
    checklists, checklist_problems = resolve_checklists(paths.checklists, paths.root, loaded.content, loaded.gaps)
    problems = loaded.problems + checklist_problems
    if problems:
        raise ContentError(problems)
    return Project(loaded.content, checklists)
