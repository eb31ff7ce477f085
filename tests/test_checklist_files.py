"""Open the real PDF, XLSX and CSV files of the built site and check them as a user would."""
from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import ARTIFACTS, PROJECT

from generator.checklists.form import COLUMNS
from generator.checklists.model import RESULT_CHOICES
from generator.paths import ProjectPaths
from generator.project import load_project


@pytest.fixture(scope="module")
def checklists():
    return load_project(ProjectPaths(PROJECT)).checklists


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_every_checklist_has_all_four_forms(built_site, checklists):
    for c in checklists:
        assert (built_site / "checklists" / c.id / "index.html").is_file()
        for fmt in ("pdf", "xlsx", "csv"):
            assert (built_site / "checklists" / "files" / f"{c.id}.{fmt}").stat().st_size > 0, (c.id, fmt)


def test_pdf_pages_carry_header_title_and_page_numbers(built_site, checklists):
    for c in checklists:
        pages = _pdf_pages(built_site / "checklists" / "files" / f"{c.id}.pdf")
        assert pages, c.id
        for number, page in enumerate(pages, 1):
            assert "检查内容" in page and "检查依据" in page, (c.id, number)
            assert c.title in page, (c.id, number)
            assert f"第{number}页共{len(pages)}页" in page.replace(" ", ""), (c.id, number)
        everything = "".join(pages).replace(" ", "").replace("\n", "")
        for item in c.items:
            assert item.question.replace(" ", "")[:8] in everything, (c.id, item.ref)
        # The signature block never stands alone: the last item is on the last page.
        assert f"{c.signoff[1]}（签字）" in pages[-1]
        assert c.items[-1].question.replace(" ", "")[:6] in pages[-1].replace(" ", "").replace("\n", ""), c.id


def test_pdf_fonts_are_embedded_truetype_not_type3(built_site, checklists):
    for c in checklists:
        out = subprocess.run(["pdffonts", str(built_site / "checklists" / "files" / f"{c.id}.pdf")],
                             capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert out, c.id
        for line in out:
            assert "Type 3" not in line, line
            assert " yes yes " in line or line.split()[-5] == "yes", line  # emb
        assert any("WenQuanYi" in line for line in out)


def test_pdf_page_renders_to_an_image(built_site):
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "checklist-feimei"
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(built_site / "checklists" / "files" / "feimei.pdf"), str(target)], check=True)
    png = target.with_suffix(".png")
    assert png.stat().st_size > 20_000  # a page of real glyphs, not an empty frame


def test_xlsx_is_a_fillable_printable_form(built_site, checklists):
    for c in checklists:
        book = openpyxl.load_workbook(built_site / "checklists" / "files" / f"{c.id}.xlsx")
        assert book.sheetnames == ["自查表", "隐患整改台账"]
        sheet = book["自查表"]
        header_row = next(r for r in sheet.iter_rows() if r[0].value == "序号")[0].row
        assert [cell.value for cell in sheet[header_row]] == [name for name, _ in COLUMNS]
        numbered = [r for r in sheet.iter_rows(min_row=header_row + 1, values_only=True) if isinstance(r[0], int)]
        assert [r[0] for r in numbered] == list(range(1, len(c.items) + 1))
        assert len(numbered) == len(c.items)
        lists = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
        result_list = '"' + ",".join(RESULT_CHOICES) + '"'
        assert result_list in lists and lists[result_list].startswith("F")
        assert sheet.print_title_rows == f"${header_row}:${header_row}"
        assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        assert sheet.freeze_panes == f"A{header_row + 1}"
        assert c.content_version != "" and "内容版本" in sheet.oddHeader.right.text
        first_item = next(r for r in sheet.iter_rows(min_row=header_row + 1) if isinstance(r[0].value, int))
        assert sheet.row_dimensions[first_item[0].row].height > 15  # sized for the wrapped text
        ledger = book["隐患整改台账"]
        assert [cell.value for cell in ledger[2]][:3] == ["序号", "检查表序号", "隐患描述"]
        assert "销号日期" in [cell.value for cell in ledger[2]]


def test_csv_opens_in_excel_with_chinese(built_site, checklists):
    for c in checklists:
        raw = (built_site / "checklists" / "files" / f"{c.id}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert rows[0] == [name for name, _ in COLUMNS]
        assert len(rows) - 1 == len(c.items)


def test_checklists_are_linked_from_sector_pages_and_the_index(built_site, checklists):
    index = (built_site / "checklists" / "index.html").read_text(encoding="utf-8")
    for c in checklists:
        for fmt in ("pdf", "xlsx", "csv"):
            assert f'href="files/{c.id}.{fmt}"' in index
        for sector_id in c.sectors:
            page = (built_site / "sectors" / sector_id / "index.html").read_text(encoding="utf-8")
            assert f'href="../../checklists/files/{c.id}.pdf"' in page, (c.id, sector_id)
