"""One root cause is reported once: a broken file or record does not make everything that names it fail too."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT

from generator.content.problems import ContentError
from generator.paths import ProjectPaths
from generator.project import load_project


@pytest.fixture
def root(project_copy: Path) -> Path:
    shutil.copytree(PROJECT / "checklists", project_copy / "checklists")
    return project_copy


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_project(ProjectPaths(root))
    return [str(p) for p in caught.value.problems]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_schema_error_drops_only_its_record_and_other_mistakes_in_the_file_are_still_found(root):
    sector = root / "content" / "sectors" / "feimei.yaml"
    text = sector.read_text(encoding="utf-8")
    quotes = [m.start() for m in re.finditer(r"quote: ", text)]
    text = text.replace("actor: government", "actor: company", 1)
    broken = text.index("quote: ", quotes[20])
    text = text[:broken] + "quote: 这句话原文里没有" + text[text.index("\n", broken):]
    sector.write_text(text, encoding="utf-8")
    problems = _problems(root)
    assert len(problems) == 2, problems
    assert "「actor」（责任主体）的值「company」不在允许的范围内" in problems[0]
    assert "引文在「shanwei」第" in problems[1] and "请逐字照抄原文" in problems[1]


def test_an_unknown_key_in_the_registry_is_one_problem(root):
    _edit(root / "content" / "sources" / "sources.yaml", "  - id: luan\n", "  - id: luan\n    colour: red\n")
    assert _problems(root) == [
        "content/sources/sources.yaml:63:5: 不认识的字段「colour」（可能是拼写错误）。这里可以使用的字段："
        "id、file、title、short、issuer、doc_number、date、type、status、jurisdiction、level、period、notes、"
        "no_requirements、redactions。"]


def test_a_broken_registry_entry_does_not_fail_every_citation_of_that_source(root):
    _edit(root / "content" / "sources" / "sources.yaml", "    status: 征求意见稿\n", "    status: 草稿\n")
    problems = _problems(root)
    assert len(problems) == 1 and "「status」（状态）的值「草稿」不在允许的范围内" in problems[0], problems


def test_a_broken_topic_entry_is_one_problem(root):
    _edit(root / "content" / "topics.yaml", "  - {name: 责任体系, description: 党政同责、一岗双责、企业主体责任、全员安全生产责任制}",
          "  - {name: 责任体系, descripton: 党政同责}")
    problems = _problems(root)
    assert problems == [
        "content/topics.yaml:4:5: 缺少必填字段「description」（说明），请补上。",
        "content/topics.yaml:4:18: 不认识的字段「descripton」（可能是拼写错误）。这里可以使用的字段：name、description。"]


def test_a_missing_source_text_is_one_problem(root):
    (root / "content" / "sources" / "luan.txt").unlink()
    assert _problems(root) == [
        "content/sources/sources.yaml:63:11: 找不到正文文件 luan.txt，请把文件放进 content/sources/ 或改正文件名。"]


def test_an_unparsable_sector_is_not_reported_again_by_indicators_tasks_or_checklists(root):
    (root / "content" / "sectors" / "feimei.yaml").write_text("id: feimei\nname: [\n", encoding="utf-8")
    problems = _problems(root)
    assert len(problems) == 1 and problems[0].startswith("content/sectors/feimei.yaml:"), problems


def test_an_unusable_township_file_does_not_break_the_township_checklist(root):
    _edit(root / "content" / "township.yaml", "systems:", "sytems:")
    problems = _problems(root)
    assert all(p.startswith("content/township.yaml:") for p in problems), problems
    assert any("缺少必填字段「systems」" in p for p in problems)


def test_checklist_mistakes_are_reported_together_with_content_mistakes(root):
    _edit(root / "content" / "sectors" / "feimei.yaml", "actor: government", "actor: company")
    _edit(root / "checklists" / "yanhua.yaml", "  - yanhua\n", "  - yanhau\n")
    problems = _problems(root)
    assert any(p.startswith("content/sectors/feimei.yaml:") for p in problems)
    assert any(p.startswith("checklists/yanhua.yaml:") and "行业「yanhau」不存在" in p for p in problems), problems
