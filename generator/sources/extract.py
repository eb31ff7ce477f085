"""An author's document (DOCX, PDF with a text layer, TXT) to paragraphs of plain text.

PDF text comes from poppler's `pdftotext` rather than a Python library: it is what the
tests already use to read our own PDFs, it keeps CJK text from CID fonts intact and in
reading order, its `-bbox-layout` output groups lines into paragraphs (blocks), and
`pdfinfo` tells a password-protected file from a damaged one. A paragraph broken over a
page becomes two lines with the page-number line between them, as in the five original
sources, so quote normalisation (which skips page-number lines) treats it the same way.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from generator.content.reading import CONTROL_CHARS

MAX_INPUT_BYTES = 200 * 1024 * 1024
MIN_TEXT_CHARS = 20  # fewer letters than this in a whole PDF: a scan, not a text document
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, and Office files with a password
_PDF_TIMEOUT = 120
_XHTML = "{http://www.w3.org/1999/xhtml}"


class SourceFileProblem(Exception):
    """A document that cannot become a source text; the message says what to do."""


@dataclass(frozen=True)
class Extracted:
    paragraphs: list[str]  # each one line of the source text
    title: str  # the title in the file's properties, "" when none


def read_document(path: Path) -> Extracted:
    """The document's paragraphs in order (tables: one row per line, cells tab-separated) and its stored title."""
    _check_file(path)
    suffix = path.suffix.lower()
    title = ""
    if suffix == ".docx":
        paragraphs, title = _docx_paragraphs(path)
    elif suffix == ".pdf":
        paragraphs, title = _pdf_paragraphs(path)
    elif suffix == ".txt":
        paragraphs = _txt_lines(path)
    else:
        raise SourceFileProblem(f"不认识“{path.suffix or '无后缀'}”格式的文件 {path.name}：只能添加 .docx、"
                                ".pdf（有文字层）或 .txt。旧版 .doc、.wps 请先在 Word/WPS 中另存为 .docx。")
    paragraphs = [_clean(p) for p in paragraphs]
    while paragraphs and not paragraphs[-1]:
        paragraphs.pop()
    if not any(p.strip() for p in paragraphs):
        raise SourceFileProblem(f"{path.name} 里没有文字：文件是空的，或者文字都在图片里。没有写入任何内容。")
    return Extracted(paragraphs, _clean(title).strip())


def _check_file(path: Path) -> None:
    if not path.exists():
        raise SourceFileProblem(f"找不到文件 {path}，请检查路径。")
    if not path.is_file():
        raise SourceFileProblem(f"{path} 不是一个文件（可能是文件夹）。")
    size = path.stat().st_size
    if size == 0:
        raise SourceFileProblem(f"{path.name} 是空文件（0 字节）。没有写入任何内容。")
    if size > MAX_INPUT_BYTES:
        raise SourceFileProblem(f"{path.name} 太大（{size // 1024 // 1024} MB，上限 {MAX_INPUT_BYTES // 1024 // 1024} MB）。")


def _clean(text: str) -> str:
    """One line: soft breaks and control characters out, trailing spaces off."""
    text = re.sub(r"[\r\n\v\f\u2028\u2029]+", "", text)
    return CONTROL_CHARS.sub("", text).rstrip()


# -- DOCX -------------------------------------------------------------------------------------------

def _docx_paragraphs(path: Path) -> tuple[list[str], str]:
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        raise SourceFileProblem(f"{path.name} 受密码保护，或是改了后缀的旧版 .doc 文件：请在 Word/WPS 中去掉密码"
                                "（文件→信息→保护文档），另存为 .docx 后再添加。")
    from docx import Document  # imported here: only add-source needs it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise SourceFileProblem(f"{path.name} 不是有效的 .docx 文件（可能已损坏，或只是改了后缀）："
                                "请用 Word/WPS 打开后另存为 .docx 再试。") from None
    return _docx_blocks(document), document.core_properties.title or ""


def _docx_blocks(document) -> list[str]:  # type: ignore[no-untyped-def]
    """Body paragraphs and table rows in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            if text.strip():
                lines.append(text.strip())
        elif tag == "tbl":
            lines += _table_rows(Table(child, document))
    return lines


def _table_rows(table) -> list[str]:  # type: ignore[no-untyped-def]
    rows: list[str] = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


# -- PDF --------------------------------------------------------------------------------------------

def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise SourceFileProblem(f"读取 PDF 需要 poppler-utils 中的 {tool}：请运行 make add-source（会自动安装），"
                                "或 sudo apt-get install poppler-utils。")
    return found


def _pdf_paragraphs(path: Path) -> tuple[list[str], str]:
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF"):
            raise SourceFileProblem(f"{path.name} 不是有效的 PDF 文件（可能已损坏，或只是改了后缀）。")
    info = _run([_poppler("pdfinfo"), str(path)])
    if info.returncode != 0:
        if "password" in info.stderr.lower():
            raise SourceFileProblem(f"{path.name} 受密码保护，打不开：请向发文单位索取没有密码的版本，"
                                    "或用知道密码的软件另存一份不加密的 PDF。")
        raise SourceFileProblem(f"{path.name} 无法作为 PDF 打开（可能已损坏）：请重新下载或另存后再试。")
    paragraphs = _pdf_blocks(_run([_poppler("pdftotext"), "-enc", "UTF-8", "-bbox-layout", str(path), "-"]).stdout)
    if len(re.sub(r"[\s\d\W]", "", "".join(paragraphs))) < MIN_TEXT_CHARS:
        raise SourceFileProblem(f"{path.name} 没有文字层（像是扫描件或图片）：请先做文字识别（OCR），"
                                "或向发文单位索取可以复制文字的 PDF / Word 版本。没有写入任何内容。")
    title = re.search(r"^Title:\s*(.*)$", info.stdout, flags=re.MULTILINE)
    return paragraphs, title.group(1) if title else ""


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                              timeout=_PDF_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise SourceFileProblem(f"读取 PDF 超过 {_PDF_TIMEOUT} 秒仍未完成：文件可能损坏或过于复杂。") from None


def _pdf_blocks(xhtml: str) -> list[str]:
    """pdftotext -bbox-layout groups words into lines and lines into blocks (paragraphs) with their
    boxes: a block becomes one line of text; words are joined with a space only where the page shows a gap."""
    try:
        root = ElementTree.fromstring(xhtml)
    except ElementTree.ParseError:
        raise SourceFileProblem("PDF 的文字读出后无法解析：请把它另存为 Word 或文本文件后再添加。") from None
    paragraphs: list[str] = []
    for block in root.iter(f"{_XHTML}block"):
        text = "".join(_line_text(line) for line in block.iter(f"{_XHTML}line"))
        if text.strip():
            paragraphs.append(text.strip())
    return paragraphs


def _line_text(line: ElementTree.Element) -> str:
    text, last_end = "", None
    height = float(line.get("yMax", 0)) - float(line.get("yMin", 0))
    for word in line.iter(f"{_XHTML}word"):
        start, end = float(word.get("xMin", 0)), float(word.get("xMax", 0))
        if last_end is not None and start - last_end > height * 0.2:
            text += " "
        text += word.text or ""
        last_end = end
    return text


# -- TXT --------------------------------------------------------------------------------------------

def _txt_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").splitlines()
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise SourceFileProblem(f"{path.name} 既不是 UTF-8 也不是 GB18030（GBK）编码的文本：请用记事本打开，"
                            "另存为时编码选“UTF-8”，再添加。")
