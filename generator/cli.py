"""Command line: python -m generator check | build | serve | bundle | coverage | schema."""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from generator.checklists.exports import export_all
from generator.checklists.model import Checklist
from generator.content.coverage import coverage_report
from generator.content.load import load_content
from generator.content.model import Content
from generator.content.problems import ContentError
from generator.content.schema import export_schemas
from generator.paths import DEFAULT_PATHS, ProjectPaths
from generator.project import load_project
from generator.search.dictionary import build_user_dictionary
from generator.site.bundle import BUNDLE_ROOT, build_bundle
from generator.site.mkdocs_build import SiteBuildError, mkdocs_build
from generator.site.render import navigation, render_pages
from generator.site.staging import prepare_staging, publish_staging


def check(paths: ProjectPaths) -> tuple[Content, list[Checklist]]:
    project = load_project(paths)
    return project.content, project.checklists


def stage(paths: ProjectPaths) -> Path:
    """Validate, render every page and export every checklist file into build/docs."""
    started = time.perf_counter()
    content, checklists = check(paths)
    fresh = prepare_staging(render_pages(content, paths.templates / "pages", checklists), paths)
    paths.search_dictionary.write_text(build_user_dictionary(paths.curated_search_terms, content), encoding="utf-8")
    pages_done = time.perf_counter()
    timing = export_all(checklists, paths.print_templates, fresh)
    print(f"校验和生成页面 {pages_done - started:.1f} 秒；"
          f"自查表 {len(checklists)} 张共 {timing.files} 个文件（PDF、Excel、CSV，并行生成）{timing.seconds:.1f} 秒",
          flush=True)
    return publish_staging(fresh, navigation(content, checklists), paths)


def build(paths: ProjectPaths) -> None:
    config = stage(paths)
    started = time.perf_counter()
    mkdocs_build(config, paths)
    print(f"网站已生成：{paths.site}（MkDocs {time.perf_counter() - started:.1f} 秒）")


def serve(paths: ProjectPaths, address: str) -> None:
    """Preview with live reload: re-stage when content or templates change; mkdocs serve reloads."""
    config = stage(paths)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config),
                               "--dev-addr", address], cwd=paths.root)
    watched = [paths.content, paths.templates]
    last = _newest_change(watched)
    try:
        while server.poll() is None:
            time.sleep(1)
            now = _newest_change(watched)
            if now != last:
                last = now
                try:
                    stage(paths)
                    print("内容已更新，页面将自动刷新。", flush=True)
                except ContentError as err:
                    print(err.report(), file=sys.stderr, flush=True)
    finally:
        server.terminate()


def _newest_change(folders: list[Path]) -> float:
    return max((p.stat().st_mtime for folder in folders for p in folder.rglob("*") if p.is_file()), default=0.0)


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
    try:
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
            archive = build_bundle(stage(paths), paths)
            print(f"离线包已生成：{archive.relative_to(paths.root)}（解压后打开 {BUNDLE_ROOT}/index.html）")
        elif args.command == "coverage":
            report, ok = coverage_report(load_content(paths.content, paths.root))
            print(report)
            return 0 if ok else 1
        elif args.command == "schema":
            for path in export_schemas(paths.schema):
                print(path.relative_to(paths.root))
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except SiteBuildError as err:
        print(str(err), file=sys.stderr)
        return 1
    return 0
