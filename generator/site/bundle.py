"""A zip of the site that works when unpacked and opened by double-click (file://), search included.

The material `offline` plugin inlines the search index, but loads its Web Worker shim
(iframe-worker) from a CDN; here the shim comes from the npm registry at build time.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import yaml

from generator.paths import ProjectPaths
from generator.site.mkdocs_build import mkdocs_build
from generator.site.vendor import IFRAME_WORKER, fetch, npm_cache

SHIM_IN_SITE = IFRAME_WORKER.files[0][1]
BUNDLE_ROOT = "anquan"  # the folder the zip unpacks to


def bundle_config(site_config: Path, paths: ProjectPaths) -> Path:
    """The generated site configuration plus the offline plugin and the local shim."""
    config: dict[str, Any] = yaml.safe_load(site_config.read_text(encoding="utf-8"))
    config.setdefault("plugins", []).append("offline")
    config.setdefault("extra", {})["polyfills"] = [SHIM_IN_SITE]
    target = paths.build / "mkdocs.bundle.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def build_bundle(site_config: Path, paths: ProjectPaths) -> Path:
    for relative, source in fetch(IFRAME_WORKER, npm_cache(paths.build)).items():
        vendor = paths.staging / relative
        vendor.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, vendor)
    unpacked = paths.build / "bundle-site"
    mkdocs_build(bundle_config(site_config, paths), paths, unpacked)
    archive = paths.bundle
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(unpacked.rglob("*")):
            if path.is_file():
                zf.write(path, f"{BUNDLE_ROOT}/{path.relative_to(unpacked).as_posix()}")
    partial.replace(archive)
    return archive
