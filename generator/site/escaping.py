"""Text from YAML is text: escape it for Markdown or HTML, never pass it through raw."""
from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

# Characters python-markdown treats as syntax and honours a backslash before.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def markdown_text(value: Any) -> Markup:
    """Plain text as inline Markdown that renders to exactly that text."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split("\n"))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = "".join(_HTML_SPECIAL.get(ch, ch) for ch in text)
    return Markup(text)


def html_text(value: Any) -> Markup:
    """Plain text for inside a raw HTML block (where Markdown is not processed)."""
    return escape(value)


def finalize(value: Any) -> Any:
    """Jinja finalize hook: every {{ }} is Markdown-escaped unless already marked safe."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return markdown_text(value)
