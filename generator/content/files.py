"""Find the content files, parse them and check each against its schema."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.problems import Position, Problem
from generator.content.schema import SCHEMAS
from generator.content.prune import Pruned, prune
from generator.content.schema_check import schema_findings
from generator.content.yaml_loader import YamlSyntaxError, load_yaml


@dataclass
class ContentFile:
    kind: str  # a key of SCHEMAS
    path: Path
    display: str  # path as shown in messages, relative to the project
    data: Any  # what passed the schema: records with errors are dropped (see prune.py)
    dropped: list[tuple[tuple[str | int, ...], Any]] = field(default_factory=list)

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


def load_checked(path: Path, display: str, schema: dict[str, Any]) -> tuple[Pruned, list[Problem]]:
    """One YAML file parsed and checked against its schema; what is usable of it, and its problems."""
    try:
        data = load_yaml(path, display)
    except YamlSyntaxError as err:
        return Pruned(None), [err.problem]
    findings = schema_findings(data, schema, Position(display, 1, 1))
    return prune(data, findings), [f.problem for f in findings]


@dataclass
class LoadedFiles:
    usable: list[ContentFile]
    unusable: list[tuple[str, Path]]  # (kind, path) of files that could not be read or used at all
    problems: list[Problem]


def load_content_files(content_dir: Path, project_dir: Path) -> LoadedFiles:
    """Every content file, parsed and checked; as much of each as passed its schema."""
    result = LoadedFiles([], [], [])
    for kind, path in expected_files(content_dir):
        display = display_path(path, project_dir)
        if not path.exists() and not path.is_symlink():  # a broken link is named by load_yaml
            result.problems.append(Problem(Position(display, 1, 1), "缺少这个文件，请从版本库恢复它。"))
            result.unusable.append((kind, path))
            continue
        pruned, found = load_checked(path, display, SCHEMAS[kind])
        result.problems.extend(found)
        if pruned.data is None:
            result.unusable.append((kind, path))
        else:
            result.usable.append(ContentFile(kind, path, display, pruned.data, pruned.dropped))
    return result


def display_path(path: Path, project_dir: Path) -> str:
    """The path as the author sees it: the link itself, not its target (which may not exist or loop)."""
    try:
        return (path.parent.resolve() / path.name).relative_to(project_dir.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return path.as_posix()
