"""The form as HTML, from one template shared by the PDF and the site's print page."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.checklists.form import LEDGER_COLUMNS, LEDGER_ROWS, Form

FORM_TEMPLATE = "form.html.j2"


def print_environment(templates: Path) -> Environment:
    return Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html", "j2"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


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
