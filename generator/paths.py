"""Where the project keeps things."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def templates(self) -> Path:
        return self.root / "site_templates"

    @property
    def checklists(self) -> Path:
        return self.root / "checklists"

    @property
    def print_templates(self) -> Path:
        return self.templates / "print"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def build(self) -> Path:
        """Git-ignored working area: the generated Markdown lives here."""
        return self.root / "build"

    @property
    def staging(self) -> Path:
        return self.build / "docs"

    @property
    def export_cache(self) -> Path:
        """Checklist files by a digest of their inputs, so an unchanged checklist is not exported again."""
        return self.build / "cache" / "checklists"

    @property
    def search_dictionary(self) -> Path:
        """Generated jieba user dictionary (curated terms plus the content's names)."""
        return self.build / "jieba_userdict.txt"

    @property
    def curated_search_terms(self) -> Path:
        return self.content / "search" / "jieba_userdict.txt"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def bundle(self) -> Path:
        """The offline zip (make bundle)."""
        return self.root / "dist" / "anquan-offline.zip"

    @property
    def schema(self) -> Path:
        return self.root / "schema"


DEFAULT_PATHS = ProjectPaths(PROJECT_DIR)
