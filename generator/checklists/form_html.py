"""The form as HTML, from one template shared by the PDF and the site's print page."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.checklists.form import LEDGER_COLUMNS, LEDGER_ROWS, Form

FORM_TEMPLATE = "form.html.j2"

# Characters that could end a CSS string ('"', "'", "\\") or the <style> element ("<"), and "&" and ">" for good
# measure: written as CSS escapes, which CSS turns back into the character (HTML entities would not be
# decoded inside <style>: the header would show "&lt;").
_CSS_ESCAPED = set("\\\"'<>&")


def css_string(value: str) -> Markup:
    """Text for inside a double-quoted CSS string in the <style> element, shown exactly as written."""
    text = " ".join(str(value).splitlines())
    return Markup("".join(f"\\{ord(ch):x} " if ch in _CSS_ESCAPED or ord(ch) < 0x20 or ord(ch) == 0x7F else ch
                          for ch in text))





@lru_cache(maxsize=4)
def print_environment(templates: Path) -> Environment:
    """One environment per template folder: jinja then compiles each template once per process."""
    env = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    return env


def form_context(form: Form) -> dict[str, object]:
    total = sum(c.width_mm for c in form.columns)
    return {"form": form, "widths": [c.width_mm / total * 100 for c in form.columns],
            "ledger_columns": LEDGER_COLUMNS, "ledger_widths": _percent([c.width_mm for c in LEDGER_COLUMNS]),
            "ledger_rows": LEDGER_ROWS}


def _percent(widths: list[float]) -> list[float]:
    total = sum(widths)
    return [w / total * 100 for w in widths]


def render_form_html(form: Form, templates: Path) -> Markup:
    """The form's body; no blank lines, so Markdown keeps it as one raw HTML block on the site page."""
    html = print_environment(templates).get_template(FORM_TEMPLATE).render(form_context(form))
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
