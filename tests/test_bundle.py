"""make bundle: a zip that works unpacked and opened from disk (file://), search included."""
from __future__ import annotations

import zipfile

import pytest
from conftest import restrict_requests, run_generator

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory, built_project):
    result = run_generator(built_project, "bundle")
    assert result.returncode == 0, result.stderr
    target = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(built_project / "dist" / "anquan-offline.zip") as archive:
        archive.extractall(target)
    return target / "anquan"


def only_from_disk(context) -> list[str]:
    """Let the context load files from disk only; the list collects every other request (aborted)."""
    return restrict_requests(context, "file:")


def test_bundle_has_no_outside_references(unpacked):
    for path in unpacked.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, path
    assert (unpacked / "assets" / "vendor" / "iframe-worker-shim.js").is_file()
    assert (unpacked / "search" / "search_index.js").is_file()


def test_opened_from_disk_pages_and_search_work(browser, unpacked):
    context = browser.new_context()
    outside = only_from_disk(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((unpacked / "index.html").as_uri(), wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.type("头顶库")
    box.press("Shift")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    first = page.locator(".md-search-result__item a").first
    assert "sectors/feimei/" in first.get_attribute("href") and ".html" in first.get_attribute("href")
    first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith((unpacked / "sectors" / "feimei").as_uri() + "/")
    assert page.title().startswith("非煤矿山")
    page.goto((unpacked / "checklists" / "index.html").as_uri(), wait_until="load")
    pdf_link = page.locator('a[href$=".pdf"]').first.get_attribute("href")
    assert (unpacked / "checklists" / pdf_link).is_file()
    assert outside == [] and errors == []
    context.close()


def test_self_inspection_works_from_disk(browser, unpacked, tmp_path):
    """在线自查 from the unzipped bundle (file://): fill, reload, report, compose a checklist and use it;
    nothing asked of the network."""
    from inspect_flow import CHECKLIST, compose_and_start, make_png, walk_through

    context = browser.new_context(viewport={"width": 390, "height": 844})
    outside = only_from_disk(context)
    page = context.new_page()
    walk_through(page, (unpacked / "checklists" / f"{CHECKLIST}.html").as_uri(), make_png(tmp_path / "photo.png"))
    compose_and_start(page)
    context.close()
    assert outside == []
