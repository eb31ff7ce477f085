"""Run `mkdocs build` into a temporary folder and swap it in only when it succeeded."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.paths import ProjectPaths
from generator.process import die_with_parent, signals_deferred
from generator.search.index import SearchPatchError, patch_query_segmentation, tidy_search_index


BUNDLE_SITE = "bundle-site"  # build/bundle-site: the unpacked offline bundle


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
            preexec_fn=die_with_parent,  # a killed build must not leave `mkdocs build` running
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
    """Replace site/ by fresh/ with two renames, so site/ is never half-written.

    Ctrl-C is held back between the renames; after a SIGKILL between them, clean_leftovers
    puts the old site back."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    with signals_deferred():
        if site.exists():
            site.rename(old)
        try:
            fresh.rename(site)
        except OSError:
            if old.exists():
                old.rename(site)
            raise
    if old.exists():
        shutil.rmtree(old)


def clean_leftovers(paths: ProjectPaths, site: Path | None = None) -> None:
    """Undo what a killed build left: temporary site folders in build/ and a half-done swap."""
    if paths.build.is_dir():
        for folder in paths.build.glob("site.*"):
            if folder.is_dir():
                shutil.rmtree(folder)
    for target in (site or paths.site, paths.build / BUNDLE_SITE):
        old = target.with_name(target.name + ".old")
        if old.is_dir():
            if target.exists():
                shutil.rmtree(old)
            else:
                old.rename(target)
