"""A zip of the site that works when unpacked and opened by double-click (file://), search included.

The material `offline` plugin inlines the search index, but loads its Web Worker shim
(iframe-worker) from a CDN; here the shim comes from the npm registry at build time.
"""
from __future__ import annotations

import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import yaml

from generator.paths import ProjectPaths
from generator.site.mkdocs_build import SiteBuildError, mkdocs_build

IFRAME_WORKER = "iframe-worker@1.0.4"
SHIM_IN_SITE = "assets/vendor/iframe-worker-shim.js"
BUNDLE_ROOT = "anquan"  # the folder the zip unpacks to


def fetch_shim(cache: Path) -> Path:
    """The shim script from the npm package, downloaded once into build/npm/."""
    cache.mkdir(parents=True, exist_ok=True)
    shim = cache / "iframe-worker-shim.js"
    if shim.exists():
        return shim
    if shutil.which("npm") is None:
        raise SiteBuildError("生成离线包需要 npm（用来从 npm 仓库获取 iframe-worker）：请先运行 apt-get install npm。")
    result = subprocess.run(["npm", "pack", IFRAME_WORKER, "--pack-destination", str(cache)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SiteBuildError(f"无法从 npm 仓库获取 {IFRAME_WORKER}：\n{result.stderr.strip()}")
    tarball = cache / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/shim/index.js")
        if member is None:
            raise SiteBuildError(f"{IFRAME_WORKER} 中没有 shim/index.js。")
        shim.write_bytes(member.read())
    return shim


def bundle_config(site_config: Path, paths: ProjectPaths) -> Path:
    """The generated site configuration plus the offline plugin and the local shim."""
    config: dict[str, Any] = yaml.safe_load(site_config.read_text(encoding="utf-8"))
    config.setdefault("plugins", []).append("offline")
    config.setdefault("extra", {})["polyfills"] = [SHIM_IN_SITE]
    target = paths.build / "mkdocs.bundle.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def build_bundle(site_config: Path, paths: ProjectPaths) -> Path:
    shim = fetch_shim(paths.build / "npm")
    vendor = paths.staging / SHIM_IN_SITE
    vendor.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(shim, vendor)
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
