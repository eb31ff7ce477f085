"""Open the real PDF, XLSX and CSV files of the built site and check them as a user would.

The XLSX files are also opened by LibreOffice Calc (headless), which most intranet users print them with:
converted to PDF in one run, and the township form recalculated after scores are typed in.
"""
from __future__ import annotations

import csv
import math
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import ARTIFACTS

from generator.checklists.export_pdf import overflowing_text
from generator.checklists.form import APPENDIX_TITLE, LEDGER_COLUMNS, LEDGER_TITLE, NOT_APPLICABLE, build_form
from generator.checklists.model import ASSESSMENT, RESULT_CHOICES
from generator.paths import ProjectPaths
from generator.project import load_project

A4_LANDSCAPE = (841.9, 595.3)  # points
PDF_MARGIN_X = 10 / 25.4 * 72  # the print template's left and right page margins


@pytest.fixture(scope="module")
def checklists(built_project):
    # The copy that was built: outside git its content date comes from file times, not the last commit.
    return load_project(ProjectPaths(built_project)).checklists


def _files(built_site: Path) -> Path:
    return built_site / "checklists" / "files"


def _pdf_pages(pdf: Path, mode: str = "-layout") -> list[str]:
    text = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _flat(text: str) -> str:
    return "".join(text.split())


def test_every_checklist_has_all_four_forms(built_site, checklists):
    for c in checklists:
        assert (built_site / "checklists" / c.id / "index.html").is_file()
        for fmt in ("pdf", "xlsx", "csv"):
            assert (_files(built_site) / f"{c.id}.{fmt}").stat().st_size > 0, (c.id, fmt)


def test_pdf_pages_carry_form_code_and_page_numbers(built_site, checklists):
    for c in checklists:
        pages = _pdf_pages(_files(built_site) / f"{c.id}.pdf")
        assert len(pages) >= 2, c.id
        for number, page in enumerate(pages, 1):
            flat = _flat(page)
            assert f"第{number}页共{len(pages)}页" in flat and c.form_code in flat, (c.id, number)
            assert _flat(c.title) in flat, (c.id, number)
        first = _flat(pages[0])
        assert f"版本{c.version}" in first and f"生成日期：{c.generated}" in first
        assert "说明" in first and "依据文件" in first and "征求意见稿" in first


def test_pdf_prints_every_title_in_full_and_each_document_once_per_row(built_site, checklists):
    for c in checklists:
        pages = _pdf_pages(_files(built_site) / f"{c.id}.pdf", "-raw")  # content order: one cell after another
        heading = _flat(f"{c.title} · {APPENDIX_TITLE}")
        appendix = next(n for n, page in enumerate(pages) if heading in _flat(page))
        form = _flat("".join(pages[:appendix]))
        assert "…" not in form, c.id  # nothing is cut; quotes in the appendix may hold the source's own "……"
        for item in c.items:
            assert _flat(item.title) in form, (c.id, item.ref)
            assert _flat(item.questions[-1]) in form, (c.id, item.ref)
            for basis in item.basis:
                assert _flat(basis.text()) in form, (c.id, item.ref)
        quotes = _flat("".join(pages[appendix:]))
        for quote in c.quotes:
            assert _flat(quote.text) in quotes, (c.id, quote.number)


def test_pdf_text_stays_on_the_page(built_site, checklists):
    """Every word's box (pdftotext -bbox) lies between the page margins: nothing runs off the sheet."""
    import xml.etree.ElementTree as ET

    for c in checklists:
        xml = subprocess.run(["pdftotext", "-bbox", str(_files(built_site) / f"{c.id}.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        root = ET.fromstring(xml.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
        for number, page in enumerate(root.iter("page"), 1):
            assert abs(float(page.get("width")) - A4_LANDSCAPE[0]) < 1, c.id
            for word in page.iter("word"):
                x_min, x_max = float(word.get("xMin")), float(word.get("xMax"))
                assert PDF_MARGIN_X - 1 <= x_min and x_max <= A4_LANDSCAPE[0] - PDF_MARGIN_X + 1, \
                    (c.id, number, word.text)


def test_the_overflow_check_catches_text_outside_its_cell():
    """The build lays every PDF out and refuses it when a cell's text overflows (write_pdf); this is that check."""
    from weasyprint import HTML

    def laid_out(style: str):
        return HTML(string=f'<table style="table-layout:fixed;width:60mm"><tr><td style="width:20mm;{style}">'
                           f'{"安全生产" * 12}</td><td>是</td></tr></table>').render()

    assert overflowing_text(laid_out("white-space:nowrap")), "a long unbroken line must be reported"
    assert overflowing_text(laid_out("overflow-wrap:anywhere")) == []


def test_pdf_fonts_are_embedded_truetype_not_type3(built_site, checklists):
    for c in checklists:
        out = subprocess.run(["pdffonts", str(_files(built_site) / f"{c.id}.pdf")],
                             capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert out, c.id
        for line in out:
            assert "Type 3" not in line, line
            assert " yes yes " in line or line.split()[-5] == "yes", line  # emb
        assert any("WenQuanYi" in line for line in out)


def test_pdf_page_renders_to_an_image(built_site):
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "checklist-yanhua-lingshou"
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(_files(built_site) / "yanhua-lingshou.pdf"), str(target)], check=True)
    assert target.with_suffix(".png").stat().st_size > 20_000  # a page of real glyphs, not an empty frame


def _header_row(sheet) -> int:
    return next(r for r in sheet.iter_rows() if r[0].value in ("序号", "编号"))[0].row


def test_xlsx_is_a_fillable_printable_form(built_site, checklists):
    for c in checklists:
        form = build_form(c)
        book = openpyxl.load_workbook(_files(built_site) / f"{c.id}.xlsx")
        expected = [c.kind] + ([LEDGER_TITLE] if c.kind != ASSESSMENT else []) + [APPENDIX_TITLE]
        assert book.sheetnames == expected
        sheet = book[c.kind]
        header_row = _header_row(sheet)
        assert [cell.value for cell in sheet[header_row]] == [col.title for col in form.columns]
        numbered = [r for r in sheet.iter_rows(min_row=header_row + 1, values_only=True) if isinstance(r[0], int)]
        assert [r[0] for r in numbered] == list(range(1, len(c.items) + 1))
        titles = [r[1] for r in numbered]
        assert all(item.title in title for item, title in zip(c.items, titles)) and not any("…" in t for t in titles)
        if c.kind != ASSESSMENT:
            lists = {dv.formula1 for dv in sheet.data_validations.dataValidation}
            assert '"' + ",".join(RESULT_CHOICES) + '"' in lists
        assert sheet.print_title_rows == f"${header_row}:${header_row}"
        assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0
        assert f"表单编号 {c.form_code}" in sheet.oddHeader.right.text and c.form_code in sheet.oddFooter.left.text
        first_item = next(r for r in sheet.iter_rows(min_row=header_row + 1) if isinstance(r[0].value, int))
        assert sheet.row_dimensions[first_item[0].row].height >= 48  # two handwritten lines
        if c.kind != ASSESSMENT:
            ledger = book[LEDGER_TITLE]
            assert [cell.value for cell in ledger[_header_row(ledger)]] == [col.title for col in LEDGER_COLUMNS]
        quotes = book[APPENDIX_TITLE]
        assert sum(isinstance(r[0], int) for r in quotes.iter_rows(values_only=True)) == len(c.quotes)


def test_csv_has_the_form_columns_and_every_item(built_site, checklists):
    for c in checklists:
        form = build_form(c)
        raw = (_files(built_site) / f"{c.id}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(keepends=True)))
        assert rows[0] == ["部分"] + [col.title for col in form.columns]
        assert [row[1] for row in rows[1:]] == [str(i.number) for i in c.items]
        if len(c.parts) > 1:
            assert {row[0] for row in rows[1:]} == {f"{p.label}、{p.heading}" for p in c.parts}


# ---- LibreOffice Calc ----

def _soffice(tmp: Path, *args: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by scripts/install-system-deps.sh test"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                    *args], check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def libreoffice_pdfs(built_site, tmp_path_factory) -> Path:
    """Every XLSX printed to PDF by LibreOffice Calc, in one run."""
    out = tmp_path_factory.mktemp("libreoffice")
    _soffice(out, "--convert-to", "pdf", "--outdir", str(out), *map(str, sorted(_files(built_site).glob("*.xlsx"))))
    return out


def _expected_pages(sheet) -> int:
    """Pages at most: fit to one page wide, rows never split, the header row repeated on each page."""
    widths = [sheet.column_dimensions[letter].width or 8.43 for letter in
              (openpyxl.utils.get_column_letter(n) for n in range(1, sheet.max_column + 1))]
    width_pt = sum((w * 7 + 5) * 0.75 for w in widths)
    margins = sheet.page_margins
    scale = min(1.0, (A4_LANDSCAPE[0] - (margins.left + margins.right) * 72) / width_pt)
    usable = A4_LANDSCAPE[1] - (margins.top + margins.bottom) * 72
    header = _header_row(sheet)
    heights = [(sheet.row_dimensions[r].height or 15) * scale for r in range(1, sheet.max_row + 1)]
    pages, used = 1, 0.0
    for number, height in enumerate(heights, 1):
        if used + height > usable:
            pages, used = pages + 1, heights[header - 1]
        used += height
    return pages


def test_libreoffice_prints_each_workbook_one_page_wide_without_hashes(built_site, checklists, libreoffice_pdfs):
    for c in checklists:
        pdf = libreoffice_pdfs / f"{c.id}.pdf"
        pages = _pdf_pages(pdf)
        book = openpyxl.load_workbook(_files(built_site) / f"{c.id}.xlsx")
        expected = sum(_expected_pages(sheet) for sheet in book.worksheets)
        # Our estimate (fit to width, rows never split) is an upper bound: LibreOffice packs rows a little
        # tighter. A workbook printed with columns spilling onto extra pages would need about twice as many.
        assert len(book.worksheets) <= len(pages) <= expected, (c.id, len(pages), expected)
        last_columns = {build_form(c).columns[-1].title, LEDGER_COLUMNS[-1].title, "原文（文件、章节、行号和摘录）"}
        for number, page in enumerate(pages, 1):
            assert "###" not in page, (c.id, number)
            flat = _flat(page)
            assert any(_flat(title) in flat for title in last_columns), (c.id, number)  # no column pushed off
            assert c.form_code in flat, (c.id, number)  # running header and footer


def test_libreoffice_computes_the_township_score(built_site, checklists, tmp_path):
    township = next(c for c in checklists if c.kind == ASSESSMENT)
    book = openpyxl.load_workbook(_files(built_site) / f"{township.id}.xlsx")
    sheet = book[township.kind]
    header = _header_row(sheet)
    rows = [r[0].row for r in sheet.iter_rows(min_row=header + 1) if isinstance(r[0].value, int)]
    score_col = [cell.value for cell in sheet[header]].index("分值") + 1
    got_col = score_col + 1
    scores = [sheet.cell(r, score_col).value for r in rows]
    assert sum(scores) == township.total_score
    sheet.cell(rows[0], got_col).value = scores[0]  # full marks
    sheet.cell(rows[1], got_col).value = 2
    sheet.cell(rows[2], got_col).value = NOT_APPLICABLE
    filled = tmp_path / "filled.xlsx"
    book.save(filled)  # openpyxl keeps the formulas and drops their cached results: LibreOffice must compute
    _soffice(tmp_path, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
             "--outdir", str(tmp_path), str(filled))
    csv_file = next(tmp_path.glob(f"filled-{township.kind}.csv"))
    values = {row[0]: row[score_col - 1] for row in csv.reader(csv_file.read_text(encoding="utf-8").splitlines())
              if row}
    assert float(values["总分"]) == township.total_score
    assert float(values["不适用项分值合计"]) == scores[2]
    assert float(values["得分合计"]) == scores[0] + 2
    result = next(v for k, v in values.items() if k.startswith("自评得分"))
    expected = round((scores[0] + 2) / (township.total_score - scores[2]) * 100, 1)
    assert math.isclose(float(result), expected), (result, expected)


def test_checklists_are_linked_from_sector_pages_the_index_and_the_township_pages(built_site, checklists):
    index = (built_site / "checklists" / "index.html").read_text(encoding="utf-8")
    for c in checklists:
        for fmt in ("pdf", "xlsx", "csv"):
            assert f'href="files/{c.id}.{fmt}"' in index
        for sector_id in c.sectors:
            page = (built_site / "sectors" / sector_id / "index.html").read_text(encoding="utf-8")
            assert f'href="../../checklists/files/{c.id}.pdf"' in page, (c.id, sector_id)
    township = next(c for c in checklists if c.kind == ASSESSMENT)
    assert f'href="../checklists/{township.id}/"' in (built_site / "township" / "index.html").read_text("utf-8")
    for page in (built_site / "township").glob("ts-*/index.html"):
        assert f'href="../../checklists/{township.id}/"' in page.read_text(encoding="utf-8"), page
