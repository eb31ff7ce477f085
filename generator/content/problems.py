"""Content problems: where they are and what to do about them, in Chinese."""
from __future__ import annotations

from dataclasses import dataclass


# Past this many problems in one file, the rest are counted, not listed: they are almost always one mistake repeated.
MAX_SHOWN_PER_FILE = 50


@dataclass(frozen=True, order=True)
class Position:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    pos: Position
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an author sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self, per_file: int = MAX_SHOWN_PER_FILE) -> str:
        """Every problem, but at most `per_file` of one file: past that, one line says how many more."""
        lines: list[str] = []
        shown: dict[str, int] = {}
        for problem in self.problems:
            count = shown[problem.pos.file] = shown.get(problem.pos.file, 0) + 1
            if count <= per_file:
                lines.append(str(problem))
        for file, count in sorted(shown.items()):
            if count > per_file:
                lines.append(f"{file}:1:1: 这个文件还有 {count - per_file} 处问题没有列出：请先改正上面列出的问题，"
                             "往往一处改正后其余的也随之消失。")
        lines.append(f"共发现 {len(self.problems)} 处问题，网站没有生成，原有网站保持不变。")
        return "\n".join(lines)
