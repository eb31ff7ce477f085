"""Debian chromium, driven by Playwright: every page offline, Chinese search, and a screenshot to look at."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS

pytestmark = pytest.mark.browser

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _all_pages(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


@pytest.fixture
def offline_page(browser):
    """A page whose every non-loopback request is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []

    def route(route):
        url = route.request.url
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    page.outside_requests = outside
    yield page
    context.close()


def test_every_page_loads_without_any_outside_request(offline_page, built_site, site_url):
    pages = _all_pages(built_site)
    assert len(pages) >= 10
    errors: list[str] = []
    offline_page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path in pages:
        response = offline_page.goto(site_url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        assert offline_page.locator("h1").first.inner_text().strip(), path
    assert offline_page.outside_requests == []
    assert errors == []


def _search(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url + "/", wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    # Playwright types CJK text without key events; the search reacts on key release.
    box.press("Shift")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", [
    ("尾矿库", "/sectors/feimei/"),
    ("头顶库", "/sectors/feimei/"),
    ("采空区", "/sectors/feimei/"),
    ("非煤矿山", "/sectors/feimei/"),
    ("安全生产奖惩制度", "/township/ts-07/"),
])
def test_chinese_search_finds_the_page(offline_page, site_url, query, expected):
    hrefs = _search(offline_page, site_url, query)
    assert any(urlparse(href).path.startswith(expected) for href in hrefs), (query, hrefs)  # or a part
    assert offline_page.outside_requests == []


def test_a_page_view_without_a_search_does_not_load_the_index(offline_page, site_url):
    """The index (2.2 MB) loads when the search is opened, and for highlighting only with ?h=."""
    requested: list[str] = []
    offline_page.on("request", lambda r: requested.append(urlparse(r.url).path))
    for path in ("/", "/sectors/feimei/", "/checklists/", "/township/"):
        offline_page.goto(site_url + path, wait_until="networkidle")
    assert not [p for p in requested if "search_index" in p], requested
    offline_page.goto(site_url + "/sectors/feimei/?h=尾矿库", wait_until="networkidle")
    assert offline_page.locator("article mark").count() > 0  # search.highlight still marks the words
    assert [p for p in requested if "search_index" in p] == ["/search/search_index.json"]
    assert any(urlparse(h).path.startswith("/sectors/feimei/") for h in _search(offline_page, site_url, "尾矿库"))


def test_search_hit_lands_on_the_requirement(offline_page, site_url):
    hrefs = [urlparse(h) for h in _search(offline_page, site_url, "头顶库")]
    assert any(h.path.startswith("/sectors/feimei/") and h.fragment.startswith("FM-") for h in hrefs), hrefs


def test_citation_link_opens_the_source_at_the_highlighted_lines(offline_page, site_url):
    offline_page.goto(site_url + "/sectors/feimei/", wait_until="load")
    link = offline_page.locator('a[href*="../../sources/"][href*="#L"]').first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    offline_page.goto(site_url + "/sectors/feimei/" + href, wait_until="load")
    first = anchor.split("-")[0]
    line = offline_page.locator(f"#{first}")
    assert "aq-hl" in line.get_attribute("class")
    assert line.is_visible()


def test_sector_page_screenshot(offline_page, site_url):
    ARTIFACTS.mkdir(exist_ok=True)
    offline_page.goto(site_url + "/sectors/feimei/zeren/", wait_until="load")  # the first of its two parts
    offline_page.screenshot(path=str(ARTIFACTS / "sector-feimei.png"))
    # Chinese text is drawn with a real CJK font (an installed one has glyph widths; tofu boxes are uniform).
    widths = offline_page.evaluate("""() => {
        const c = document.createElement('canvas').getContext('2d');
        c.font = '16px sans-serif';
        return ['矿', '山', '一'].map(ch => c.measureText(ch).width);
    }""")
    assert all(w > 10 for w in widths), widths
    assert offline_page.locator(".aq-badge").count() > 0


def test_task_filter_by_lead_unit_and_sector(offline_page, site_url):
    offline_page.goto(site_url + "/tasks/", wait_until="load")
    tasks = offline_page.locator(".aq-task")
    total = tasks.count()
    assert total > 10
    lead = offline_page.locator("#aq-filter-lead")
    first_lead = lead.locator("option").nth(1).get_attribute("value")
    lead.select_option(first_lead)
    visible = offline_page.locator(".aq-task:not([hidden])")
    assert 0 < visible.count() < total
    for n in range(visible.count()):
        assert first_lead in visible.nth(n).get_attribute("data-lead").split("|")
    lead.select_option("")
    offline_page.locator("#aq-filter-sector").select_option("非煤矿山")
    shown = offline_page.locator(".aq-task:not([hidden])")
    assert 0 < shown.count() < total
    assert offline_page.locator("#aq-filter-count").inner_text() == f"显示 {shown.count()} 项"


def test_print_page_prints_as_a_form(browser, built_site, site_url, tmp_path):
    """Chromium's own print-to-PDF: page numbers and form code on every page, no site chrome, ledger and quotes."""
    import subprocess

    page = browser.new_page()
    page.goto(site_url + "/checklists/feimei/", wait_until="load")
    page.emulate_media(media="print")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 3
    for number, body in enumerate(pages, 1):
        flat = body.replace(" ", "")
        assert f"第{number}页共{len(pages)}页" in flat and "ZCB-FM-01" in flat, number
        assert "按行业查找" not in body and "下载：" not in body, number  # no navigation, no download bar
    assert "非煤矿山安全生产自查表" in pages[0] and "检查依据" in pages[0] and "说明" in pages[0]
    signed = next(n for n, body in enumerate(pages) if "被检查部门负责人（签字）" in body)
    assert page_last_question(built_site) in pages[signed].replace(" ", "").replace("\n", "")
    assert any("隐患整改台账" in body for body in pages[signed + 1:]) and "依据原文摘录" in text


def page_last_question(built_site) -> str:
    from conftest import PROJECT

    from generator.paths import ProjectPaths
    from generator.project import load_project

    feimei = next(c for c in load_project(ProjectPaths(PROJECT)).checklists if c.id == "feimei")
    return feimei.items[-1].questions[0][:6]


def test_checklist_pages_are_cards_on_a_phone(browser, site_url):
    """At 390 px no table cell of a checklist or township page is narrower than a finger (48 px)."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path in ("/checklists/yanhua-lingshou/", "/checklists/township/", "/township/ts-09/", "/township/"):
        page.goto(site_url + path, wait_until="load")
        widths = page.eval_on_selector_all(
            "article td", "cells => cells.filter(c => c.offsetParent).map(c => c.getBoundingClientRect().width)")
        assert widths and min(widths) >= 48, (path, min(widths))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.close()


def test_digits_in_headings_use_the_chinese_font(offline_page, site_url):
    """Headings and text name the system's Chinese fonts first, so a digit is drawn by the same font as
    the characters around it (material's own stack starts with Helvetica and Arial)."""
    offline_page.goto(site_url + "/sectors/feimei/", wait_until="load")
    families = offline_page.evaluate("""() => ['h1', '.md-typeset p', '.md-nav'].map(
        s => getComputedStyle(document.querySelector(s)).fontFamily)""")
    for family in families:
        names = [n.strip().strip('"') for n in family.split(",")]
        assert names[0] == "PingFang SC" and names.index("WenQuanYi Micro Hei") < names.index("Helvetica"), family


def test_each_home_card_goes_to_what_its_reader_needs(offline_page, site_url):
    """The enterprise card reaches the checklists and 在线自查 in one tap, the township card the 自评表."""
    offline_page.set_viewport_size({"width": 390, "height": 844})
    offline_page.goto(site_url + "/", wait_until="load")
    cards = offline_page.locator(".grid.cards > ul > li")
    enterprise = cards.filter(has_text="企业安全管理人员")
    enterprise.get_by_role("link", name="自查表（打印、PDF、Excel）").click()
    offline_page.wait_for_url("**/checklists/")
    offline_page.go_back(wait_until="load")
    enterprise.get_by_role("link", name="在线自查和组表（手机可用）").click()
    offline_page.wait_for_url("**/inspect/")
    offline_page.go_back(wait_until="load")
    cards.filter(has_text="乡镇（街道）安监所").get_by_role("link", name="自评表").click()
    offline_page.wait_for_selector("h1:has-text('自评表')")
