"""The jieba user dictionary for the search index: curated terms plus the content's own names.

Material's search segments the index with jieba at build time and, in the browser,
splits a query greedily into tokens that exist in the index. A compound kept whole
(烟花爆竹) can then only be found by its beginning, so the curated file may split a
compound into parts; every part then is a token of its own.
"""
from __future__ import annotations

from pathlib import Path

from generator.content.model import Content

KEEP = 200_000  # far above jieba's own frequencies: the route through this word wins
SUPPRESS = 1  # jieba's lowest weight: the whole compound loses against its parts
MAX_TERM_LENGTH = 6  # longer names (whole system titles) would hide their parts


def read_curated(path: Path) -> tuple[list[str], list[list[str]]]:
    words: list[str] = []
    splits: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 1:
            splits.append(parts)
        else:
            words.append(parts[0])
    return words, splits


def content_terms(content: Content) -> list[str]:
    """Sector names, aliases, scopes and glossary terms short enough to be one search word."""
    terms: list[str] = []
    for sector in content.sectors:
        terms += [sector.name, *sector.aliases, *sector.scopes]
    for term in content.glossary:
        terms += [term.term, *term.aliases]
    return [t for t in terms if 2 <= len(t) <= MAX_TERM_LENGTH and not any(ch.isspace() for ch in t)]


def build_user_dictionary(curated: Path, content: Content) -> str:
    words, splits = read_curated(curated)
    split_compounds = {"".join(parts) for parts in splits}
    lines: dict[str, int] = {}
    for word in [*words, *content_terms(content)]:
        if word not in split_compounds:
            lines[word] = KEEP
    for parts in splits:
        for part in parts:
            lines[part] = KEEP
        lines["".join(parts)] = SUPPRESS
    return "".join(f"{word} {freq}\n" for word, freq in lines.items())
