"""Verify that a quote really stands in the cited lines of a source.

Normalisation (documented in the README): all white space and line breaks are
removed, and lines that are only an OCR page number (such as "— 7 —" or
"-11 -", also with stray "**") are skipped, so a quote may run across a page break.
"""
from __future__ import annotations

import heapq
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
    """The passage of the cited lines that looks most like the quote, for the error message.

    Linear in the range: every window is first scored by how many of its character pairs
    also occur in the quote (a sliding sum), and only the best few windows are compared
    exactly with difflib, instead of running difflib on every window.
    """
    haystack = NormalisedText.of_lines(lines[first - 1:last], first).text
    needle = normalise(quote)
    if not haystack:
        return ""
    if len(haystack) <= len(needle):
        return haystack
    width = len(needle)
    candidates = _likely_starts(haystack, needle, _candidate_count(width))
    if len(candidates) == 1:
        return haystack[candidates[0]:candidates[0] + width]
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    best_start, best_ratio = candidates[0], -1.0
    for start in sorted(candidates):  # earliest wins a tie
        matcher.set_seq1(haystack[start:start + width])
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best_start, best_ratio = start, ratio
    return haystack[best_start:best_start + width]


def _candidate_count(width: int) -> int:
    """How many windows to compare exactly: fewer for long quotes, where difflib itself is slow."""
    return 40 if width <= 300 else 8 if width <= 2000 else 1


def _likely_starts(haystack: str, needle: str, count: int) -> list[int]:
    """Window starts whose character pairs (single characters for a one-character quote) best match the quote's."""
    size = 2 if len(needle) >= 2 else 1
    wanted = {needle[i:i + size] for i in range(len(needle) - size + 1)}
    hits = [0]
    for i in range(len(haystack) - size + 1):
        hits.append(hits[-1] + (haystack[i:i + size] in wanted))
    span = len(needle) - size + 1  # pieces inside one window
    scores = ((hits[start + span] - hits[start], -start) for start in range(len(haystack) - len(needle) + 1))
    return [-negative for _, negative in heapq.nlargest(count, scores)]


def find_in_document(lines: list[str], quote: str) -> list[tuple[int, int]]:
    """Where in the whole document the quote stands (to point an author at the right lines)."""
    return NormalisedText.of_lines(lines, 1).lines_of(quote)
