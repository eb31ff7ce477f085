"""The content format as JSON Schema: one definition serves the build and the editor.

`python -m generator schema` writes these to schema/*.json, which the YAML files
name in their first line so VS Code (YAML extension) checks them while typing.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ACTORS = {"enterprise": "企业", "government": "政府及部门", "township": "乡镇（街道）"}
CHECK_METHODS = ["查资料", "看现场", "问人员"]
FOCUS_KINDS = ["重点部位", "重点环节", "重点事故类型"]
SOURCE_TYPES = ["规划", "实施方案", "实施意见", "征求意见稿"]
SOURCE_STATUS = ["正式印发", "征求意见稿"]
LEVELS = ["地级市", "县级市", "市辖区", "省", "国家"]

SCHEMA_BASE = "https://anquan.invalid/schema/"  # an id, never fetched


def _text(title: str, hint: str = "", min_length: int = 1) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "title": title, "minLength": min_length}
    if hint:
        schema["description"] = hint
    return schema


def _pattern(title: str, pattern: str, hint: str) -> dict[str, Any]:
    return {"type": "string", "title": title, "pattern": pattern, "description": hint, "x-hint": hint}


def _list(title: str, items: dict[str, Any], min_items: int = 1) -> dict[str, Any]:
    return {"type": "array", "title": title, "items": items, "minItems": min_items}


def _object(title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "title": title, "properties": properties,
            "required": required, "additionalProperties": False}


LINES = {
    "title": "行号",
    "description": "引文所在的行：一个行号（如 226）或一个范围（如 79-80）",
    "x-hint": "应写成一个行号（如 226）或一个范围（如 79-80）",
    "anyOf": [
        {"type": "integer", "minimum": 1},
        {"type": "string", "pattern": r"^[1-9][0-9]*(-[1-9][0-9]*)?$"},
    ],
}

CITATION = _object("出处", {
    "source": _pattern("文件编号", r"^[a-z][a-z0-9-]*$", "应为 sources.yaml 中登记的文件编号，如 luan"),
    "section": _text("章节", "引文所在的章节，按原文编号书写"),
    "lines": LINES,
    "quote": _text("原文摘录", "从所引行中逐字摘录的一段原文"),
}, ["source", "section", "lines", "quote"])

CITES = _list("出处列表", CITATION)

CHECK = _object("检查项", {
    "question": _pattern("检查内容", r"^是否", "应以“是否”开头，用自己的话写成一个可回答“是/否”的问题"),
    "methods": {**_list("检查方法", {"type": "string", "enum": CHECK_METHODS}), "uniqueItems": True},
    "records": _list("查阅资料", {"type": "string", "minLength": 1}, min_items=0),
    "derived": {"type": "boolean", "title": "推导标记",
                "description": "原文是政府部门的工作、但对象确实是企业，本检查项由我们据此推导时写 true"},
}, ["question", "methods", "records"])

REQUIREMENT = _object("要求条目", {
    "id": _pattern("编号", r"^[A-Z]{2,4}-[0-9]{3}$", "应为行业前缀加三位数字，如 FM-001"),
    "text": _text("要求内容", "忠实于原文的简写，不得添加原文没有的内容"),
    "actor": {"type": "string", "title": "责任主体", "enum": list(ACTORS)},
    "topics": {**_list("主题", {"type": "string", "minLength": 1}), "uniqueItems": True},
    "scope": {**_list("适用范围", {"type": "string", "minLength": 1}), "uniqueItems": True},
    "note": _text("说明"),
    "cites": CITES,
    "check": CHECK,
}, ["id", "text", "actor", "topics", "cites"])

FOCUS = _object("防范重点", {
    "scope": _text("适用范围"),
    "kind": {"type": "string", "title": "类别", "enum": FOCUS_KINDS},
    "items": _list("内容", {"type": "string", "minLength": 1}),
    "cites": CITES,
}, ["kind", "items", "cites"])

SECTOR = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "sector.schema.json",
    **_object("行业文件", {
        "id": _pattern("行业标识", r"^[a-z][a-z0-9-]*$", "应为小写拼音或英文字母，如 feimei"),
        "name": _text("行业名称"),
        "prefix": _pattern("编号前缀", r"^[A-Z]{2,4}$", "应为 2 到 4 个大写字母，如 FM"),
        "aliases": {**_list("别名", {"type": "string", "minLength": 1}, min_items=0), "uniqueItems": True},
        "summary": _text("概述"),
        "scopes": {**_list("适用范围的取值", {"type": "string", "minLength": 1}), "uniqueItems": True},
        "focus": _list("防范重点", FOCUS, min_items=0),
        "requirements": _list("要求条目", REQUIREMENT),
    }, ["id", "name", "prefix", "summary", "requirements"]),
}

GLOSSARY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "glossary.schema.json",
    **_object("术语表", {
        "terms": _list("术语", _object("术语", {
            "term": _text("术语"),
            "aliases": {**_list("别称", {"type": "string", "minLength": 1}, min_items=0), "uniqueItems": True},
            "meaning": _text("含义", "只写文件中给出的解释；文件未解释时省略本字段"),
            "cites": CITES,
        }, ["term", "cites"])),
    }, ["terms"]),
}

TOWNSHIP = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "township.schema.json",
    **_object("乡镇安全生产基本制度", {
        "intro": _text("说明"),
        "cites": CITES,
        "systems": _list("制度", _object("制度", {
            "id": _pattern("编号", r"^TS-[0-9]{2}$", "应为 TS- 加两位数字，如 TS-01"),
            "name": _text("制度名称"),
            "cites": CITES,
        }, ["id", "name", "cites"])),
    }, ["intro", "cites", "systems"]),
}

SOURCES = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "sources.schema.json",
    **_object("来源文件登记表", {
        "reform_note": _text("机构改革说明"),
        "sources": _list("来源文件", _object("来源文件", {
            "id": _pattern("文件编号", r"^[a-z][a-z0-9-]*$", "应为小写字母，如 luan"),
            "file": _pattern("正文文件", r"^[a-z0-9-]+\.txt$", "应为本目录下的 .txt 文件名"),
            "title": _text("标题"),
            "short": _text("简称"),
            "issuer": _text("发文机关"),
            "doc_number": _text("文号", "没有文号时写“无”"),
            "date": _pattern("日期", r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|未注明)$",
                             "应写成 2017-08-30、2017-08 或 2017；原文没有日期时写“未注明”"),
            "type": {"type": "string", "title": "文件类型", "enum": SOURCE_TYPES},
            "status": {"type": "string", "title": "状态", "enum": SOURCE_STATUS},
            "jurisdiction": _text("地区"),
            "level": {"type": "string", "title": "行政层级", "enum": LEVELS},
            "period": _text("规划期"),
            "notes": _list("备注", {"type": "string", "minLength": 1}, min_items=0),
            "redactions": _list("已隐去的个人信息", _object("隐去", {
                "lines": LINES,
                "what": _text("隐去的内容类别"),
            }, ["lines", "what"]), min_items=0),
        }, ["id", "file", "title", "short", "issuer", "doc_number", "date", "type", "status",
            "jurisdiction", "level", "period"])),
    }, ["reform_note", "sources"]),
}

TOPICS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "topics.schema.json",
    **_object("主题表", {
        "topics": _list("主题", _object("主题", {
            "name": _text("主题名称"),
            "description": _text("说明"),
        }, ["name", "description"])),
    }, ["topics"]),
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "sector": SECTOR,
    "topics": TOPICS,
    "glossary": GLOSSARY,
    "township": TOWNSHIP,
    "sources": SOURCES,
}


def export_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
