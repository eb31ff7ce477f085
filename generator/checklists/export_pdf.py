"""Checklist as PDF, from a dedicated print template (not the site page) with an embedded CJK font."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.checklists.form import COLUMNS, item_cells
from generator.checklists.model import Checklist

# Installed by scripts/install-system-deps.sh (Debian fonts-wqy-microhei); WeasyPrint embeds a subset.
FONT_FAMILY = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif'


def css_string(value: str) -> str:
    """Text for inside a CSS string literal."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def render_print_html(checklist: Checklist, templates: Path) -> str:
    env = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined)
    env.filters["css_string"] = css_string
    return env.get_template("checklist.html.j2").render(
        checklist=checklist, columns=COLUMNS, total_width=sum(w for _, w in COLUMNS),
        item_cells=item_cells, font_family=Markup(FONT_FAMILY))


def write_pdf(checklist: Checklist, templates: Path, target: Path) -> None:
    from weasyprint import HTML  # imported here: only the worker processes need it

    HTML(string=render_print_html(checklist, templates)).write_pdf(target)
