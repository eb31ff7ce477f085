"""The bad-input corpus: every malformed mini project gets exactly its expected lines, no traceback."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bad_input_cases import CASES, MINI, PIPELINE_CASES, RESAVE, Case, copy_mini, run_check
from conftest import PROJECT, run_generator
from generator.content.problems import Position
from generator.content.reading import FileProblem, read_source_text


def test_the_mini_project_passes(tmp_path):
    assert run_check(copy_mini(tmp_path / "mini")) == []


def test_the_corpus_is_large_and_every_case_changes_something():
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_exactly(bad: Case, tmp_path):
    root = copy_mini(tmp_path / "mini")
    bad.apply(root)
    assert run_check(root) == list(bad.expected)


CLI_CASES = ["gbk_yaml", "symlink_loop", "deep_flow_sequences", "alias_bomb", "unclosed_double_quote",
             "escaped_lone_surrogate"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_the_command_line_prints_the_lines_and_a_summary(name: str, tmp_path):
    bad = next(c for c in CASES if c.name == name)
    root = copy_mini(tmp_path / "mini")
    shutil.copytree(PROJECT / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    bad.apply(root)
    result = run_generator(root, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert lines[:-1] == list(bad.expected)
    assert lines[-1] == f"共发现 {len(bad.expected)} 处问题，网站没有生成，原有网站保持不变。"


# -- source texts (read_source_text; the validator will call it) --------------
SOURCE = "content/sources/anli.txt"


def _read_source(root: Path) -> list[str]:
    return read_source_text(root / SOURCE, root / "content", SOURCE)


def _source_problem(root: Path) -> str:
    with pytest.raises(FileProblem) as err:
        _read_source(root)
    return str(err.value.problem)


def test_a_source_text_is_read_as_lines(tmp_path):
    root = copy_mini(tmp_path / "mini")
    lines = _read_source(root)
    assert len(lines) == 21 and lines[0] == "安平县安全生产委员会文件" and lines[-1] == ""


def test_a_gbk_source_text_says_how_to_resave(tmp_path):
    root = copy_mini(tmp_path / "mini")
    path = root / SOURCE
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    assert _source_problem(root) == (
        f"{SOURCE}:1:1: 文件看起来是 GBK/GB18030 编码（Windows 中文系统常见），本项目只接受 UTF-8。" + RESAVE)


def test_a_utf16_source_text_says_how_to_resave(tmp_path):
    root = copy_mini(tmp_path / "mini")
    path = root / SOURCE
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert _source_problem(root) == f"{SOURCE}:1:1: 文件是 UTF-16 编码（常见于记事本的“Unicode”选项），本项目只接受 UTF-8。" + RESAVE


def test_a_source_link_outside_content_is_not_read(tmp_path):
    root = copy_mini(tmp_path / "mini")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密\n", encoding="utf-8")
    (root / SOURCE).unlink()
    os.symlink(secret, root / SOURCE)
    assert _source_problem(root) == (f"{SOURCE}:1:1: {SOURCE} 指向 content/ 以外的文件，不能作为来源正文。"
                                     "请把原文复制进 content/sources/，不要用链接。")


def test_a_source_link_inside_content_is_read(tmp_path):
    root = copy_mini(tmp_path / "mini")
    (root / SOURCE).rename(root / "content" / "anli-original.txt")
    os.symlink("../anli-original.txt", root / SOURCE)
    assert _read_source(root)[0] == "安平县安全生产委员会文件"


def test_source_problems_about_the_whole_file_go_to_the_reference(tmp_path):
    root = copy_mini(tmp_path / "mini")
    (root / SOURCE).unlink()
    (root / SOURCE).mkdir()
    entry = Position("content/sources/sources.yaml", 4, 11)
    with pytest.raises(FileProblem) as err:
        read_source_text(root / SOURCE, root / "content", SOURCE, entry)
    assert str(err.value.problem) == (f"content/sources/sources.yaml:4:11: {SOURCE} 是一个文件夹，不是文件。"
                                      "请把它改名（去掉 .yaml / .txt 后缀）或移出这个目录。")


def test_a_source_text_with_a_control_character_names_it(tmp_path):
    root = copy_mini(tmp_path / "mini")
    path = root / SOURCE
    path.write_text(path.read_text(encoding="utf-8").replace("二、重点工作", "二、重点\x0c工作"), encoding="utf-8")
    assert _source_problem(root) == f"{SOURCE}:10:5: 这里有看不见的控制字符 U+000C，请删去它（常见于从 PDF 或网页复制的文字）。"


def test_a_source_symlink_loop_is_named(tmp_path):
    root = copy_mini(tmp_path / "mini")
    (root / SOURCE).unlink()
    os.symlink("anli.txt", root / SOURCE)
    assert _source_problem(root) == (f"{SOURCE}:1:1: {SOURCE} 是一个循环的符号链接（链接最终又指回自己），"
                                     "请删除它，换成真正的文件。")


def test_mini_is_small():
    assert sum(p.stat().st_size for p in MINI.rglob("*") if p.is_file()) < 20_000


@pytest.mark.parametrize("bad", PIPELINE_CASES, ids=[c.name for c in PIPELINE_CASES])
def test_one_root_cause_is_reported_once(bad: Case, tmp_path):
    root = copy_mini(tmp_path / "mini")
    bad.apply(root)
    assert run_check(root) == list(bad.expected)
