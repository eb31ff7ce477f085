"""The first half of the pipeline: content/ on disk to a validated, typed model."""
from __future__ import annotations

from pathlib import Path

from generator.content.files import load_content_files
from generator.content.model import Content
from generator.content.problems import ContentError
from generator.content.to_model import build_model
from generator.content.validate import Validator


def load_content(content_dir: Path, project_dir: Path) -> Content:
    """Read and check everything under content/; raise ContentError listing every problem."""
    files, problems = load_content_files(content_dir, project_dir)
    validator = Validator(files, content_dir / "sources")
    problems += validator.run()
    if problems:
        raise ContentError(problems)
    return build_model(files, validator.source_lines)
