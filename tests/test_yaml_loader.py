import re
from pathlib import Path

import pytest

from generator.content.problems import Position
from generator.content.yaml_loader import MAX_DEPTH, LocScalar, YamlSyntaxError, load_yaml, plain


def _load(tmp_path: Path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "content/x.yaml")


def test_scalars_stay_as_written(tmp_path):
    data = _load(tmp_path, "section: 3.10\nanswer: no\nyes_: on\ndate: 2017-08-30\ncount: 12\nzero: 007\nflag: true\n")
    assert plain(data) == {"section": "3.10", "answer": "no", "yes_": "on", "date": "2017-08-30",
                           "count": 12, "zero": "007", "flag": True}
    assert isinstance(data["flag"], LocScalar)


def test_every_value_knows_its_position(tmp_path):
    data = _load(tmp_path, "a:\n  - b: 1\n    c: 文字\n")
    assert data.pos == Position("content/x.yaml", 1, 1)
    assert data["a"][0]["c"].pos == Position("content/x.yaml", 3, 8)
    assert data["a"][0].key_pos["c"] == Position("content/x.yaml", 3, 5)


def test_quoted_numbers_stay_text(tmp_path):
    assert plain(_load(tmp_path, 'x: "2017"\n')) == {"x": "2017"}


def test_syntax_error_names_line_and_explains(tmp_path):
    with pytest.raises(YamlSyntaxError) as err:
        _load(tmp_path, "a: 1\nb: c: d\n")
    assert str(err.value.problem) == (
        "content/x.yaml:2:5: YAML 格式错误：这里不能出现“键: 值”（常见原因：值里有英文冒号加空格，"
        "请给整个值加上引号）。请检查这一行的缩进、冒号和引号。")


def test_duplicate_key_is_an_error(tmp_path):
    with pytest.raises(YamlSyntaxError) as err:
        _load(tmp_path, "a: 1\na: 2\n")
    assert str(err.value.problem) == "content/x.yaml:2:1: 字段「a」在同一处写了两次，请删除重复的一个。"


def test_columns_count_characters_not_bytes(tmp_path):
    data = _load(tmp_path, "名称: 中文说明\n列表: [甲, 乙]\n")
    assert data["名称"].pos == Position("content/x.yaml", 1, 5)
    assert data["列表"][1].pos == Position("content/x.yaml", 2, 9)


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert plain(load_yaml(path, "content/x.yaml")) == {"a": 1}


def _problem(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    with pytest.raises(YamlSyntaxError) as err:
        load_yaml(path, "content/x.yaml")
    return str(err.value.problem)


def test_an_unclosed_quote_is_located_at_the_quote(tmp_path):
    assert _problem(tmp_path, 'a: 1\nb: "abc\nc: 2\nd: 3\n'.encode()).startswith("content/x.yaml:2:4: YAML 格式错误：引号没有闭合")


def test_nesting_is_limited_without_recursion(tmp_path):
    message = _problem(tmp_path, b"a: " + b"[\n" * 100_000)
    assert message.startswith(f"content/x.yaml:{MAX_DEPTH}:1: 嵌套层数太深（超过 {MAX_DEPTH} 层）")


def test_anchors_are_refused_where_they_stand(tmp_path):
    assert _problem(tmp_path, b"a: 1\nb: &x [*x]\n").startswith("content/x.yaml:2:4: 这里用了 YAML 锚点「&x」。")


def test_escaped_control_characters_are_refused(tmp_path):
    assert _problem(tmp_path, b'a: "x\\x01"\n') == (
        "content/x.yaml:1:4: 这个值里有看不见的控制字符 U+0001（双引号里的反斜杠转义），请删去它。")


def test_a_second_document_is_refused(tmp_path):
    assert _problem(tmp_path, b"a: 1\n---\nb: 2\n").startswith("content/x.yaml:2:1: 这里开始了第二个 YAML 文档")


def test_an_unreadable_path_becomes_a_problem(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    with pytest.raises(YamlSyntaxError) as err:
        load_yaml(tmp_path / "x.yaml", "content/x.yaml")
    assert str(err.value.problem).startswith("content/x.yaml:1:1: content/x.yaml 是一个文件夹，不是文件。")


def test_a_line_break_between_chinese_characters_does_not_become_a_space(tmp_path):
    """YAML folds each line break into a space; in Chinese that is a stray space ("准入， 保持")."""
    data = _load(tmp_path, "a: >-\n  持续保持打非治违高压态势，\n  确保关闭退出的企业\n  关实关死。\n"
                           "b: 普通的\n  多行文字\n"
                           "c: \"引号里的\n  文字\"\n"
                           "d: >-\n  共有\n  12 个 Excel\n  表格\n"
                           "e: |\n  字面\n  保留\n"
                           "f: >-\n  第四章 四、作者写的空格\n  保留\n")
    assert plain(data) == {"a": "持续保持打非治违高压态势，确保关闭退出的企业关实关死。", "b": "普通的多行文字",
                           "c": "引号里的文字", "d": "共有 12 个 Excel 表格", "e": "字面\n保留\n",
                           "f": "第四章 四、作者写的空格保留"}


def test_no_shipped_text_keeps_a_space_from_a_folded_line(tmp_path):
    """Across content/ and checklists/, a space between Chinese characters or after full-width punctuation
    is only where an author typed it: in section labels, verbatim quotes and two titles that have one."""
    wide = "[\u2014\u2018-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
    stray = re.compile(f"{wide} {wide}|[，。；：、！？）] ")
    typed = {"section", "part", "quote", "term", "title"}
    found = []

    def walk(value, key: str, where: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, str(k), where)
        elif isinstance(value, list):
            for v in value:
                walk(v, key, where)
        elif isinstance(value, str) and key not in typed and stray.search(value):
            found.append(f"{where} {key}: {value[:40]}")

    root = Path(__file__).resolve().parent.parent
    for path in [*sorted((root / "content").rglob("*.yaml")), *sorted((root / "checklists").glob("*.yaml"))]:
        walk(load_yaml(path, path.name), "", path.name)
    assert found == []
