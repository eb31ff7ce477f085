from generator.content.quotes import closest_text, find_in_document, is_page_number_line, normalise, quote_is_in

LINES = ["第一行：严格执行主要矿种", "", "— 7 —", "最小开采规模 和最低服务年限。", "-11 -", "其他内容。"]


def test_page_number_lines_are_recognised():
    assert is_page_number_line("— 7 —")
    assert is_page_number_line("-11 -")
    assert is_page_number_line("— 5 **—**")
    assert not is_page_number_line("1. 目标")
    assert not is_page_number_line("2020")


def test_quote_may_cross_blank_and_page_number_lines():
    assert quote_is_in(LINES, 1, 4, "严格执行主要矿种最小开采规模和最低服务年限")


def test_quote_outside_the_cited_lines_is_not_found():
    assert not quote_is_in(LINES, 4, 6, "严格执行主要矿种")
    assert find_in_document(LINES, "严格执行主要矿种") == [(1, 1)]


def test_whitespace_is_ignored_but_words_are_not():
    assert normalise(" a\tb\u3000c\n") == "abc"
    assert not quote_is_in(LINES, 1, 6, "严格执行主要矿山")


def test_closest_text_points_at_the_likely_passage():
    assert closest_text(LINES, 1, 4, "严格执行主要矿山最小") == "严格执行主要矿种最小"


def test_closest_text_finds_a_near_copy_in_a_wide_range():
    filler = [f"第{n}条 其他单位应当做好日常工作。" for n in range(3000)]
    lines = [*filler, "生产经营单位应当建立健全全员安全生产责任制和安全生产规章制度。", *filler]
    quote = "生产经营单位应当建立健全全员安全生产责任制与安全生产规章制度"
    assert closest_text(lines, 1, len(lines), quote) == "生产经营单位应当建立健全全员安全生产责任制和安全生产规章制度"


def test_closest_text_of_a_one_character_quote():
    assert closest_text(["甲乙丙"], 1, 1, "乙") == "乙"
