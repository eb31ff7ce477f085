"""`python -m generator add-source FILE`: a DOCX, PDF or TXT becomes content/sources/<id>.txt and a
registry entry, or nothing is written at all.

Personal data is caught here first: without --redact a document with a phone number, e-mail
address, ID or account is refused; with --redact each finding becomes the marker on its own
line (line numbers stay, so citations keep pointing at the right text) and is registered.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.content.personal_data import Finding, redact_line, scan_lines
from generator.content.reading import MAX_FILE_BYTES, MAX_LINE_CHARS
from generator.paths import ProjectPaths
from generator.sources.extract import SourceFileProblem, read_document
from generator.sources.metadata import Metadata, read_metadata
from generator.sources.registry_entry import Redacted, RegistryProblem, entry_text, with_entry

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")


class AddSourceProblem(Exception):
    """Why the document was not added; nothing under content/ was changed."""


@dataclass(frozen=True)
class Added:
    source_id: str
    text_path: Path
    line_count: int
    metadata: Metadata
    redacted: list[Finding]


def add_source(document: Path, paths: ProjectPaths, source_id: str | None = None, redact: bool = False) -> Added:
    source_id = _source_id(document, source_id)
    sources_dir = paths.content / "sources"
    text_path = sources_dir / f"{source_id}.txt"
    if text_path.exists():
        raise AddSourceProblem(f"{_shown(text_path, paths)} 已经存在：请用 --id 换一个编号，或先删去旧文件。")
    try:
        extracted = read_document(document)
    except SourceFileProblem as err:
        raise AddSourceProblem(str(err)) from None
    lines = extracted.paragraphs
    _check_size(lines, document)
    lines, findings = _redacted(lines) if redact else (lines, scan_lines(lines))
    if findings and not redact:
        raise AddSourceProblem(_personal_data_refusal(document, findings))
    meta = read_metadata(lines, extracted.title)
    registry_path = sources_dir / "sources.yaml"
    try:
        registry = registry_path.read_text(encoding="utf-8")
        updated = with_entry(registry, source_id, text_path.name,
                             entry_text(source_id, text_path.name, meta, _registered(findings)))
    except (OSError, UnicodeDecodeError):
        raise AddSourceProblem(f"无法读取 {_shown(registry_path, paths)}：请检查它是否存在、是否为 UTF-8 编码。") from None
    except RegistryProblem as err:
        raise AddSourceProblem(str(err)) from None
    _write_both(text_path, "\n".join(lines) + "\n", registry_path, updated)
    return Added(source_id, text_path, len(lines), meta, findings)


def _source_id(document: Path, given: str | None) -> str:
    candidate = given if given is not None else document.stem.lower().replace("_", "-").replace(" ", "-")
    if ID_PATTERN.match(candidate):
        return candidate
    if given is not None:
        raise AddSourceProblem(f"编号「{given}」不合规：应以小写字母开头，只含小写字母、数字和“-”，如 guangdong-2021。")
    raise AddSourceProblem(f"无法从文件名“{document.name}”得到编号：请用 --id 指定一个，"
                           "以小写字母开头，只含小写字母、数字和“-”，如 --id guangdong-2021。")


def _check_size(lines: list[str], document: Path) -> None:
    long = next((n for n, line in enumerate(lines, start=1) if len(line) > MAX_LINE_CHARS), None)
    if long:
        raise AddSourceProblem(f"{document.name} 第 {long} 段超过 {MAX_LINE_CHARS} 个字符，来源正文放不下："
                               "请在原文中把这一段分开，或检查文件是否损坏。没有写入任何内容。")
    if sum(len(line.encode("utf-8")) + 1 for line in lines) > MAX_FILE_BYTES:
        raise AddSourceProblem(f"{document.name} 的文字超过 {MAX_FILE_BYTES // 1024 // 1024} MB，来源正文放不下："
                               "请把文件拆成几份分别添加。没有写入任何内容。")


def _redacted(lines: list[str]) -> tuple[list[str], list[Finding]]:
    out: list[str] = []
    findings: list[Finding] = []
    for number, line in enumerate(lines, start=1):
        text, found = redact_line(line, number)
        out.append(text)
        findings += found
    return out, findings


def _registered(findings: list[Finding]) -> list[Redacted]:
    by_line: dict[int, list[str]] = {}
    for f in findings:
        kinds = by_line.setdefault(f.line, [])
        if f.kind not in kinds:
            kinds.append(f.kind)
    return [Redacted(line, "、".join(kinds)) for line, kinds in sorted(by_line.items())]


def _personal_data_refusal(document: Path, findings: list[Finding]) -> str:
    where = "\n".join(f"  第 {f.line} 段第 {f.col} 个字：像是{f.kind}" for f in findings[:20])
    more = f"\n  ……另有 {len(findings) - 20} 处" if len(findings) > 20 else ""
    return (f"{document.name} 含有 {len(findings)} 处像是个人信息的内容，没有写入任何内容：\n{where}{more}\n"
            "加上 --redact 重新运行，会把它们换成“〔个人信息已隐去〕”（行号不变）并登记在 redactions 中；"
            "其中公开的热线或办公电话，可以在添加后放回原文，并在 allowed_personal_data 中写明理由。")


def _write_both(text_path: Path, text: str, registry_path: Path, registry: str) -> None:
    """Both files or neither: the text goes in first, and is taken out again if the registry cannot be written."""
    try:
        _replace_atomically(text_path, text)
    except OSError as err:
        raise AddSourceProblem(f"无法写入 {text_path.name}（{err.strerror}）：没有写入任何内容。") from None
    try:
        _replace_atomically(registry_path, registry)
    except OSError as err:
        text_path.unlink(missing_ok=True)
        raise AddSourceProblem(f"无法写入 sources.yaml（{err.strerror}）：没有写入任何内容。") from None


def _replace_atomically(target: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _shown(path: Path, paths: ProjectPaths) -> str:
    try:
        return path.relative_to(paths.root).as_posix()
    except ValueError:
        return str(path)


def report(added: Added, paths: ProjectPaths) -> str:
    """What was written, what was read from the document, and what the author must still do."""
    meta = added.metadata
    out = [f"已添加来源「{added.source_id}」：{_shown(added.text_path, paths)}（{added.line_count} 行，每段一行），"
           "并登记在 content/sources/sources.yaml 末尾。", "", "从原文读出（请核对）："]
    for label, found in (("标题", meta.title), ("发文机关", meta.issuer), ("文号", meta.doc_number), ("日期", meta.date)):
        out.append(f"  {label}：{found.value}（第 {found.line} 行）" if found else f"  {label}：没有找到，请手工填写")
    if added.redacted:
        lines = sorted({f.line for f in added.redacted})
        out += ["", f"已隐去 {len(added.redacted)} 处个人信息（第 {'、'.join(map(str, lines))} 行），"
                    "已登记在该来源的 redactions 中。"]
    out += ["", "还需要你做：",
            "  1. 在 sources.yaml 中填写新来源带“# ”的各项（简称、类型、状态、地区、行政层级、规划期），去掉行首的“# ”；",
            "  2. 把不含要求的段落（发文通知、前言、章节标题等）登记在 no_requirements 中；",
            f"  3. 在行业文件中引用它：source: {added.source_id}，section、lines（行号）和逐字摘录的 quote；",
            "  4. 运行 make check（逐项提示还缺什么），通过后 make site。"]
    return "\n".join(out)
