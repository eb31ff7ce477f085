"""The 在线自查 walk-through a safety officer does, shared by the served, nginx and file:// tests.

Open the 烟花爆竹零售 form from its checklist page, fill ten items (one 不符合 with a 重大 hazard and a
photo, one 不适用 with its reason, eight 符合), reload and find everything as it was.
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

CHECKLIST = "yanhua-lingshou"
XSS = "<img src=x onerror=alert(1)>"
PROBLEM = "仓库内烟花堆放超高 " + XSS
REASON = "本店不设仓库，不存放超量烟花"
UNIT = "某烟花爆竹零售店"


def make_png(path: Path) -> Path:
    """A small real PNG (a red and white 40×30 picture), as a phone camera would hand over a file."""
    rows = b"".join(b"\0" + b"".join(b"\xc6\x28\x28" if (x // 10 + y // 10) % 2 else b"\xff\xff\xff"
                                     for x in range(40)) for y in range(30))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def guard(page) -> dict[str, list[str]]:
    """Collect script errors and dialogs (a typed <img onerror> must never run)."""
    seen: dict[str, list[str]] = {"errors": [], "dialogs": []}
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))

    def dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return seen


def item(page, n: int):
    return page.locator(f"#aq-item-{n}")


def start_from_checklist_page(page, checklist_page_url: str) -> None:
    page.goto(checklist_page_url, wait_until="load")
    page.get_by_role("link", name="在线自查（手机可用）").click()
    page.wait_for_selector("#aq-item-1")
    assert "#i/" in page.url, page.url


def fill_ten_items(page, photo: Path) -> None:
    page.get_by_label("单位名称").fill(UNIT)
    page.get_by_label("检查部位").fill("门店及仓库")
    page.get_by_label("检查类型").select_option("专项")
    first = item(page, 1)
    first.locator("label.aq-choice", has_text="不符合").click()
    first.get_by_label("隐患描述").fill(PROBLEM)
    first.get_by_label("位置").fill("后仓")
    first.get_by_label("隐患等级").select_option("重大")
    first.get_by_label("整改措施").fill("立即清理超量存放的烟花")
    first.get_by_label("责任人").fill("店长")
    first.get_by_label("整改期限").fill("2020-01-31")
    first.locator("input[type=file]").set_input_files(str(photo))
    first.locator("img.aq-photo[src^='data:image/jpeg']").wait_for()
    second = item(page, 2)
    second.locator("label.aq-choice", has_text="不适用").click()
    assert second.locator(".aq-warning").is_visible()  # a reason is required
    second.get_by_label("不适用的理由（必填）").fill(REASON)
    assert not second.locator(".aq-warning").is_visible()
    for n in range(3, 11):
        item(page, n).locator("label.aq-choice", has_text="符合").first.click()
    page.wait_for_function("document.querySelector('.aq-progress__saved').textContent.includes('已保存')")
    page.wait_for_timeout(400)  # the last typed field is saved within 250 ms


def assert_filled(page) -> None:
    assert "已查 10 / " in page.locator(".aq-progress__text").inner_text()
    assert page.get_by_label("单位名称").input_value() == UNIT
    first = item(page, 1)
    assert first.get_attribute("data-result") == "不符合"
    assert first.get_by_label("隐患描述").input_value() == PROBLEM
    assert first.get_by_label("隐患等级").input_value() == "重大"
    assert first.get_by_label("整改期限").input_value() == "2020-01-31"
    first.locator("img.aq-photo[src^='data:image/jpeg']").wait_for()
    assert item(page, 2).get_by_label("不适用的理由（必填）").input_value() == REASON
    assert [item(page, n).get_attribute("data-result") for n in range(3, 11)] == ["符合"] * 8
    assert item(page, 11).get_attribute("data-result") is None


def open_report(page) -> None:
    page.locator(".aq-progress").get_by_role("link", name="报告").click()
    page.wait_for_selector(".aq-report")


def walk_through(page, checklist_page_url: str, photo: Path) -> None:
    """Start, fill, reload, check; then the report shows the statistics and the hazard first."""
    seen = guard(page)
    start_from_checklist_page(page, checklist_page_url)
    fill_ten_items(page, photo)
    page.reload(wait_until="load")
    page.wait_for_selector("#aq-item-1")
    assert_filled(page)
    open_report(page)
    report = page.locator(".aq-report").inner_text()
    assert "发现重大隐患 1 项" in report and PROBLEM in report and REASON in report
    assert "88.9%" in report  # 8 符合 of 9 (不适用 left out)
    assert seen == {"errors": [], "dialogs": []}


def compose_and_start(page) -> None:
    """From the app's start page: compose 烟花爆竹 (零售经营) with 企业主体责任, start an inspection with it."""
    page.goto(page.url.split("#")[0] + "#", wait_until="load")
    page.locator("#aq-compose-new").click()
    page.locator("#aq-c-title").fill("本店自查表")
    page.locator("[data-choice=sectors] label", has_text="烟花爆竹").click()
    page.locator("[data-choice=scope] label", has_text="零售经营").click()
    assert page.locator(".aq-compose__items h3").inner_text() == "检查项（62 项）"
    page.get_by_role("button", name="开始自查").click()
    page.wait_for_selector("#aq-item-62")
    page.locator("#aq-item-1 label.aq-choice", has_text="符合").first.click()
    assert "已查 1 / 62" in page.locator(".aq-progress__text").inner_text()
