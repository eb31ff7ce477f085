"""MkDocs hook (named in build/mkdocs.yml): put each checklist's form into its page after Markdown.

The form is large raw HTML; Python-Markdown would spend a second parsing each one for nothing. The
page carries an empty placeholder naming its fragment (build/docs/checklists/_forms/<id>.html, written
by the generator and excluded from the published site); this hook reads it and puts it in.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_PLACEHOLDER = re.compile(r'(<section class="aq-form" data-search-exclude[^>]*?'
                          r'data-form="(checklists/_forms/[a-z0-9-]+\.html)"[^>]*>)(</section>)')


class MissingForm(Exception):
    pass


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    docs = Path(config["docs_dir"])

    def insert(match: re.Match[str]) -> str:
        fragment = docs / match[2]
        try:
            form = fragment.read_text(encoding="utf-8")
        except OSError as error:
            raise MissingForm(f"找不到自查表的表格 {fragment}（{error.strerror}），请重新运行 make site。") from None
        return match[1] + "\n" + form + "\n" + match[3]

    return _PLACEHOLDER.sub(insert, html)
