"""The real build: mkdocs --strict from the shipped content, and what a failed build must not touch."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from conftest import PROJECT, run_generator

from generator.content.load import load_content
from generator.content.schema import SCHEMAS


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_produces_every_page(built_site):
    content = load_content(PROJECT / "content", PROJECT)
    expected = ["index.html", "sectors/index.html", "sources/index.html", "glossary/index.html",
                "township/index.html", "search/search_index.json"]
    expected += [f"sectors/{s.id}/index.html" for s in content.sectors]
    expected += [f"sources/{sid}/index.html" for sid in content.sources]
    for page in expected:
        assert (built_site / page).is_file(), page


def test_every_requirement_is_on_its_sector_page_with_its_citations(built_site):
    content = load_content(PROJECT / "content", PROJECT)
    for sector in content.sectors:
        html = (built_site / "sectors" / sector.id / "index.html").read_text(encoding="utf-8")
        for req in sector.requirements:
            assert f'id="{req.id}"' in html, req.id
            for cite in req.cites:
                assert f'href="../../sources/{cite.source_id}/#{cite.lines.anchor}"' in html, (req.id, cite)


def test_source_pages_have_an_anchor_on_every_line(built_site):
    content = load_content(PROJECT / "content", PROJECT)
    for source in content.sources.values():
        html = (built_site / "sources" / source.id / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'<div class="aq-line" id="L(\d+)">', html))
        assert ids == {str(n) for n in range(1, len(source.lines) + 1)}, source.id


def test_draft_source_is_labelled(built_site):
    html = (built_site / "sources" / "luan" / "index.html").read_text(encoding="utf-8")
    assert "本文件是征求意见稿，不是正式印发的文件" in html


def test_no_personal_data_in_the_site_or_the_sources(built_site):
    patterns = {
        "phone": re.compile(r"(?<![\d.])\d{7,8}(?![\d.])|1[3-9]\d{9}"),
        "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
        "password": re.compile(r"密码[:：]\s*(?!〔个人信息已隐去〕)\S"),
    }
    for name in ("陈极诚", "刘桂栓", "刘燕"):
        patterns[name] = re.compile(name)
    places = [p for p in built_site.rglob("*") if p.suffix in {".html", ".json", ".xml"}]
    places += list((PROJECT / "content" / "sources").glob("*.txt"))
    for path in places:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":  # the searchable text, not \uXXXX escapes or link targets
            data = json.loads(text)
            text = " ".join(f"{d['title']} {d['text']}" for d in data.get("docs", [])) if isinstance(data, dict) else ""
        if path.suffix in {".html", ".json"}:  # what a reader sees, not ids and link targets
            text = re.sub(r"<[^>]*>", " ", text)
        for what, pattern in patterns.items():
            hits = [m.group(0) for m in pattern.finditer(text)]
            assert not hits, f"{path}: {what}: {hits[:3]}"


def test_no_external_references_in_the_built_html(built_site):
    attr = re.compile(r'<(script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//', re.I)
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not attr.search(html), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


def test_text_from_yaml_is_escaped(project_copy):
    sector = project_copy / "content" / "sectors" / "feimei.yaml"
    text = sector.read_text(encoding="utf-8")
    sector.write_text(text.replace("summary: >-\n", "summary: >-\n  <script>alert(1)</script> **x**\n", 1),
                      encoding="utf-8")
    result = run_generator(project_copy, "build")
    assert result.returncode == 0, result.stderr
    html = (project_copy / "site" / "sectors" / "feimei" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **x**" in html


def test_a_broken_file_leaves_site_and_content_untouched(project_copy):
    assert run_generator(project_copy, "build").returncode == 0
    site_before = _tree_digest(project_copy / "site")
    sector = project_copy / "content" / "sectors" / "feimei.yaml"
    sector.write_text(sector.read_text(encoding="utf-8").replace("actor: government", "actor: goverment", 1),
                      encoding="utf-8")
    content_before = _tree_digest(project_copy / "content")
    result = run_generator(project_copy, "build")
    assert result.returncode == 1
    assert "「actor」（责任主体）的值「goverment」不在允许的范围内。" in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree_digest(project_copy / "site") == site_before
    assert _tree_digest(project_copy / "content") == content_before


def test_a_failing_mkdocs_build_leaves_the_previous_site(project_copy):
    assert run_generator(project_copy, "build").returncode == 0
    site_before = _tree_digest(project_copy / "site")
    template = project_copy / "site_templates" / "pages" / "glossary.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n[坏链接](no-such-page.md)\n", encoding="utf-8")
    result = run_generator(project_copy, "build")
    assert result.returncode == 1
    assert result.stderr.startswith("MkDocs 生成网站失败：")
    assert _tree_digest(project_copy / "site") == site_before
    assert not list((project_copy / "build").glob("site.*"))


def test_exported_schema_is_up_to_date():
    for name, schema in SCHEMAS.items():
        committed = json.loads((PROJECT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"schema/{name}.schema.json is stale: run `make schema`"


def test_content_files_name_their_schema_for_the_editor():
    for path in (PROJECT / "content").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), path


def test_no_markdown_escapes_leak_into_the_pages(built_site):
    """Text escaped for Markdown but placed in raw HTML would show its backslashes."""
    leak = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|]")
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
        assert not leak.search(html), (page, leak.search(html).group(0))
