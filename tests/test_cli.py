"""Whatever goes wrong, the command line prints a sentence, never a traceback."""
from __future__ import annotations

from generator import cli
from generator.paths import ProjectPaths


def test_a_bug_in_the_generator_is_one_sentence_and_the_details_go_to_a_file(project_copy, monkeypatch, capsys):
    def broken(paths):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "DEFAULT_PATHS", ProjectPaths(project_copy))
    monkeypatch.setattr(cli, "check", broken)
    monkeypatch.setattr(cli, "install_signal_handlers", lambda: None)  # keep pytest's own Ctrl-C handling
    assert cli.main(["check"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("生成器内部出错（RuntimeError）：这是程序的问题，不是内容的问题。"
                   "详细信息已写入 build/last-error.txt，请把它交给维护人员。原有的 site/ 保持不变。")
    assert "RuntimeError: boom" in (project_copy / "build" / "last-error.txt").read_text(encoding="utf-8")


def test_a_flood_of_problems_in_one_file_is_cut_to_fifty_lines_and_a_count():
    from generator.content.problems import ContentError, Position, Problem

    flood = [Problem(Position("content/a.yaml", n, 1), "错。") for n in range(1, 121)]
    lines = ContentError(flood + [Problem(Position("content/b.yaml", 1, 1), "错。")]).report().split("\n")
    assert len(lines) == 50 + 1 + 1 + 1
    assert lines[49] == "content/a.yaml:50:1: 错。" and lines[50] == "content/b.yaml:1:1: 错。"
    assert lines[51].startswith("content/a.yaml:1:1: 这个文件还有 70 处问题没有列出")
    assert lines[52] == "共发现 121 处问题，网站没有生成，原有网站保持不变。"
