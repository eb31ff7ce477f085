"""Verify that a quote really stands in the cited lines of a source.

Normalisation (documented in the README): all white space and line breaks are
removed, and lines that are only an OCR page number (such as "— 7 —" or
"-11 -", also with stray "**") are skipped, so a quote may run across a page break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# OCR page numbers, sometimes with Markdown bold left around the dashes: "— 7 —", "-11 -", "— 5 **—**".
_PAGE_NUMBER_LINE = re.compile(r"[\s*]*[—–－-]+[\s*]*[0-9]{1,3}[\s*]*[—–－-]*[\s*]*")
_WHITESPACE = re.compile(r"\s+")


def is_page_number_line(line: str) -> bool:
    return bool(_PAGE_NUMBER_LINE.fullmatch(line))


def normalise(text: str) -> str:
    return _WHITESPACE.sub("", text)


@dataclass(frozen=True)
class NormalisedText:
    """Normalised text of some lines, remembering which line each character came from."""

    text: str
    line_of_char: tuple[int, ...]

    @classmethod
    def of_lines(cls, lines: list[str], first_line: int) -> "NormalisedText":
        chars: list[str] = []
        owners: list[int] = []
        for offset, line in enumerate(lines):
            if is_page_number_line(line):
                continue
            piece = normalise(line)
            chars.append(piece)
            owners.extend([first_line + offset] * len(piece))
        return cls("".join(chars), tuple(owners))

    def lines_of(self, quote: str) -> list[tuple[int, int]]:
        """Every line range in which the (normalised) quote occurs."""
        needle = normalise(quote)
        found = []
        start = self.text.find(needle)
        while needle and start != -1:
            found.append((self.line_of_char[start], self.line_of_char[start + len(needle) - 1]))
            start = self.text.find(needle, start + 1)
        return found


def quote_is_in(lines: list[str], first: int, last: int, quote: str) -> bool:
    """True when the quote stands within lines first..last (1-based, inclusive)."""
    cited = NormalisedText.of_lines(lines[first - 1:last], first)
    needle = normalise(quote)
    return bool(needle) and needle in cited.text


def closest_text(lines: list[str], first: int, last: int, quote: str) -> str:
    """The passage of the cited lines that looks most like the quote, for the error message."""
    haystack = NormalisedText.of_lines(lines[first - 1:last], first).text
    needle = normalise(quote)
    if not haystack:
        return ""
    if len(haystack) <= len(needle):
        return haystack
    best_start, best_ratio = 0, -1.0
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for start in range(0, len(haystack) - len(needle) + 1):
        matcher.set_seq1(haystack[start:start + len(needle)])
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best_start, best_ratio = start, ratio
    return haystack[best_start:best_start + len(needle)]


def find_in_document(lines: list[str], quote: str) -> list[tuple[int, int]]:
    """Where in the whole document the quote stands (to point an author at the right lines)."""
    return NormalisedText.of_lines(lines, 1).lines_of(quote)
