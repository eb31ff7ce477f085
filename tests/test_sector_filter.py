"""Filters on the sector pages (assets/sector-filter.js) in Debian Chromium: the items shown are the
ones the content says, the address keeps the view, and the script loads on sector pages only."""
from __future__ import annotations

import pytest
from conftest import ARTIFACTS, PHONE, PROJECT

from generator.content.load import load_content
from generator.sitemap import SiteMap, sector_parts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "content", PROJECT)


def _sector(content, sector_id: str):
    return next(s for s in content.sectors if s.id == sector_id)


def _shown(page) -> list[str]:
    return page.locator(".aq-req:visible").evaluate_all("items => items.map(i => i.dataset.id)")


def test_enterprise_check_items_of_a_sector_and_the_address_restores_the_view(browser, site_url, content):
    """On 企业主体责任, split into pages by topic: its overview lists every item and filters them all
    (非煤矿山's items are all addressed to government, so it has no 企业 choice)."""
    assert sector_parts(_sector(content, "qiye"), content)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/sectors/qiye/", wait_until="load")
    everything = _sector(content, "qiye").requirements
    assert page.locator("#aq-f-count").inner_text() == f"显示 {len(everything)} / {len(everything)} 条"
    page.select_option("#aq-f-actor", "enterprise")
    page.check("#aq-f-check")
    expected = [r.id for r in everything if r.actor == "enterprise" and r.check]
    assert sorted(_shown(page)) == sorted(expected) and 0 < len(expected) < len(everything)
    assert page.url.endswith("/sectors/qiye/?actor=enterprise&check=1")
    page.locator("#aq-f-count").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sector-filter-phone.png"))
    shared = context.new_page()
    shared.goto(page.url, wait_until="load")
    assert sorted(_shown(shared)) == sorted(expected)
    assert shared.eval_on_selector("#aq-f-actor", "e => e.value") == "enterprise"
    assert shared.is_checked("#aq-f-check")
    context.close()


def test_a_part_page_filters_its_own_items(browser, site_url, content):
    part = sector_parts(_sector(content, "qiye"), content)[0]
    page = browser.new_page()
    page.goto(f"{site_url}/{part.page.removesuffix('.md')}/?actor=enterprise&check=1", wait_until="load")
    expected = [r.id for r in part.requirements if r.actor == "enterprise" and r.check]
    assert sorted(_shown(page)) == sorted(expected) and 0 < len(expected) < len(part.requirements)
    assert page.locator("#aq-f-count").inner_text() == f"显示 {len(expected)} / {len(part.requirements)} 条"
    page.close()


def test_scope_and_document_filters_follow_the_checklist_rules(browser, site_url, content):
    """An item without a scope applies to every scope; a document filter keeps the items citing it."""
    page = browser.new_page()
    sector = _sector(content, "feimei")
    scope, source = "地下矿山", "luan"
    page.goto(f"{site_url}/sectors/feimei/?scope={scope}&source={source}", wait_until="load")
    expected = [r.id for r in sector.requirements if (not r.scope or scope in r.scope)
                and source in {c.source_id for c in r.cites}]
    assert sorted(_shown(page)) == sorted(expected) and 0 < len(expected) < len(sector.requirements)
    # topics with nothing left are hidden with their heading
    sections = [s for p in sector_parts(sector, content) for s in p.sections]
    visible_topics = page.locator(".aq-topic:visible h3").count()
    assert visible_topics == len([s for s in sections if {r.id for r in s.requirements} & set(expected)])
    page.select_option("#aq-f-source", "")
    assert "source=" not in page.url and f"scope=" in page.url
    page.close()


def test_a_link_to_a_hidden_item_shows_everything(browser, site_url, content):
    page = browser.new_page()
    sector = _sector(content, "feimei")
    target = next(r for r in sector.requirements if "luan" not in {c.source_id for c in r.cites})
    holder = SiteMap(content, []).requirement_pages()[target.id]
    on_page = next(p for p in sector_parts(sector, content) if p.page == holder).requirements
    page.goto(f"{site_url}/{holder.removesuffix('.md')}/?source=luan#{target.id}", wait_until="load")
    assert page.locator(f"h4#{target.id}").is_visible()
    assert len(_shown(page)) == len(on_page)
    page.close()


def test_the_filter_script_loads_on_sector_pages_only(built_site):
    pages = sorted(p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html")
                   if "assets/sector-filter.js" in p.read_text(encoding="utf-8"))
    assert pages and all(p.startswith("sectors/") and p != "sectors" for p in pages), pages
