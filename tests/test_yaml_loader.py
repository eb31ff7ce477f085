from pathlib import Path

import pytest

from generator.content.problems import Position
from generator.content.yaml_loader import LocScalar, YamlSyntaxError, load_yaml, plain


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
