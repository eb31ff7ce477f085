"""Tidy the search index mkdocs writes, so that Chinese queries segment well in the browser.

Material's browser search splits a Chinese query greedily into tokens that exist in
the index, never trying the whole query as one piece. When a single character such as
"机" is itself a token, the query "机场" is cut down to "机*" and matches every 机械 and
机制. jieba leaves many such one-character tokens (和、的、对、类 …); joining each to its
neighbour (the \\u200b between them is invisible, so the text reads the same) removes
them while the neighbouring word stays findable by its beginning.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

BOUNDARY = "\u200b"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _is_single_han(segment: str) -> bool:
    return len(segment) == 1 and bool(_HAN.fullmatch(segment))


def join_single_characters(text: str) -> str:
    """Drop the boundary around one-character Chinese segments: onto the previous word if it
    ends in a Chinese character, else onto the next one."""
    if BOUNDARY not in text:
        return text
    segments = text.split(BOUNDARY)
    out: list[str] = []
    carry = ""
    for segment in segments:
        if _is_single_han(segment):
            if out and out[-1] and _HAN.fullmatch(out[-1][-1]):
                out[-1] += segment
            else:
                carry += segment
            continue
        out.append(carry + segment)
        carry = ""
    if carry:
        out.append(carry)
    return BOUNDARY.join(out)


def tidy_search_index(site: Path) -> None:
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = join_single_characters(doc["title"])
        doc["text"] = join_single_characters(doc["text"])
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(data, encoding="utf-8")
    inline = site / "search" / "search_index.js"  # written by the offline plugin for file://
    if inline.exists():
        inline.write_text(f"var __index = {data}", encoding="utf-8")
