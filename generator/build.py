"""One build: validate, stage build/docs, export the checklist files and run MkDocs, under the build lock.

Everything that needs WeasyPrint, XlsxWriter or MkDocs is imported inside the function that
uses it, so `check` runs (and starts fast) without the export libraries.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.paths import ProjectPaths
from generator.process import build_lock

if TYPE_CHECKING:
    from generator.checklists.exports import PendingExports
    from generator.checklists.model import Checklist
    from generator.content.model import Content
    from generator.site.staging import StagedTree


def check(paths: ProjectPaths) -> tuple[Content, list[Checklist]]:
    from generator.project import load_project

    project = load_project(paths)
    return project.content, project.checklists


@dataclass
class Staged:
    config: Path  # build/mkdocs.yml
    tree: StagedTree
    exports: PendingExports
    seconds: float

    def finish_exports(self, also_into: Path | None = None) -> None:
        """Wait for the checklist files, place them in build/docs (and into a built site), print the timing."""
        from generator.site.staging import link_or_copy

        def place(name: str, cached: Path) -> None:
            self.tree.place_file(name, cached)
            if also_into is not None:
                link_or_copy(cached, also_into / name)

        timing = self.exports.finish(place)
        print(f"自查表共 {timing.files} 个文件（PDF、Excel、CSV），其中 {timing.exported} 个重新生成"
              f"（其余未变，取自 build/cache/），{timing.seconds:.1f} 秒", flush=True)


def stage_pages(paths: ProjectPaths) -> Staged:
    """Validate, then bring build/docs up to date (changed pages only) while the checklist files are
    exported in worker processes; a file not exported yet gets a stand-in, so MkDocs can start."""
    from generator.checklists.exports import start_exports
    from generator.search.dictionary import build_user_dictionary
    from generator.site.render import render_pages
    from generator.site.staging import prepare_staging, publish_staging, write_if_changed
    from generator.site.vendor import npm_cache, site_files
    from generator.sitemap import SiteMap

    started = time.perf_counter()
    content, checklists = check(paths)
    libraries = site_files(npm_cache(paths.build))  # the first build downloads them from the npm registry
    exports = start_exports(checklists, paths.print_templates, paths.export_cache)  # workers run meanwhile
    try:
        tree = prepare_staging(render_pages(content, paths.templates / "pages", checklists), libraries, paths)
        write_if_changed(paths.search_dictionary, build_user_dictionary(paths.curated_search_terms, content))
        exports.place_ready(tree)
        config = publish_staging(tree, SiteMap(content, checklists).navigation(), paths)
    except BaseException:
        exports.abort()
        raise
    seconds = time.perf_counter() - started
    print(f"校验和生成页面 {seconds:.1f} 秒，改动 {tree.written} 个文件；自查表 {len(checklists)} 张", flush=True)
    return Staged(config, tree, exports, seconds)


def stage(paths: ProjectPaths) -> Path:
    """Validate and bring build/docs fully up to date, checklist files included."""
    staged = stage_pages(paths)
    try:
        staged.finish_exports()
    except BaseException:
        staged.exports.abort()
        raise
    return staged.config


def prepare_build(paths: ProjectPaths) -> None:
    """Under the build lock: remove what a killed build left behind."""
    from generator.checklists.exports import clean_partial
    from generator.site.mkdocs_build import clean_leftovers

    clean_leftovers(paths)
    clean_partial(paths.export_cache)


def build(paths: ProjectPaths) -> None:
    from generator.site.mkdocs_build import mkdocs_build, start_mkdocs

    with build_lock(paths.build):
        prepare_build(paths)
        runner = start_mkdocs(paths)  # MkDocs starts up while the content is validated
        try:
            staged = stage_pages(paths)
        except BaseException:
            runner.cancel()
            raise
        started = time.perf_counter()
        try:
            # The checklist files are exported while MkDocs runs, then put into the new site before it is swapped in.
            mkdocs_build(staged.config, paths, runner=runner,
                         before_swap=lambda fresh: staged.finish_exports(also_into=fresh))
        except BaseException:
            staged.exports.abort()
            raise
    print(f"网站已生成：{paths.site.relative_to(paths.root)}/（MkDocs 和自查表同时进行，{time.perf_counter() - started:.1f} 秒）")


def bundle(paths: ProjectPaths) -> Path:
    from generator.site.bundle import build_bundle

    with build_lock(paths.build):
        prepare_build(paths)
        return build_bundle(stage(paths), paths)
