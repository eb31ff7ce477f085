"""The gold query set, typed into the real search box in Chromium: recall@1 ≥ 90 %, recall@5 ≥ 99 %."""
from __future__ import annotations

import pytest
from search_eval import evaluate, load_gold, recall_at, report

pytestmark = pytest.mark.browser


def test_gold_set_is_large_and_varied():
    queries = load_gold()
    assert len(queries) >= 400
    kinds = [q["kind"] for q in queries]
    assert {"两字词", "标题中段", "多词", "同义词", "缩写", "无结果", "口语"} <= set(kinds)
    assert kinds.count("口语") >= 60  # typed the way safety and township officers type
    assert len({q["q"] for q in queries}) == len(queries)
    assert all(2 <= len(q["q"].replace(" ", "")) for q in queries)


def test_the_right_item_comes_first(browser, site_url):
    page = browser.new_page()
    outcomes = evaluate(page, site_url)
    page.close()
    print("\n" + report(outcomes))
    assert recall_at(outcomes, 1) >= 0.90, report(outcomes)
    assert recall_at(outcomes, 5) >= 0.99, report(outcomes)
