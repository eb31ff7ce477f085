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
INDICATOR_KINDS = ["目标", "实际", "基数"]
SECTOR_GROUPS = ["行业领域", "综合与通用"]

TITLE_MAX = 24  # a requirement's own title; longer texts need one (see crosscheck)
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
    "title": {**_text("标题", "要求内容较长时写一个简短标题（不超过 24 个字），用作网页小标题和自查表的检查项目"),
              "maxLength": TITLE_MAX},
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


def _document(name: str, title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + f"{name}.schema.json",
        **_object(title, properties, required),
    }


SECTOR = _document("sector", "行业文件", {
    "id": _pattern("行业标识", r"^[a-z][a-z0-9-]*$", "应为小写拼音或英文字母，如 feimei"),
    "name": _text("行业名称"),
    "group": {"type": "string", "title": "分组", "enum": SECTOR_GROUPS,
              "description": "行业写“行业领域”（默认）；综合监管、应急等跨行业内容写“综合与通用”"},
    "prefix": _pattern("编号前缀", r"^[A-Z]{2,4}$", "应为 2 到 4 个大写字母，如 FM"),
    "aliases": {**_list("别名", {"type": "string", "minLength": 1}, min_items=0), "uniqueItems": True},
    "summary": _text("概述"),
    "scopes": {**_list("适用范围的取值", {"type": "string", "minLength": 1}), "uniqueItems": True},
    "focus": _list("防范重点", FOCUS, min_items=0),
    "requirements": _list("要求条目", REQUIREMENT),
}, ["id", "name", "prefix", "summary", "requirements"])

TEXT_LIST = _list("条目", {"type": "string", "minLength": 1}, min_items=0)

STATEMENT = _object("原文要点", {
    "name": _text("名称"),
    "text": _text("内容", "忠实于原文的简写"),
    "cites": CITES,
}, ["text", "cites"])

SECTION = _object("专题", {
    "id": _pattern("标识", r"^[a-z][a-z0-9-]*$", "应为小写字母、数字和连字符，如 sida-baozhang"),
    "title": _text("标题"),
    "intro": _text("说明"),
    "cites": CITES,
    "items": _list("要点", STATEMENT),
}, ["id", "title", "items"])

TOWNSHIP_CHECK = _object("乡镇检查项", {
    "question": CHECK["properties"]["question"],
    "methods": CHECK["properties"]["methods"],
    "records": CHECK["properties"]["records"],
    "cites": {**CITES, "description": "这个检查项所依据的原文（制度的相关规定所在的行）"},
}, ["question", "methods", "cites"])

# Statements of the township sections may carry checks (the 四大规范 rows of the 乡镇自评表).
STATEMENT["properties"]["checks"] = {**_list("检查项", TOWNSHIP_CHECK, min_items=0),
                                     "description": "乡镇自评表用：据这条原文写的检查项"}

GLOSSARY_GROUPS = ["法规制度", "机构与职责", "专项行动", "技术术语", "口号与提法"]

GLOSSARY = _document("glossary", "术语表", {
    "terms": _list("术语", _object("术语", {
        "term": _text("术语"),
        "group": {"type": "string", "title": "分组", "enum": GLOSSARY_GROUPS,
                  "description": "术语表按分组列出：" + "、".join(GLOSSARY_GROUPS)},
        "aliases": {**_list("别称", {"type": "string", "minLength": 1}, min_items=0), "uniqueItems": True},
        "meanings": _list("含义", _object("含义", {
            "text": _text("含义", "只写文件中给出的解释"),
            "cites": CITES,
        }, ["text", "cites"]), min_items=0),
        "cites": CITES,
    }, ["term", "group", "cites"])),
}, ["terms"])

TOWNSHIP = _document("township", "乡镇安全生产基本制度", {
    "intro": _text("说明"),
    "cites": CITES,
    "systems": _list("制度", _object("制度", {
        "id": _pattern("编号", r"^TS-[0-9]{2}$", "应为 TS- 加两位数字，如 TS-01"),
        "name": _text("制度名称"),
        "purpose": _text("制度的作用", "据文件归纳，说明这项制度管什么"),
        "covers": {**TEXT_LIST, "title": "应包括的内容"},
        "statements": _list("文件中的相关规定", STATEMENT, min_items=0),
        "records": {**TEXT_LIST, "title": "形成的记录"},
        "checks": _list("检查项", TOWNSHIP_CHECK, min_items=0),
        "cites": CITES,
        "undescribed": {**TEXT_LIST, "title": "文件没有说明的方面",
                        "description": "这项制度中文件没有规定的方面（如会议频次、参会人员），每条一句话"},
    }, ["id", "name", "cites"])),
    "archives": _object("档案", {
        "intro": _text("说明"),
        "cites": CITES,
        "categories": _list("档案类别", _object("档案类别", {
            "name": _text("类别"),
            "cites": CITES,
        }, ["name", "cites"])),
    }, ["intro", "cites", "categories"]),
    "sections": _list("专题", SECTION, min_items=0),
}, ["intro", "cites", "systems"])

INDICATORS = _document("indicators", "指标", {
    "intro": _text("说明"),
    "indicators": _list("指标", _object("指标", {
        "id": _pattern("编号", r"^ZB-[0-9]{3}$", "应为 ZB- 加三位数字，如 ZB-001"),
        "name": _text("指标名称"),
        "unit": _text("单位"),
        "sectors": {**_list("相关行业", {"type": "string", "minLength": 1}, min_items=0), "uniqueItems": True},
        "values": _list("数值", _object("数值", {
            "jurisdiction": _text("地区", "谁的指标，如 汕尾市、广东省、国家"),
            "kind": {"type": "string", "title": "类别", "enum": INDICATOR_KINDS},
            "year": _pattern("年份", r"^[0-9]{4}(-[0-9]{4})?$", "应写成 2020 或 2016-2020"),
            "value": _text("数值", "照原文写，如 0.569、下降19%、较2015年下降10%以上"),
            "cites": CITES,
        }, ["jurisdiction", "kind", "year", "value", "cites"])),
    }, ["id", "name", "values"])),
}, ["intro", "indicators"])

TASKS = _document("tasks", "任务分工", {
    "intro": _text("说明"),
    "cites": CITES,
    "tasks": _list("任务", _object("任务", {
        "id": _pattern("编号", r"^RW-[0-9]{3}$", "应为 RW- 加三位数字，如 RW-001"),
        "part": _text("所属部分", "任务表中的分组标题"),
        "number": _text("序号", "任务表中的序号，照原文"),
        "national": _text("国家要求"),
        "provincial": _text("省贯彻要求"),
        "municipal": _text("市贯彻要求"),
        "lead": _list("牵头单位", {"type": "string", "minLength": 1}),
        "participants": _list("参加单位", {"type": "string", "minLength": 1}, min_items=0),
        "deadline": _text("完成时间"),
        "chapter": _text("对应章节"),
        "sectors": {**_list("相关行业", {"type": "string", "minLength": 1}, min_items=0), "uniqueItems": True},
        "cites": CITES,
    }, ["id", "part", "number", "lead", "deadline", "cites"])),
}, ["intro", "tasks"])

RISK = _document("risk", "风险分级与隐患排查", {
    "title": _text("标题"),
    "intro": _text("说明"),
    "cites": CITES,
    "sections": _list("专题", SECTION),
}, ["title", "intro", "sections"])

SOURCES = _document("sources", "来源文件登记表", {
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
        "province": _text("省份", "如 广东省"),
        "city": _text("市", "地级市或县级市，如 汕尾市、雷州市"),
        "district": _text("区县", "市辖区，如 荔湾区；没有时不写"),
        "level": {"type": "string", "title": "行政层级", "enum": LEVELS},
        "period": _text("规划期", "照原文写，如 2016—2020 年（“十三五”）"),
        "period_end": {"type": "integer", "title": "规划期末年份", "minimum": 1949, "maximum": 2100,
                       "description": "规划期最后一年，如 2020；生成网站时据此判断规划期是否已经结束"},
        "notes": _list("备注", {"type": "string", "minLength": 1}, min_items=0),
        "no_requirements": _list("不含要求的段落", _object("不含要求的段落", {
            "lines": LINES,
            "reason": _text("原因", "如：发文通知、前言、“十二五”成效回顾、口号"),
        }, ["lines", "reason"]), min_items=0),
        "redactions": _list("已隐去的个人信息", _object("隐去", {
            "lines": LINES,
            "what": _text("隐去的内容类别"),
        }, ["lines", "what"]), min_items=0),
        "allowed_personal_data": _list("允许公开的联系方式", _object("允许公开", {
            "lines": LINES,
            "text": _text("原文", "检查报告的那段文字，逐字照抄，如 12350 或 0660-1234567"),
            "reason": _text("理由", "为什么可以公开，如：全国安全生产举报投诉热线、单位公开的值班电话"),
        }, ["lines", "text", "reason"]), min_items=0),
    }, ["id", "file", "title", "short", "issuer", "doc_number", "date", "type", "status",
        "province", "city", "level", "period", "period_end"])),
}, ["reform_note", "sources"])

TOPICS = _document("topics", "主题表", {
    "topics": _list("主题", _object("主题", {
        "name": _text("主题名称"),
        "slug": _pattern("网址名", r"^[a-z][a-z0-9-]*$", "应为小写拼音或英文字母，如 yinhuan；拆分成主题分页的行业用它作网址"),
        "description": _text("说明"),
    }, ["name", "slug", "description"])),
}, ["topics"])

DEFAULT_HEADER_FIELDS = ["单位名称", "检查类型", "检查日期", "检查部位", "检查人员", "被检查部门负责人"]
DEFAULT_SIGNOFF = ["检查人", "被检查部门负责人", "复查人"]
DEFAULT_SCORE = 5

_TEXTS = {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}
_IDS = {**_TEXTS, "items": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*$"}}

CHECKLIST = _document("checklist", "自查表定义", {
    "id": _pattern("自查表标识", r"^[a-z][a-z0-9-]*$", "应为小写字母、数字和连字符，与文件名一致，如 feimei-dixia"),
    "form_code": _pattern("表单编号", r"^ZCB-[A-Z]{2,4}-[0-9]{2}$",
                          "应写成 ZCB-行业前缀-两位序号，如 ZCB-YH-01；印在表头和页脚，发布后不要再改"),
    "title": _text("标题"),
    "heading": _text("第一部分的标题", "默认为所选行业的名称"),
    "description": _text("说明"),
    "audience": {"type": "string", "title": "使用对象", "enum": ["企业", "乡镇（街道）"]},
    "select": _object("选取条件", {
        "sectors": {**_TEXTS, "title": "行业", "description": "选取这些行业中带检查项的要求"},
        "topics": {**_TEXTS, "title": "主题", "description": "只选这些主题的要求"},
        "actors": {**_TEXTS, "title": "责任主体", "items": {"type": "string", "enum": list(ACTORS)}},
        "scope": {**_TEXTS, "title": "适用范围", "description": "只选适用于这些范围、或未限定范围的要求"},
        "ids": {**_TEXTS, "title": "另外加入的要求编号"},
        "derived": {"type": "boolean", "title": "含推导的检查项",
                    "description": "false：只选原文直接对企业提出的要求，不要据政府工作推导的检查项（默认 true）"},
        "sources": {**_IDS, "title": "只依据这些文件", "description": "来源文件编号，如 [shanwei, leizhou]"},
        "exclude_sources": {**_IDS, "title": "不依据这些文件"},
        "jurisdictions": {**_TEXTS, "title": "只依据这些地区的文件", "description": "省、市或区，如 广东省、汕尾市"},
        "status": {**_TEXTS, "title": "只依据这些状态的文件", "items": {"type": "string", "enum": SOURCE_STATUS}},
        "township": {"type": "boolean", "title": "乡镇自评表",
                     "description": "true：生成乡镇安全生产工作自评表（11 项基本制度、8 大类档案和四大规范）"},
    }, []),
    "include": {**_IDS, "title": "并入的自查表",
                "description": "作为后续部分并入的自查表标识。企业自查表默认把 qiye（企业安全生产主体责任）并为第二部分；"
                               "写 [] 表示不并入"},
    "exclude": _list("排除的要求", _object("排除", {
        "id": _text("要求编号"),
        "reason": _text("排除原因"),
    }, ["id", "reason"]), min_items=0),
    "order": {**_TEXTS, "title": "检查项的顺序",
              "description": "要求编号：在各自的主题分组内按这里的顺序排在前面，其余的按默认顺序在后（在线组表导出）"},
    "own_items": _list("本单位增加的检查项", _object("检查项", {
        "title": _text("检查项目"),
        "content": _text("检查内容", "如“是否……”"),
        "basis": _text("检查依据", "本单位的制度、标准或其他依据，如《动火作业管理制度》第 5 条"),
        "methods": {**_TEXTS, "title": "检查方法", "description": "默认为“查现场”"},
    }, ["title", "content", "basis"]), min_items=0),
    "fields": {**_TEXTS, "title": "表头栏目", "default": DEFAULT_HEADER_FIELDS},
    "signoff": {**_TEXTS, "title": "签字栏", "default": DEFAULT_SIGNOFF},
    "default_score": {"type": "integer", "title": "每项默认分值", "minimum": 1, "maximum": 100,
                      "description": f"乡镇自评表用；文件没有规定分值，默认每项 {DEFAULT_SCORE} 分"},
    "scores": {"type": "object", "title": "各项分值", "additionalProperties": {"type": "integer", "minimum": 0,
                                                                             "maximum": 100},
               "description": "乡镇自评表用：按项目改分值，如 TS-01: 10、行政处罚类: 3"},
}, ["id", "form_code", "title", "audience", "select"])

SYNONYMS = _document("synonyms", "同义说法", {
    "groups": _list("同义词组", {**_list("一组同义说法", {"type": "string", "minLength": 1}, min_items=2),
                                 "uniqueItems": True}),
}, ["groups"])

SCHEMAS: dict[str, dict[str, Any]] = {
    "sector": SECTOR,
    "topics": TOPICS,
    "glossary": GLOSSARY,
    "township": TOWNSHIP,
    "indicators": INDICATORS,
    "tasks": TASKS,
    "risk": RISK,
    "sources": SOURCES,
    "checklist": CHECKLIST,
    "synonyms": SYNONYMS,
}


def export_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
