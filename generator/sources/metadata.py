"""What a Chinese government document says about itself on its first page: title, issuer, 文号, date.

Only what the text shows is taken; every guess names the line it came from so the author
can check it. Nothing is inferred that the document does not print (type, jurisdiction,
planning period and status are left for the author).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HEAD_LINES = 40  # the masthead, title and notice of a document sit in its first lines
TAIL_LINES = 20  # the signature and date of an opinion or notice sit in its last lines

_DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[［(（【]\s*((?:19|20)[0-9]{2})\s*[〕\]］)）】]\s*"
                         r"(?:第\s*)?([0-9]{1,4})\s*号")
_DATE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_CN_DATE = re.compile(r"([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_TITLE_WORDS = re.compile(r"(规划|方案|意见|通知|办法|制度|规定|细则|决定|条例|标准|规范|纲要)")
_ISSUER_END = re.compile(r"(人民政府|办公室|办公厅|委员会|安委会|管理局|应急管理局|局|厅|部|委|公司|集团)$")
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class Found:
    value: str
    line: int  # 1-based line of the source text it was read from


@dataclass(frozen=True)
class Metadata:
    title: Found | None
    issuer: Found | None
    doc_number: Found | None
    date: Found | None


def read_metadata(lines: list[str], declared_title: str = "") -> Metadata:
    """Title, issuer, 文号 and date as the document prints them (None where it does not)."""
    head = list(enumerate(lines[:HEAD_LINES], start=1))
    tail = list(enumerate(lines, start=1))[-TAIL_LINES:]
    title = _title(head, declared_title)
    return Metadata(title, _issuer(head, tail, title), _doc_number(head), _date(head, tail))


def _doc_number(head: list[tuple[int, str]]) -> Found | None:
    for number, line in head:
        match = _DOC_NUMBER.search(line)
        if match:
            return Found(f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号", number)
    return None


def _cn_number(text: str) -> int:
    """一 … 三十一 as an integer."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _dates_in(line: str) -> list[str]:
    found = [f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in _DATE.findall(line)]
    for y, m, d in _CN_DATE.findall(line):
        found.append(f"{''.join(str(_CN_DIGITS[c]) for c in y)}-{_cn_number(m):02d}-{_cn_number(d):02d}")
    return [f for f in found if 1 <= int(f[5:7]) <= 12 and 1 <= int(f[8:10]) <= 31]


def _date(head: list[tuple[int, str]], tail: list[tuple[int, str]]) -> Found | None:
    """The signing date: a short line that is (almost) only a date, in the masthead or at the end."""
    for number, line in [*head, *reversed(tail)]:
        dates = _dates_in(line)
        if dates and len(line.strip()) <= 40 and line.strip().endswith("日"):
            return Found(dates[-1], number)
    return None


def _title(head: list[tuple[int, str]], declared: str) -> Found | None:
    if declared and re.search(r"[\u4e00-\u9fff]", declared):
        hit = next((n for n, line in head if declared in line), 1)
        return Found(declared.strip(), hit)
    for number, line in head:
        text = line.strip()
        if (_TITLE_WORDS.search(text) and 8 <= len(text) <= 90 and not text.endswith(("文件", "：", ":"))
                and not _DOC_NUMBER.search(text) and "\t" not in text and not text.endswith("。")):
            return Found(text, number)
    return None


def _issuer(head: list[tuple[int, str]], tail: list[tuple[int, str]], title: Found | None) -> Found | None:
    """The masthead (“XX市人民政府办公室文件”), else the title's “XX关于…”, else the signature line."""
    for number, line in head[:8]:
        text = line.strip()
        if text.endswith("文件") and 6 <= len(text) <= 40:
            return Found(text[:-2].strip(), number)
    if title and "关于" in title.value:
        issuer = title.value.split("关于", 1)[0].strip()
        if _ISSUER_END.search(issuer):
            return Found(issuer, title.line)
    for number, line in reversed(tail):
        text = line.strip()
        if 4 <= len(text) <= 30 and _ISSUER_END.search(text) and not _dates_in(text):
            return Found(text, number)
    return None
