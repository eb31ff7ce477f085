"""The real build: mkdocs --strict from the shipped content, and what a failed build must not touch."""
from __future__ import annotations

import errno
import hashlib
import json
import re
import shutil
import signal
import subprocess
import sys
import time
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
    """On its sector's page, or on the part of a split sector that the site map names."""
    from generator.sitemap import SiteMap

    content = load_content(PROJECT / "content", PROJECT)
    pages = SiteMap(content, []).requirement_pages()
    for sector in content.sectors:
        for req in sector.requirements:
            folder = pages[req.id].removesuffix(".md").removesuffix("/index")
            html = (built_site / folder / "index.html").read_text(encoding="utf-8")
            up = "../" * (folder.count("/") + 1)
            assert f'id="{req.id}"' in html, req.id
            for cite in req.cites:
                assert f'href="{up}sources/{cite.source_id}/#{cite.lines.anchor}"' in html, (req.id, cite)


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
        "phone": re.compile(r"(?<![\d.A-Za-z])\d{7,8}(?![\d.A-Za-z])|1[3-9]\d{9}"),  # not a form version's hash (8048433e)
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
        text = re.sub(r"\d{4}-\d{2}-\d{2}[-（][0-9a-f]{8}）?", " ", text)  # a form version: date and content hash
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


# --- Incremental builds and process safety -------------------------------------------------------------------------

def _warm_copy(built_project: Path, tmp_path: Path) -> Path:
    """A copy of the built project, build/ included (real copies, mtimes kept), to build again."""
    root = tmp_path / "warm"
    shutil.copytree(built_project, root, ignore=shutil.ignore_patterns("__pycache__", "dist", "bundle-site"))
    return root


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_rebuild_rewrites_only_what_changed_and_removes_stale_files(built_project, tmp_path):
    root = _warm_copy(built_project, tmp_path)
    docs = root / "build" / "docs"
    (docs / "stale.md").write_text("# 旧页面\n", encoding="utf-8")
    before = _mtimes(docs)
    template = root / "site_templates" / "pages" / "glossary.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n术语表末尾的新说明。\n", encoding="utf-8")
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    assert "其中 0 个重新生成" in result.stdout and "改动 1 个文件" in result.stdout, result.stdout
    after = _mtimes(docs)
    assert "stale.md" not in after
    assert [name for name in after if after[name] != before[name]] == ["glossary.md"]
    assert "术语表末尾的新说明。" in (root / "site" / "glossary" / "index.html").read_text(encoding="utf-8")


def test_check_does_not_import_the_export_libraries_or_mkdocs():
    code = ("import sys\nfrom generator.cli import main\nassert main(['check']) == 0\n"
            "print(sorted(m for m in ('weasyprint', 'xlsxwriter', 'mkdocs') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]"), result.stdout


def _children(pid: int) -> set[int]:
    """Every descendant of pid (from /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            for child in task.read_text().split():
                found.add(int(child))
                todo.append(int(child))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _wait_for(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _start_build(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_ctrl_c_during_mkdocs_prints_one_line_and_leaves_the_site(built_project, tmp_path):
    root = _warm_copy(built_project, tmp_path)
    site_before = _tree_digest(root / "site")
    build = _start_build(root)
    # The mkdocs subprocess is running once a temporary site folder exists.
    assert _wait_for(lambda: any((root / "build").glob("site.*"))), "mkdocs never started"
    build.send_signal(signal.SIGINT)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130, err
    assert err.strip() == "已中断：这次生成没有完成，原有的 site/ 保持不变。"
    assert _tree_digest(root / "site") == site_before
    assert not list((root / "build").glob("site.*"))


def test_sigterm_is_reported_like_ctrl_c(project_copy):
    build = _start_build(project_copy)
    assert _wait_for(lambda: (project_copy / "build" / ".build.lock").exists())
    build.send_signal(signal.SIGTERM)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and err.strip().startswith("已中断")


def test_a_killed_build_leaves_no_process_and_the_next_build_cleans_up(built_project, tmp_path):
    root = _warm_copy(built_project, tmp_path)
    for checklist in sorted(root.glob("checklists/*.yaml"))[:4]:  # a new title: these are exported again
        checklist.write_text(checklist.read_text(encoding="utf-8").replace("title: ", "title: 新", 1), encoding="utf-8")
    build = _start_build(root)
    assert _wait_for(lambda: len(_alive(_children(build.pid))) >= 2), "no export workers started"
    workers = _children(build.pid)
    build.kill()
    build.wait()
    assert _wait_for(lambda: not _alive(workers), 10), f"export workers outlived the build: {_alive(workers)}"
    build = _start_build(root)  # second kill: during mkdocs
    assert _wait_for(lambda: any((root / "build").glob("site.*")), 120), "mkdocs never started"
    assert _wait_for(lambda: _alive(_children(build.pid)))
    mkdocs = _children(build.pid)
    build.kill()
    build.wait()
    assert _wait_for(lambda: not _alive(mkdocs), 10), "mkdocs outlived the build"
    assert list((root / "build").glob("site.*"))  # what the killed build left ...
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    assert not list((root / "build").glob("site.*"))  # ... is gone after the next one
    assert not list((root / "build" / "cache" / "checklists").glob(".partial-*"))


def test_a_file_where_build_belongs_gets_a_sentence(project_copy):
    (project_copy / "build").write_text("不是文件夹", encoding="utf-8")
    result = run_generator(project_copy, "build")
    assert result.returncode == 1
    assert result.stderr.strip() == ("build/ 应当是文件夹，但现在是一个文件：请把它改名或删除后重新生成。"
                                     "原有的 site/ 保持不变。")


def test_a_full_disk_gets_a_sentence_naming_the_folder(project_copy, monkeypatch, capsys):
    from generator import cli
    from generator.paths import ProjectPaths

    def disk_full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(cli, "DEFAULT_PATHS", ProjectPaths(project_copy))
    monkeypatch.setattr(Path, "write_bytes", disk_full)
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # keep pytest's own Ctrl-C handling
    assert cli.main(["build"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "磁盘空间已满，无法写入 build/：请清理磁盘（或删除 build/ 后）重新生成。原有的 site/ 保持不变。"
    assert not (project_copy / "site").exists()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _page(url: str) -> str:
    import urllib.request

    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return ""


def _assert_searches_like_the_built_site(base: str) -> None:
    """The preview's search worker carries the same patches and its index the same tidy-up as `make site`'s,
    also after a rebuild (mkdocs serve --dirty keeps the theme files it copied once)."""
    import json

    from generator.search.index import join_single_characters
    from generator.search.material_patches import _LOAD_PREBUILT_INDEX, _SEGMENTER_FIXED, _WORKER_HELPERS

    workers = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    worker_name = next(workers.glob("search.*.min.js")).name
    worker = _page(f"{base}/assets/javascripts/workers/{worker_name}")
    assert worker.startswith(_WORKER_HELPERS) and worker.count(_SEGMENTER_FIXED) == 1
    assert worker.count(_WORKER_HELPERS) == 1 and worker.count(_LOAD_PREBUILT_INDEX) == 1
    index = json.loads(_page(f"{base}/search/search_index.json"))
    docs = index["docs"]
    assert len(index["aq"]["vectors"][0]) == len(docs)  # the prebuilt index, of these documents
    assert not [d["location"] for d in docs if "#" in d["location"] and "tags" in d]
    assert "矿山" in next(d for d in docs if d["location"] == "sectors/feimei/")["tags"]
    assert not [d["title"] for d in docs if join_single_characters(d["title"]) != d["title"]]


def test_serve_shows_an_edit_and_keeps_the_last_good_pages_on_an_error(project_copy):
    port = _free_port()
    serve = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                             cwd=project_copy, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/sectors/yanhua/"  # one page: the edited item shows on it
    sector = project_copy / "content" / "sectors" / "yanhua.yaml"
    original = sector.read_text(encoding="utf-8")
    try:
        assert _wait_for(lambda: "烟花爆竹" in _page(url), 120), "the preview never came up"
        sector.write_text(original.replace("actor: government", "actor: goverment", 1), encoding="utf-8")
        time.sleep(3)  # the broken edit is seen and reported, nothing is staged
        assert "烟花爆竹" in _page(url)
        sector.write_text(original.replace("\n    text: ", "\n    text: 预览里的新文字", 1), encoding="utf-8")
        assert _wait_for(lambda: "预览里的新文字" in _page(url), 60), "the edit never reached the preview"
        _assert_searches_like_the_built_site(f"http://127.0.0.1:{port}")
    finally:
        serve.send_signal(signal.SIGINT)
        out, err = serve.communicate(timeout=30)
    assert serve.returncode == 0
    assert re.search(r"^content/sectors/yanhua\.yaml:\d+:\d+: 「actor」（责任主体）的值「goverment」", err, re.M), err
    assert "预览仍显示上一次校验通过的页面。" in err and "Traceback" not in err
    assert err.rstrip().endswith("预览已停止。")


def test_each_site_script_loads_only_on_the_pages_that_use_it(built_site):
    """A page view costs only that page: the source-line highlighter is on source pages, the task filter
    on the task page, the sector filter on sector pages (tests/test_sector_filter.py)."""
    def pages_with(script: str) -> set[str]:
        return {p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html")
                if f"assets/{script}" in p.read_text(encoding="utf-8")}

    sources = {p.parent.relative_to(built_site).as_posix() for p in (built_site / "sources").glob("*/index.html")}
    assert pages_with("source-lines.js") == sources and len(sources) >= 5
    assert pages_with("task-filter.js") == {"tasks"}
