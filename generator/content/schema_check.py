"""Check a loaded YAML document against its JSON Schema; explain each problem in Chinese."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from generator.content.problems import Position, Problem
from generator.content.schema import ACTORS
from generator.content.yaml_loader import LocDict, plain, position_of

_TYPE_NAMES = {
    "string": "文字", "integer": "整数", "number": "数字", "boolean": "true 或 false",
    "array": "列表（每项以“- ”开头）", "object": "含字段的一组内容（键: 值）", "null": "空值",
}


@dataclass(frozen=True)
class SchemaFinding:
    """One schema problem and where in the document it stands (a JSON path of keys and indices)."""

    problem: Problem
    path: tuple[str | int, ...]
    harmless: bool  # an unknown key: the rest of its record is still usable as it is


def schema_findings(document: Any, schema: dict[str, Any], file_pos: Position) -> list[SchemaFinding]:
    validator = _validator(id(schema), schema)
    errors = sorted(validator.iter_errors(plain(document)), key=lambda e: list(map(str, e.absolute_path)))
    findings: list[SchemaFinding] = []
    for error in errors:
        path = tuple(error.absolute_path)
        harmless = error.validator == "additionalProperties"
        findings.extend(SchemaFinding(p, path, harmless) for p in _explain(error, document, file_pos))
    return findings


def schema_problems(document: Any, schema: dict[str, Any], file_pos: Position) -> list[Problem]:
    return [finding.problem for finding in schema_findings(document, schema, file_pos)]


_VALIDATORS: dict[int, Draft202012Validator] = {}


def _validator(key: int, schema: dict[str, Any]) -> Draft202012Validator:
    """Schemas are module constants: build each validator once, not once per file."""
    if key not in _VALIDATORS:
        _VALIDATORS[key] = Draft202012Validator(schema)
    return _VALIDATORS[key]


def _walk(document: Any, path: Iterable[Any]) -> tuple[Any, Any, Any]:
    """Follow a JSON path into the Loc tree: (value, its parent, its key)."""
    parent, key, value = None, None, document
    for step in path:
        parent, key = value, step
        value = value[step]
    return value, parent, key


def _field_name(error: ValidationError) -> str:
    for step in reversed(list(error.absolute_path)):
        if isinstance(step, str):
            return step
    return ""


def _label(schema: dict[str, Any], name: str) -> str:
    title = schema.get("title")
    if name and title:
        return f"「{name}」（{title}）"
    return f"「{name}」" if name else f"「{title or '内容'}」"


def _explain(error: ValidationError, document: Any, file_pos: Position) -> list[Problem]:
    value, parent, key = _walk(document, error.absolute_path)
    pos = position_of(value, file_pos)
    if isinstance(parent, LocDict) and isinstance(key, str):
        key_pos = parent.key_pos.get(key, pos)
    else:
        key_pos = pos
    schema = error.schema if isinstance(error.schema, dict) else {}
    label = _label(schema, _field_name(error))
    kind = error.validator

    if kind == "required":
        missing = [name for name in schema.get("required", []) if name not in value]
        props = schema.get("properties", {})
        return [Problem(pos, f"缺少必填字段「{name}」（{props.get(name, {}).get('title', name)}），请补上。")
                for name in missing]
    if kind == "additionalProperties":
        allowed = "、".join(schema.get("properties", {}))
        return [Problem(value.key_pos.get(name, pos),
                        f"不认识的字段「{name}」（可能是拼写错误）。这里可以使用的字段：{allowed}。")
                for name in value if name not in schema.get("properties", {})]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = "或".join(_TYPE_NAMES.get(t, t) for t in expected)
        return [Problem(pos, f"{label}应为{wanted}，这里写的是{_describe(value)}。")]
    if kind == "enum":
        options = "、".join(_option(o) for o in schema["enum"])
        return [Problem(pos, f"{label}的值「{plain(value)}」不在允许的范围内。允许的值：{options}。")]
    if kind == "pattern":
        return [Problem(pos, f"{label}的值「{value}」格式不对：{schema.get('x-hint', '不符合规定格式')}。")]
    if kind == "anyOf" and "x-hint" in schema:
        return [Problem(pos, f"{label}的值「{plain(value)}」格式不对：{schema['x-hint']}。")]
    if kind == "minLength":
        return [Problem(pos, f"{label}不能为空，请填写内容。")]
    if kind == "minItems":
        return [Problem(pos, f"{label}至少要有 {error.validator_value} 项。")]
    if kind == "uniqueItems":
        return [Problem(pos, f"{label}里有重复的项，请删去重复的。")]
    if kind == "minimum":
        return [Problem(pos, f"{label}应不小于 {error.validator_value}。")]
    return [Problem(key_pos, f"{label}不符合格式要求（{error.message}）。")]


def _option(value: str) -> str:
    return f"{value}（{ACTORS[value]}）" if value in ACTORS else value


def _describe(value: Any) -> str:
    data = plain(value)
    if isinstance(data, bool):
        return "true/false"
    if data is None:
        return "空值"
    if isinstance(data, list):
        return "一个列表"
    if isinstance(data, dict):
        return "一组字段"
    if isinstance(data, int):
        return f"数字 {data}"
    return f"文字「{data}」"
