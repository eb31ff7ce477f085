"""Keep what a schema error leaves usable: drop only the record the error stands in.

A file with one bad requirement still takes part in the cross-checks with all its
other records, so their mistakes are reported in the same run and nothing is
reported as missing merely because its file had an error elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.schema_check import SchemaFinding


@dataclass
class Pruned:
    data: Any  # None when the error stands outside every record: the file as a whole is unusable
    dropped: list[tuple[tuple[str | int, ...], Any]] = field(default_factory=list)  # (path, record)


def prune(document: Any, findings: list[SchemaFinding]) -> Pruned:
    doomed: dict[int, tuple[list[Any], set[int], tuple[str | int, ...]]] = {}
    for finding in findings:
        if finding.harmless:
            continue
        record = _innermost_record(document, finding.path)
        if record is None:
            return Pruned(None)
        container, index, path = record
        doomed.setdefault(id(container), (container, set(), path[:-1]))[1].add(index)
    dropped: list[tuple[tuple[str | int, ...], Any]] = []
    for container, indices, path in doomed.values():
        for index in sorted(indices, reverse=True):
            dropped.append((path + (index,), container[index]))
            del container[index]
    return Pruned(document, dropped)


def _innermost_record(document: Any, path: tuple[str | int, ...]) -> tuple[list[Any], int, tuple[str | int, ...]] | None:
    """The deepest mapping inside a list on the error's path: (that list, its index, path to it)."""
    found = None
    value = document
    for depth, step in enumerate(path):
        try:
            child = value[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(value, list) and isinstance(child, dict):
            found = (value, int(step), tuple(path[:depth + 1]))
        value = child
    return found
