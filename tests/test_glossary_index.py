"""The glossary's order (pinyin, letter sections), its groups and the 简称 table, on the shipped content."""
from __future__ import annotations

import pytest
from conftest import PROJECT

from generator.content.load import load_content
from generator.content.model import GlossaryTerm
from generator.content.schema import GLOSSARY_GROUPS
from generator.site.glossary_index import abbreviations, group_sections, initial_letter, letter_sections, pinyin_key


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "content", PROJECT)


def _term(name: str, group: str = "技术术语") -> GlossaryTerm:
    return GlossaryTerm(name, group, [], [], [])


def test_terms_are_in_pinyin_order_not_code_point_order():
    names = ["三同时", "一岗双责", "两客一危", "重大危险源", "安委会", "8大类档案"]
    ordered = [t.term for _, terms in letter_sections([_term(n) for n in names]) for t in terms]
    # 8 is read 八 (ba); 重大 is zhong da, not chong
    assert ordered == ["安委会", "8大类档案", "两客一危", "三同时", "一岗双责", "重大危险源"]
    assert initial_letter("重大危险源") == "Z"
    assert pinyin_key("一岗双责") < pinyin_key("重大危险源")


def test_every_shipped_term_sits_under_its_initial_and_in_one_known_group(content):
    sections = letter_sections(content.glossary)
    letters = [letter for letter, _ in sections]
    assert letters == sorted(letters)
    placed = [t.term for _, terms in sections for t in terms]
    assert sorted(placed) == sorted(t.term for t in content.glossary)
    for letter, terms in sections:
        assert all(initial_letter(t.term) == letter for t in terms)
        assert [pinyin_key(t.term) for t in terms] == sorted(pinyin_key(t.term) for t in terms)
    assert {t.group for t in content.glossary} <= set(GLOSSARY_GROUPS)
    grouped = [t.term for _, terms in group_sections(content.glossary) for t in terms]
    assert sorted(grouped) == sorted(placed)


def test_abbreviation_table_takes_shortenings_only(content):
    pairs = {(a.short, a.full) for a in abbreviations(content)}
    assert ("安委会", "安全生产委员会") in pairs
    assert ("危化品", "危险化学品") in pairs
    fulls_of = {short for short, _ in pairs}
    assert "应急管理部门" not in fulls_of  # another name, not a shortening of 安全生产监督管理局
    assert "受限空间" not in fulls_of  # same length: a synonym
    assert all(len(short) < len(full) for short, full in pairs)


def test_quoted_variants_and_parts_of_formulas_are_not_abbreviations():
    from generator.site.glossary_index import _is_shortening

    assert _is_shortening("安委会", "安全生产委员会")
    assert not _is_shortening("底线思维", "“底线”思维")
    assert not _is_shortening("党政同责", "党政同责、一岗双责、齐抓共管、失职追责")
    assert not _is_shortening("关停并转", "关、停、并、转")
    assert not _is_shortening("有限空间", "受限空间")
