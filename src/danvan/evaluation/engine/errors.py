"""Errors of the evaluation engine, each message in Vietnamese naming the code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One thing wrong with a criteria set, a rule or an input: where, and why."""

    message: str
    code: str = ""  # the criterion's code (or the band's name)
    row: int | None = None  # the row of the sheet it came from
    sheet: str = ""  # the worksheet it came from, when read from a workbook

    def __str__(self) -> str:
        if self.sheet:
            where = f"Trang tính “{self.sheet}”" + (f", dòng {self.row}" if self.row is not None else "")
            return f"{where}: {self.message}"
        where = f"Dòng {self.row}: " if self.row is not None else ""
        return where + self.message


class EngineError(Exception):
    """Every issue found, not only the first; `messages` are shown to the official."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("\n".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [str(issue) for issue in self.issues]


class InvalidCriteriaSet(EngineError):
    """The criteria set or its classification rules do not hold together."""


class InvalidScoring(EngineError):
    """The points entered for one agency cannot be scored."""
