"""Browser libraries from the npm registry: pinned, fetched once at build time, licences kept beside them.

The site is served on an intranet and from disk, so nothing may load from a CDN: each file is taken
from the package's tarball (`npm pack`) into a cache (build/npm/, or $AQ_NPM_CACHE) and copied into the site.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from generator.site.mkdocs_build import SiteBuildError

CACHE_VARIABLE = "AQ_NPM_CACHE"
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


@dataclass(frozen=True)
class NpmPackage:
    spec: str  # name@version, pinned
    files: tuple[tuple[str, str], ...]  # (member in the tarball, path in the site)

    @property
    def folder(self) -> str:
        return self.spec.replace("/", "+")


IFRAME_WORKER = NpmPackage("iframe-worker@1.0.4", (
    ("package/shim/index.js", "assets/vendor/iframe-worker-shim.js"),
    ("package/LICENSE", "assets/vendor/iframe-worker-LICENSE"),
))
# 在线自查: storage (IndexedDB) and the workbook download; loaded only on that page.
IDB_KEYVAL = NpmPackage("idb-keyval@6.2.2", (
    ("package/dist/umd.js", "assets/vendor/idb-keyval/idb-keyval.js"),
    ("package/LICENCE", "assets/vendor/idb-keyval/LICENCE"),
))
EXCELJS = NpmPackage("exceljs@4.4.0", (
    ("package/dist/exceljs.min.js", "assets/vendor/exceljs/exceljs.min.js"),
    ("package/LICENSE", "assets/vendor/exceljs/LICENSE"),
))
SITE_PACKAGES = (IDB_KEYVAL, EXCELJS)


def npm_cache(build: Path) -> Path:
    return Path(os.environ.get(CACHE_VARIABLE) or build / "npm")


def fetch(package: NpmPackage, cache: Path) -> dict[str, Path]:
    """The package's files (site path -> cached file), downloaded the first time only."""
    folder = cache / package.folder
    wanted = {site: folder / site for _, site in package.files}
    if all(path.is_file() for path in wanted.values()):
        return wanted
    if shutil.which("npm") is None:
        raise SiteBuildError(f"生成网站需要 npm（用来从 npm 仓库获取 {package.spec}）：请先运行 make site，"
                             "它会安装 npm。")
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["npm", "pack", package.spec, "--prefer-offline", "--pack-destination", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SiteBuildError(f"无法从 npm 仓库获取 {package.spec}：\n{result.stderr.strip()[-800:]}")
    tarball = folder / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        for member, site in package.files:
            handle = archive.extractfile(member)
            if handle is None:
                raise SiteBuildError(f"{package.spec} 中没有 {member}。")
            data = handle.read()
            if site.endswith(".js"):
                data = _SOURCE_MAP.sub(b"\n", data)  # the map is not shipped; a browser would ask for it
            partial = wanted[site].with_name(wanted[site].name + ".partial")
            partial.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
            partial.replace(wanted[site])
    tarball.unlink()
    return wanted


def site_files(cache: Path) -> dict[str, Path]:
    """Every library file the site ships (the offline bundle adds the iframe-worker shim)."""
    files: dict[str, Path] = {}
    for package in SITE_PACKAGES:
        files.update(fetch(package, cache))
    return files
