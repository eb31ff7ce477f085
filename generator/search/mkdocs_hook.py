"""MkDocs hook (named in build/mkdocs.yml): tidy the search index, patch material's search scripts and
prebuild the index after every build, `mkdocs serve` included, so that the preview searches exactly like
the built site."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.search.index import tidy_search_index
from generator.search.material_patches import SearchPatchError, patch_search_loading, patch_search_worker
from generator.search.prebuilt import PrebuildError, store_prebuilt_index


def on_post_build(config: Any, **kwargs: Any) -> None:
    site = Path(config["site_dir"])
    index = tidy_search_index(site)
    try:
        patch_search_worker(site)
        patch_search_loading(site)
        if index is not None:
            store_prebuilt_index(site, index)
    except (SearchPatchError, PrebuildError) as err:
        raise PluginError(str(err)) from None
