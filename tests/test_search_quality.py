"""The gold query set, typed into the real search box in Chromium: recall@5 must stay at 95 % or more."""
from __future__ import annotations

import pytest
from search_eval import evaluate, load_gold, recall_at, report

pytestmark = pytest.mark.browser


def test_gold_set_is_large_and_varied():
    queries = load_gold()
    assert len(queries) >= 100
    kinds = {q["kind"] for q in queries}
    assert {"两字词", "标题中段", "多词", "同义词", "缩写", "无结果"} <= kinds
    assert all(2 <= len(q["q"].replace(" ", "")) for q in queries)


def test_recall_at_5_is_at_least_95_percent(browser, site_url):
    page = browser.new_page()
    outcomes = evaluate(page, site_url)
    page.close()
    print("\n" + report(outcomes))
    assert recall_at(outcomes, 5) >= 0.95, report(outcomes)
