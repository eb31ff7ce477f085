"""在线组表 in Debian Chromium: compose a checklist on a phone, use it, print it, export its definition."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import PHONE
from inspect_flow import XSS, guard

from generator.checklists.definition import MAIN_DUTIES, read_definitions
from generator.checklists.model import SELF_INSPECTION
from generator.checklists.select import Dates, resolve_checklists
from generator.content.load import read_content

pytestmark = pytest.mark.browser
TITLE = "本店烟花爆竹零售自查表"
OWN = {"title": "门店灭火器", "content": "是否每月检查一次灭火器压力 " + XSS, "basis": "本店《消防安全管理制度》第 3 条"}
REASON = "本店不设仓库"


def _definition_as_composed(d) -> dict:
    """A built-in definition the way the composer stores one."""
    s = d.select
    return {"format": "aq-composed", "version": 1, "id": d.id, "title": d.title, "form_code": d.form_code,
            "heading": d.heading, "description": d.description, "created": "", "updated": "",
            "select": {"sectors": s.sectors, "scope": s.scope, "topics": s.topics, "actors": s.actors,
                       "sources": s.sources, "exclude_sources": s.exclude_sources, "jurisdictions": s.jurisdictions,
                       "status": s.status, "derived": s.derived},
            "include_main": MAIN_DUTIES in d.include, "exclude": [{"id": e.id, "reason": e.reason} for e in d.exclude],
            "order": d.order, "own_items": []}


def _open_inspect(context, site_url: str):
    page = context.new_page()
    seen = guard(page)
    page.goto(f"{site_url}/inspect/", wait_until="load")
    page.wait_for_selector("#aq-compose-new")
    return page, seen


def test_the_browser_composes_every_built_in_form_as_the_generator_does(phone, site_url, built_project):
    """The composer's selection and layout (compose.js) against the generator's data for every built-in
    self-inspection form: same items in the same order, same 检查依据, notes, documents and appendix."""
    definitions, problems = read_definitions(built_project / "checklists", built_project)
    assert problems == []
    page, seen = _open_inspect(phone, site_url)
    page.evaluate("AQInspect.composer.loadCatalog()")
    compared = 0
    for d in definitions:
        if d.select.township or d.include not in ([], [MAIN_DUTIES]):
            continue
        built = json.loads((built_project / "site" / "checklists" / "data" / f"{d.id}.json").read_text(encoding="utf-8"))
        composed = page.evaluate("([def, day]) => AQInspect.composer.loadCatalog().then(c => AQInspect.compose.build(c, def, day))",
                                 [_definition_as_composed(d), built["generated"]])
        for key in ("parts", "documents", "notes", "appendix", "fields", "signoff", "results", "levels", "title",
                    "form_code"):
            assert composed[key] == built[key], (d.id, key)
        compared += 1
    assert compared >= 50
    assert seen == {"errors": [], "dialogs": []}


def _compose_retail(page) -> None:
    """烟花爆竹, scope 零售经营, 企业主体责任 included (the default): the built-in ZCB-YH-02 selection."""
    page.locator("#aq-compose-new").click()
    page.wait_for_selector("#aq-c-title")
    page.locator("#aq-c-title").fill(TITLE)
    page.locator("#aq-c-form_code").fill("zcb-dd-01")
    page.locator("[data-choice=sectors] label", has_text="烟花爆竹").click()
    page.locator("[data-choice=scope] label", has_text="零售经营").click()


def _items(page) -> list[str]:
    return page.locator(".aq-compose__items [data-ref]").evaluate_all("els => els.map(e => e.dataset.ref)")


def test_compose_retail_fireworks_remove_reorder_add_and_export(phone, browser, site_url, built_project, tmp_path):
    page, seen = _open_inspect(phone, site_url)
    _compose_retail(page)
    built = json.loads((built_project / "site" / "checklists" / "data" / "yanhua-lingshou.json").read_text(encoding="utf-8"))
    built_refs = [i["ref"] for p in built["parts"] for g in p["groups"] for i in g["items"]]
    assert _items(page) == built_refs
    assert page.locator(".aq-compose__items h3").inner_text() == f"检查项（{len(built_refs)} 项）"

    # remove one item: a reason is required
    removed = built_refs[1]
    row = page.locator(f"[data-ref='{removed}']")
    row.get_by_role("button", name="删除").click()
    row.get_by_role("button", name="确定删除").click()
    assert row.locator(".aq-warning").is_visible()
    row.get_by_label("删除理由").fill(REASON)
    row.get_by_role("button", name="确定删除").click()
    assert removed not in _items(page)
    assert REASON in page.locator(f"[data-removed='{removed}']").inner_text()

    # move an item up within its topic group
    groups = [[i["ref"] for i in g["items"]] for p in built["parts"] for g in p["groups"]]
    group = next(g for g in groups if len(g) >= 3 and removed not in g)
    page.locator(f"[data-ref='{group[2]}']").get_by_role("button", name="上移").click()
    refs = _items(page)
    assert refs.index(group[2]) == refs.index(group[1]) - 1

    # an own item: all three fields are needed
    page.locator("#aq-c-own-title").fill(OWN["title"])
    page.locator("#aq-c-own-add").click()
    assert page.locator(".aq-compose__own .aq-warning").is_visible()
    page.locator("#aq-c-own-content").fill(OWN["content"])
    page.locator("#aq-c-own-basis").fill(OWN["basis"])
    page.locator("#aq-c-own-add").click()
    assert page.locator("[data-own='0']").inner_text().count(OWN["title"]) == 1
    page.wait_for_function("document.querySelector('.aq-progress .aq-muted').textContent.includes('已保存')")

    # survives a reload
    page.reload(wait_until="load")
    page.wait_for_selector("[data-own='0']")
    assert _items(page) == refs and page.locator("#aq-c-title").input_value() == TITLE

    # the definition file, committed as a built-in one, gives the same form
    with page.expect_download() as info:
        page.get_by_role("button", name="导出定义（YAML）").click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    definition = yaml.safe_load(exported.read_text(encoding="utf-8"))
    assert definition["form_code"] == "ZCB-DD-01" and definition["include"] == [MAIN_DUTIES]
    assert definition["select"] == {"sectors": ["yanhua"], "scope": ["零售经营"]}
    assert definition["exclude"] == [{"id": removed, "reason": REASON}] and definition["own_items"][0] == OWN
    with page.expect_download() as info:
        page.get_by_role("button", name="导出定义（JSON）").click()
    info.value.save_as(tmp_path / "d.json")
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8")) == definition
    project = tmp_path / "project"
    shutil.copytree(built_project / "content", project / "content")
    shutil.copytree(built_project / "checklists", project / "checklists")
    shutil.copy(exported, project / "checklists" / exported.name)
    loaded = read_content(project / "content", project)
    checklists, problems = resolve_checklists(project / "checklists", project, loaded.content, loaded.gaps,
                                              Dates("2026-01-01", date.today()))
    assert problems == []
    python = {c.id: c for c in checklists}[definition["id"]]
    assert python.kind == SELF_INSPECTION
    shown = page.evaluate("""id => Promise.all([AQInspect.composer.loadCatalog(), AQInspect.store.composed(id)])
        .then(x => AQInspect.model.items(AQInspect.compose.build(x[0], x[1], '2026-01-01')).map(i => [i.n, i.ref, i.title]))""",
                          definition["id"])
    assert [list(t) for t in shown] == [[i.number, i.ref, i.title] for i in python.items]
    assert shown[-1][2] == OWN["title"]
    assert seen == {"errors": [], "dialogs": []}

    # the JSON definition moves the composition to another device
    other = browser.new_context(viewport=PHONE)
    fresh, seen = _open_inspect(other, site_url)
    fresh.locator("#aq-compose-import").set_input_files(str(tmp_path / "d.json"))
    fresh.wait_for_selector("[data-own='0']")
    assert _items(fresh) == refs and fresh.locator("#aq-c-title").input_value() == TITLE
    other.close()


@pytest.mark.parametrize("name, text, message", [
    ("notes.json", "不是 JSON", "不是 JSON 格式的定义文件"),
    ("list.json", "[1, 2]", "不是自查表定义"),
    ("sector.json", json.dumps({"id": "x-1", "form_code": "ZCB-ZX-01", "title": "表", "select": {"sectors": ["nosuch"]}}),
     "行业“nosuch”在本站的内容中没有"),
    ("town.json", json.dumps({"id": "x-2", "form_code": "ZCB-ZX-01", "title": "表", "audience": "乡镇（街道）",
                              "select": {"township": True}}), "在线组表只组企业自查表"),
    ("fields.json", json.dumps({"id": "x-3", "form_code": "ZCB-ZX-01", "title": "表", "select": {"sectors": ["yanhua"]},
                                "fields": ["单位"]}), "字段“fields”在线组表不支持"),
    ("own.json", json.dumps({"id": "x-4", "form_code": "ZCB-ZX-01", "title": "表", "select": {"sectors": ["yanhua"]},
                             "own_items": [{"title": "灭火器"}]}), "own_items 第 1 项应有 title、content 和 basis"),
])
def test_bad_definition_files_are_refused_and_change_nothing(phone, site_url, tmp_path, name, text, message):
    page, seen = _open_inspect(phone, site_url)
    page.locator("#aq-compose-new").click()
    page.wait_for_selector("#aq-c-title")
    page.goto(f"{site_url}/inspect/#", wait_until="load")
    page.wait_for_selector("[data-composed]")
    before = page.evaluate("AQInspect.store.allComposed().then(d => JSON.stringify(d))")
    (tmp_path / name).write_text(text, encoding="utf-8")
    page.locator("#aq-compose-import").set_input_files(str(tmp_path / name))
    page.wait_for_function("document.querySelector('.aq-status').textContent.length > 0")
    status = page.locator(".aq-status").inner_text()
    assert status.startswith(f"文件“{name}”") and message in status and status.endswith("没有导入任何内容。"), status
    assert page.evaluate("AQInspect.store.allComposed().then(d => JSON.stringify(d))") == before
    assert seen == {"errors": [], "dialogs": []}


def test_a_composed_checklist_is_inspected_printed_and_downloaded(phone, site_url, tmp_path):
    page, seen = _open_inspect(phone, site_url)
    _compose_retail(page)
    page.locator("#aq-c-own-title").fill(OWN["title"])
    page.locator("#aq-c-own-content").fill(OWN["content"])
    page.locator("#aq-c-own-basis").fill(OWN["basis"])
    page.locator("#aq-c-own-add").click()
    count = len(_items(page)) + 1

    # the blank form prints on A4 landscape with the ledger and the own item
    page.get_by_role("link", name="打印空白表").click()
    page.wait_for_selector(".aq-blank")
    page.emulate_media(media="print")
    pdf = tmp_path / "blank.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and round(float(size[1])) == 842 and round(float(size[2])) == 595, info  # A4 landscape
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert TITLE in text and "隐患整改台账" in text and "依据原文摘录" in text and "门店灭火器" in text
    # table cells wrap, and pdftotext reads a row's lines across its cells
    assert "本店《消防安全管理制度》第3" in text and "本单位填写" in text and "☐符合" in text and "开始自查" not in text
    page.emulate_media(media="screen")
    assert page.locator("img[src='x']").count() == 0

    # blank XLSX
    page.get_by_role("link", name="返回组表").click()
    page.wait_for_selector("#aq-c-title")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 Excel").click()
    info.value.save_as(tmp_path / "blank.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "blank.xlsx")["自查表"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "序号")
    assert len(rows) - head - 1 == count and rows[-1][2] == OWN["title"] and rows[-1][4] == "☐符合 ☐不符合 ☐不适用"

    # inspect with it; the own item is the last one
    page.get_by_role("button", name="开始自查").click()
    page.wait_for_selector(f"#aq-item-{count}")
    last = page.locator(f"#aq-item-{count}")
    assert OWN["title"] in last.inner_text() and OWN["basis"] in last.locator(".aq-item__basis").text_content()
    last.locator("label.aq-choice", has_text="不符合").click()
    last.get_by_label("隐患描述").fill("有两具灭火器压力不足")
    page.locator("#aq-item-1 label.aq-choice", has_text="符合").first.click()
    page.wait_for_timeout(400)
    page.reload(wait_until="load")
    page.wait_for_selector(f"#aq-item-{count}")
    assert page.locator(f"#aq-item-{count}").get_attribute("data-result") == "不符合"
    page.locator(".aq-progress").get_by_role("link", name="报告").click()
    page.wait_for_selector(".aq-report")
    report = page.locator(".aq-report").inner_text()
    assert TITLE in report and "有两具灭火器压力不足" in report and "ZCB-DD-01" in report
    with page.expect_download() as info:
        page.get_by_role("button", name="下载备份（JSON）").click()
    info.value.save_as(tmp_path / "backup.json")
    entries = page.evaluate("([text, name]) => AQInspect.backup.parse(text, name).length",
                            [(tmp_path / "backup.json").read_text(encoding="utf-8"), "backup.json"])
    assert entries == 1  # the composed checklist travels with the inspection and passes the import checks
    # listed on the start page, with the inspection made from it
    page.goto(f"{site_url}/inspect/#", wait_until="load")
    page.wait_for_selector("[data-composed]")
    assert TITLE in page.locator("[data-composed]").inner_text()
    assert TITLE in page.locator("[data-record]").inner_text()
    assert seen == {"errors": [], "dialogs": []}
