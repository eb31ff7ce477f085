"""The first half of the pipeline: content/ on disk to a typed model, with every problem found.

parse (yaml_loader) → schema (files, prune) → typed model (to_model) → cross-checks on the
model (crosscheck). A file with a schema error still takes part as far as it safely can,
and references into what could not be read are not reported again (gaps).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.crosscheck import cross_check
from generator.content.files import LoadedFiles, display_path, load_content_files
from generator.content.gaps import Gaps, gaps_of
from generator.content.model import Content
from generator.content.problems import ContentError, Problem
from generator.content.reading import FileProblem, read_source_text
from generator.content.to_model import build_model
from generator.content.yaml_loader import position_of


@dataclass
class LoadedContent:
    content: Content  # complete only when there are no problems
    gaps: Gaps
    problems: list[Problem]


def read_content(content_dir: Path, project_dir: Path) -> LoadedContent:
    """Everything under content/ as far as it can be read, and every problem found in it."""
    files = load_content_files(content_dir, project_dir)
    gaps = gaps_of(files)
    problems = list(files.problems)
    source_lines = _read_source_texts(files, content_dir, project_dir, gaps, problems)
    content = build_model(files.usable, source_lines)
    problems += cross_check(content, gaps)
    return LoadedContent(content, gaps, problems)


def load_content(content_dir: Path, project_dir: Path) -> Content:
    """The complete model; ContentError lists every problem when there is any."""
    loaded = read_content(content_dir, project_dir)
    if loaded.problems:
        raise ContentError(loaded.problems)
    return loaded.content


def _read_source_texts(files: LoadedFiles, content_dir: Path, project_dir: Path, gaps: Gaps,
                       problems: list[Problem]) -> dict[str, list[str]]:
    """The lines of every registered source text; one that cannot be read is reported once and left out."""
    registry = next((f for f in files.usable if f.kind == "sources"), None)
    if registry is None:
        return {}
    texts: dict[str, list[str]] = {}
    for entry in registry.data["sources"]:
        sid = str(entry["id"])
        if sid in texts:
            continue
        path = content_dir / "sources" / str(entry["file"])
        try:
            texts[sid] = read_source_text(path, content_dir, display_path(path, project_dir),
                                          reference=position_of(entry["file"], registry.start))
        except FileProblem as err:
            problems.append(err.problem)
            gaps.mark_broken("source", sid)
    return texts
