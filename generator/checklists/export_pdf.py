"""Checklist as PDF, from a dedicated print template (not the site page) with an embedded CJK font."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from generator.checklists.form import build_form
from generator.checklists.form_html import form_context, print_environment
from generator.checklists.model import Checklist

# Installed by scripts/install-system-deps.sh (Debian fonts-wqy-microhei); WeasyPrint embeds a subset.
FONT_FAMILY = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif'


# Characters that could end a CSS string ('"', "'", "\\") or the <style> element ("<"), and "&" and ">" for good
# measure: written as CSS escapes, which CSS turns back into the character (HTML entities would not be
# decoded inside <style>: the header would show "&lt;").
_CSS_ESCAPED = set("\\\"'<>&")


def css_string(value: str) -> Markup:
    """Text for inside a double-quoted CSS string in the <style> element, shown exactly as written."""
    text = " ".join(str(value).splitlines())
    return Markup("".join(f"\\{ord(ch):x} " if ch in _CSS_ESCAPED or ord(ch) < 0x20 or ord(ch) == 0x7F else ch
                          for ch in text))


def render_print_html(checklist: Checklist, templates: Path) -> str:
    env = print_environment(templates)
    env.filters["css_string"] = css_string
    return env.get_template("checklist.html.j2").render(**form_context(build_form(checklist)),
                                                        font_family=Markup(FONT_FAMILY))


def write_pdf(checklist: Checklist, templates: Path, target: Path) -> None:
    from weasyprint import HTML  # imported here: only the worker processes need it

    HTML(string=render_print_html(checklist, templates)).write_pdf(target)
