"""Command line: python -m generator check | build | serve | schema."""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from .content import load_content
from .model import Content
from .paths import DEFAULT_PATHS, ProjectPaths
from .problems import ContentError
from .render import render_pages
from .schema import export_schemas
from .site_build import SiteBuildError, mkdocs_build
from .staging import write_staging


def check(paths: ProjectPaths) -> Content:
    return load_content(paths.content, paths.root)


def stage(paths: ProjectPaths) -> Path:
    content = check(paths)
    return write_staging(render_pages(content, paths.templates / "pages"), content, paths)


def build(paths: ProjectPaths) -> None:
    started = time.perf_counter()
    config = stage(paths)
    staged = time.perf_counter()
    mkdocs_build(config, paths)
    done = time.perf_counter()
    print(f"网站已生成：{paths.site}（校验和生成页面 {staged - started:.1f} 秒，MkDocs {done - staged:.1f} 秒）")


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
    args = parser.parse_args(argv)
    paths = DEFAULT_PATHS
    try:
        if args.command == "check":
            content = check(paths)
            count = sum(len(s.requirements) for s in content.sectors)
            print(f"内容校验通过：{len(content.sectors)} 个行业，{count} 条要求，"
                  f"{len(content.all_citations())} 处引文全部与原文核对一致。")
        elif args.command == "build":
            build(paths)
        elif args.command == "serve":
            serve(paths, args.dev_addr)
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
