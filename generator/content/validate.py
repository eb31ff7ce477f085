"""Checks across files: ids, references, line ranges and quotes.

Runs on the parsed YAML (which still knows every position) after each file
has passed its schema, so every message can name file, line and column.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from generator.content.files import ContentFile
from generator.content.problems import Position, Problem
from generator.content.quotes import closest_text, find_in_document, quote_is_in
from generator.content.schema import ACTORS
from generator.content.yaml_loader import LocDict, plain, position_of


def parse_lines(value: Any) -> tuple[int, int]:
    """Turn `226` or `"79-80"` (already schema-checked) into (first, last)."""
    text = str(plain(value))
    first, _, last = text.partition("-")
    return int(first), int(last or first)


def read_source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _pos(value: Any, file: ContentFile) -> Position:
    return position_of(value, file.start)


def _key_pos(mapping: LocDict, key: str, file: ContentFile) -> Position:
    return mapping.key_pos.get(key, _pos(mapping, file))


class Validator:
    def __init__(self, files: list[ContentFile], sources_dir: Path) -> None:
        self.files = files
        self.sources_dir = sources_dir
        self.problems: list[Problem] = []
        self.source_lines: dict[str, list[str]] = {}

    def run(self) -> list[Problem]:
        for file in self._of_kind("sources"):
            self._check_sources(file)
        topics = self._check_topics()
        sector_ids = self._check_sectors(topics)
        self._check_unique(self._of_kind("glossary"), "terms", "term", "术语")
        self._check_unique(self._of_kind("township"), "systems", "id", "制度编号")
        self._check_unique(self._of_kind("indicators"), "indicators", "id", "指标编号")
        self._check_unique(self._of_kind("tasks"), "tasks", "id", "任务编号")
        for kind in ("township", "risk"):
            self._check_unique(self._of_kind(kind), "sections", "id", "专题标识")
        for kind, list_key in (("indicators", "indicators"), ("tasks", "tasks")):
            for file in self._of_kind(kind):
                self._check_sector_refs(file, list_key, sector_ids)
        for file in self.files:
            for cite in _citations(file.data):
                self._check_citation(cite, file)
        return self.problems

    def _of_kind(self, kind: str) -> list[ContentFile]:
        return [f for f in self.files if f.kind == kind]

    def _add(self, pos: Position, message: str) -> None:
        self.problems.append(Problem(pos, message))

    # -- sources ---------------------------------------------------------
    def _check_sources(self, file: ContentFile) -> None:
        seen: set[str] = set()
        for entry in file.data["sources"]:
            sid = str(entry["id"])
            if sid in seen:
                self._add(_pos(entry["id"], file), f"文件编号「{sid}」重复登记，请删去或改名。")
                continue
            seen.add(sid)
            text_path = self.sources_dir / str(entry["file"])
            if not text_path.exists():
                self._add(_pos(entry["file"], file),
                          f"找不到正文文件 {text_path.name}，请把文件放进 content/sources/ 或改正文件名。")
                continue
            lines = read_source_lines(text_path)
            self.source_lines[sid] = lines
            for marked in [*entry.get("redactions", []), *entry.get("no_requirements", [])]:
                self._check_range(marked["lines"], lines, sid, file)

    def _check_range(self, value: Any, lines: list[str], sid: str, file: ContentFile) -> bool:
        first, last = parse_lines(value)
        if first > last:
            self._add(_pos(value, file), f"行号范围「{plain(value)}」前大后小，应写成“小-大”，如 79-80。")
            return False
        if last > len(lines):
            self._add(_pos(value, file),
                      f"行号 {plain(value)} 超出了文件「{sid}」的范围（该文件共 {len(lines)} 行）。")
            return False
        return True

    # -- topics and sectors ----------------------------------------------
    def _check_topics(self) -> set[str]:
        self._check_unique(self._of_kind("topics"), "topics", "name", "主题")
        return {str(t["name"]) for f in self._of_kind("topics") for t in f.data["topics"]}

    def _check_unique(self, files: list[ContentFile], list_key: str, id_key: str, what: str) -> None:
        seen: dict[str, Position] = {}
        for file in files:
            for entry in file.data.get(list_key, []):
                self._remember(str(entry[id_key]), _pos(entry[id_key], file), seen, what)

    def _remember(self, value: str, pos: Position, seen: dict[str, Position], what: str) -> None:
        if value in seen:
            self._add(pos, f"{what}「{value}」与 {seen[value]} 重复，编号不能重复使用，请改用新的编号。")
        else:
            seen[value] = pos

    def _check_sector_refs(self, file: ContentFile, list_key: str, sector_ids: set[str]) -> None:
        for entry in file.data.get(list_key, []):
            for ref in entry.get("sectors", []):
                if str(ref) not in sector_ids:
                    known = "、".join(sorted(sector_ids))
                    self._add(_pos(ref, file), f"行业「{ref}」不存在（content/sectors/ 中没有 {ref}.yaml）。已有的行业：{known}。")

    def _check_sectors(self, topics: set[str]) -> set[str]:
        sector_ids: dict[str, Position] = {}
        prefixes: dict[str, Position] = {}
        requirement_ids: dict[str, Position] = {}
        for file in self._of_kind("sector"):
            data = file.data
            sid = str(data["id"])
            self._remember(sid, _pos(data["id"], file), sector_ids, "行业标识")
            self._remember(str(data["prefix"]), _pos(data["prefix"], file), prefixes, "编号前缀")
            if file.path.stem != sid:
                self._add(_pos(data["id"], file),
                          f"行业标识「{sid}」与文件名「{file.path.name}」不一致，请把文件改名为 {sid}.yaml 或改正标识。")
            scopes = {str(s) for s in data.get("scopes", [])}
            for req in data["requirements"]:
                self._remember(str(req["id"]), _pos(req["id"], file), requirement_ids, "要求编号")
                self._check_requirement(req, str(data["prefix"]), topics, scopes, file)
        return set(sector_ids)

    def _check_requirement(self, req: LocDict, prefix: str, topics: set[str], scopes: set[str],
                           file: ContentFile) -> None:
        rid = str(req["id"])
        if not rid.startswith(prefix + "-"):
            self._add(_pos(req["id"], file), f"要求编号「{rid}」应以本行业的前缀「{prefix}-」开头。")
        for topic in req["topics"]:
            if str(topic) not in topics:
                allowed = "、".join(sorted(topics))
                self._add(_pos(topic, file), f"主题「{topic}」没有在 content/topics.yaml 中登记。可用的主题：{allowed}。")
        for scope in req.get("scope", []):
            if str(scope) not in scopes:
                allowed = "、".join(sorted(scopes)) or "（本行业未定义 scopes）"
                self._add(_pos(scope, file), f"适用范围「{scope}」不在本行业 scopes 列表中。可用的范围：{allowed}。")
        actor, check = str(req["actor"]), req.get("check")
        if actor == "enterprise" and check is None:
            self._add(_key_pos(req, "actor", file),
                      f"要求「{rid}」的责任主体是企业，必须写 check（检查项），供自查表使用。")
        if check is not None:
            derived = plain(check.get("derived", False))
            if actor != "enterprise" and not derived:
                self._add(_key_pos(req, "check", file),
                          f"要求「{rid}」的责任主体是{ACTORS[actor]}，不是企业；只有在对象确实是企业时才能写 check，"
                          "并须注明 derived: true（由我们推导）。")
            if actor == "enterprise" and derived:
                self._add(_key_pos(check, "derived", file),
                          f"要求「{rid}」本身就是企业的责任，不属于推导，请删去 derived。")

    # -- citations -------------------------------------------------------
    def _check_citation(self, cite: LocDict, file: ContentFile) -> None:
        sid = str(cite["source"])
        lines = self.source_lines.get(sid)
        if lines is None:
            known = "、".join(self.source_lines) or "（无）"
            self._add(_pos(cite["source"], file),
                      f"来源文件「{sid}」没有在 content/sources/sources.yaml 中登记。已登记的文件：{known}。")
            return
        if not self._check_range(cite["lines"], lines, sid, file):
            return
        first, last = parse_lines(cite["lines"])
        quote = str(cite["quote"])
        if quote_is_in(lines, first, last, quote):
            return
        message = f"引文在「{sid}」第 {plain(cite['lines'])} 行中找不到。"
        elsewhere = find_in_document(lines, quote)
        if elsewhere:
            where = "、".join(str(a) if a == b else f"{a}-{b}" for a, b in elsewhere[:3])
            message += f"这段文字在第 {where} 行，请改正行号。"
        else:
            message += f"所引行中最接近的原文是：「{closest_text(lines, first, last, quote)}」。请逐字照抄原文。"
        self._add(_pos(cite["quote"], file), message)


def _citations(data: Any) -> Iterator[LocDict]:
    """Every citation in a document, wherever it stands."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "cites":
                yield from value
            else:
                yield from _citations(value)
    elif isinstance(data, list):
        for item in data:
            yield from _citations(item)
