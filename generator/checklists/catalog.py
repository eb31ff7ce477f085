"""Everything 在线组表 (compose a checklist in the browser) chooses from, as one data script.

The browser selects from it the way `select.py` resolves a definition (sectors, scope, topics, documents,
derived items, exclusions, order, own items) and lays the result out like `form_data.py`; the tests
compose every built-in definition in the browser and compare the result with its data file, so the two
stay the same. Only requirements with a check item are listed: nothing else can go into a form.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from generator.checklists.citing import OWN_BASIS_MARK, section_number
from generator.checklists.definition import MAIN_DUTIES, OWN_METHOD, OWN_PART
from generator.checklists.form import (APPENDIX_TITLE, DERIVED_MARK, LEDGER_COLUMNS, LEDGER_ROWS, LEDGER_TITLE,
                                       REVIEW_RESULTS, SELF_COLUMNS)
from generator.checklists.form_data import register_script
from generator.checklists.model import HAZARD_LEVELS, INSPECTION_TYPES, RESULT_CHOICES, Checklist
from generator.content.model import Content, Requirement, Source
from generator.content.schema import DEFAULT_HEADER_FIELDS, DEFAULT_SIGNOFF, SOURCE_STATUS

CATALOG_FORMAT = "aq-catalog"
CATALOG_VERSION = 1
REGISTER_CATALOG = "AQInspect.registerCatalog"


def _source(source: Source, today: date) -> dict[str, Any]:
    return {"id": source.id, "label": source.citation_label, "short": source.short, "place": source.place,
            "title": source.title, "province": source.province, "jurisdiction": source.jurisdiction,
            "places": sorted(source.places), "status": source.status, "period": source.period,
            "period_end": source.period_end, "ended": source.period_ended(today)}


def _requirement(req: Requirement) -> dict[str, Any]:
    assert req.check is not None
    return {
        "id": req.id, "sector": req.sector_id, "topics": req.topics, "actor": req.actor, "scope": req.scope,
        "derived": req.check.derived, "title": req.heading, "question": req.check.question,
        "methods": req.check.methods, "records": req.check.records,
        # section as written (the appendix) and its numbering (the 检查依据 cell)
        "cites": [{"source": c.source_id, "section": c.section, "number": section_number(c.section),
                   "lines": str(c.lines), "quote": c.quote} for c in req.cites],
    }


def _main_duties(checklists: list[Checklist]) -> dict[str, Any]:
    """企业安全生产主体责任 as the built-in forms include it: its sectors, less its own exclusions."""
    main = next((c for c in checklists if c.id == MAIN_DUTIES), None)
    if main is None:
        return {}
    return {"id": main.id, "heading": main.parts[0].heading if main.parts else main.title,
            "sectors": main.sectors, "exclude": [rid for rid, _ in main.exclusions]}


def catalog(content: Content, checklists: list[Checklist], today: date) -> dict[str, Any]:
    with_checks = [s for s in content.sectors if any(r.check for r in s.requirements)]
    return {
        "format": CATALOG_FORMAT, "version": CATALOG_VERSION, "generated": today.isoformat(),
        "fields": DEFAULT_HEADER_FIELDS, "signoff": DEFAULT_SIGNOFF, "inspection_types": INSPECTION_TYPES,
        "results": RESULT_CHOICES, "levels": HAZARD_LEVELS, "review_results": REVIEW_RESULTS,
        "ledger_title": LEDGER_TITLE, "appendix_title": APPENDIX_TITLE, "derived_mark": DERIVED_MARK,
        "own_part": OWN_PART, "own_method": OWN_METHOD, "own_basis_mark": OWN_BASIS_MARK,
        # the blank form's columns and empty ledger rows, as the built-in forms print them
        "form": {"columns": [c.title for c in SELF_COLUMNS], "ledger_columns": [c.title for c in LEDGER_COLUMNS],
                 "ledger_rows": LEDGER_ROWS},
        "statuses": SOURCE_STATUS, "topics": content.topic_names,
        "sources": [_source(s, today) for s in content.sources.values()],
        "sectors": [{"id": s.id, "name": s.name, "group": s.group, "scopes": s.scopes,
                     "items": sum(1 for r in s.requirements if r.check)} for s in with_checks],
        "main_duties": _main_duties(checklists),
        "form_codes": sorted(c.form_code for c in checklists),
        "requirements": [_requirement(r) for s in with_checks for r in s.requirements if r.check],
    }


def catalog_script(content: Content, checklists: list[Checklist], today: date) -> str:
    return register_script(REGISTER_CATALOG, catalog(content, checklists, today))
