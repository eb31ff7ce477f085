"""Write the rendered pages and the generated MkDocs configuration into build/."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.paths import ProjectPaths
from generator.site.render import Page


def prepare_staging(pages: list[Page], paths: ProjectPaths) -> Path:
    """Write the pages and assets into a fresh folder beside build/docs."""
    fresh = paths.build / "docs.new"
    if fresh.exists():
        shutil.rmtree(fresh)
    for page in pages:
        target = fresh / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    shutil.copytree(paths.templates / "assets", fresh / "assets")
    return fresh


def publish_staging(fresh: Path, nav: list[Any], paths: ProjectPaths) -> Path:
    """Swap the prepared folder in as build/docs; return the generated mkdocs config path."""
    if paths.staging.exists():
        shutil.rmtree(paths.staging)
    fresh.rename(paths.staging)
    return write_mkdocs_config(nav, paths)


def write_mkdocs_config(nav: list[Any], paths: ProjectPaths) -> Path:
    config: dict[str, Any] = yaml.safe_load(paths.mkdocs_config.read_text(encoding="utf-8"))
    config["docs_dir"] = str(paths.staging)
    config["site_dir"] = str(paths.site)
    config["nav"] = nav
    theme = config["theme"]
    if "custom_dir" in theme:
        theme["custom_dir"] = str(paths.root / theme["custom_dir"])
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin and plugin["search"].get("jieba_dict_user"):
            plugin["search"]["jieba_dict_user"] = str(paths.root / plugin["search"]["jieba_dict_user"])
    target = paths.build / "mkdocs.yml"
    target.write_text("# Generated from ../mkdocs.yml by `python -m generator`; do not edit.\n"
                      + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
