"""The domain's words are defined once, and the interchange schema follows them."""

from sprintjournal.exchange.schema import json_schema
from sprintjournal.vocabulary import (
    BRANCH_KINDS,
    BRANCH_STATUSES,
    STANDUP_SECTIONS,
    join_reasons,
    shown_reason,
)


def _enum(definition: str, field: str) -> list[str]:
    return list(json_schema()["$defs"][definition]["properties"][field]["enum"])


def test_the_interchange_schema_offers_the_domains_words() -> None:
    assert _enum("BranchDoc", "kind") == list(BRANCH_KINDS)
    assert _enum("BranchDoc", "status") == list(BRANCH_STATUSES)
    assert _enum("StandupDoc", "section") == list(STANDUP_SECTIONS)


def test_reasons_are_one_line_in_order_without_empty_ones() -> None:
    assert join_reasons(["only one date given", None, "", "far from the sprint's dates"]) == (
        "only one date given; far from the sprint's dates")
    assert join_reasons([None, ""]) is None
    assert join_reasons([]) is None


def test_an_item_marked_without_a_reason_still_says_something() -> None:
    assert shown_reason(None) == shown_reason("") == "to check"
    assert shown_reason("Ha\u030akan added as new") == "Ha\u030akan added as new"
