"""The domain's words, defined once: what a branch can be, where it stands, the stand-up's
sections, and how the reasons an item needs review are written.

The tables store these as plain strings; the use cases check them, the interchange schema
types its fields with them, the importers and the UI offer them. All read them from here.
"""

from collections.abc import Iterable
from typing import Literal, get_args

BranchKind = Literal["branch", "topic", "task", "discussion"]
BranchStatus = Literal["planned", "in progress", "blocked", "done", "merged", "abandoned"]
StandupSection = Literal["done", "today"]

BRANCH_KINDS: tuple[BranchKind, ...] = get_args(BranchKind)
BRANCH_STATUSES: tuple[BranchStatus, ...] = get_args(BranchStatus)
STANDUP_SECTIONS: tuple[StandupSection, ...] = get_args(StandupSection)

REASON_SEPARATOR = "; "
"""Between the reasons of one item in `review_reason` (one line, as the lists show it)."""
UNSAID_REASON = "to check"
"""Shown for an item marked for review with no reason given (by hand, or in a JSON file)."""


def join_reasons(reasons: Iterable[str | None]) -> str | None:
    """The reasons an item needs review as its one `review_reason` line, in order, empty ones
    left out; None when no reason is left."""
    return REASON_SEPARATOR.join(r for r in reasons if r) or None


def shown_reason(review_reason: str | None) -> str:
    """What to show for an item that needs review."""
    return review_reason or UNSAID_REASON
