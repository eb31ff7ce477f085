"""`mkdocs build`, started early: imports MkDocs, the theme, the Markdown extensions and jieba's
dictionary while the generator is still validating and staging, then waits for its arguments.

Run as `python -m generator.site.mkdocs_runner`; the first line on stdin is the JSON list of
`mkdocs` command-line arguments (an empty line: exit without building). It goes through the same
click entry point as the `mkdocs` command, so the build is exactly `mkdocs build`.
"""
from __future__ import annotations

import importlib
import json
import sys

WARM_MODULES = ("mkdocs.commands.build", "mkdocs.config.defaults", "material.plugins.search.plugin",
                "markdown.extensions.toc", "markdown.extensions.tables", "markdown.extensions.abbr",
                "markdown.extensions.admonition", "markdown.extensions.attr_list", "markdown.extensions.md_in_html",
                "pymdownx.details", "pymdownx.superfences")


def warm_up() -> None:
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # warming is only an optimisation
            pass
    try:
        import jieba  # the search plugin (lang: zh) segments with jieba; loading its dictionary takes ~0.5 s

        jieba.initialize()
    except ImportError:
        pass


def main() -> int:
    warm_up()
    line = sys.stdin.readline()
    if not line.strip():
        return 0
    from mkdocs.__main__ import cli

    try:
        cli.main(args=json.loads(line), prog_name="mkdocs")
    except SystemExit as done:
        return int(done.code or 0) if not isinstance(done.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
