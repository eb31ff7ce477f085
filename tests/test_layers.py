"""Data flows one way: content → checklists → site. The package imports must say the same."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import PROJECT

GENERATOR = PROJECT / "generator"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("generator")}


def _package_imports(package: str) -> dict[str, set[str]]:
    return {path.name: _imports(path) for path in (GENERATOR / package).glob("*.py")}


def test_content_depends_on_nothing_downstream():
    for module, imports in _package_imports("content").items():
        assert not {i for i in imports if not i.startswith("generator.content")}, module


def test_the_model_does_not_import_the_checks():
    imports = _imports(GENERATOR / "content" / "model.py")
    assert imports <= {"generator.content.problems"}, imports


def test_checklists_do_not_import_the_site():
    for module, imports in _package_imports("checklists").items():
        assert not {i for i in imports if i.startswith(("generator.site.", "generator.search."))}, module


def test_adding_a_source_needs_only_the_content_rules():
    """add-source reads documents and writes content/: it shares the content package's rules (limits,
    personal data, schema values) and nothing of the site or the checklists."""
    for module, imports in _package_imports("sources").items():
        allowed = ("generator.content.", "generator.sources.", "generator.paths")
        assert not {i for i in imports if not i.startswith(allowed)}, module
