"""Source status against the build date: SOURCE_DATE_EPOCH, the chips, and what the pages say."""
from __future__ import annotations

import dataclasses
import functools
from datetime import date

import markdown
import pytest
from conftest import PROJECT

from generator.builddate import build_date
from generator.content.load import load_content
from generator.content.model import NOWHERE, Citation, Content, LineRange, Source
from generator.site.render import Page, render_pages
from generator.site.source_status import (DRAFT, ENDED, ISSUED, PLACE, citation_chips, registry_summary,
                                          source_status)


@functools.cache
def _content() -> Content:
    return load_content(PROJECT / "content", PROJECT)


def _source(**changes: object) -> Source:
    return dataclasses.replace(_content().sources["shanwei"], **changes)


def _cite(source_id: str) -> Citation:
    return Citation(source_id, "一", LineRange(1, 1), "原文", NOWHERE)


@functools.cache
def _pages(year: int) -> dict[str, str]:
    pages: list[Page] = render_pages(_content(), PROJECT / "site_templates" / "pages", [], today=date(year, 6, 1))
    return {p.path: p.text for p in pages}


def _html(text: str) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text  # front matter
    return markdown.markdown(body, extensions=["admonition", "attr_list", "md_in_html", "tables",
                                               "pymdownx.details", "pymdownx.superfences"])


# --- build_date ---------------------------------------------------------------------------------------------

def test_build_date_is_today_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() == date.today()


def test_build_date_honours_source_date_epoch_in_utc(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459199")  # 2020-12-31 23:59:59 UTC
    assert build_date() == date(2020, 12, 31)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459200")
    assert build_date() == date(2021, 1, 1)


@pytest.mark.parametrize("value", ["", "abc", "-5", "1.5", "１２３", "9" * 30])
def test_an_invalid_source_date_epoch_falls_back_to_today(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert build_date() == date.today()


# --- chips --------------------------------------------------------------------------------------------------

def test_the_planning_period_ends_after_its_last_year():
    source = _source(period_end=2020)
    during = source_status(source, date(2020, 12, 31))
    after = source_status(source, date(2021, 1, 1))
    assert during[2].label == "规划期至 2020 年，未结束" and ENDED not in during[2].css_class
    assert after[2].label == "规划期至 2020 年，已结束" and after[2].css_class == ENDED


def test_status_chips_name_the_jurisdiction_and_the_status():
    place, status, _ = source_status(_content().sources["liwan"], date(2025, 1, 1))
    assert place == ("广东省广州市荔湾区", PLACE, "")
    assert (status.label, status.css_class) == ("正式印发", ISSUED)
    place, status, _ = source_status(_content().sources["luan"], date(2025, 1, 1))
    assert place.label == "安徽省六安市" and (status.label, status.css_class) == ("征求意见稿", DRAFT)


def test_a_requirement_gets_one_chip_per_distinct_source_in_citation_order():
    sources = _content().sources
    chips = citation_chips([_cite("luan"), _cite("shanwei"), _cite("luan")], sources, date(2021, 1, 1))
    assert [c.label for c in chips] == ["六安 · 征求意见稿", "汕尾 · 正式印发"]
    assert chips[0].css_class.split() == [DRAFT, ENDED] and chips[1].css_class.split() == [ISSUED, ENDED]
    assert "安徽省六安市的地方文件" in chips[0].title and "已结束" in chips[0].title
    current = citation_chips([_cite("shanwei")], sources, date(2020, 5, 1))
    assert current[0].css_class == ISSUED and "未结束" in current[0].title


def test_registry_summary_is_computed_from_the_registry():
    summary = registry_summary(_content(), date(2025, 1, 1))
    assert summary.all_local and summary.places == ["汕尾", "六安", "雷州", "江门", "荔湾"]
    assert summary.all_ended and summary.ended_years == [2015, 2020]
    assert [s.id for s in summary.drafts] == ["luan"]
    assert 0 < summary.single_source <= summary.requirements
    early = registry_summary(_content(), date(2016, 1, 1))
    assert [s.id for s in early.ended] == ["jiangmen"] and early.ended_years == [2015]


# --- rendered pages -----------------------------------------------------------------------------------------

def test_source_page_warns_when_the_period_has_ended():
    html = _html(_pages(2025)["sources/luan.md"])
    assert "规划期已结束" in html and "本文件是安徽省六安市的地方文件，规划期至 2020 年，已经结束" in html
    assert "安徽省 / 六安市（地级市）" in html and "规划期已于 2020 年底结束" in html
    assert 'class="aq-chip aq-chip-draft aq-chip-ended"' in html  # its requirement list
    before = _html(_pages(2019)["sources/luan.md"])
    assert "已经结束" not in before and "尚未结束" in before


def test_sector_requirements_carry_source_chips():
    from generator.sitemap import sector_parts

    content = _content()
    sector = next(s for s in content.sectors if not sector_parts(s, content))  # all its items on one page
    text = _pages(2025)[f"sectors/{sector.id}/index.md"]
    html = _html(text)
    lines = text.splitlines()
    for req in sector.requirements:
        heading = next(i for i, l in enumerate(lines) if l.startswith("#### ") and l.endswith(f"{{#{req.id}}}"))
        chips = lines[heading + 2]  # the badge line under the heading
        assert chips.startswith('<span class="aq-badge') and chips.count('class="aq-chip ') == len(
            {c.source_id for c in req.cites}), req.id
    assert "aq-chip-ended" in html and 'title="' in html


def test_home_page_says_the_documents_are_local_and_ended():
    html = _html(_pages(2025)["index.md"])
    assert 'id="about-sources"' in html and "<pre>" not in html
    admonition = html.split('<p class="admonition-title">关于来源文件</p>', 1)[1].split("</div>", 1)[0]
    assert admonition.count("<p>") == 2 and "本站收录的 5 份来源文件" in admonition
    assert "不是现行的国家规定" in admonition
    assert "都是地方文件：汕尾、六安、雷州、江门、荔湾（广东省、安徽省）" in html
    assert "已于 2015 年或 2020 年结束" in html and "六安的文件是征求意见稿" in html
    assert "不是现行的国家规定" in html


def test_markup_in_the_registry_stays_text_in_chips_and_notices():
    payload = '"><svg onload=alert(3)> [x](javascript:alert(5)) `a` '
    content = dataclasses.replace(_content(), sources=dict(_content().sources))
    content.sources["luan"] = dataclasses.replace(content.sources["luan"], short=payload + "六安",
                                                  province=payload + "安徽省", city=payload + "六安市")
    pages = {p.path: p.text for p in render_pages(content, PROJECT / "site_templates" / "pages", [],
                                                  today=date(2025, 1, 1))}
    for path in ("index.md", "sources/luan.md", f"sectors/{content.sectors[0].id}/index.md"):
        html = _html(pages[path])
        assert "<svg" not in html and 'href="javascript' not in html and "<code>a" not in html, path
