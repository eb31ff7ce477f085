"""Load YAML keeping the file position of every value.

Scalars are resolved the YAML 1.2 core way for whole numbers and true/false
only; everything else stays the text the author wrote, so a section "3.10"
never becomes 3.1 and "no" never becomes False.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.content.problems import Position, Problem

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_NULL = {"", "~", "null"}


class LocStr(str):
    pos: Position


class LocInt(int):
    pos: Position


class LocDict(dict):
    """A mapping that knows where it and each of its keys stand."""

    pos: Position
    key_pos: dict[str, Position]


class LocList(list):
    pos: Position


@dataclass
class LocScalar:
    """A true/false or null value with its position (bool and None cannot be subclassed)."""

    value: bool | None
    pos: Position


def position_of(value: Any, fallback: Position) -> Position:
    return getattr(value, "pos", fallback)


def plain(value: Any) -> Any:
    """The value as plain Python data (for JSON Schema validation)."""
    if isinstance(value, LocScalar):
        return value.value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    return str(value)


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def load_yaml(path: Path, display: str) -> Any:
    """Parse one YAML file into Loc* values; raise YamlSyntaxError on bad syntax."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlSyntaxError(Problem(
            Position(display, line, col),
            f"YAML 格式错误：{_explain_syntax(err)}。请检查这一行的缩进、冒号和引号。",
        )) from None
    if node is None:
        return LocDict()
    return _convert(node, display)


def _explain_syntax(err: yaml.MarkedYAMLError) -> str:
    problem = (err.problem or "").strip()
    known = {
        "mapping values are not allowed here": "这里不能出现“键: 值”（常见原因：值里有英文冒号加空格，请给整个值加上引号）",
        "could not find expected ':'": "缺少英文冒号“:”",
        "found character '\\t' that cannot start any token": "用了制表符（Tab）缩进，请改用空格",
        "did not find expected key": "缩进不一致，找不到下一个键",
        "expected <block end>": "缩进不一致（这一行比同级的行多了或少了空格）",
        "found undefined alias": "引用了未定义的别名",
        "found unexpected end of stream": "引号没有闭合，文件意外结束",
        "did not find expected '-' indicator": "列表项的缩进不一致",
        "found unknown escape character": "双引号字符串里有无法识别的反斜杠转义",
    }
    for english, chinese in known.items():
        if problem.startswith(english):
            return chinese
    return f"无法解析（{problem or err}）"


def _position(node: yaml.Node, display: str) -> Position:
    return Position(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, display: str) -> Any:
    pos = _position(node, display)
    if isinstance(node, yaml.MappingNode):
        result = LocDict()
        result.pos, result.key_pos = pos, {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                raise YamlSyntaxError(Problem(
                    _position(key_node, display),
                    f"字段「{key}」在同一处写了两次，请删除重复的一个。",
                ))
            result.key_pos[key] = _position(key_node, display)
            result[key] = _convert(value_node, display)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocList(_convert(item, display) for item in node.value)
        items.pos = pos
        return items
    return _scalar(node, pos)


def _scalar(node: yaml.ScalarNode, pos: Position) -> Any:
    text = node.value
    if node.style is None:  # plain (unquoted) scalars only get resolved
        if _INT.fullmatch(text):
            number = LocInt(int(text))
            number.pos = pos
            return number
        if text in ("true", "false"):
            return LocScalar(text == "true", pos)
        if text in _NULL:
            return LocScalar(None, pos)
    result = LocStr(text)
    result.pos = pos
    return result
