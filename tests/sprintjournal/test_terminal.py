"""`terminal`: user text made safe to print (FAULTS 47), and telling text from binary data."""

import pytest

from sprintjournal.terminal import is_text, printable


@pytest.mark.parametrize("text", [
    "Göteborg sprint — 2011",
    "Фијалковски 李 שלום مرحبا",
    "tab\tseparated",
    "two\nlines",
    "",
])
def test_ordinary_text_of_any_script_is_unchanged(text: str) -> None:
    assert printable(text) == text


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b]0;owned\x07title", "\\x1b]0;owned\\x07title"),
    ("\x1b[2J", "\\x1b[2J"),
    ("file\rname", "file\\x0dname"),
    ("nul\x00", "nul\\x00"),
    ("del\x7f", "del\\x7f"),
    ("c1\x9b31m", "c1\\x9b31m"),
    ("txt.\u202eexe", "txt.\\u202eexe"),
    ("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"),
    ("para\u2029graph", "para\\u2029graph"),
])
def test_control_and_direction_characters_are_shown_as_escapes(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_line_breaks_stay_while_each_line_is_escaped() -> None:
    assert printable("a\x1b\nb\u202e") == "a\\x1b\nb\\u202e"


def test_text_is_text() -> None:
    text = "Armin and Maciej\tworked on the JIT\n\f" * 20
    assert is_text(text.encode(), text)


def test_a_nul_byte_makes_data_binary() -> None:
    assert not is_text(b"abc\x00def", "abc\x00def")


def test_more_than_one_control_character_in_a_hundred_is_binary() -> None:
    one_in_100 = "x" * 99 + "\x01"
    assert is_text(one_in_100.encode(), one_in_100)
    two_in_100 = "x" * 98 + "\x01\x02"
    assert not is_text(two_in_100.encode(), two_in_100)
