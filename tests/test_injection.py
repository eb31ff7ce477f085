"""No text from content can become HTML, script, a template, a link or a formula in any output.

One build of a project copy in which every free-text field (found from the JSON Schemas) carries
payloads, then: a Chromium crawl of every page and of the search results, the print page, the
XLSX, CSV and PDF files.
"""
from __future__ import annotations

import csv
import functools
import http.server
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from conftest import PROJECT, run_generator

from generator.content.schema import DEFAULT_HEADER_FIELDS, DEFAULT_SIGNOFF, SCHEMAS

# Each free-text value becomes "<lead> <MARKUP> <original>": the lead puts a formula trigger at the
# start of spreadsheet cells, MARKUP tries HTML, script, entities, jinja and Markdown links.
LEADS = ['=HYPERLINK("http://x.invalid")', "+1", "-1", "@SUM(A1)"]
MARKUP_PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    '"><svg onload=alert(3)>',
    "&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;",
    "{{ 7*7 }}",
    "[x](javascript:alert(5))",
]
MARKUP = " ".join(MARKUP_PAYLOADS)
SHORT_MARKUP = "<i>&\"'</i>"  # for fields with a length limit
# What a template that evaluated `{{ 7*7 }}` would leave between its neighbours.
EVALUATED_TEMPLATE = re.compile(r"alert\(4\)(&lt;|<)/script(&gt;|>)\s*49\s*\\?\[x")

# String fields that name another record by id: a payload there is a (correctly reported) broken
# reference, not text shown to a reader. `quote` must stay verbatim (its source line gets payloads).
NOT_FREE_TEXT = {"quote", "id", "ids", "sectors", "jurisdictions", "order"}

CONTENT_SCHEMAS = {
    "content/topics.yaml": "topics",
    "content/glossary.yaml": "glossary",
    "content/township.yaml": "township",
    "content/indicators.yaml": "indicators",
    "content/tasks.yaml": "tasks",
    "content/risk.yaml": "risk",
    "content/sources/sources.yaml": "sources",
    "content/search/synonyms.yaml": "synonyms",
    "content/sectors/*.yaml": "sector",
    "checklists/*.yaml": "checklist",
}


class Injector:
    """Maps each original text to one payload text, the same everywhere, so names that refer to
    each other (topics, scopes) still match; leads rotate over the distinct texts."""

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self.fields: set[str] = set()  # schema paths ("sector.requirements[].text") that got a payload

    def text(self, original: str) -> str:
        if original not in self.mapping:
            lead = LEADS[len(self.mapping) % len(LEADS)]
            self.mapping[original] = f"{lead} {MARKUP} {original}"
        return self.mapping[original]

    def short_text(self, original: str, limit: int) -> str:
        """A field with a length limit (a requirement's title): a short payload, the original cut to fit."""
        return (f"{LEADS[len(original) % len(LEADS)]}{SHORT_MARKUP}{original}")[:limit]

    def walk(self, value: Any, schema: dict[str, Any], path: str, key: str = "") -> Any:
        if key in NOT_FREE_TEXT:
            return value
        if isinstance(value, dict) and "properties" in schema:
            return {k: self.walk(v, schema["properties"].get(k, {}), f"{path}.{k}", k) for k, v in value.items()}
        if isinstance(value, list) and "items" in schema:
            return [self.walk(v, schema["items"], path + "[]") for v in value]
        if isinstance(value, str) and _is_free_text(schema):
            self.fields.add(path)
            return self.short_text(value, schema["maxLength"]) if "maxLength" in schema else self.text(value)
        return value


def _is_free_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and not {"enum", "pattern"} & schema.keys()


def free_text_fields(schema: dict[str, Any], path: str, key: str = "") -> Iterator[str]:
    """Every schema path of a free-text string, in the notation of Injector.fields."""
    if key in NOT_FREE_TEXT:
        return
    if "properties" in schema:
        for name, sub in schema["properties"].items():
            yield from free_text_fields(sub, f"{path}.{name}", name)
    elif "items" in schema:
        yield from free_text_fields(schema["items"], path + "[]")
    elif _is_free_text(schema):
        yield path


def _edit_yaml(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def fill_unused_fields(root: Path) -> None:
    """Optional fields the shipped content does not use yet, so that they carry payloads too."""
    def a_check(statement: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"question": "是否留有记录？", "methods": ["查资料"], "records": ["记录"], "cites": statement["cites"]}]

    def township(data: dict[str, Any]) -> None:
        statement = data["systems"][0]["statements"][0]
        statement.setdefault("name", "制度要点")
        statement.setdefault("checks", a_check(statement))

    def risk(data: dict[str, Any]) -> None:
        section = data["sections"][0]
        section.setdefault("intro", "说明")
        section.setdefault("cites", section["items"][0]["cites"])
        section["items"][0].setdefault("checks", a_check(section["items"][0]))

    def titles(data: dict[str, Any]) -> None:
        # The payload makes every text long: a checked requirement then needs a title (see crosscheck).
        for requirement in data["requirements"]:
            if requirement.get("check"):
                requirement.setdefault("title", requirement["text"][:12])

    def checklist(data: dict[str, Any]) -> None:
        sector = yaml.safe_load((root / "content" / "sectors" / "feimei.yaml").read_text(encoding="utf-8"))
        checked = next(r["id"] for r in sector["requirements"] if r.get("check"))
        data.setdefault("exclude", [{"id": checked, "reason": "本单位不涉及"}])
        topics = yaml.safe_load((root / "content" / "topics.yaml").read_text(encoding="utf-8"))["topics"]
        data["select"].setdefault("topics", [t["name"] for t in topics])  # all topics: selects the same
        data.setdefault("fields", list(DEFAULT_HEADER_FIELDS))
        data.setdefault("signoff", list(DEFAULT_SIGNOFF))
        data.setdefault("own_items", [{"title": "本单位检查项", "content": "是否每月检查？", "basis": "本单位制度",
                                       "methods": ["查现场"]}])

    def sources(data: dict[str, Any]) -> None:
        # A public number the registry allows: its text and reason carry payloads, the number stays in them.
        entry = data["sources"][0]
        path = root / "content" / "sources" / entry["file"]
        text = path.read_text(encoding="utf-8")
        text += "" if text.endswith("\n") else "\n"
        path.write_text(text + "值班电话 0123-4567890\n", encoding="utf-8")
        entry.setdefault("allowed_personal_data", [{"lines": len(text.split("\n")), "text": "0123-4567890",
                                                    "reason": "公开的值班电话"}])

    for sector in sorted((root / "content" / "sectors").glob("*.yaml")):
        _edit_yaml(sector, titles)
    _edit_yaml(root / "content" / "sources" / "sources.yaml", sources)
    _edit_yaml(root / "content" / "township.yaml", township)
    _edit_yaml(root / "content" / "risk.yaml", risk)
    _edit_yaml(root / "checklists" / "feimei.yaml", checklist)


def inject_payloads(root: Path) -> Injector:
    fill_unused_fields(root)
    injector = Injector()
    for pattern, schema_name in CONTENT_SCHEMAS.items():
        files = sorted(root.glob(pattern))
        assert files, pattern
        for path in files:
            _edit_yaml(path, lambda data, name=schema_name: data.update(
                injector.walk(data, SCHEMAS[name], name)))
    # Quotes are checked against their lines, so the source texts get payload lines of their own.
    for text in sorted((root / "content" / "sources").glob("*.txt")):
        with text.open("a", encoding="utf-8") as handle:
            handle.write("".join(f"\n{p}" for p in LEADS + MARKUP_PAYLOADS) + f"\n{MARKUP}\n")
    return injector


@pytest.fixture(scope="module")
def payload_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Injector]:
    root = tmp_path_factory.mktemp("injection") / "project"
    root.mkdir()
    for name in ("content", "checklists", "generator", "site_templates", "schema"):
        shutil.copytree(PROJECT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    injector = inject_payloads(root)
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr + result.stdout
    return root, injector


@pytest.fixture(scope="module")
def payload_site(payload_project: tuple[Path, Injector]) -> Path:
    return payload_project[0] / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser leaving a page mid-download breaks the pipe; that is not a test failure


@pytest.fixture(scope="module")
def payload_url(payload_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(payload_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# Everything in the DOM that content could have smuggled in. Scripts of the theme and the site are
# loaded from assets/ (在线自查 also loads its data from checklists/data/) or are the theme's inline
# snippets, none of which calls alert.
_DOM_REPORT = """() => {
  const onAttributes = [...document.querySelectorAll('*')].filter(
      e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')));
  const ours = url => url.origin === location.origin && /[/](assets|checklists[/]data)[/]/.test(url.pathname);
  const scripts = [...document.scripts].filter(s => s.src ? !ours(new URL(s.src)) : s.text.includes('alert'));
  const jsLinks = [...document.querySelectorAll('a[href], area[href], iframe[src], form[action]')].filter(e => {
      const target = (e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action')).trim();
      return /^javascript:/i.test(target) && target !== 'javascript:window.print()';
  });
  const headingText = () => {
    const h1 = document.querySelector('h1');
    if (!h1) return '';
    const copy = h1.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(a => a.remove());
    return copy.textContent.trim();
  };
  return {
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    on: onAttributes.map(e => e.outerHTML.slice(0, 120)),
    scripts: scripts.map(s => s.outerHTML.slice(0, 120)),
    links: jsLinks.map(e => e.outerHTML.slice(0, 120)),
    text: document.body.innerText,
    title: document.title,
    h1: headingText(),
  };
}"""


def _injected(report: dict[str, Any]) -> list[str]:
    """What went wrong on one page, as readable lines (empty when the page is clean)."""
    found = []
    for key in ("img", "svg"):
        if report[key]:
            found.append(f"{report[key]} injected <{key}>")
    found += [f"{kind}: {html}" for kind in ("on", "scripts", "links") for html in report[kind]]
    if EVALUATED_TEMPLATE.search(report["text"]):
        found.append("{{ 7*7 }} was evaluated by a template")
    return found


@pytest.fixture(scope="module")
def _recording_page(browser) -> Iterator[Any]:
    """A page that records every dialog (alert, confirm, prompt) and dismisses it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog) -> None:
        page.dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture
def payload_page(_recording_page) -> Any:
    """The shared page with no dialogs recorded yet, so each test reports only its own."""
    _recording_page.dialogs.clear()
    return _recording_page


def _site_pages(site: Path) -> list[str]:
    return sorted("/" if p.parent == site else f"/{p.parent.relative_to(site).as_posix()}/"
                  for p in site.rglob("index.html"))


SITE_NAME = "安全生产知识库"


def _one_page_of_each_kind(pages: list[str]) -> list[str]:
    """The root pages, and the first page of each folder (a sector, a checklist, a source …)."""
    chosen: dict[str, str] = {}
    for path in pages:
        parts = path.strip("/").split("/")
        kind = path if len(parts) < 2 else parts[0]
        chosen.setdefault(kind, path)
    return sorted(chosen.values())


class _MarkupFinder(HTMLParser):
    """What the browser would build from the HTML as served: elements or handlers a payload could add."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        handlers = [name for name, _ in attrs if name.lower().startswith("on")]
        if handlers:
            self.found.append(f"<{tag} {handlers[0]}=…>")
        if tag == "img" and values.get("src") == "x":
            self.found.append("<img src=x>")
        source = str(values.get("src") or "")
        if tag == "script" and source and (re.match(r"(?i)([a-z]+:|//)", source) or "assets/" not in source):
            self.found.append(f"<script src={values['src']}>")
        target = str(values.get("href") or values.get("src") or values.get("action") or "").strip()
        if re.match(r"(?i)javascript:", target) and target != "javascript:window.print()":
            self.found.append(f"<{tag} {target[:40]}>")

    def handle_data(self, data: str) -> None:
        if "alert(" in data and self.lasttag == "script":
            self.found.append("<script>alert…</script>")


def test_the_markup_finder_finds_every_payload_left_raw():
    for payload in MARKUP_PAYLOADS[:3] + ['<a href="javascript:alert(5)">x</a>']:
        finder = _MarkupFinder()
        finder.feed(f"<p>{payload}</p>")
        assert finder.found, payload


def test_no_served_page_contains_markup_from_content(payload_site):
    """Every page, as parsed from its HTML; the browser crawl below covers one page of each kind."""
    pages = _site_pages(payload_site)
    assert len(pages) >= 80  # sectors, checklists, township systems, sources and the index pages
    problems: list[str] = []
    for path in pages:
        html = (payload_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        finder = _MarkupFinder()
        finder.feed(html)
        problems += [f"{path}: {found}" for found in finder.found]
        if "{{ 7*7 }}" not in html and "{{ 7\\*7 }}" not in html:
            problems.append(f"{path}: the template payload is not shown as written")
    assert problems == []


def test_no_page_runs_or_shows_markup_from_content(payload_page, payload_site, payload_url):
    pages = _one_page_of_each_kind(_site_pages(payload_site))
    assert len(pages) >= 12
    problems: list[str] = []
    for path in pages:
        response = payload_page.goto(payload_url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        report = payload_page.evaluate(_DOM_REPORT)
        problems += [f"{path}: {p}" for p in _injected(report)]
        # Shown exactly as written: the payloads are on every page, unchanged.
        if MARKUP not in report["text"]:
            problems.append(f"{path}: the payload text is not shown as written")
        # Page heading, navigation title and <title> agree (source pages are titled by their short name).
        if MARKUP in report["h1"] and not re.fullmatch(r"/sources/[^/]+/", path):
            if report["title"] != f"{report['h1']} - {SITE_NAME}":
                problems.append(f"{path}: <title> {report['title']!r} is not the heading {report['h1']!r}")
    assert payload_page.dialogs == []
    assert problems == []


def test_self_inspection_and_compose_show_payloads_as_text(payload_page, payload_url):
    """在线自查 and 在线组表 build their pages from the checklist data: content stays text there too."""
    problems: list[str] = []

    def check(view: str) -> None:
        report = payload_page.evaluate(_DOM_REPORT)
        problems.extend(f"{view}: {p}" for p in _injected(report))
        if MARKUP not in report["text"]:
            problems.append(f"{view}: the payload text is not shown as written")

    payload_page.goto(payload_url + "/inspect/?new=feimei", wait_until="load")
    payload_page.wait_for_selector("#aq-item-1")
    payload_page.locator("#aq-item-1 details").evaluate("d => d.open = true")
    check("fill in")
    payload_page.goto(payload_url + "/inspect/#", wait_until="load")
    payload_page.locator("#aq-compose-new").click()
    payload_page.locator("[data-choice=sectors] input[value=feimei]").check()
    payload_page.wait_for_selector(".aq-compose__items [data-ref]")
    check("compose")
    payload_page.get_by_role("link", name="打印空白表").click()
    payload_page.wait_for_selector(".aq-blank")
    check("blank form")
    assert payload_page.dialogs == []
    assert problems == []


def test_titles_are_shown_as_written_in_title_header_and_navigation(payload_page, payload_url, payload_project):
    _, injector = payload_project
    sector_page = payload_url + "/sectors/feimei/"
    payload_page.goto(sector_page, wait_until="load")
    name = injector.mapping["非煤矿山"]
    assert payload_page.title() == f"{name} - {SITE_NAME}"
    header = payload_page.locator(".md-header__topic").last.inner_text().strip()
    assert header == name
    active = payload_page.locator("nav.md-nav--primary a.md-nav__link--active").first.inner_text().strip()
    assert active == name
    assert payload_page.dialogs == []


def test_search_results_show_payloads_as_text(payload_page, payload_url):
    payload_page.goto(payload_url + "/", wait_until="load")
    payload_page.locator("label.md-search__icon, .md-search__input").first.click()
    box = payload_page.locator("input.md-search__input")
    box.type("onerror")
    payload_page.wait_for_selector(".md-search-result__item", timeout=10000)
    results = payload_page.locator(".md-search-result").inner_text()
    assert "<img src=x onerror=alert(1)>" in results
    report = payload_page.evaluate(_DOM_REPORT)
    assert _injected(report) == []
    assert payload_page.dialogs == []


def test_print_page_shows_payloads_as_text(payload_page, payload_project):
    from generator.checklists.export_pdf import render_print_html
    from generator.paths import ProjectPaths
    from generator.project import load_project

    root, _ = payload_project
    checklist = load_project(ProjectPaths(root)).checklists[0]
    payload_page.set_content(render_print_html(checklist, root / "site_templates" / "print"))
    report = payload_page.evaluate(_DOM_REPORT)
    assert _injected(report) == []
    assert MARKUP in report["text"] and report["title"] == checklist.title
    assert payload_page.dialogs == []


def test_every_free_text_field_carries_a_payload(payload_project):
    _, injector = payload_project
    expected = {field for name in set(CONTENT_SCHEMAS.values()) for field in free_text_fields(SCHEMAS[name], name)}
    assert expected - injector.fields == set()  # a new field: give it a value in fill_unused_fields


def _files(site: Path, suffix: str) -> list[Path]:
    files = sorted((site / "checklists" / "files").glob(f"*.{suffix}"))
    assert len(files) >= 30
    return files


def test_no_xlsx_cell_is_a_formula_or_a_link(payload_site):
    import openpyxl

    leads = []
    for path in _files(payload_site, "xlsx"):
        workbook = openpyxl.load_workbook(path)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # only the township form's own score formulas
                        assert sheet.title == "自评表" and cell.value.startswith(("=SUM(", "=SUMIF(", "=IF(")), \
                            (path.name, cell.coordinate, cell.value)
                        assert not any(lead in cell.value for lead in LEADS[:1] + ["alert"]), cell.value
                    assert cell.hyperlink is None, (path.name, cell.coordinate)
                    if isinstance(cell.value, str) and cell.value.startswith(tuple(LEADS)):
                        leads.append(cell.value)
            # The running header keeps the title as text: "&" doubled is Excel's code for a literal "&".
            assert MARKUP.replace("&", "&&") in (sheet.oddHeader.left.text or ""), path.name
    # Titles, header fields, topic rows, sign-off roles and item texts all start with a lead.
    assert {lead for lead in LEADS if any(v.startswith(lead) for v in leads)} == set(LEADS)


def test_no_csv_cell_starts_a_formula(payload_site):
    escaped = 0
    for path in _files(payload_site, "csv"):
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)
                escaped += cell.startswith(tuple("'" + lead for lead in LEADS))
    assert escaped > 0


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_shows_payloads_escaped_once(payload_site, payload_project):
    pdf = payload_site / "checklists" / "files" / "feimei.pdf"
    whole = "".join(_pdftotext(pdf).split())
    assert "".join(MARKUP.split()) in whole
    # The running header (top 16 mm of the page) of page 2, where no heading repeats the title.
    header = "".join(_pdftotext(pdf, "-f", "2", "-l", "2", "-x", "0", "-y", "0", "-W", "842", "-H", "45").split())
    title = yaml.safe_load((payload_project[0] / "checklists" / "feimei.yaml").read_text(encoding="utf-8"))["title"]
    assert "".join(title.split()) in header
    for twice in ("&lt;img", "&#34;", "&amp;", "\\3c"):
        assert twice not in whole and twice not in header
