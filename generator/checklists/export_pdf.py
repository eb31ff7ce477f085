"""Checklist as PDF, from a dedicated print template (not the site page) with an embedded CJK font."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from generator.checklists.form import build_form
from generator.checklists.form_html import form_context, print_environment
from generator.checklists.model import Checklist

# Installed by scripts/install-system-deps.sh (Debian fonts-wqy-microhei); WeasyPrint embeds a subset.
FONT_FAMILY = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif'


def render_print_html(checklist: Checklist, templates: Path) -> str:
    return print_environment(templates).get_template("checklist.html.j2").render(**form_context(build_form(checklist)),
                                                        font_family=Markup(FONT_FAMILY))


TOLERANCE = 0.5  # CSS px


class TextOverflow(Exception):
    """Text laid out outside its table cell: the printed form would be unreadable there."""


def overflowing_text(document) -> list[str]:
    """Every text run that WeasyPrint placed (partly) outside its table cell, with its page number."""
    from weasyprint.formatting_structure import boxes

    found = []
    for number, page in enumerate(document.pages, 1):
        for cell in page._page_box.descendants():
            if not isinstance(cell, boxes.TableCellBox):
                continue
            left, right = cell.content_box_x(), cell.content_box_x() + cell.width
            top, bottom = cell.border_box_y(), cell.border_box_y() + cell.border_height()
            for text in cell.descendants():
                if isinstance(text, boxes.TextBox) and (
                        text.position_x < left - TOLERANCE or text.position_x + text.width > right + TOLERANCE
                        or text.position_y < top - TOLERANCE or text.position_y + text.height > bottom + TOLERANCE):
                    found.append(f"第 {number} 页：{text.text[:20]}")
    return found


def write_pdf(checklist: Checklist, templates: Path, target: Path) -> None:
    """Lay the form out, refuse it if any text runs outside its cell, then write the PDF."""
    from weasyprint import HTML  # imported here: only the worker processes need it

    document = HTML(string=render_print_html(checklist, templates)).render()
    overflow = overflowing_text(document)
    if overflow:
        raise TextOverflow(f"自查表 {checklist.id} 的 PDF 中有文字超出表格：" + "；".join(overflow[:5]))
    document.write_pdf(target)
