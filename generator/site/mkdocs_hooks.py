"""MkDocs hook (named in build/mkdocs.yml): put each checklist's form into its page after Markdown and search.

The form is large raw HTML that Python-Markdown and the search plugin would parse for nothing (its text is
on the sector pages; the search index keeps the checklist's title and description). The page carries an
empty placeholder naming its fragment (build/docs/checklists/_forms/<id>.html, written by the generator and
excluded from the published site); this hook runs after the search plugin (hooks come after plugins),
reads the fragment and puts it in.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_PLACEHOLDER = re.compile(r'(<section class="aq-form" data-search-exclude[^>]*?'
                          r'data-form="(checklists/_forms/[a-z0-9-]+\.html)"[^>]*>)(</section>)')


class MissingForm(Exception):
    pass


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.content and 'data-form="' in page.content:
        page.content = with_forms(page.content, Path(config["docs_dir"]))
    return context


def with_forms(html: str, docs: Path) -> str:

    def insert(match: re.Match[str]) -> str:
        fragment = docs / match[2]
        try:
            form = fragment.read_text(encoding="utf-8")
        except OSError as error:
            raise MissingForm(f"找不到自查表的表格 {fragment}（{error.strerror}），请重新运行 make site。") from None
        return match[1] + "\n" + form + "\n" + match[3]

    return _PLACEHOLDER.sub(insert, html)
