"""Sector pages in the built site: a sector with many requirements is split into pages by topic (sitemap.py);
every page stays under 100 KB of HTML, every requirement is on exactly one page, where links and the search
index say it is."""
from __future__ import annotations

import json
import re

import pytest
from conftest import PROJECT

from generator.content.load import load_content
from generator.sitemap import PAGE_REQUIREMENTS, SiteMap, sector_parts

PAGE_LIMIT = 100 * 1024


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "content", PROJECT)


def _html(site, page: str) -> str:
    folder = page.removesuffix(".md").removesuffix("/index")
    return (site / folder / "index.html").read_text(encoding="utf-8")


def test_no_sector_page_is_over_100_kb(built_site):
    sizes = {p.relative_to(built_site).as_posix(): p.stat().st_size for p in (built_site / "sectors").rglob("index.html")}
    assert len(sizes) > 29
    assert {p: s for p, s in sizes.items() if s > PAGE_LIMIT} == {}


def test_parts_hold_each_requirement_once_in_topic_order(content):
    split = [s for s in content.sectors if sector_parts(s, content)]
    assert {"zonghe", "qiye", "feimei"} <= {s.id for s in split}
    for sector in split:
        parts = sector_parts(sector, content)
        in_order = [r.id for _, reqs in sector.topics_in_order(content.topic_names) for r in reqs]
        assert [r.id for p in parts for r in p.requirements] == in_order
        assert all(len(p.requirements) <= PAGE_REQUIREMENTS for p in parts)
        assert len({p.page for p in parts}) == len(parts)
        # as even as topic boundaries allow: no page under a third of the fullest one
        sizes = [len(p.requirements) for p in parts]
        assert min(sizes) * 3 >= max(sizes), (sector.id, sizes)


def test_every_requirement_is_where_its_links_and_search_entry_point(built_site, content):
    pages = SiteMap(content, []).requirement_pages()
    locations = {d["location"] for d in json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]}
    for sector in content.sectors:
        parts = sector_parts(sector, content)
        overview = _html(built_site, f"sectors/{sector.id}/index.md")
        for part in parts:
            html = _html(built_site, part.page)
            ids = re.findall(r'<h4 id="([A-Z]+-\d{3})"', html)
            assert ids == [r.id for r in part.requirements]
            for r in part.requirements:
                slug = part.page.removeprefix(f"sectors/{sector.id}/").removesuffix(".md")
                assert pages[r.id] == part.page
                assert f"sectors/{sector.id}/{slug}/#{r.id}" in locations
                # the overview's directory links to the item on its page
                assert f'href="{slug}/#{r.id}"' in overview
        if not parts:
            assert re.findall(r'<h4 id="([A-Z]+-\d{3})"', overview) == [r.id for _, reqs in
                                                                      sector.topics_in_order(content.topic_names)
                                                                      for r in reqs]


def test_the_split_overview_is_searchable_by_name_but_not_by_each_item(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    overview = next(d for d in docs if d["location"] == "sectors/zonghe/")
    assert overview["title"].replace("\u200b", "") == "安全生产综合监管"
    directory = [d for d in docs if d["location"].startswith("sectors/zonghe/#") and "ZH-" in d["text"]]
    assert directory == []  # the item list is excluded: each item is found on its own page
