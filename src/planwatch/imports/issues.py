"""Import problems: each names the file, sheet, Excel row and column, and says what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in an exchange file, located as precisely as it can be."""

    source: str  # file name as the user knows it
    message: str  # what is wrong, in Chinese
    sheet: str | None = None
    row: int | None = None  # the row number Excel shows (header = 1)
    column: str | None = None  # the Chinese header

    def __str__(self) -> str:
        """Say the issue on one line: ``plan.xlsx 工作表“重大项目”第12行“总投资（万元）”：不能为负数（-300）``."""
        where = self.source
        if self.sheet:
            where += f" 工作表“{self.sheet}”"
        if self.row is not None:
            where += f"第{self.row}行"
        if self.column:
            where += f"“{self.column}”"
        return f"{where}：{self.message}"


class ImportFailed(Exception):
    """Raised with every issue found; nothing has been written when it is raised."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        super().__init__(self.summary())

    def summary(self, limit: int = 20) -> str:
        """Return the issues one per line, at most ``limit`` of them, then “… 另有N处”."""
        lines = [str(issue) for issue in self.issues[:limit]]
        if len(self.issues) > limit:
            lines.append(f"… 另有{len(self.issues) - limit}处")
        return "\n".join(lines)
