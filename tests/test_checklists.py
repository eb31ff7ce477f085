"""Checklist definitions: what they select, and the errors a broken definition gets."""
from __future__ import annotations

from conftest import PROJECT, run_generator

from generator.content.load import load_content
from generator.paths import ProjectPaths
from generator.project import load_project


def _load():
    project = load_project(ProjectPaths(PROJECT))
    return project.content, project.checklists


def test_every_sector_with_check_items_has_its_checklist():
    content, checklists = _load()
    ids = {c.id for c in checklists}
    for sector in content.sectors:
        if any(r.check for r in sector.requirements):
            assert sector.id in ids, sector.id
    assert {"qiye", "feimei-dixia", "feimei-lutian", "township"} <= ids


def test_item_count_equals_what_the_selection_picks():
    content, checklists = _load()
    by_id = {c.id: c for c in checklists}
    for sector in content.sectors:
        if sector.id in by_id:
            expected = [r.id for r in sector.requirements if r.check]
            excluded = {rid for rid, _ in by_id[sector.id].exclusions}
            assert sorted(i.ref for i in by_id[sector.id].items) == sorted(set(expected) - excluded)
    feimei = content.sector("feimei")
    for cid, scope in (("feimei-dixia", "地下矿山"), ("feimei-lutian", "露天矿山")):
        expected = {r.id for r in feimei.requirements if r.check and (not r.scope or scope in r.scope)}
        assert {i.ref for i in by_id[cid].items} == expected
    township = by_id["township"]
    expected = sum(len(s.checks) for s in content.township.systems) + len(content.township.archives.categories)
    assert len(township.items) == expected == len({(i.ref, i.question) for i in township.items})


def test_items_are_numbered_and_grouped_by_topic():
    _, checklists = _load()
    for checklist in checklists:
        assert [i.number for i in checklist.items] == list(range(1, len(checklist.items) + 1))
        groups = [g for g, _ in checklist.groups()]
        assert len(groups) == len(set(groups)), checklist.id
        assert all(i.question.startswith("是否") for i in checklist.items)


def test_broken_definitions_get_clear_messages(project_copy):
    folder = project_copy / "checklists"
    folder.mkdir(exist_ok=True)
    (folder / "bad.yaml").write_text(
        "id: bad\ntitle: 测试\naudience: 企业\nselect:\n  sectors: [feimie]\n  ids: [FM-999]\n"
        "exclude:\n  - id: FM-001\n    reason: 测试\n", encoding="utf-8")
    (folder / "worse.yaml").write_text("id: worse\ntitle: 测试\naudience: 公司\nselect: {sector: [feimei]}\n",
                                       encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    problems = [line for line in result.stderr.split("\n") if line.startswith("checklists/")]
    # The empty selection follows from the unknown sector and id: it is not reported a second time.
    assert problems == [
        "checklists/bad.yaml:5:13: 行业「feimie」不存在。已有的行业："
        + "、".join(s.id for s in load_content(PROJECT / "content", PROJECT).sectors) + "。",
        "checklists/bad.yaml:6:9: 要求编号「FM-999」不存在。",
        "checklists/bad.yaml:8:9: 排除的要求「FM-001」并不在选取结果中，请删去这条排除或改正编号。",
        "checklists/worse.yaml:3:11: 「audience」（使用对象）的值「公司」不在允许的范围内。允许的值：企业、乡镇（街道）。",
        "checklists/worse.yaml:4:10: 不认识的字段「sector」（可能是拼写错误）。这里可以使用的字段："
        "sectors、topics、actors、scope、ids、township。",
    ]
