"""Text from YAML is text: escape it for Markdown or HTML, never pass it through raw.

Every place content text ends up, and what keeps it text there:
- page bodies (Markdown): `finalize` escapes every `{{ }}` for Markdown and HTML; raw HTML blocks use `| html`;
- attributes of inline HTML inside Markdown (`<span title="…">` in a paragraph): `| attr`, since Markdown
  still turns `[x](y)` or backticks there into markup, and a backslash escape would show as a backslash;
- navigation, header topic and <title>: MkDocs treats nav titles as HTML (a title it takes from a heading is
  rendered HTML) and the theme prints them unescaped, so `generator.sitemap.nav_title` escapes them once; the theme override in
  site_templates/theme/main.html prints <title> without material's `striptags`, which would unescape them;
- search results: the search plugin re-escapes the text of the rendered pages, titles included;
- print page / PDF: autoescaped jinja, and `css_string` for the running headers (generator/checklists/export_pdf.py);
- XLSX / CSV: generator/checklists/export_xlsx.py and export_csv.py keep text from becoming a formula.
Content text is only ever template *data*: no template is built from it, so `{{ }}` in it stays text.
"""
from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

# Characters python-markdown treats as syntax and honours a backslash before.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_ATTRIBUTE_SPECIAL = frozenset("\\`*_{}[]()#+-.!|&<>\"'")


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


def attribute_text(value: Any) -> Markup:
    """Plain text for an attribute value of inline HTML that Markdown still processes: every HTML or
    Markdown special character becomes a numeric character reference, which the browser decodes."""
    text = " ".join(str(value).split("\n"))
    return Markup("".join(f"&#{ord(ch)};" if ch in _ATTRIBUTE_SPECIAL else ch for ch in text))


def finalize(value: Any) -> Any:
    """Jinja finalize hook: every {{ }} is Markdown-escaped unless already marked safe."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return markdown_text(value)
