"""MkDocs hook (named in build/mkdocs.yml): tidy the search index and patch material's search scripts after
every build, `mkdocs serve` included, so that the preview searches exactly like the built site."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.search.index import SearchPatchError, patch_lazy_index, patch_query_segmentation, tidy_search_index


def on_post_build(config: Any, **kwargs: Any) -> None:
    site = Path(config["site_dir"])
    tidy_search_index(site)
    try:
        patch_query_segmentation(site)
        patch_lazy_index(site)
    except SearchPatchError as err:
        raise PluginError(str(err)) from None
