"""Run `mkdocs build` into a temporary folder and swap it in only when it succeeded."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from generator.paths import ProjectPaths
from generator.process import die_with_parent, signals_deferred


BUNDLE_SITE = "bundle-site"  # build/bundle-site: the unpacked offline bundle


class SiteBuildError(Exception):
    pass


class MkDocsRunner:
    """A `mkdocs build` process started before validation, so its start-up (~1 s) overlaps it."""

    def __init__(self, paths: ProjectPaths) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.site.mkdocs_runner"], cwd=paths.root, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            preexec_fn=die_with_parent,  # a killed build must not leave `mkdocs build` running
        )

    def run(self, args: list[str]) -> tuple[int, str]:
        try:
            out, err = self.process.communicate(json.dumps(args) + "\n")
        except BaseException:
            self.cancel()
            raise
        return self.process.returncode, err + out

    def cancel(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def start_mkdocs(paths: ProjectPaths) -> MkDocsRunner:
    return MkDocsRunner(paths)


def mkdocs_build(config: Path, paths: ProjectPaths, target: Path | None = None,
                 runner: MkDocsRunner | None = None, before_swap: Callable[[Path], None] | None = None) -> None:
    """Build the site into target (default site/); on failure leave the previous one exactly as it was.

    before_swap gets the new site's folder once MkDocs is done, to add files (the checklist downloads)."""
    runner = runner or start_mkdocs(paths)
    try:
        paths.build.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix="site.", dir=paths.build))
    except BaseException:
        runner.cancel()
        raise
    try:
        # No --quiet: it hides warnings from the count that --strict fails on.
        code, output = runner.run(["build", "--strict", "--config-file", str(config), "--site-dir", str(fresh)])
        if code != 0:
            problems = [line for line in output.splitlines() if not line.startswith("INFO")]
            raise SiteBuildError("MkDocs 生成网站失败：\n" + "\n".join(problems).strip())
        if before_swap is not None:
            before_swap(fresh)
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
