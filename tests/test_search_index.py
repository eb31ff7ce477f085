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
