"""Small text helpers for the page templates."""
from __future__ import annotations


def number_words(number: int) -> str:
    """1 → 一, 11 → 十一 (for "11 项基本制度之三")."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
