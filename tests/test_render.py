from pathlib import Path

import pytest
from conftest import PROJECT

from generator.content.load import load_content
from generator.content.model import GlossaryTerm
from generator.content.text import short_title
from generator.paths import ProjectPaths
from generator.project import load_project
from generator.site.glossary_links import TermLinker, term_anchor
from generator.site.render import render_pages, topic_source_matrix
from generator.site.text import number_words
from generator.sitemap import SiteMap, safe_target


def test_number_words():
    assert [number_words(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]


def test_short_title_takes_the_first_sentence_or_clause_that_fits():
    assert short_title("严格尾矿库准入工作，控制新建尾矿库。其他。") == "严格尾矿库准入工作，控制新建尾矿库"
    assert short_title("推进非煤矿山资源整合，推进重点地区和挂牌督办矿区资源整合重组，加快关闭。") == "推进非煤矿山资源整合"
    assert short_title("甲" * 40) == "甲" * 26 + "…"


def test_link_refuses_anything_but_plain_targets():
    assert str(safe_target("../sources/luan.md#L79-L80")) == "../sources/luan.md#L79-L80"
    for unsafe in ('x" onclick="y', "javascript:alert(1)", "a b", "链接"):
        with pytest.raises(ValueError):
            safe_target(unsafe)


def test_term_linker_links_first_mention_longest_term_first():
    terms = [GlossaryTerm("三同时", "口号与提法", [], [], []), GlossaryTerm("同时", "技术术语", [], [], []),
             GlossaryTerm("头顶库", "技术术语", ["头顶车"], [], [])]
    text = TermLinker(terms).link("严格三同时审查，三同时必须落实；治理头顶车和头顶库。", "../glossary.md")
    assert str(text) == (f"严格[三同时](../glossary.md#{term_anchor('三同时')})审查，三同时必须落实；"
                         f"治理[头顶车](../glossary.md#{term_anchor('头顶库')})和头顶库。")


def test_term_linker_escapes_the_text():
    assert str(TermLinker([]).link("<b>*x*</b>", "g.md")) == "&lt;b&gt;\\*x\\*&lt;/b&gt;"


def test_matrix_counts_requirements_per_source():
    content = load_content(PROJECT / "content", PROJECT)
    sector = content.sectors[0]
    groups = sector.topics_in_order(content.topic_names)
    for (topic, reqs), (matrix_topic, counts) in zip(groups, topic_source_matrix(groups)):
        assert topic == matrix_topic
        for source_id, count in counts.items():
            assert count == sum(1 for r in reqs if any(c.source_id == source_id for c in r.cites))


def test_every_page_in_the_navigation_is_rendered(tmp_path: Path):
    content = load_content(PROJECT / "content", PROJECT)
    checklists = load_project(ProjectPaths(PROJECT)).checklists
    pages = {p.path for p in render_pages(content, PROJECT / "site_templates" / "pages", checklists)}
    rendered = {path for path in pages if path.endswith(".md")}
    browser_data = {f"checklists/data/{c.id}.{ext}" for c in checklists if c.kind == "自查表" for ext in ("js", "json")}
    # each checklist's form, the data 在线自查 loads and what 在线组表 composes from
    assert pages - rendered == {f"checklists/_forms/{c.id}.html" for c in checklists} | browser_data | {
        "checklists/data/index.js", "checklists/data/catalog.js"}

    def targets(entries):
        for entry in entries:
            if isinstance(entry, str):
                yield entry
            else:
                for value in entry.values():
                    yield from ([value] if isinstance(value, str) else targets(value))

    assert set(targets(SiteMap(content, checklists).navigation())) == rendered
