"""Command line: python -m generator check | build | serve | bundle | coverage | schema | add-source.

Only argument parsing and turning every failure into a sentence live here; the commands
themselves are in build.py, preview.py and the packages.
"""
from __future__ import annotations

import argparse
import sys
import traceback

from generator.build import build, bundle, check
from generator.content.problems import ContentError
from generator.failures import describe_os_error
from generator.paths import DEFAULT_PATHS, ProjectPaths
from generator.process import BuildLocked, Interrupted, install_signal_handlers


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
    add_cmd = commands.add_parser("add-source", help="把一份 .docx / .pdf / .txt 文件添加为来源（正文和登记表）")
    add_cmd.add_argument("file", help="要添加的文件")
    add_cmd.add_argument("--id", help="来源编号（小写字母开头，如 guangdong-2021）；默认取文件名")
    add_cmd.add_argument("--redact", action="store_true", help="把电话、邮箱、身份证号、账号密码等换成“〔个人信息已隐去〕”")
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

        if isinstance(err, SiteBuildError):
            print(str(err), file=sys.stderr)
        else:
            print(_internal_error(err, paths), file=sys.stderr)
            return 2
    return 1


def _internal_error(err: Exception, paths: ProjectPaths) -> str:
    """A bug of the generator, not of the content: one sentence for the author, the details in a file."""
    log = paths.build / "last-error.txt"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(err)), encoding="utf-8")
        where = f"详细信息已写入 {log.relative_to(paths.root)}，"
    except OSError:
        where = ""
    return (f"生成器内部出错（{type(err).__name__}）：这是程序的问题，不是内容的问题。"
            f"{where}请把它交给维护人员。原有的 site/ 保持不变。")


def _run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    if args.command == "check":
        content, checklists = check(paths)
        count = sum(len(s.requirements) for s in content.sectors)
        print(f"内容校验通过：{len(content.sectors)} 个行业，{count} 条要求，"
              f"{len(content.all_citations())} 处引文全部与原文核对一致；{len(checklists)} 张自查表。")
    elif args.command == "build":
        build(paths)
    elif args.command == "serve":
        from generator.preview import serve

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
    elif args.command == "add-source":
        from pathlib import Path

        from generator.sources.add import AddSourceProblem, add_source, report

        try:
            added = add_source(Path(args.file), paths, args.id, args.redact)
        except AddSourceProblem as err:
            print(str(err), file=sys.stderr)
            return 1
        print(report(added, paths))
    elif args.command == "schema":
        from generator.content.schema import export_schemas

        for path in export_schemas(paths.schema):
            print(path.relative_to(paths.root))
    return 0
