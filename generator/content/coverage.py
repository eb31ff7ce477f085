"""How much of each source is accounted for: cited by some item, or marked as carrying no requirement."""
from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Content, Source
from generator.content.quotes import is_page_number_line


@dataclass
class SourceCoverage:
    """Counts over the lines that carry text (blank and page-number lines are left out)."""

    source: Source
    text_lines: set[int]
    cited: set[int]
    marked: set[int]

    @property
    def total(self) -> int:
        return len(self.text_lines)

    @property
    def accounted(self) -> int:
        return len(self.text_lines & (self.cited | self.marked))

    @property
    def share(self) -> float:
        return self.accounted / self.total if self.total else 1.0

    def unaccounted(self) -> list[int]:
        return sorted(self.text_lines - self.cited - self.marked)


def coverage(content: Content) -> list[SourceCoverage]:
    cited: dict[str, set[int]] = {sid: set() for sid in content.sources}
    for cite in content.all_citations():
        cited[cite.source_id].update(range(cite.lines.first, cite.lines.last + 1))
    result = []
    for sid, source in content.sources.items():
        marked = {n for r in source.no_requirements for n in range(r.lines.first, r.lines.last + 1)}
        text_lines = {n for n, line in enumerate(source.lines, 1)
                      if line.strip() and not is_page_number_line(line)}
        result.append(SourceCoverage(source, text_lines, cited[sid], marked))
    return result


def coverage_report(content: Content, goal: float = 0.95) -> tuple[str, bool]:
    """A report for the terminal, and whether every source meets the goal."""
    lines, ok = [], True
    for cov in coverage(content):
        meets = cov.share >= goal
        ok = ok and meets
        lines.append(f"{cov.source.short}（{cov.source.id}）：有文字的 {cov.total} 行中已处理 {cov.accounted} 行，"
                     f"{cov.share:.1%}{'' if meets else f'，未达到 {goal:.0%}'}"
                     f"（被引用 {len(cov.cited & cov.text_lines)} 行，"
                     f"标为不含要求 {len((cov.marked - cov.cited) & cov.text_lines)} 行）")
        for n in cov.unaccounted():
            lines.append(f"    第 {n} 行未处理：{cov.source.lines[n - 1].strip()[:40]}")
    return "\n".join(lines), ok
