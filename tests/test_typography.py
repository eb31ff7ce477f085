"""Chinese typography in the built HTML: no space between two Chinese characters and none after full-width
punctuation, in every page's text.

Left out, on purpose: the reproduced source texts (sources/ pages) and quotes from them (blockquote), which
keep the documents' own spacing; and references, where a space separates the fields the way Chinese
official references do (文件简称 发文字号 章节 第…行): links into the source texts, the 出处 blocks, the
document chips, the checklists' 检查依据 column, excerpts and list of documents, and the task table's
chapter column (marked class="aq-ref")."""
from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED_TAGS = {"head", "script", "style", "blockquote", "code", "pre"}
REFERENCE_CLASSES = {"aq-cites", "aq-chips", "aq-ref", "zcb-col-basis", "zcb-quotes", "zcb-meta", "zcb-refs"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CJK = "\u3400-\u9fff\uf900-\ufaff"
FULL_WIDTH_PUNCTUATION = "，。；：、！？）」』”》】"
STRAY_SPACE = re.compile(rf"[{CJK}][ \u00a0\u3000]+(?=[{CJK}])|[{FULL_WIDTH_PUNCTUATION}][ \u00a0\u3000]+(?=\S)")


class _ProseText(HTMLParser):
    """The text nodes of a page outside the skipped tags and reference elements."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, inside a skipped element)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        skipped = (tag in SKIPPED_TAGS or bool(classes & REFERENCE_CLASSES)
                   or (tag == "a" and "sources/" in (values.get("href") or "")))
        self._open.append((tag, skipped or (self._open[-1][1] if self._open else False)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not (self._open and self._open[-1][1]):
            self.nodes.append(data)


def stray_spaces(html: str) -> list[str]:
    parser = _ProseText()
    parser.feed(html)
    return [node[max(0, m.start() - 8):m.end() + 8] for node in parser.nodes for m in STRAY_SPACE.finditer(node)]


def test_the_check_finds_a_stray_space():
    assert stray_spaces("<p>保持准入， 保持退出</p>") == ["保持准入， 保持退出"]
    assert stray_spaces("<p>安全 生产</p>") == ["安全 生产"]
    assert stray_spaces("<p>2020 年目标：达 100%</p><blockquote>原文 照录</blockquote>") == []
    assert stray_spaces('<p><a href="../sources/luan/#L3">六安规划（征求意见稿） 第3行</a></p>') == []


def test_no_page_has_a_space_inside_chinese_text(built_site):
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        path = page.relative_to(built_site).as_posix()
        if path.startswith("sources/"):
            continue
        spaces = stray_spaces(page.read_text(encoding="utf-8"))
        if spaces:
            found[path] = spaces[:3]
    assert found == {}, f"{len(found)} 个页面：{list(found.items())[:10]}"
