"""Keep build/docs (the Markdown MkDocs reads) in step with the rendered pages, touching only what changed.

build/docs persists between builds: a page is rewritten only when its text changed, an asset or
download only when its bytes changed, and files no longer produced are removed. Unchanged files
keep their modification time, which is what `mkdocs serve --dirty` goes by.
"""
from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.paths import ProjectPaths
from generator.site.render import Page
from generator.sitemap import FORM_FRAGMENTS

HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"
SEARCH_HOOKS = Path(__file__).resolve().parent.parent / "search" / "mkdocs_hook.py"

LEGACY_FRESH = "docs.new"  # the folder older versions staged into; a killed one may be left


class StagedTree:
    """The files one build puts into build/docs; finish() removes every other file."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.expected: set[str] = set()
        self.written = 0
        docs.mkdir(parents=True, exist_ok=True)

    def write_text(self, relative: str, text: str) -> None:
        target = self._claim(relative)
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                return
        except FileNotFoundError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written += 1

    def place_file(self, relative: str, source: Path) -> None:
        """A hard link to source (the export cache) when possible, else a copy; skipped when identical."""
        target = self._claim(relative)
        if target.exists() and (os.path.samefile(source, target) or filecmp.cmp(source, target, shallow=False)):
            return
        link_or_copy(source, target)
        self.written += 1

    def stand_in(self, relative: str) -> None:
        """Keep the file a previous build left, or put an empty one: MkDocs only needs it to exist
        (for its link check); the real file replaces it once exported."""
        target = self._claim(relative)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"")

    def copy_tree(self, relative: str, source: Path) -> None:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                self.place_copy(f"{relative}/{path.relative_to(source).as_posix()}", path)

    def place_copy(self, relative: str, source: Path) -> None:
        """A copy (not a link: the source is a file someone edits in place)."""
        target = self._claim(relative)
        if target.exists() and filecmp.cmp(source, target, shallow=False):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.written += 1

    def remove_stale(self) -> int:
        removed = 0
        for path in sorted(self.docs.rglob("*"), reverse=True):  # files before their folders
            relative = path.relative_to(self.docs).as_posix()
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif relative not in self.expected:
                path.unlink()
                removed += 1
        return removed

    def _claim(self, relative: str) -> Path:
        self.expected.add(relative)
        return self.docs / relative


def link_or_copy(source: Path, target: Path) -> None:
    """Replace target by a hard link to source (a copy across file systems), never half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        os.link(source, partial)
    except OSError:
        shutil.copy2(source, partial)
    partial.replace(target)


def prepare_staging(pages: list[Page], libraries: dict[str, Path], paths: ProjectPaths) -> StagedTree:
    """Bring the pages, the assets and the browser libraries (site path -> file) into build/docs;
    the checklist files follow via place_file."""
    leftover = paths.build / LEGACY_FRESH
    if leftover.exists():
        shutil.rmtree(leftover)
    tree = StagedTree(paths.staging)
    for page in pages:
        tree.write_text(page.path, page.text)
    tree.copy_tree("assets", paths.templates / "assets")
    for relative, source in libraries.items():
        tree.place_copy(relative, source)
    return tree


def publish_staging(tree: StagedTree, nav: list[Any], paths: ProjectPaths) -> Path:
    """Remove what this build no longer produces; return the generated mkdocs config path."""
    tree.remove_stale()
    return write_mkdocs_config(nav, paths)


def write_if_changed(target: Path, text: str) -> bool:
    """Rewrite target only when its text differs (mkdocs serve reloads on every write of its config)."""
    try:
        if target.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def write_mkdocs_config(nav: list[Any], paths: ProjectPaths) -> Path:
    config: dict[str, Any] = yaml.safe_load(paths.mkdocs_config.read_text(encoding="utf-8"))
    config["docs_dir"] = str(paths.staging)
    config["site_dir"] = str(paths.site)
    config["nav"] = nav
    config["hooks"] = [str(HOOKS), str(SEARCH_HOOKS)]
    config["exclude_docs"] = f"{FORM_FRAGMENTS}/\n"
    theme = config["theme"]
    if "custom_dir" in theme:
        theme["custom_dir"] = str(paths.root / theme["custom_dir"])
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin and plugin["search"].get("jieba_dict_user"):
            plugin["search"]["jieba_dict_user"] = str(paths.root / plugin["search"]["jieba_dict_user"])
    target = paths.build / "mkdocs.yml"
    write_if_changed(target, "# Generated from ../mkdocs.yml by `python -m generator`; do not edit.\n"
                     + yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return target
