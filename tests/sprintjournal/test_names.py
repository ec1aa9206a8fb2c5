"""Name keys (how spellings fold to one person) and `@person` / `#branch` mentions in notes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprintjournal.mentions import Mention, find_mentions
from sprintjournal.names import clean_name, first_name_key, name_key


@pytest.mark.parametrize(
    "spelling",
    [
        "Håkan Ardö",
        "Hakan Ardo",
        "håkan  ardö",
        " HÅKAN\tARDÖ ",
        "Ha\u030akan Ardo\u0308",
        "HAKAN ARDO",
    ],
)
def test_spellings_of_one_name_share_a_key(spelling: str) -> None:
    assert name_key(spelling) == "hakan ardo"


def test_letters_without_a_decomposition_fold_too() -> None:
    assert name_key("Maciej Fijałkowski") == name_key("MACIEJ FIJALKOWSKI") == "maciej fijalkowski"
    assert name_key("Søren") == "soren"
    assert name_key("Straße") == name_key("STRASSE")  # casefold, not lower


def test_different_names_keep_different_keys() -> None:
    assert name_key("Armin Rigo") != name_key("Armin Rigo Jr")
    assert name_key("Anto") != name_key("Antonio")


def test_first_name_key() -> None:
    assert first_name_key("Carl Friedrich Bolz") == "carl"
    assert first_name_key("  Håkan  Ardö") == "hakan"
    assert first_name_key("   ") == ""


def test_clean_name_keeps_accents_and_case() -> None:
    assert clean_name("  Ha\u030akan \t Ardö\n") == "Håkan Ardö"
    assert clean_name("Ha\u030akan") == "H\u00e5kan"  # composed (NFC)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_name_key_is_idempotent_and_ignores_spacing(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key
    assert name_key(f"  {text}  ") == key
    assert name_key(clean_name(text)) == key


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
