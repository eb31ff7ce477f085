"""Run `mkdocs build` into a temporary folder and swap it in only when it succeeded."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.paths import ProjectPaths
from generator.search.index import SearchPatchError, patch_query_segmentation, tidy_search_index


class SiteBuildError(Exception):
    pass


def mkdocs_build(config: Path, paths: ProjectPaths, target: Path | None = None) -> None:
    """Build the site into target (default site/); on failure leave the previous one exactly as it was."""
    paths.build.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix="site.", dir=paths.build))
    try:
        result = subprocess.run(
            # No --quiet: it hides warnings from the count that --strict fails on.
            [sys.executable, "-m", "mkdocs", "build", "--strict",
             "--config-file", str(config), "--site-dir", str(fresh)],
            cwd=paths.root, capture_output=True, text=True,
        )
        if result.returncode != 0:
            problems = [line for line in (result.stderr + result.stdout).splitlines()
                        if not line.startswith("INFO")]
            raise SiteBuildError("MkDocs 生成网站失败：\n" + "\n".join(problems).strip())
        tidy_search_index(fresh)
        try:
            patch_query_segmentation(fresh)
        except SearchPatchError as err:
            raise SiteBuildError(str(err)) from None
        swap_in(fresh, target or paths.site)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def swap_in(fresh: Path, site: Path) -> None:
    """Replace site/ by fresh/ with two renames, so site/ is never half-written."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    if old.exists():
        shutil.rmtree(old)
