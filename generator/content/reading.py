"""Read an author's file safely: bytes first, limits, then a strict UTF-8 decode.

Every failure becomes a FileProblem carrying a `path:line:col` Problem with a
Chinese sentence, so no OSError or UnicodeDecodeError reaches the author.

Decisions (documented in the README as well):
- Encoding: UTF-8 only; a UTF-8 byte-order mark (what Windows Notepad writes) is
  accepted and dropped. GBK/GB18030 and UTF-16 are recognised only to tell the
  author how to re-save the file as UTF-8; they are never read as text.
- Limits, far above the shipped content (largest file content/sectors/zonghe.yaml
  about 237 KB, longest line about 810 characters, in content/sources/shanwei.txt):
  MAX_FILE_BYTES = 4 MiB per file and MAX_LINE_CHARS = 10,000 characters per line.
  They stop a pasted binary or a one-line dump before it costs seconds.
- Control characters (other than tab, line feed and carriage return) are refused:
  they are invisible in an editor and break the pages and exports.
"""
from __future__ import annotations

import errno
import re
import stat
from pathlib import Path

from generator.content.problems import Position, Problem

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_LINE_CHARS = 10_000

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 controls except \t \n \r, DEL, C1 controls except NEL (\x85), non-characters, lone surrogates.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_RESAVE_HINT = ("请用编辑器把它另存为 UTF-8 编码：记事本选“另存为”，编码选“UTF-8”；"
                "VS Code 点右下角的编码名称，选“通过编码保存”→“UTF-8”。")


class FileProblem(Exception):
    """A file that cannot be read as text, with the Problem to show the author."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _fail(display: str, message: str, line: int = 1, col: int = 1) -> FileProblem:
    return FileProblem(Problem(Position(display, line, col), message))


def read_bytes(path: Path, display: str, reference: Position | None = None) -> bytes:
    """The file's bytes; directories, broken or looping links and unreadable files are named.

    File-level problems are reported at `reference` when given (e.g. the entry naming the file).
    """
    where = reference or Position(display, 1, 1)

    def fail(message: str) -> FileProblem:
        return FileProblem(Problem(where, message))

    try:
        info = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise fail(f"{display} 是一个循环的符号链接（链接最终又指回自己），请删除它，换成真正的文件。") from None
        if path.is_symlink():
            raise fail(f"{display} 是一个符号链接，但它指向的文件不存在，请删除它或改成真正的文件。") from None
        if err.errno == errno.ENOENT:
            raise fail(f"找不到文件 {display}，请从版本库恢复它或改正文件名。") from None
        raise fail(f"无法读取 {display}（{err.strerror}），请检查文件权限。") from None
    except RuntimeError:  # Python < 3.13 reports some symlink loops this way
        raise fail(f"{display} 是一个循环的符号链接（链接最终又指回自己），请删除它，换成真正的文件。") from None
    if stat.S_ISDIR(info.st_mode):
        raise fail(f"{display} 是一个文件夹，不是文件。请把它改名（去掉 .yaml / .txt 后缀）或移出这个目录。")
    if not stat.S_ISREG(info.st_mode):
        raise fail(f"{display} 不是普通文件（可能是设备或管道），请换成普通的文本文件。")
    if info.st_size > MAX_FILE_BYTES:
        raise fail(f"文件太大（{info.st_size // 1024} KB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
                   "不像是手写的内容文件，请检查是否误存了别的文件，或把内容拆成几个文件。")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise fail(f"无法读取 {display}（{err.strerror}），请检查文件权限。") from None
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        raise fail(f"文件太大（上限 {MAX_FILE_BYTES // 1024 // 1024} MB），请检查是否误存了别的文件。")
    return data


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset (the column counts the valid characters before it)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


def _looks_like_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark, or ASCII-heavy text with a zero byte in every other place."""
    if data.startswith(_UTF16_BOMS):
        return True
    sample = data[:400]
    half = len(sample) // 2
    if half < 4:
        return False
    return max(sample[0::2].count(0), sample[1::2].count(0)) >= half * 0.4


def _looks_like_gb18030(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def decode_text(data: bytes, display: str) -> str:
    """Strict UTF-8 (a BOM is dropped); other encodings get a message saying how to re-save."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    if _looks_like_utf16(data):
        raise _fail(display, "文件是 UTF-16 编码（常见于记事本的“Unicode”选项），本项目只接受 UTF-8。" + _RESAVE_HINT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _line_col(data, err.start)
        if _looks_like_gb18030(data):
            looks = "文件看起来是 GBK/GB18030 编码（Windows 中文系统常见），本项目只接受 UTF-8。"
        else:
            looks = f"这里有不是 UTF-8 的字节（0x{data[err.start]:02X}），文件可能已损坏或用了别的编码。"
        raise _fail(display, looks + _RESAVE_HINT, line, col) from None
    _check_lines(text, display)
    return text


def _check_lines(text: str, display: str) -> None:
    """Refuse overlong lines and control characters, naming the first one."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise _fail(display, f"这一行太长（{len(line)} 个字符，上限 {MAX_LINE_CHARS}），"
                                 "不像是手写的内容，请检查是否误粘贴了别的数据，或把它分成几行。", number, 1)
        bad = CONTROL_CHARS.search(line)
        if bad:
            raise _fail(display, f"这里有看不见的控制字符 {describe_char(bad.group())}，请删去它"
                                 "（常见于从 PDF 或网页复制的文字）。", number, bad.start() + 1)


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X}"


def read_text(path: Path, display: str, reference: Position | None = None) -> str:
    """A whole author file as text, or FileProblem (file-level ones at `reference` when given)."""
    return decode_text(read_bytes(path, display, reference), display)


def read_source_text(path: Path, content_dir: Path, display: str,
                     reference: Position | None = None) -> list[str]:
    """The lines of a source text, which must be a regular file inside content/.

    A symbolic link is followed only when its target stays inside content/: a link to a
    file elsewhere on the machine is refused rather than read. File-level problems
    (missing, outside, folder) are reported at `reference` when given, else at the file.
    """
    where = reference or Position(display, 1, 1)
    try:
        target = path.resolve(strict=True)
        inside = target.is_relative_to(content_dir.resolve(strict=True))
    except (OSError, RuntimeError):
        inside = True  # missing or looping: read_bytes names the exact reason
    if not inside:
        raise FileProblem(Problem(where, f"{display} 指向 content/ 以外的文件，不能作为来源正文。"
                                         "请把原文复制进 content/sources/，不要用链接。"))
    return read_text(path, display, where).split("\n")
