"""The content version printed on every checklist: a digest of everything under content/."""
from __future__ import annotations

import hashlib
from pathlib import Path


def content_version(content_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(content_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:8]
