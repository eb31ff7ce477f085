"""Find the content files, parse them and check each against its schema."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.problems import Position, Problem
from generator.content.schema import SCHEMAS
from generator.content.schema_check import schema_problems
from generator.content.yaml_loader import YamlSyntaxError, load_yaml


@dataclass
class ContentFile:
    kind: str  # a key of SCHEMAS
    path: Path
    display: str  # path as shown in messages, relative to the project
    data: Any

    @property
    def start(self) -> Position:
        return Position(self.display, 1, 1)


def expected_files(content_dir: Path) -> list[tuple[str, Path]]:
    files = [
        ("sources", content_dir / "sources" / "sources.yaml"),
        ("topics", content_dir / "topics.yaml"),
        ("glossary", content_dir / "glossary.yaml"),
        ("township", content_dir / "township.yaml"),
        ("indicators", content_dir / "indicators.yaml"),
        ("tasks", content_dir / "tasks.yaml"),
        ("risk", content_dir / "risk.yaml"),
        ("synonyms", content_dir / "search" / "synonyms.yaml"),
    ]
    files += [("sector", path) for path in sorted((content_dir / "sectors").glob("*.yaml"))]
    return files


def load_checked(path: Path, display: str, schema: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """One YAML file parsed and checked against its schema: (data, []) or (None, problems)."""
    try:
        data = load_yaml(path, display)
    except YamlSyntaxError as err:
        return None, [err.problem]
    found = schema_problems(data, schema, Position(display, 1, 1))
    return (None, found) if found else (data, [])


def load_content_files(content_dir: Path, project_dir: Path) -> tuple[list[ContentFile], list[Problem]]:
    """Every content file that parsed and matches its schema, and the problems of the rest."""
    loaded: list[ContentFile] = []
    problems: list[Problem] = []
    for kind, path in expected_files(content_dir):
        display = display_path(path, project_dir)
        if not path.exists() and not path.is_symlink():  # a broken link is named by load_yaml
            problems.append(Problem(Position(display, 1, 1), "缺少这个文件，请从版本库恢复它。"))
            continue
        data, found = load_checked(path, display, SCHEMAS[kind])
        problems.extend(found)
        if data is not None:
            loaded.append(ContentFile(kind, path, display, data))
    return loaded, problems


def display_path(path: Path, project_dir: Path) -> str:
    """The path as the author sees it: the link itself, not its target (which may not exist or loop)."""
    try:
        return (path.parent.resolve() / path.name).relative_to(project_dir.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return path.as_posix()
