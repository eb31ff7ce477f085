from generator.search.index import join_single_characters

B = "\u200b"


def test_single_characters_join_their_neighbour_and_words_stay_whole():
    text = B.join(["推进", "和", "部门", "800", "米", "矿井", "。"])
    assert join_single_characters(text) == B.join(["推进和", "部门", "800米", "矿井", "。"])


def test_a_single_character_after_a_space_joins_the_next_word():
    assert join_single_characters(B.join(["a ", "对", "矿山"])) == B.join(["a ", "对矿山"])


def test_text_reads_the_same():
    text = B.join(["对", "矿山", "和", "尾矿库", "实行", "在线", "监控"])
    assert join_single_characters(text).replace(B, "") == text.replace(B, "")


def test_after_punctuation_single_characters_join_forward():
    text = B.join(["风险等级", "（", "红", "橙", "黄", "蓝", "）"])
    assert join_single_characters(text) == B.join(["风险等级", "（", "红橙黄蓝）"])


def test_built_search_worker_tries_the_whole_query(built_site):
    worker = next((built_site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e" in worker.read_text(encoding="utf-8")


def test_ascii_parentheses_around_chinese_become_full_width():
    from generator.search.index import full_width_parentheses

    assert full_width_parentheses("二、(三)构建 县(市、区) (2020)") == "二、（三）构建 县（市、区） (2020)"


def test_the_prebuilt_index_searches_exactly_like_the_index_the_browser_would_build(built_site):
    """The site ships the lunr index built at build time; the worker, given the same documents, must return
    the very same results (order, scores, highlighting) for every gold query as when it builds the index."""
    import json
    import shutil
    import subprocess
    from pathlib import Path

    from search_eval import load_gold

    queries = [q["q"] for q in load_gold()]
    compare = Path(__file__).parent / "search_worker_compare.js"
    run = subprocess.run([shutil.which("node"), str(compare), str(built_site)], input=json.dumps(queries),
                         capture_output=True, text=True, encoding="utf-8", check=True)
    outcome = json.loads(run.stdout)
    assert outcome["compared"] == len(queries) >= 400
    assert outcome["differ"] == []


def test_a_failed_prebuild_stops_with_a_sentence_not_a_trace(tmp_path):
    import json

    import pytest

    from generator.search.prebuilt import PrebuildError, store_prebuilt_index

    (tmp_path / "search").mkdir()
    (tmp_path / "assets" / "javascripts" / "workers").mkdir(parents=True)
    index = {"config": {"lang": ["zh"], "separator": "\\s+", "pipeline": [], "fields": {}}, "docs": []}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(PrebuildError) as failure:
        store_prebuilt_index(tmp_path, index)  # the site has no search worker to build with
    assert str(failure.value).startswith("预先建立搜索索引失败：找不到唯一的搜索脚本")
    assert "\n" not in str(failure.value)
