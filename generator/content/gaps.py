"""What could not be read, so that references into it are not reported a second time.

One root cause is reported once: when a sector file does not parse, the indicators,
tasks and checklists that name that sector are not also told it does not exist.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.files import LoadedFiles

# (file kind, list key) -> (namespace, id key) of the records such a list holds
_RECORD_LISTS = {
    ("sources", "sources"): ("source", "id"),
    ("topics", "topics"): ("topic", "name"),
    ("sector", "requirements"): ("requirement", "id"),
    ("township", "systems"): ("system", "id"),
}
# a file that could not be used at all leaves these namespaces unknown
_UNKNOWN_WITHOUT = {
    "sources": {"source"},
    "topics": {"topic"},
    "sector": {"sector", "requirement", "scope"},
    "township": {"system"},
}


@dataclass
class Gaps:
    broken: dict[str, set[str]] = field(default_factory=dict)  # namespace -> ids whose record failed
    unknown: set[str] = field(default_factory=set)  # namespaces of which some ids cannot be known

    def mark_broken(self, namespace: str, value: Any) -> None:
        if isinstance(value, str):
            self.broken.setdefault(namespace, set()).add(str(value))
        else:
            self.unknown.add(namespace)

    def hides(self, namespace: str, value: str) -> bool:
        """True when a reference to `value` may be right after all: its target could not be read."""
        return namespace in self.unknown or str(value) in self.broken.get(namespace, set())

    def hides_any(self, namespace: str) -> bool:
        return namespace in self.unknown or bool(self.broken.get(namespace))


def gaps_of(files: LoadedFiles) -> Gaps:
    gaps = Gaps()
    for kind, path in files.unusable:
        gaps.unknown |= _UNKNOWN_WITHOUT.get(kind, set())
        if kind == "sector":
            gaps.mark_broken("sector", path.stem)
    for file in files.usable:
        if file.kind == "sector" and file.data.get("id") != file.path.stem:
            gaps.mark_broken("sector", file.path.stem)  # named by its file, which the cross-checks report
        for path, record in file.dropped:
            target = _RECORD_LISTS.get((file.kind, path[0])) if len(path) == 2 else None
            if target is not None:
                namespace, key = target
                gaps.mark_broken(namespace, record.get(key) if isinstance(record, dict) else None)
    return gaps
