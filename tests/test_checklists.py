"""Checklist definitions: what they select, how they compose, and the errors a broken definition gets."""
from __future__ import annotations

from functools import lru_cache

from conftest import PROJECT, run_generator

from generator.checklists.model import ASSESSMENT
from generator.content.load import load_content
from generator.paths import ProjectPaths
from generator.project import load_project


@lru_cache(maxsize=1)
def _load():
    project = load_project(ProjectPaths(PROJECT))
    return project.content, {c.id: c for c in project.checklists}


def _part_refs(checklist, index: int) -> list[str]:
    return [i.ref for i in checklist.parts[index].items]


def test_every_sector_with_check_items_has_its_checklist_and_codes_are_unique():
    content, by_id = _load()
    for sector in content.sectors:
        if any(r.check for r in sector.requirements):
            assert sector.id in by_id, sector.id
    assert {"qiye", "feimei-dixia", "feimei-lutian", "township", "yanhua-lingshou", "yanhua-pifa",
            "gongmao-youxian", "gongmao-fenchen", "gongmao-anleng", "gongmao-yejin"} <= set(by_id)
    codes = [c.form_code for c in by_id.values()]
    assert len(codes) == len(set(codes))
    assert by_id["yanhua"].form_code == "ZCB-YH-01"


def test_sector_forms_take_their_sector_and_the_main_duties_as_part_two():
    content, by_id = _load()
    duties = [r.id for r in content.sector("qiye").requirements if r.check]
    for sector in content.sectors:
        checklist = by_id.get(sector.id)
        if checklist is None or sector.id == "qiye":
            continue
        expected = {r.id for r in sector.requirements if r.check} - {rid for rid, _ in checklist.exclusions}
        assert set(_part_refs(checklist, 0)) == expected, sector.id
        assert [p.heading for p in checklist.parts] == [sector.name, "企业安全生产主体责任"], sector.id
        assert sorted(_part_refs(checklist, 1)) == sorted(duties), sector.id
    assert len(by_id["qiye"].parts) == 1


def test_scope_variants_keep_their_scope_and_the_unscoped_items():
    content, by_id = _load()
    for cid, sector_id, scope in (("feimei-dixia", "feimei", "地下矿山"), ("yanhua-lingshou", "yanhua", "零售经营"),
                                  ("yanhua-pifa", "yanhua", "批发经营"), ("gongmao-youxian", "gongmao", "有限空间")):
        sector = content.sector(sector_id)
        expected = {r.id for r in sector.requirements if r.check and (not r.scope or scope in r.scope)}
        assert set(_part_refs(by_id[cid], 0)) == expected, cid
        assert any(scope in r.scope for r in sector.requirements if r.id in expected), cid
    retail, wholesale = set(_part_refs(by_id["yanhua-lingshou"], 0)), set(_part_refs(by_id["yanhua-pifa"], 0))
    storage_only = {r.id for r in content.sector("yanhua").requirements if r.check and r.scope == ["储存"]}
    assert storage_only and not storage_only & retail and retail != wholesale


def test_items_are_numbered_across_parts_and_cite_each_document_once():
    _, by_id = _load()
    for checklist in by_id.values():
        assert [i.number for i in checklist.items] == list(range(1, len(checklist.items) + 1)), checklist.id
        for part in checklist.parts:
            groups = [g for g, _ in part.groups()]
            assert len(groups) == len(set(groups)), checklist.id
        for item in checklist.items:
            assert all(q.startswith("是否") for q in item.questions), item.ref
            documents = [b.document for b in item.basis]
            assert documents and len(documents) == len(set(documents)), (checklist.id, item.ref)
            assert "…" not in item.title
        quoted = {n for item in checklist.items for b in item.basis for n in b.quotes}
        assert quoted == {q.number for q in checklist.quotes}, checklist.id


def test_township_assessment_rows_and_scores():
    content, by_id = _load()
    township = by_id["township"]
    assert township.kind == ASSESSMENT
    heads = [p.heading for p in township.parts]
    assert heads[:2] == ["乡镇安全生产 11 项基本制度", "8 大类档案"] and "四大规范" in heads[2]
    assert [i.ref for i in township.parts[0].items] == [s.id for s in content.township.systems]
    assert len(township.parts[1].items) == 8
    assert all(i.score == 5 for i in township.items) and township.total_score == 5 * len(township.items)
    for item, system in zip(township.parts[0].items, content.township.systems):
        assert item.records == system.records and item.questions == [k.question for k in system.checks]
        cited_lines = {line for b in item.basis for line in b.lines}
        assert cited_lines != {"355"}, system.id  # each row cites its statements, not only the list of systems
    ts09 = township.parts[0].items[8]
    assert any(b.document.startswith("汕尾") and "93" in b.lines for b in ts09.basis)


def _checklist_problems(project_copy, files: dict[str, str]) -> list[str]:
    folder = project_copy / "checklists"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert result.returncode == 1
    return [line for line in result.stderr.split("\n") if line.startswith("checklists/")]


def test_broken_definitions_get_clear_messages(project_copy):
    problems = _checklist_problems(project_copy, {
        "bad.yaml": "id: bad\nform_code: ZCB-FM-09\ntitle: 测试\naudience: 企业\ninclude: []\nselect:\n"
                    "  sectors: [feimie]\n  ids: [FM-999]\nexclude:\n  - id: FM-001\n    reason: 测试\n",
        "worse.yaml": "id: worse\nform_code: ZCB-FM-08\ntitle: 测试\naudience: 公司\nselect: {sector: [feimei]}\n"})
    # The empty selection follows from the unknown sector and id: it is not reported a second time.
    assert problems == [
        "checklists/bad.yaml:7:13: 行业「feimie」不存在。已有的行业："
        + "、".join(s.id for s in load_content(PROJECT / "content", PROJECT).sectors) + "。",
        "checklists/bad.yaml:8:9: 要求编号「FM-999」不存在。",
        "checklists/bad.yaml:10:9: 排除的要求「FM-001」并不在选取结果中，请删去这条排除或改正编号。",
        "checklists/worse.yaml:4:11: 「audience」（使用对象）的值「公司」不在允许的范围内。允许的值：企业、乡镇（街道）。",
        "checklists/worse.yaml:5:10: 不认识的字段「sector」（可能是拼写错误）。这里可以使用的字段："
        "sectors、topics、actors、scope、ids、derived、sources、exclude_sources、jurisdictions、status、township。",
    ]


def test_composition_and_document_filters_are_checked(project_copy):
    problems = _checklist_problems(project_copy, {
        "one.yaml": "id: one\nform_code: ZCB-FM-07\ntitle: 测试\naudience: 企业\ninclude: [nosuch, one]\n"
                    "select:\n  sectors: [feimei]\n  sources: [nowhere]\n  jurisdictions: [北京市]\n",
        "two.yaml": "id: two\nform_code: ZCB-FM-07\ntitle: 测试\naudience: 企业\ninclude: []\nselect:\n"
                    "  sectors: [feimei]\n",
        "three.yaml": "id: three\nform_code: ZCB-FM-06\ntitle: 测试\naudience: 企业\nselect:\n"
                      "  sectors: [feimei]\n  status: [草稿]\n"})
    assert "checklists/one.yaml:5:11: 要并入的自查表「nosuch」不存在（checklists/ 中没有 nosuch.yaml）。" in problems
    assert "checklists/one.yaml:5:19: 自查表「one」不能并入它自己。" in problems
    assert "checklists/one.yaml:8:13: 来源文件「nowhere」没有在 content/sources/sources.yaml 中登记。" in problems
    assert any(p.startswith("checklists/one.yaml:9:19: 没有来自「北京市」的来源文件。") for p in problems)
    assert any(p.startswith("checklists/two.yaml:2:12: 表单编号「ZCB-FM-07」已用于 one.yaml") for p in problems)
    assert any(p.startswith("checklists/three.yaml:7:12: 「status」") for p in problems)


def _resolved_with(project_copy, checklist_id: str, definition: str):
    """The shipped checklists plus one more definition, resolved without problems; that one's checklist."""
    import shutil
    from datetime import date

    from generator.checklists.select import Dates, resolve_checklists
    from generator.content.load import read_content

    shutil.copytree(PROJECT / "checklists", project_copy / "checklists", dirs_exist_ok=True)
    (project_copy / "checklists" / f"{checklist_id}.yaml").write_text(definition, encoding="utf-8")
    loaded = read_content(project_copy / "content", project_copy)
    checklists, problems = resolve_checklists(project_copy / "checklists", project_copy, loaded.content,
                                              loaded.gaps, Dates("2026-01-01", date(2026, 1, 1)))
    assert problems == []
    return {c.id: c for c in checklists}[checklist_id]


def test_document_filters_and_actor_select_what_they_say(project_copy):
    gd = _resolved_with(project_copy, "gd", "id: gd\nform_code: ZCB-YH-09\ntitle: 测试\naudience: 企业\nselect:\n"
                        "  sectors: [yanhua]\n  jurisdictions: [广东省]\n  status: [正式印发]\n  derived: false\n")
    assert gd.items and all(not i.derived for i in gd.items)
    assert all(not b.document.startswith("六安") for i in gd.items for b in i.basis)
    assert {s.status for s in gd.sources} == {"正式印发"}
    assert all(s.period_ended for s in gd.sources)


def test_order_and_own_items_print_as_the_definition_says(project_copy):
    """What 在线组表 exports: items moved within their topic group, and the enterprise's own items as a last part."""
    from generator.checklists.form import build_form

    _, by_id = _load()
    default = [i.ref for i in by_id["yanhua-lingshou"].parts[1].items]
    first_group = max(by_id["yanhua-lingshou"].parts[1].groups(), key=lambda g: len(g[1]))[1]
    assert len(first_group) >= 2
    moved = first_group[-1].ref
    mine = _resolved_with(project_copy, "mine", "id: mine\nform_code: ZCB-ZX-01\ntitle: 本店自查表\naudience: 企业\nselect:\n"
                          f"  sectors: [yanhua]\n  scope: [零售经营]\norder: [{moved}]\nown_items:\n  - title: 门店灭火器\n"
                          "    content: 是否每月检查灭火器压力\n    basis: 本店《消防安全管理制度》第 3 条\n")
    refs = [i.ref for i in mine.parts[1].items]
    assert refs.index(moved) == default.index(first_group[0].ref) and sorted(refs) == sorted(default)
    assert [p.heading for p in mine.parts] == ["烟花爆竹", "企业安全生产主体责任", "本单位增加的检查项"]
    own = mine.parts[2].items[0]
    assert (own.title, own.questions, own.number) == ("门店灭火器", ["是否每月检查灭火器压力"], len(mine.items))
    form = build_form(mine)
    assert any("本单位增加的检查项" in note for note in form.notes)
    assert form.rows[-1].cells[form.column_index("basis")][0].text == "本店《消防安全管理制度》第 3 条"

    (project_copy / "checklists" / "mine.yaml").write_text(
        "id: mine\nform_code: ZCB-ZX-01\ntitle: 本店自查表\naudience: 企业\nselect:\n  sectors: [yanhua]\n"
        "order: [MB-001]\n", encoding="utf-8")
    result = run_generator(project_copy, "check")
    assert "checklists/mine.yaml:7:9: 排序中的要求「MB-001」不在本表的检查项中，请删去它或改正编号。" in result.stderr
