"""在线自查 in Debian Chromium at 390×844: fill in on a phone, keep it on the device, report, XLSX, backup."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import PHONE, PROJECT
from inspect_flow import CHECKLIST, PROBLEM, REASON, UNIT, XSS, guard, make_png, open_report, walk_through

from generator.checklists.form_data import form_data
from generator.checklists.form import build_form
from generator.checklists.model import SELF_INSPECTION
from generator.paths import ProjectPaths
from generator.project import load_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def photo(tmp_path_factory) -> Path:
    return make_png(tmp_path_factory.mktemp("photo") / "现场.png")


@pytest.fixture
def filled(phone, site_url, photo):
    page = phone.new_page()
    walk_through(page, f"{site_url}/checklists/{CHECKLIST}/", photo)
    return page


def _download(page, button: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    info.value.save_as(target)
    return target


def _import(page, path: Path) -> str:
    page.evaluate("document.querySelector('.aq-status').textContent = ''")
    page.locator("#aq-import").set_input_files(str(path))
    status = page.locator(".aq-status")
    status.wait_for()
    page.wait_for_function("document.querySelector('.aq-status').textContent.length > 0")
    return status.inner_text()


def _stored(page) -> str:
    """Everything in this profile's inspection store, as the app's own backup would hold it."""
    page.goto(page.url.split("#")[0].split("?")[0] + "#", wait_until="load")
    page.wait_for_selector(".aq-saved")
    return page.evaluate("""() => AQInspect.store.records().then(rs => JSON.stringify(
        rs.sort((a, b) => a.id < b.id ? -1 : 1)))""")


def test_data_for_the_browser_comes_from_the_form_model():
    for c in load_project(ProjectPaths(PROJECT)).checklists:
        if c.kind != SELF_INSPECTION:
            continue
        data = form_data(build_form(c))
        items = [i for part in data["parts"] for g in part["groups"] for i in g["items"]]
        assert [(i["n"], i["title"]) for i in items] == [(i.number, i.title) for i in c.items], c.id
        assert all(len({b["text"] for b in i["basis"]}) == len(i["basis"]) for i in items), c.id
        assert len(data["parts"]) == len(c.parts)


def test_inspection_survives_a_reload_and_the_report_counts_right(filled):
    text = filled.locator(".aq-report-stats").inner_text().split()
    # 检查项 符合 不符合 不适用 未检查 重大隐患 符合率
    assert text[7:] == ["62", "8", "1", "1", "52", "1", "88.9%"]
    assert filled.locator(".aq-report__ledger tbody tr").count() == 1
    assert filled.locator(".aq-report__photo[src^='data:image/jpeg']").count() == 1
    assert filled.locator("img[src='x']").count() == 0  # the typed <img> is text


def test_report_prints_to_a4_with_statistics_and_ledger(filled, tmp_path):
    filled.emulate_media(media="print")
    pdf = tmp_path / "report.pdf"
    filled.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = ["".join(page.split()) for page in text.split("\f")]  # table cells wrap their text over lines
    first_page, text = pages[0], "".join(pages)
    assert "发现重大隐患1项" in first_page and "88.9%" in first_page
    assert "隐患整改台账" in text and "仓库内烟花堆放超高" in text and "立即清理超量存放的烟花" in text
    assert "检查人（签字）" in text and "第1项" in text  # signature lines; the photo's caption
    assert "开始新的自查" not in text and "下载Excel" not in text and "安全生产知识库" not in first_page


def test_xlsx_holds_the_filled_checklist_and_the_ledger(filled, tmp_path):
    path = _download(filled, "下载 Excel", tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["自查表", "隐患整改台账"]
    check = list(book["自查表"].iter_rows(values_only=True))
    head = next(i for i, row in enumerate(check) if row[0] == "序号")
    rows = {row[0]: row for row in check[head + 1:]}
    assert rows[1][4:7] == ("不符合", PROBLEM, "后仓")
    assert rows[2][4:6] == ("不适用", REASON)
    assert [rows[n][4] for n in range(3, 11)] == ["符合"] * 8 and rows[11][4] == "未检查"
    assert any(row[1] == UNIT for row in check[:head])
    ledger = [row for row in book["隐患整改台账"].iter_rows(values_only=True)]
    lhead = next(i for i, row in enumerate(ledger) if row[0] == "序号")
    assert ledger[lhead + 1][:9] == (1, 1, rows[1][2], PROBLEM, "后仓", "重大", "立即清理超量存放的烟花", "店长",
                                     "2020-01-31")
    assert len(ledger) == lhead + 2
    # LibreOffice Calc, what most intranet users open it with, reads it too.
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by scripts/install-system-deps.sh test"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=300)
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "仓库内烟花堆放超高" in text and "###" not in text


def test_csv_cells_typed_as_formulas_stay_text(filled, tmp_path):
    filled.locator(".aq-report").wait_for()
    filled.get_by_role("link", name="返回检查").click()
    filled.locator("#aq-item-3 label.aq-choice", has_text="不符合").click()
    filled.locator("#aq-item-3").get_by_label("隐患描述").fill('=HYPERLINK("http://x","y")')
    filled.wait_for_timeout(400)
    open_report(filled)
    text = _download(filled, "下载 CSV", tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and '"=HYPERLINK' not in text


def test_backup_moves_an_inspection_to_a_fresh_profile(filled, browser, site_url, tmp_path):
    backup = _download(filled, "下载备份（JSON）", tmp_path / "backup.json")
    before = _stored(filled)
    other = browser.new_context(viewport=PHONE)
    page = other.new_page()
    seen = guard(page)
    page.goto(f"{site_url}/inspect/", wait_until="load")
    assert "已导入 1 次自查" in _import(page, backup)
    assert _stored(page) == before
    page.locator(".aq-saved__item a", has_text="烟花爆竹零售").first.click()
    page.locator("#aq-item-1 img.aq-photo[src^='data:image/jpeg']").wait_for()
    # The same file again: the app asks before replacing, and keeps the stored one when told no.
    page.goto(f"{site_url}/inspect/", wait_until="load")
    page.locator("#aq-import").set_input_files(str(backup))
    page.get_by_role("alertdialog").get_by_role("button", name="取消").click()
    page.wait_for_function("document.querySelector('.aq-status').textContent.includes('没有导入')")
    assert seen == {"errors": [], "dialogs": []}
    other.close()


def _with_checksum(page, data: dict) -> dict:
    """A file edited by someone who also fixed its checksum: the content checks must catch it."""
    data["checksum"] = page.evaluate("d => AQInspect.backup.checksum(JSON.stringify(d.inspections))", data)
    return data


def test_bad_backup_files_are_refused_and_change_nothing(filled, tmp_path):
    good = _download(filled, "下载备份（JSON）", tmp_path / "backup.json").read_text(encoding="utf-8")
    before = _stored(filled)
    data = json.loads(good)
    tampered = json.loads(good)
    tampered["inspections"][0]["record"]["answers"]["1"]["level"] = "一般"
    newer = dict(data, version=99)
    wrong_result = json.loads(good)
    wrong_result["inspections"][0]["record"]["answers"]["1"]["result"] = "<b>合格</b>"
    cases = {
        "cut.json": (good[: len(good) // 2], "不完整或不是 JSON 文件"),
        "other.json": (json.dumps({"hello": 1}), "不是本网站导出的自查备份"),
        "newer.json": (json.dumps(newer), "格式版本是 99"),
        "tampered.json": (json.dumps(tampered), "校验码不符"),
        "wrong.json": (json.dumps(_with_checksum(filled, wrong_result)), "不是 符合、不符合、不适用 之一"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        shown = _import(filled, path)
        assert message in shown and name in shown and "没有导入任何内容" in shown, (name, shown)
        assert _stored(filled) == before, name


def test_typed_markup_is_shown_as_text_everywhere(filled):
    seen = guard(filled)
    for view in ("#", "#hazards"):
        filled.goto(filled.url.split("#")[0] + view, wait_until="load")
        filled.wait_for_selector(".aq-saved__item, .aq-hazards tbody tr")
    assert XSS in filled.locator(".aq-hazards").inner_text()
    assert filled.locator("img[src='x']").count() == 0 and seen["dialogs"] == []


def test_open_hazards_overview_marks_overdue_ones(filled):
    filled.goto(filled.url.split("#")[0] + "#hazards", wait_until="load")
    filled.wait_for_selector(".aq-hazards tbody tr")
    row = filled.locator(".aq-hazards tbody tr.aq-overdue")
    assert row.count() == 1 and "已逾期" in row.inner_text()
    row.get_by_role("link", name="复查").click()
    first = filled.locator("#aq-item-1")
    first.get_by_label("复查人").fill("安全员")
    first.get_by_label("复查日期").fill("2020-02-01")
    first.get_by_label("复查结论").select_option("已整改")
    first.get_by_label("销号日期").fill("2020-02-02")
    filled.wait_for_timeout(400)
    filled.goto(filled.url.split("#")[0] + "#hazards", wait_until="load")
    filled.wait_for_selector(".aq-hazards tbody tr")
    assert "没有未整改的隐患" in filled.locator(".aq-hazards").inner_text()


def test_copy_as_next_inspection_carries_open_hazards(filled):
    filled.goto(filled.url.split("#")[0] + "#", wait_until="load")
    filled.get_by_role("button", name="复制为下次检查").click()
    filled.wait_for_selector("#aq-item-1")
    assert "已查 0 / 62" in filled.locator(".aq-progress__text").inner_text()
    assert "上次检查未整改：仓库内烟花堆放超高" in filled.locator("#aq-item-1 .aq-carried").inner_text()
    assert filled.locator(".aq-carried").count() == 1
    filled.goto(filled.url.split("#")[0] + "#", wait_until="load")
    filled.wait_for_function("document.querySelectorAll('.aq-saved__item').length === 2")
    filled.locator(".aq-saved__item").first.get_by_role("button", name="删除").click()
    filled.get_by_role("alertdialog").get_by_role("button", name="删除").click()
    filled.wait_for_function("document.querySelectorAll('.aq-saved__item').length === 1")


def test_the_app_loads_only_on_its_own_page(built_site):
    pages = [p for p in built_site.rglob("*.html") if "assets/inspect/" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(built_site).as_posix() for p in pages] == ["inspect/index.html"]
    for name in ("idb-keyval/LICENCE", "exceljs/LICENSE"):
        assert (built_site / "assets" / "vendor" / name).stat().st_size > 400


def test_blocked_storage_is_reported_and_the_work_can_still_be_saved_as_a_file(browser, site_url, tmp_path):
    """A browser that forbids site data (private mode): the page says so, the inspection works for this
    visit, and the backup file holds what was typed."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    context.add_init_script("Object.defineProperty(window, 'indexedDB', { value: undefined });")
    page = context.new_page()
    seen = guard(page)
    page.goto(f"{site_url}/inspect/?new={CHECKLIST}", wait_until="load")
    page.wait_for_selector("#aq-item-1")
    notice = page.get_by_role("alert").filter(has_text="不允许网页保存数据")
    assert notice.is_visible() and "下载备份" in notice.inner_text()
    page.locator("#aq-item-1 label.aq-choice", has_text="不适用").click()
    page.locator("#aq-item-1").get_by_label("不适用的理由（必填）").fill(REASON)
    page.wait_for_timeout(400)
    with page.expect_download() as info:
        notice.get_by_role("button", name="下载备份（JSON）").click()
    info.value.save_as(tmp_path / "b.json")
    saved = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert saved["inspections"][0]["record"]["answers"]["1"] == {"result": "不适用", "photos": [], "reason": REASON}
    assert seen == {"errors": [], "dialogs": []}
    context.close()


# Throws the way a full disk makes IndexedDB fail, from the moment the page sets window.aqFull.
FULL_STORAGE = """(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.aqFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return put.apply(this, args);
  };
})();"""


def test_storage_filling_up_mid_inspection_loses_nothing(browser, site_url, tmp_path):
    """The disk fills while an inspection is under way: the page says the last change was not saved and
    offers the backup, which holds it; once space is back the next change saves everything again."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    seen = guard(page)
    page.goto(f"{site_url}/inspect/?new={CHECKLIST}", wait_until="load")
    page.locator("#aq-item-1 label.aq-choice", has_text="符合").first.click()
    page.wait_for_selector(".aq-progress__saved:has-text('已保存')")
    page.evaluate("window.aqFull = true")
    page.locator("#aq-item-2 label.aq-choice", has_text="不适用").click()
    page.locator("#aq-item-2").get_by_label("不适用的理由（必填）").fill(REASON)
    notice = page.get_by_role("alert").filter(has_text="存储已满")
    notice.wait_for()
    assert "刚才的改动没有保存" in notice.inner_text()
    with page.expect_download() as info:
        notice.get_by_role("button", name="下载备份（JSON）").click()
    info.value.save_as(tmp_path / "b.json")
    answers = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["inspections"][0]["record"]["answers"]
    assert answers["1"]["result"] == "符合"
    assert answers["2"] == {"result": "不适用", "photos": [], "reason": REASON}

    page.evaluate("window.aqFull = false")
    page.locator("#aq-item-3 label.aq-choice", has_text="符合").first.click()
    page.get_by_text("浏览器存储恢复正常").wait_for()
    assert not page.get_by_text("存储已满").count()
    stored = page.evaluate("AQInspect.store.records().then(rs => rs[0].answers)")
    assert stored["2"]["reason"] == REASON and stored["3"]["result"] == "符合"
    assert seen == {"errors": [], "dialogs": []}
    context.close()
