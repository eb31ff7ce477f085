"""Load YAML keeping the file position of every value.

The file is read by generator.content.reading (limits, UTF-8 only), then parsed by
libyaml (PyYAML's C parser) into events; the Loc* values are built from the events
with explicit stacks, so no input can recurse. Anchors and aliases are refused (the
content uses none, and they are how alias bombs and recursive documents are made),
as are nesting deeper than MAX_DEPTH, more than MAX_VALUES values, and control
characters written as escapes. Every failure is a YamlSyntaxError with a Problem.

Scalars are resolved the YAML 1.2 core way for whole numbers and true/false
only; everything else stays the text the author wrote, so a section "3.10"
never becomes 3.1 and "no" never becomes False.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from generator.content.problems import Position, Problem
from generator.content.reading import CONTROL_CHARS, FileProblem, describe_char, read_text

# libyaml when PyYAML was built with it (it always is in this project's environment).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


class YamlSyntaxError(FileProblem):
    """A file that could not be read, decoded or parsed; `.problem` says where and why."""


# Deepest nesting accepted. The shipped content nests 7 levels; a limit keeps a file of
# 100,000 "[" from costing time or memory.
MAX_DEPTH = 50
# Most values (scalars, lists, mappings) in one file. The largest shipped file,
# content/sectors/zonghe.yaml, has about 8,100 (6x below the limit); it stops a generated flood of
# a million list items from costing a minute of checking.
MAX_VALUES = 50_000

_Container = LocDict | LocList


def load_yaml(path: Path, display: str) -> Any:
    """Parse one YAML file into Loc* values; raise YamlSyntaxError on any reading or syntax problem."""
    try:
        text = read_text(path, display)
    except FileProblem as err:
        raise YamlSyntaxError(err.problem) from None
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str) -> Any:
    """YAML text to Loc* values, built from libyaml's event stream without recursion."""
    try:
        return _build(yaml.parse(text, Loader=_Loader), display, text.split("\n"))
    except yaml.MarkedYAMLError as err:
        raise YamlSyntaxError(_syntax_problem(err, text, display)) from None
    except yaml.YAMLError as err:  # reader errors without a mark (pre-checked, so unexpected)
        raise YamlSyntaxError(Problem(Position(display, 1, 1), f"YAML 格式错误：无法解析（{err}）。")) from None


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    problem = (err.problem or "").strip()
    mark = err.problem_mark or err.context_mark
    opened = err.context_mark
    if opened is not None and mark is not None and (
            problem == "found unexpected end of stream"
            or "flow" in (err.context or "") and mark.line > opened.line):
        mark = opened  # an unclosed quote or bracket: point at where it opens, not where parsing gave up
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(Position(display, line, col),
                   f"YAML 格式错误：{_explain_syntax(err, _char_at(text, line, col))}。请检查这一行的缩进、冒号和引号。")


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _explain_syntax(err: yaml.MarkedYAMLError, char: str = "") -> str:
    """libyaml's (and PyYAML's) English error texts in a sentence an author can act on."""
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    if "tab" in problem or char == "\t":
        return "用了制表符（Tab）缩进，请改用空格"
    if "directive" in context:
        return "以 % 开头的行不是内容，请删去它，或给以 % 开头的值加上引号"
    if problem == "found unexpected end of stream" and "quoted scalar" in context:
        return "引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号"
    known = {
        "mapping values are not allowed": "这里不能出现“键: 值”（常见原因：值里有英文冒号加空格，请给整个值加上引号）",
        "could not find expected ':'": "缺少英文冒号“:”",
        "did not find expected key": "缩进不一致，找不到下一个键",
        "expected <block end>": "缩进不一致（这一行比同级的行多了或少了空格）",
        "did not find expected '-' indicator": "缩进不一致（这一行比同级的行多了或少了空格）",
        "found undefined alias": "引用了未定义的别名",
        "found unexpected end of stream": "文件意外结束（可能有没闭合的引号或括号）",
        "found unknown escape character": "双引号字符串里有无法识别的反斜杠转义（要写反斜杠本身请用单引号或写成 \\\\）",
        "found invalid Unicode character escape code": "双引号字符串里的 \\u 转义不是有效的字符（如单独的代理项 \\ud800），请删去它",
        "did not find expected ',' or ']'": "方括号列表没有闭合，或两项之间缺少英文逗号",
        "expected ',' or ']'": "方括号列表没有闭合，或两项之间缺少英文逗号",
        "did not find expected ',' or '}'": "花括号没有闭合，或两项之间缺少英文逗号",
        "expected ',' or '}'": "花括号没有闭合，或两项之间缺少英文逗号",
        "found character that cannot start any token": f"字符「{char}」不能出现在值的开头，请给整个值加上引号",
        "did not find expected node content": "这里缺少内容（可能多了一个括号或符号）",
        "expected the node content": "这里缺少内容（可能多了一个括号或符号）",
        "found incompatible YAML document": "文件开头的 %YAML 版本声明不被支持，请删去它",
    }
    for english, chinese in known.items():
        if problem.startswith(english):
            return chinese
    if problem.startswith("found character") and "cannot start any token" in problem:
        return f"字符「{char}」不能出现在值的开头，请给整个值加上引号"
    return f"无法解析（{problem or err}）"


def _position(event: yaml.Event, display: str) -> Position:
    return Position(display, event.start_mark.line + 1, event.start_mark.column + 1)


def _fail(event: yaml.Event, display: str, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(Problem(_position(event, display), message))


def _build(events: Iterator[yaml.Event], display: str, lines: list[str]) -> Any:
    """One document from the event stream; stacks instead of recursion so depth cannot crash."""
    stack: list[tuple[_Container, list[Any]]] = []  # (container, [pending key, key position] for mappings)
    root: Any = None
    documents = values = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _fail(event, display, "这里开始了第二个 YAML 文档（“---”），每个文件只能有一个文档，"
                                            "请删去这一行或把内容合并。")
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _fail(event, display, f"这里用了 YAML 别名「*{event.anchor}」。本项目的内容不使用锚点（&）和别名（*），"
                                        "请把要重复的内容直接写出来；若是文字，请给整个值加上引号。")
        if getattr(event, "anchor", None) is not None:
            raise _fail(event, display, f"这里用了 YAML 锚点「&{event.anchor}」。本项目的内容不使用锚点（&）和别名（*），"
                                        "请删去它；若是文字，请给整个值加上引号。")
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            finished, _ = stack.pop()
            if not stack:
                root = finished
            else:
                _attach(stack[-1], finished, display, event)
            continue
        values += 1
        if values > MAX_VALUES:
            raise _fail(event, display, f"这个文件的值太多（超过 {MAX_VALUES} 个），不像是手写的内容，"
                                        "请检查是否误粘贴了大量数据，或把内容拆成几个文件。")
        pos = _position(event, display)
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, pos, lines)
            if stack:
                _attach(stack[-1], value, display, event)
            else:
                root = value
            continue
        if len(stack) >= MAX_DEPTH:
            raise _fail(event, display, f"嵌套层数太深（超过 {MAX_DEPTH} 层），内容文件不需要这么多层，"
                                        "请检查是否多了括号或缩进。")
        if stack and isinstance(stack[-1][0], LocDict) and not stack[-1][1]:
            raise _fail(event, display, "这里的键不是简单的文字（键不能是列表或映射），请改成“键: 值”的写法。")
        container: _Container = LocDict() if isinstance(event, yaml.MappingStartEvent) else LocList()
        container.pos = pos
        if isinstance(container, LocDict):
            container.key_pos = {}
        stack.append((container, []))
    if root is None or isinstance(root, LocScalar) and root.value is None:
        empty = LocDict()
        empty.pos, empty.key_pos = Position(display, 1, 1), {}
        return empty
    return root


def _attach(parent: tuple[_Container, list[Any]], value: Any, display: str, event: yaml.Event) -> None:
    container, pending = parent
    if isinstance(container, LocList):
        container.append(value)
        return
    if not pending:  # this value is a key
        key = "" if isinstance(value, LocScalar) and value.value is None else str(plain(value))
        if key in container:
            raise YamlSyntaxError(Problem(value.pos, f"字段「{key}」在同一处写了两次，请删除重复的一个。"))
        pending.extend([key, value.pos])
        return
    key, key_pos = pending
    pending.clear()
    container.key_pos[key] = key_pos
    container[key] = value


# Chinese characters and full-width punctuation (with the curly quotes, dash and ellipsis Chinese text uses).
_WIDE = re.compile(r"[\u2014\u2018-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_FULLWIDTH_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201d\u2026]")
_SEAM = 6  # characters either side of a line break used to find it again in the folded value


def _joins_without_space(before: str, after: str) -> bool:
    return bool(_WIDE.match(before) and _WIDE.match(after) or _FULLWIDTH_PUNCT.match(before))


def _unfold_chinese(value: str, event: yaml.ScalarEvent, lines: list[str]) -> str:
    """YAML folds a line break inside a value into a space; between Chinese characters, or after
    full-width punctuation, that space is a typo the author never typed ("准入， 保持"): take it out.

    The breaks are found in the author's lines and then in the folded value, so a space the author
    typed on one line is kept. Literal blocks (|) keep their line breaks and are left alone.
    """
    start, end = event.start_mark, event.end_mark
    if start.line == end.line or event.style == "|":
        return value
    last = lines[end.line][:end.column] if end.line < len(lines) else ""
    raw = [lines[start.line][start.column:], *lines[start.line + 1:end.line], last]
    if event.style == ">":
        raw = raw[1:]  # the ">-" header line
    pieces = [line.strip() for line in raw]
    cursor = 0
    for before, after in zip(pieces, pieces[1:]):
        if not before or not after:
            continue  # an empty line is a line break in the value, not a space
        if event.style in ("'", '"'):
            before, after = before.lstrip("'\""), after.rstrip("'\"")
        if not before or not after:
            continue
        seam = before[-_SEAM:] + " " + after[:_SEAM]
        found = value.find(seam, cursor)
        if found < 0:
            continue  # written with escapes: leave the value as libyaml made it
        space = found + len(before[-_SEAM:])
        if _joins_without_space(before[-1], after[0]):
            value = value[:space] + value[space + 1:]
        cursor = space
    return value


def _scalar(event: yaml.ScalarEvent, pos: Position, lines: list[str]) -> Any:
    text = _unfold_chinese(event.value, event, lines)
    bad = CONTROL_CHARS.search(text)
    if bad:  # written as an escape such as "\\x00" in double quotes (raw ones are refused on reading)
        raise YamlSyntaxError(Problem(pos, f"这个值里有看不见的控制字符 {describe_char(bad.group())}"
                                           "（双引号里的反斜杠转义），请删去它。"))
    if event.style in (None, ""):  # plain (unquoted) scalars only get resolved
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
