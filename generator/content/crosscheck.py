"""Checks across records and files, run on the typed model: ids, references, line ranges and quotes.

Every record in the model carries its position, so each message names file, line and
column. References into something that could not be read are left alone (see gaps.py).
"""
from __future__ import annotations

from typing import Iterable

from generator.content.gaps import Gaps
from generator.content.model import NOWHERE, AllowedData, Citation, Content, LineRange, Requirement, Sector, Source
from generator.content.personal_data import REDACTION_MARK, scan_lines
from generator.content.problems import Position, Problem
from generator.content.quotes import closest_text, find_in_document, quote_is_in
from generator.content.schema import ACTORS, TITLE_MAX
from generator.content.yaml_loader import position_of


class CrossChecker:
    def __init__(self, content: Content, gaps: Gaps) -> None:
        self.content = content
        self.gaps = gaps
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        self._check_sources()
        self._check_unique(((t.name, t.pos) for t in self.content.topics), "主题")
        self._check_unique(((t.slug, t.pos) for t in self.content.topics), "主题网址名")
        self._check_sectors()
        self._check_unique(((t.term, t.pos) for t in self.content.glossary), "术语")
        self._check_unique(((s.id, s.pos) for s in self.content.township.systems), "制度编号")
        self._check_unique(((i.id, i.pos) for i in self.content.indicators), "指标编号")
        self._check_unique(((t.id, t.pos) for t in self.content.tasks.tasks), "任务编号")
        for sections in (self.content.township.sections, self.content.risk.sections):
            self._check_unique(((s.id, s.pos) for s in sections), "专题标识")
        for record in [*self.content.indicators, *self.content.tasks.tasks]:
            self._check_sector_refs(record.sectors, record.pos)
        for cite in self.content.all_citations():
            self._check_citation(cite)
        return self.problems

    def _add(self, pos: Position, message: str) -> None:
        self.problems.append(Problem(pos, message))

    def _check_unique(self, entries: Iterable[tuple[str, Position]], what: str) -> None:
        seen: dict[str, Position] = {}
        for value, pos in entries:
            if value in seen:
                self._add(position_of(value, pos),
                          f"{what}「{value}」与 {seen[value]} 重复，编号不能重复使用，请改用新的编号。")
            else:
                seen[value] = position_of(value, pos)

    # -- sources ---------------------------------------------------------
    def _check_sources(self) -> None:
        for source in self.content.duplicate_sources:
            self._add(position_of(source.id, source.pos), f"文件编号「{source.id}」重复登记，请删去或改名。")
        for source in self.content.sources.values():
            if self.gaps.hides("source", source.id):
                continue  # its text could not be read; that is reported already
            for marked in [*source.redactions, *source.no_requirements, *source.allowed_personal_data]:
                self._check_range(marked.lines, marked.pos, source)
            self._check_personal_data(source)

    def _check_personal_data(self, source: Source) -> None:
        """No phone number, e-mail, ID or account is published unless the registry allows that exact text."""
        allowed = source.allowed_personal_data
        used: set[AllowedData] = set()
        for finding in scan_lines(source.lines):
            permit = next((a for a in allowed if a.lines.first <= finding.line <= a.lines.last
                           and finding.text in a.text), None)
            if permit:
                used.add(permit)
                continue
            self._add(Position(source.text_display, finding.line, finding.col),
                      f"这里像是{finding.kind}（{finding.text}）：来源正文不能公开个人信息。"
                      f"请把它换成“{REDACTION_MARK}”（不要删行，行号保持不变），"
                      f"并在 sources.yaml 该来源的 redactions 中登记这一行；"
                      "如果这是公开的热线或办公电话，请在 allowed_personal_data 中写明行号、原文和理由。")
        for permit in allowed:
            if permit not in used and permit.lines.last <= len(source.lines):
                self._add(permit.pos, f"第 {permit.lines} 行没有需要允许的“{permit.text}”：原文已改或行号不对，"
                                      "请改正或删去这一条。")

    def _check_range(self, lines: LineRange, pos: Position, source: Source) -> bool:
        if lines.first > lines.last:
            self._add(pos, f"行号范围「{lines.first}-{lines.last}」前大后小，应写成“小-大”，如 79-80。")
            return False
        if lines.last > len(source.lines):
            self._add(pos, f"行号 {lines} 超出了文件「{source.id}」的范围（该文件共 {len(source.lines)} 行）。")
            return False
        return True

    # -- sectors ---------------------------------------------------------
    def _check_sectors(self) -> None:
        sectors = self.content.sectors
        self._check_unique(((s.id, s.pos) for s in sectors), "行业标识")
        self._check_unique(((s.prefix, s.pos) for s in sectors), "编号前缀")
        self._check_unique(((r.id, r.pos) for s in sectors for r in s.requirements), "要求编号")
        topics = set(self.content.topic_names)
        for sector in sectors:
            if sector.file is not None and sector.file.stem != sector.id:
                self._add(position_of(sector.id, sector.pos),
                          f"行业标识「{sector.id}」与文件名「{sector.file.name}」不一致，"
                          f"请把文件改名为 {sector.id}.yaml 或改正标识。")
            prefix_is_wrong = self._check_prefix(sector)
            for req in sector.requirements:
                if not prefix_is_wrong and not req.id.startswith(sector.prefix + "-"):
                    self._add(position_of(req.id, req.pos),
                              f"要求编号「{req.id}」应以本行业的前缀「{sector.prefix}-」开头。")
                self._check_requirement(req, sector, topics)

    def _check_prefix(self, sector: Sector) -> bool:
        """When no requirement id uses the sector's prefix, the prefix is the one mistake: say it once."""
        ids = [r.id for r in sector.requirements]
        if len(ids) < 2 or any(rid.startswith(sector.prefix + "-") for rid in ids):
            return False
        used = sorted({rid.split("-", 1)[0] for rid in ids})
        self._add(position_of(sector.prefix, sector.pos),
                  f"编号前缀是「{sector.prefix}」，但本行业全部 {len(ids)} 条要求的编号都不以「{sector.prefix}-」开头"
                  f"（用的是 {'、'.join(used)}）：请改正前缀或编号。")
        return True

    def _check_requirement(self, req: Requirement, sector: Sector, topics: set[str]) -> None:
        for topic in req.topics:
            if topic not in topics and not self.gaps.hides("topic", topic):
                allowed = "、".join(sorted(topics))
                self._add(position_of(topic, req.pos),
                          f"主题「{topic}」没有在 content/topics.yaml 中登记。可用的主题：{allowed}。")
        for scope in req.scope:
            if scope not in sector.scopes:
                allowed = "、".join(sorted(sector.scopes)) or "（本行业未定义 scopes）"
                self._add(position_of(scope, req.pos),
                          f"适用范围「{scope}」不在本行业 scopes 列表中。可用的范围：{allowed}。")
        self._check_check_rules(req)

    def _check_check_rules(self, req: Requirement) -> None:
        check = req.check
        if req.actor == "enterprise" and check is None:
            self._add(req.key_position("actor"),
                      f"要求「{req.id}」的责任主体是企业，必须写 check（检查项），供自查表使用。")
        if check is None:
            return
        if not req.title and len(req.text) > TITLE_MAX:
            self._add(req.key_position("text"),
                      f"要求「{req.id}」有检查项，内容超过 {TITLE_MAX} 个字，请加一个简短的 title（不超过 {TITLE_MAX} 个字），"
                      "自查表的“检查项目”栏会印出它。")
        if req.actor != "enterprise" and not check.derived:
            self._add(req.key_position("check"),
                      f"要求「{req.id}」的责任主体是{ACTORS[req.actor]}，不是企业；只有在对象确实是企业时才能写 check，"
                      "并须注明 derived: true（由我们推导）。")
        if req.actor == "enterprise" and check.derived:
            self._add(check.key_pos.get("derived", req.pos),
                      f"要求「{req.id}」本身就是企业的责任，不属于推导，请删去 derived。")

    def _check_sector_refs(self, refs: list[str], pos: Position) -> None:
        known = {s.id for s in self.content.sectors}
        for ref in refs:
            if ref not in known and not self.gaps.hides("sector", ref):
                self._add(position_of(ref, pos), f"行业「{ref}」不存在（content/sectors/ 中没有 {ref}.yaml）。"
                                                 f"已有的行业：{'、'.join(sorted(known))}。")

    # -- citations -------------------------------------------------------
    def _check_citation(self, cite: Citation) -> None:
        source = self.content.sources.get(cite.source_id)
        if source is None:
            if not self.gaps.hides("source", cite.source_id):
                known = "、".join(self.content.sources) or "（无）"
                self._add(position_of(cite.source_id, cite.pos),
                          f"来源文件「{cite.source_id}」没有在 content/sources/sources.yaml 中登记。已登记的文件：{known}。")
            return
        if self.gaps.hides("source", source.id):
            return
        lines_pos = cite.lines_pos if cite.lines_pos != NOWHERE else cite.pos
        if not self._check_range(cite.lines, lines_pos, source):
            return
        first, last = cite.lines.first, cite.lines.last
        if quote_is_in(source.lines, first, last, cite.quote):
            return
        message = f"引文在「{source.id}」第 {cite.lines} 行中找不到。"
        elsewhere = find_in_document(source.lines, cite.quote)
        if elsewhere:
            where = "、".join(str(a) if a == b else f"{a}-{b}" for a, b in elsewhere[:3])
            message += f"这段文字在第 {where} 行，请改正行号。"
        else:
            message += f"所引行中最接近的原文是：「{closest_text(source.lines, first, last, cite.quote)}」。请逐字照抄原文。"
        self._add(position_of(cite.quote, cite.pos), message)


def cross_check(content: Content, gaps: Gaps) -> list[Problem]:
    return CrossChecker(content, gaps).run()


