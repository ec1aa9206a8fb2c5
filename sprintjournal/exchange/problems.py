"""The problems of an import, kept up to a bound and counted beyond it.

A file of 600,000 bad rows must not take a gigabyte to say so, nor print 600,000 lines: the
first problems show where and what, and a count says how many more there are (issue 11 item
12). The command line and the app list the same kept problems and the same count.
"""

import re
from collections.abc import Iterable

from sprintjournal.errors import ImportFailedError, Problem

LISTED = 200  # problems kept for the user; the rest are counted


class Problems:
    """The first `keep` problems (all when None) and the number of problems found."""

    def __init__(self, keep: int | None = LISTED) -> None:
        self.keep = keep
        self.kept: list[Problem] = []
        self.total = 0

    def append(self, problem: Problem) -> None:
        self.total += 1
        if self.keep is None or len(self.kept) < self.keep:
            self.kept.append(problem)

    def insert(self, index: int, problem: Problem) -> None:
        """Where it belongs in the file's order; the last kept one makes room if need be."""
        self.total += 1
        if index < len(self.kept) or self.keep is None or len(self.kept) < self.keep:
            self.kept.insert(index, problem)
            if self.keep is not None and len(self.kept) > self.keep:
                self.kept.pop()

    def __len__(self) -> int:
        return self.total

    @property
    def more(self) -> int:
        """How many were found but not kept."""
        return self.total - len(self.kept)


def listed(lines: Iterable[str], total: int, noun: str = "problems") -> list[str]:
    """`lines` (the kept ones) and, when some were left out, the count of the others."""
    shown = list(lines)
    if total > len(shown):
        shown.append(f"… and {total - len(shown):,} more {noun}")
    return shown


def import_failed(source: str, kept: list[Problem], total: int) -> ImportFailedError:
    """The error for an import refused by `total` problems of which `kept` are the first."""
    more = [Problem("", f"… and {total - len(kept):,} more problems")] if total > len(kept) else []
    error = ImportFailedError(source, kept + more)
    head = f"{source}: {total:,} problem{'s' if total != 1 else ''}, nothing was imported"
    error.args = (head + "".join(f"\n  {p}" for p in (kept + more)[:50]),)
    return error


_MORE = re.compile(r"… and ([\d,]+) more ")


def more_warnings(lines: list[str], shown: int) -> str:
    """The line that stands for all but the first `shown` of `lines` (warnings as `listed`
    wrote them, its "… and N more" line counted by its N)."""
    counted = [int(m.group(1).replace(",", "")) if (m := _MORE.match(line)) else 0
               for line in lines]
    listed_lines = counted.count(0)
    hidden = sum(counted) + max(0, listed_lines - shown)
    return f"… and {hidden:,} more warnings (Show Details lists the first {listed_lines:,})"
