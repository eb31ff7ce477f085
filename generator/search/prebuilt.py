"""Build the lunr search index at build time (prebuild_index.js runs the site's own search worker in node)
and store it in search_index.json, so the browser loads it instead of building it when the search opens."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from generator.search.index import write_search_index

PREBUILD_SCRIPT = Path(__file__).resolve().parent / "prebuild_index.js"


class PrebuildError(Exception):
    pass


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise PrebuildError("找不到 node（Node.js），无法预先建立搜索索引。请运行 make site，它会安装 npm 和 node。")
    return node


def _reason(stderr: str) -> str:
    """The script's own message (one line), or the error line of a node stack trace."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line and ":" in line]
    return (errors or lines or ["node 异常退出"])[0]


def prebuilt_index(site: Path) -> dict[str, Any]:
    run = subprocess.run([_node(), str(PREBUILD_SCRIPT), str(site)], capture_output=True, text=True, encoding="utf-8")
    if run.returncode != 0:
        raise PrebuildError(f"预先建立搜索索引失败：{_reason(run.stderr)}")
    return json.loads(run.stdout)


def store_prebuilt_index(site: Path, index: dict[str, Any]) -> None:
    """Add the prebuilt index to `index`, the tidied search_index.json that node builds it from."""
    index["aq"] = prebuilt_index(site)
    write_search_index(site, index)
