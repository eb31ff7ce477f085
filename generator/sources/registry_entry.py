"""A new entry at the end of content/sources/sources.yaml, written as text so comments and layout stay.

Fields the document shows are filled in (strings as JSON strings, which YAML reads as they are);
the ones only the author can decide are written as comments, so `check` names each missing
field until it is filled.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from generator.content.schema import LEVELS, SOURCE_STATUS, SOURCE_TYPES
from generator.sources.metadata import Metadata

# Fields read from the document; when it does not show one, the author fills it in (hint after the key).
READ_FROM_TEXT = {"title": "标题", "issuer": "发文机关", "doc_number": "文号；没有文号时写“无”",
                  "date": "日期，如 2021-06-30；原文没有日期时写“未注明”"}
# Fields only the author can decide.
TO_FILL = [
    ("short", "简称，如 荔湾规划（页面和检查依据中显示）"),
    ("type", " | ".join(SOURCE_TYPES)),
    ("status", " | ".join(SOURCE_STATUS)),
    ("province", "省份，如 广东省"),
    ("city", "市，如 广州市"),
    ("district", "区县，没有时删去这一行"),
    ("level", " | ".join(LEVELS)),
    ("period", "规划期，照原文写，如 2021—2025 年（“十四五”）"),
    ("period_end", "规划期末年份，如 2025"),
]


class RegistryProblem(Exception):
    """The registry cannot take the entry as it stands; nothing was written."""


@dataclass(frozen=True)
class Redacted:
    line: int
    what: str


def entry_text(source_id: str, file_name: str, meta: Metadata, redacted: list[Redacted]) -> str:
    lines = [f"  - id: {source_id}", f"    file: {file_name}"]
    missing: list[tuple[str, str]] = []
    for key, found in (("title", meta.title), ("issuer", meta.issuer), ("doc_number", meta.doc_number),
                       ("date", meta.date)):
        if found is None:
            missing.append((key, READ_FROM_TEXT[key]))
        else:
            lines.append(f"    {key}: {json.dumps(found.value, ensure_ascii=False)}  # 读自原文第 {found.line} 行，请核对")
    lines.append("    # 以下各项请按原件填写，并去掉行首的“# ”（填好之前 make check 会逐项提示）：")
    lines += [f"    # {key}: {hint}" for key, hint in [*missing, *TO_FILL]]
    if redacted:
        lines.append("    redactions:")
        lines += [f"      - {{lines: {r.line}, what: {json.dumps(r.what, ensure_ascii=False)}}}" for r in redacted]
    return "\n".join(lines) + "\n"


def with_entry(registry: str, source_id: str, file_name: str, entry: str) -> str:
    """The registry text with the entry appended to its `sources:` list; refuses clashes and odd layouts."""
    try:
        data = yaml.safe_load(registry)
    except (yaml.YAMLError, RecursionError):
        raise RegistryProblem("content/sources/sources.yaml 现在有语法错误：请先运行 make check 改正它，再添加来源。") from None
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, list):
        raise RegistryProblem("content/sources/sources.yaml 里没有 sources: 列表，无法登记新来源。")
    for existing in sources:
        if isinstance(existing, dict) and existing.get("id") == source_id:
            raise RegistryProblem(f"编号「{source_id}」已经登记过了：请用 --id 换一个编号。")
        if isinstance(existing, dict) and existing.get("file") == file_name:
            raise RegistryProblem(f"正文文件 {file_name} 已被别的来源使用：请用 --id 换一个编号。")
    top_keys = re.findall(r"^([A-Za-z_]+):", registry, flags=re.MULTILINE)
    if not top_keys or top_keys[-1] != "sources":
        raise RegistryProblem("content/sources/sources.yaml 的最后一项不是 sources: 列表，无法自动追加："
                              "请把 sources: 移到文件末尾，或手工登记。")
    updated = registry.rstrip("\n") + "\n" + entry
    new = yaml.safe_load(updated).get("sources", [])
    if len(new) != len(sources) + 1 or not isinstance(new[-1], dict) or new[-1].get("id") != source_id:
        raise RegistryProblem("追加后 sources.yaml 读不出新登记的来源（缩进与预期不同）：请手工登记。")
    return updated
