"""Personal data in source texts: found before anything is published.

Two of the five original documents carried a contact's name, phone number and a mailbox
password. Every source text is scanned at every check and build; a finding is an error
unless the registry allows that exact text on that line with a reason (a public hotline,
a published office number). Redacted text carries REDACTION_MARK.

What counts, and why these rules:
- mobile numbers (11 digits from 13–19), landlines with an area code (0xx/0xxx + 7–8 digits),
  and 7–8 digit numbers right after 电话/传真/手机 (a local number without area code);
- e-mail addresses (ASCII or full-width ＠);
- 身份证号: 18 characters whose check digit (GB 11643) is right and whose birth date is
  plausible, so 18-digit statistics do not fire;
- bank-card-like numbers: 16–19 digits (spaces allowed in groups of 4) passing the Luhn check;
- a value after 联系人 / 联系电话 / 电话 / 账号 / 用户名 / 密码 / 口令 and a colon, unless the value
  is the marker itself.
Years in 文号 (〔2017〕16号), indicator values and dates are not phones: digit runs are taken
whole (no digit on either side) and must have a phone's shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

REDACTION_MARK = "〔个人信息已隐去〕"

_NOT_DIGIT_BEFORE = r"(?<![0-9０-９])"
_NOT_DIGIT_AFTER = r"(?![0-9０-９])"
_SEP = r"[-－—\s]?"

_MOBILE = re.compile(_NOT_DIGIT_BEFORE + r"(?:\+?86[-\s]?)?1[3-9][0-9]" + _SEP + r"[0-9]{4}" + _SEP + r"[0-9]{4}"
                     + _NOT_DIGIT_AFTER)
_LANDLINE = re.compile(_NOT_DIGIT_BEFORE + r"(?:[(（]0[1-9][0-9]{1,2}[)）]\s?|0[1-9][0-9]{1,2}[-－—\s])"
                       r"[2-9][0-9]{6,7}(?:[-－转][0-9]{1,5})?" + _NOT_DIGIT_AFTER)
_LOCAL_NUMBER = re.compile(r"(?:电话|传真|手机|热线|Tel|TEL|tel)[^0-9\n]{0,6}?(?P<value>[2-9][0-9]{6,7})"
                           + _NOT_DIGIT_AFTER)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+\s?[@＠]\s?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_ID_CARD = re.compile(_NOT_DIGIT_BEFORE + r"[1-9][0-9]{16}[0-9Xx]" + _NOT_DIGIT_AFTER)
_CARD = re.compile(_NOT_DIGIT_BEFORE + r"[0-9]{4}(?:\s?[0-9]{4}){2,3}(?:\s?[0-9]{1,3})?" + _NOT_DIGIT_AFTER)
_LABELLED = re.compile(
    r"(?P<label>联系人|联系电话|联系方式|电话|手机|传真|邮箱|电子邮箱|账号|帐号|账户|用户名|密码|口令)"
    r"(?:及电话|及联系方式)?\s*[:：]\s*(?P<value>[^\s，。；;,、）)]+)")

# What the value after each label is, as the message names it.
_LABEL_KINDS = {"联系人": "联系人信息", "联系电话": "联系方式", "联系方式": "联系方式", "电话": "联系方式", "手机": "联系方式",
                "传真": "联系方式", "邮箱": "邮箱账号", "电子邮箱": "邮箱账号", "账号": "账号", "帐号": "账号", "账户": "账号",
                "用户名": "账号", "密码": "密码", "口令": "密码"}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based
    col: int  # 1-based character column
    text: str
    kind: str  # what it looks like, in Chinese

    @property
    def end(self) -> int:
        return self.col - 1 + len(self.text)


def is_valid_id_number(number: str) -> bool:
    """An 18-character 身份证号 with the right check digit and a birth date that exists."""
    if not re.fullmatch(r"[1-9][0-9]{16}[0-9Xx]", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    if _ID_CHECK[total % 11] != number[17].upper():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def passes_luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def findings_in_line(line: str, number: int) -> list[Finding]:
    """Every piece of personal data on one line, left to right, overlaps merged into the first."""
    found: list[tuple[int, str, str]] = []
    for match in _ID_CARD.finditer(line):
        if is_valid_id_number(match.group()):
            found.append((match.start(), match.group(), "身份证号"))
    for match in _CARD.finditer(line):
        digits = _digits(match.group())
        if 16 <= len(digits) <= 19 and passes_luhn(digits) and not is_valid_id_number(digits):
            found.append((match.start(), match.group().strip(), "银行卡号"))
    found += [(m.start(), m.group(), "手机号码") for m in _MOBILE.finditer(line)]
    found += [(m.start(), m.group(), "固定电话") for m in _LANDLINE.finditer(line)]
    found += [(m.start("value"), m.group("value"), "电话号码") for m in _LOCAL_NUMBER.finditer(line)]
    found += [(m.start(), m.group(), "电子邮箱") for m in _EMAIL.finditer(line)]
    for match in _LABELLED.finditer(line):
        value = match.group("value")
        if not value.startswith(REDACTION_MARK[:3]) and not _is_hotline(value):
            found.append((match.start("value"), value, _LABEL_KINDS[match.group("label")]))
    return _without_overlaps(found, number)


def _is_hotline(value: str) -> bool:
    """12350, 12345, 110 …: public service numbers are not personal data."""
    return bool(re.fullmatch(r"1[0-9]{2,4}", value))


def _without_overlaps(found: list[tuple[int, str, str]], number: int) -> list[Finding]:
    result: list[Finding] = []
    covered_to = -1
    for start, text, kind in sorted(found, key=lambda f: (f[0], -len(f[1]))):
        if start < covered_to:
            continue
        result.append(Finding(number, start + 1, text, kind))
        covered_to = start + len(text)
    return result


def scan_lines(lines: list[str]) -> list[Finding]:
    return [f for number, line in enumerate(lines, start=1) for f in findings_in_line(line, number)]


def redact_line(line: str, number: int) -> tuple[str, list[Finding]]:
    """The line with every finding replaced by the marker (one line stays one line)."""
    findings = findings_in_line(line, number)
    for finding in reversed(findings):
        line = line[:finding.col - 1] + REDACTION_MARK + line[finding.end:]
    return line, findings
