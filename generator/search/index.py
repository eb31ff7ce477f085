"""Tidy the search index mkdocs writes, so that Chinese queries segment well in the browser.

Material's browser search splits a Chinese query greedily into tokens that exist in
the index, never trying the whole query as one piece. When a single character such as
"机" is itself a token, the query "机场" is cut down to "机*" and matches every 机械 and
机制. jieba leaves many such one-character tokens (和、的、对、类 …); joining each to its
neighbour (the \\u200b between them is invisible, so the text reads the same) removes
them while the neighbouring word stays findable by its beginning.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

BOUNDARY = "\u200b"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _is_single_han(segment: str) -> bool:
    return len(segment) == 1 and bool(_HAN.fullmatch(segment))


def join_single_characters(text: str) -> str:
    """Drop the boundary around one-character Chinese segments: onto the previous word
    when it ends in a letter or digit (so "800米矿井" keeps 矿井 whole), else onto the next one
    (after punctuation or a space: "（红橙黄蓝）" stays findable as 红橙黄蓝)."""
    if BOUNDARY not in text:
        return text
    segments = text.split(BOUNDARY)
    out: list[str] = []
    carry = ""
    for segment in segments:
        if _is_single_han(segment):
            if out and out[-1] and out[-1][-1].isalnum():
                out[-1] += segment
            else:
                carry += segment
            continue
        out.append(carry + segment)
        carry = ""
    if carry:
        out.append(carry)
    return BOUNDARY.join(out)


_ASCII_PARENS_BY_HAN = re.compile(r"\(([\u3400-\u9fff\uf900-\ufaff\u200b、，]{1,8})\)")


def full_width_parentheses(text: str) -> str:
    """"(三)" or "县(区)": ASCII parentheses are search separators, which would leave 三 and 区
    as one-character tokens; the full-width ones that Chinese text uses are not."""
    return _ASCII_PARENS_BY_HAN.sub(r"（\1）", text)


def tidy_search_index(site: Path) -> dict[str, Any] | None:
    """Tidy the index in place and return it (None when the site has no search)."""
    index = read_search_index(site)
    if index is None:
        return None
    for doc in index["docs"]:
        if "#" in doc["location"]:
            doc.pop("tags", None)  # a page's tags (a sector's aliases) name the page, not each of its sections
        elif "tags" in doc:
            # the plugin escapes the page text but copies front-matter tags as they are, and the results
            # list puts them in as HTML: an alias is text
            doc["tags"] = [html.escape(tag, quote=False) for tag in doc["tags"]]
        doc["title"] = join_single_characters(full_width_parentheses(doc["title"]))
        doc["text"] = join_single_characters(full_width_parentheses(doc["text"]))
    write_search_index(site, index)
    return index


def read_search_index(site: Path) -> dict[str, Any] | None:
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return None
    return json.loads(index_file.read_text(encoding="utf-8"))


def write_search_index(site: Path, index: dict[str, Any]) -> None:
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (site / "search" / "search_index.json").write_text(data, encoding="utf-8")
    inline = site / "search" / "search_index.js"  # written by the offline plugin for file://
    if inline.exists():
        inline.write_text(f"var __index = {data}", encoding="utf-8")
