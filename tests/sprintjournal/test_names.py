"""Name keys: how the spellings of one name (accents, case, spacing) fold to one person."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
