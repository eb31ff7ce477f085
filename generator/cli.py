"""Command line: python -m generator check | build | serve | bundle | coverage | schema."""
from __future__ import annotations

import argparse
import errno
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.problems import ContentError
from generator.paths import DEFAULT_PATHS, ProjectPaths
from generator.process import BuildLocked, Interrupted, build_lock, die_with_parent, install_signal_handlers

# Everything that needs WeasyPrint, XlsxWriter or MkDocs is imported inside the command that
# uses it, so `check` runs (and starts fast) without the export libraries.
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
    from generator.sitemap import SiteMap
    from generator.site.staging import prepare_staging, publish_staging, write_if_changed

    started = time.perf_counter()
    content, checklists = check(paths)
    exports = start_exports(checklists, paths.print_templates, paths.export_cache)  # workers run meanwhile
    try:
        tree = prepare_staging(render_pages(content, paths.templates / "pages", checklists), paths)
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
    print(f"网站已生成：{paths.site}（MkDocs 和自查表同时进行，{time.perf_counter() - started:.1f} 秒）")


def bundle(paths: ProjectPaths) -> Path:
    from generator.site.bundle import build_bundle

    with build_lock(paths.build):
        prepare_build(paths)
        return build_bundle(stage(paths), paths)


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


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def describe_os_error(err: OSError, paths: ProjectPaths) -> str:
    """One sentence naming the folder that could not be written, and what to do."""
    folder = _top_folder(err.filename, paths)
    if err.errno in _DISK_FULL:
        return f"磁盘空间已满，无法写入 {folder}：请清理磁盘（或删除 build/ 后）重新生成。原有的 site/ 保持不变。"
    if err.errno in _READ_ONLY:
        return f"{folder} 是只读的或没有写入权限，无法写入：请改为可写后重新生成。原有的 site/ 保持不变。"
    if err.errno in (errno.EEXIST, errno.ENOTDIR):
        return f"{folder} 应当是文件夹，但现在是一个文件：请把它改名或删除后重新生成。原有的 site/ 保持不变。"
    reason = err.strerror or str(err)
    return f"无法写入 {folder}（{reason}）：请检查这个文件夹后重新生成。原有的 site/ 保持不变。"


def _top_folder(filename: object, paths: ProjectPaths) -> str:
    """site/, build/ or dist/ (site.old/ is site/ in the middle of the swap)."""
    if not filename:
        return "项目文件夹"
    path = Path(str(filename))
    try:
        parts = path.resolve().relative_to(paths.root.resolve()).parts
    except ValueError:
        return f"{path.parent}/"
    return f"{parts[0].removesuffix('.old')}/" if parts else "项目文件夹"


def describe_failure(err: Exception, paths: ProjectPaths) -> str:
    """For the preview, which must keep running whatever one re-stage does."""
    if isinstance(err, OSError):
        return describe_os_error(err, paths)
    from jinja2 import TemplateError, TemplateSyntaxError

    if isinstance(err, TemplateSyntaxError):
        return f"{err.filename or err.name}:{err.lineno}:1: 模板有语法错误：{err.message}。"
    if isinstance(err, TemplateError):
        return f"模板出错：{err}。"
    return f"生成页面时出错（{type(err).__name__}：{err}）。"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="安全生产知识库生成器")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="只校验 content/ 中的内容")
    commands.add_parser("build", help="校验内容并生成整个网站到 site/")
    serve_cmd = commands.add_parser("serve", help="本地预览，内容或模板修改后自动刷新")
    serve_cmd.add_argument("--dev-addr", default="127.0.0.1:8000")
    commands.add_parser("schema", help="导出内容格式的 JSON Schema 到 schema/")
    commands.add_parser("bundle", help="生成离线包 dist/anquan-offline.zip（解压后双击 index.html 即可使用，含搜索）")
    commands.add_parser("coverage", help="统计每份来源文件有多少行已被引用或标为不含要求")
    args = parser.parse_args(argv)
    paths = DEFAULT_PATHS
    install_signal_handlers()
    try:
        return _run(args, paths)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
    except Interrupted as stop:
        if args.command == "serve":
            print("预览已停止。", file=sys.stderr)
            return 0
        print("已中断：这次生成没有完成，原有的 site/ 保持不变。", file=sys.stderr)
        return stop.exit_code
    except BuildLocked as err:
        print(str(err), file=sys.stderr)
    except OSError as err:
        print(describe_os_error(err, paths), file=sys.stderr)
    except Exception as err:
        from generator.site.mkdocs_build import SiteBuildError

        if not isinstance(err, SiteBuildError):
            raise
        print(str(err), file=sys.stderr)
    return 1


def _run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    if args.command == "check":
        content, checklists = check(paths)
        count = sum(len(s.requirements) for s in content.sectors)
        print(f"内容校验通过：{len(content.sectors)} 个行业，{count} 条要求，"
              f"{len(content.all_citations())} 处引文全部与原文核对一致；{len(checklists)} 张自查表。")
    elif args.command == "build":
        build(paths)
    elif args.command == "serve":
        serve(paths, args.dev_addr)
    elif args.command == "bundle":
        from generator.site.bundle import BUNDLE_ROOT

        archive = bundle(paths)
        print(f"离线包已生成：{archive.relative_to(paths.root)}（解压后打开 {BUNDLE_ROOT}/index.html）")
    elif args.command == "coverage":
        from generator.content.coverage import coverage_report
        from generator.content.load import load_content

        report, ok = coverage_report(load_content(paths.content, paths.root))
        print(report)
        return 0 if ok else 1
    elif args.command == "schema":
        from generator.content.schema import export_schemas

        for path in export_schemas(paths.schema):
            print(path.relative_to(paths.root))
    return 0
