from conftest import PROJECT, run_generator

from generator.content.coverage import coverage
from generator.content.load import load_content


def test_cited_and_marked_lines_are_accounted_for_and_blank_lines_are_not_counted():
    content = load_content(PROJECT / "content", PROJECT)
    for cov in coverage(content):
        lines = cov.source.lines
        assert all(lines[n - 1].strip() for n in cov.text_lines)
        for cite in (c for c in content.all_citations() if c.source_id == cov.source.id):
            for n in range(cite.lines.first, cite.lines.last + 1):
                assert n not in cov.unaccounted()
        assert cov.accounted + len(cov.unaccounted()) == cov.total


def test_coverage_command_meets_the_goal_for_every_source():
    result = run_generator(PROJECT, "coverage")
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count("已处理") == 5
