"""`make serve`: a live preview that re-stages only what changed after each edit."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from generator.build import prepare_build, stage
from generator.content.problems import ContentError
from generator.failures import describe_failure
from generator.paths import ProjectPaths
from generator.process import build_lock, die_with_parent


def serve(paths: ProjectPaths, address: str) -> None:
    """Preview with live reload.

    A change under content/, checklists/ or site_templates/ re-stages build/docs, which rewrites
    only the pages and files whose text changed (unchanged checklists come from the cache);
    `mkdocs serve --dirty` then rebuilds only those pages, and the browser reloads. In a dirty
    rebuild, the navigation and search index of unchanged pages are not refreshed: `make site`
    builds everything, strictly (the preview is not strict: --dirty itself warns). When content
    has errors, they are printed and the preview keeps the last good pages.
    """
    with build_lock(paths.build):
        prepare_build(paths)
        config = stage(paths)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
                               "--config-file", str(config), "--dev-addr", address],
                              cwd=paths.root, preexec_fn=die_with_parent)
    watched = [paths.content, paths.checklists, paths.templates]
    last = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(0.2)
            now = _snapshot(watched)
            if now == last:
                continue
            last = now
            try:
                with build_lock(paths.build):
                    stage(paths)
                print("内容已更新，页面将自动刷新。", flush=True)
            except ContentError as err:
                print(err.report(), file=sys.stderr, flush=True)
                print("预览仍显示上一次校验通过的页面。", file=sys.stderr, flush=True)
            except Exception as err:  # a template error must not end the preview
                print(f"{describe_failure(err, paths)}预览仍显示上一次生成的页面。", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait()


def _snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file's modification time and size: catches edits, new files and deleted files."""
    result = {}
    for folder in folders:
        for path in folder.rglob("*"):
            try:
                stat = path.stat()
            except OSError:
                continue
            result[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return result
