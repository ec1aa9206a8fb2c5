"""`@person` and `#branch` mentions in note text: what counts as one, where it ends, its order."""

import pytest

from sprintjournal.mentions import Mention, find_mentions


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_mentions(text)]


def test_person_mentions() -> None:
    text = "@Anto and @[Carl Friedrich Bolz] paired; thanks @Håkan."
    assert mentions(text) == [
        ("person", "Anto"),
        ("person", "Carl Friedrich Bolz"),
        ("person", "Håkan"),
    ]


def test_branch_mentions() -> None:
    text = "Work on #jit-targets, #SpecialisedTuple and #win64."
    assert mentions(text) == [
        ("branch", "jit-targets"),
        ("branch", "SpecialisedTuple"),
        ("branch", "win64"),
    ]


def test_mentions_come_in_document_order_with_positions() -> None:
    text = "#stm by @Armin"
    found = find_mentions(text)
    assert found == [Mention("branch", "stm", 0, 4), Mention("person", "Armin", 8, 14)]
    assert [text[m.start : m.end] for m in found] == ["#stm", "@Armin"]


@pytest.mark.parametrize(
    "text",
    [
        "# Arrival day",
        "## Tuesday",
        "mail armin@example.org",
        "C# and F#",
        "&#8364; entity",
        "issue#12",
        "@ alone",
        "@@",
        "#",
        "#-dash",
    ],
)
def test_things_that_are_not_mentions(text: str) -> None:
    assert find_mentions(text) == []


def test_trailing_punctuation_is_not_part_of_a_mention() -> None:
    assert mentions("(@Mark.) #ffistruct, #stm!") == [
        ("person", "Mark"),
        ("branch", "ffistruct"),
        ("branch", "stm"),
    ]
    assert mentions("@fijal's idea") == [("person", "fijal")]


def test_a_full_name_mention_stops_at_the_line_end() -> None:
    assert mentions("@[Armin\nRigo]") == []
