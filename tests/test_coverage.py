from types import SimpleNamespace

from conftest import PROJECT, run_generator

from generator.content.coverage import coverage, coverage_report

# A hand-made source of nine lines: 2 blank, 1 page number, so 6 lines carry text.
SOURCE_LINES = [
    "关于印发安全生产工作方案的通知",  # 1  marked: 发文通知
    "",                                  # 2  blank
    "一、加强企业管理",                  # 3  cited (3-4)
    "企业应当建立安全生产责任制。",      # 4  cited (3-4) and (4)
    "— 2 —",                             # 5  page number
    "   ",                               # 6  blank
    "各地要开展专项检查。",              # 7  neither: unaccounted
    "附件：任务分工表",                  # 8  marked and cited
    "抄送：各县区",                      # 9  marked
]


def _lines(first: int, last: int) -> SimpleNamespace:
    return SimpleNamespace(first=first, last=last)


def _tiny_content() -> SimpleNamespace:
    source = SimpleNamespace(id="demo", short="示例方案", lines=SOURCE_LINES,
                             no_requirements=[SimpleNamespace(lines=_lines(1, 1)), SimpleNamespace(lines=_lines(8, 9))])
    cites = [SimpleNamespace(source_id="demo", lines=_lines(3, 4)), SimpleNamespace(source_id="demo", lines=_lines(4, 4)),
             SimpleNamespace(source_id="demo", lines=_lines(8, 8))]
    return SimpleNamespace(sources={"demo": source}, all_citations=lambda: cites)


def test_counts_over_a_hand_made_source():
    [cov] = coverage(_tiny_content())
    assert cov.text_lines == {1, 3, 4, 7, 8, 9}
    assert cov.total == 6
    assert cov.accounted == 5
    assert cov.unaccounted() == [7]
    assert round(cov.share, 4) == 0.8333


def test_report_over_a_hand_made_source():
    report, ok = coverage_report(_tiny_content())
    assert not ok
    assert report.splitlines() == [
        "示例方案（demo）：有文字的 6 行中已处理 5 行，83.3%，未达到 95%（被引用 3 行，标为不含要求 2 行）",
        "    第 7 行未处理：各地要开展专项检查。",
    ]
    assert coverage_report(_tiny_content(), goal=0.8)[1]


def test_coverage_command_meets_the_goal_for_every_source():
    result = run_generator(PROJECT, "coverage")
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count("已处理") == 5


def test_every_shipped_requirement_has_its_own_short_title():
    """The title is the requirement's heading and the checklists' 检查项目: written, not the text cut off."""
    import re

    from generator.content.load import load_content
    from generator.content.schema import TITLE_MAX

    content = load_content(PROJECT / "content", PROJECT)
    requirements = [r for s in content.sectors for r in s.requirements]
    assert len(requirements) >= 900
    assert not [r.id for r in requirements if not r.title], "requirements without a title"
    assert not [r.id for r in requirements if len(r.title) > TITLE_MAX]
    doubled = re.compile(r"([\u4e00-\u9fff]{2,})\1")  # 安全安全, 建立建立; 船船 (渔船船员) is one character
    assert not [(r.id, r.title) for r in requirements if doubled.search(r.title)]
    assert not [(r.id, r.title) for r in requirements if r.title.endswith(("。", "；", "，", "…"))]
