"""The form model as data for the browser's self-inspection (在线自查), one JSON document per checklist.

Laid out from the same `Form` as the print page, PDF, XLSX and CSV, so the browser shows the same items,
wording, basis and notes. The page loads it as a script (`<id>.js`, which hands the data to the app):
opened from disk (file://) a browser refuses to fetch JSON, but runs a script. The `.json` file is the
same data for other programs.
"""
from __future__ import annotations

import json
from typing import Any

from generator.checklists.form import (
    LEDGER_TITLE,
    REVIEW_RESULTS,
    Form,
    HeadingRow,
    ItemRow,
    basis_cell,
    questions_text,
)
from generator.checklists.model import HAZARD_LEVELS, INSPECTION_TYPES, RESULT_CHOICES, Checklist

DATA_FORMAT = "aq-checklist"
DATA_VERSION = 1
REGISTER_CALL = "AQInspect.registerChecklist"
REGISTER_INDEX = "AQInspect.registerIndex"


def _item(row: ItemRow) -> dict[str, Any]:
    item = row.item
    cell = basis_cell(item)
    return {
        "n": item.number, "ref": item.ref, "title": item.title, "derived": item.derived,
        "content": questions_text(item), "methods": "、".join(item.methods), "records": "、".join(item.records),
        # basis spans come in pairs: the citation as a person reads it, then its small line reference
        "basis": [{"text": cell[i].text, "ref": cell[i + 1].text} for i in range(0, len(cell), 2)],
    }


def _parts(form: Form) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    group = None
    for row in form.rows:
        if isinstance(row, HeadingRow) and row.level == 1:
            parts.append({"heading": row.text, "groups": []})
            group = None
            continue
        if not parts:
            parts.append({"heading": "", "groups": []})
        if isinstance(row, HeadingRow):
            group = {"heading": row.text, "items": []}
            parts[-1]["groups"].append(group)
            continue
        assert isinstance(row, ItemRow)
        if group is None:
            group = {"heading": "", "items": []}
            parts[-1]["groups"].append(group)
        group["items"].append(_item(row))
    return parts


def form_data(form: Form) -> dict[str, Any]:
    c = form.checklist
    return {
        "format": DATA_FORMAT, "version": DATA_VERSION,
        "id": c.id, "form_code": c.form_code, "title": c.title, "kind": c.kind,
        "checklist_version": c.version, "generated": c.generated,
        "fields": [f.label for f in form.fields], "inspection_types": INSPECTION_TYPES,
        "results": RESULT_CHOICES, "levels": HAZARD_LEVELS, "review_results": REVIEW_RESULTS,
        "ledger_title": LEDGER_TITLE, "documents": form.documents, "notes": form.notes,
        "signoff": form.signoff, "parts": _parts(form),
        "appendix": [{"n": n, "text": text} for n, text in form.appendix],
    }


def data_json(form: Form) -> str:
    return json.dumps(form_data(form), ensure_ascii=False, separators=(",", ":"))


def data_script(form: Form) -> str:
    return register_script(REGISTER_CALL, form_data(form))


_LINE_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def register_script(call: str, data: object) -> str:
    """Data as a script that hands it to the app. JSON is valid JavaScript (ES2019); the two line
    separators older engines reject inside strings are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_LINE_SEPARATORS)
    return f"{call}({text});\n"


def index_script(checklists: list[Checklist]) -> str:
    """The checklists the app offers, in form-code order."""
    entries = [{"id": c.id, "form_code": c.form_code, "title": c.title, "items": len(c.items),
                "audience": c.audience} for c in sorted(checklists, key=lambda c: c.form_code)]
    return register_script(REGISTER_INDEX, entries)
