"""Which paragraphs of a note reach the report: marks are fingerprints of text, not positions."""

from sprintjournal.publish import (
    fingerprint,
    marked_indexes,
    marks_for,
    paragraph_at,
    paragraphs,
    published,
    toggle,
)

NOTE = "Armin and Maciej fixed the JIT.\n\nHakan's phone number is 555-1234.\n\nPPC is done."


def test_paragraphs_are_split_at_blank_lines_whatever_the_line_ends() -> None:
    assert paragraphs("one\r\nstill one\r\n\r\n\r\ntwo\n   \nthree\n") == [
        "one\nstill one", "two", "three"]
    assert paragraphs("") == [] and paragraphs("\n\n  \n") == []


def test_a_fenced_code_block_with_blank_lines_stays_one_paragraph() -> None:
    text = "Before.\n\n```\nx = 1\n\ny = 2\n```\n\n~~~\na\n\nb\n~~~\nAfter."
    assert paragraphs(text) == ["Before.", "```\nx = 1\n\ny = 2\n```", "~~~\na\n\nb\n~~~\nAfter."]


def test_a_fingerprint_ignores_how_the_text_is_wrapped_but_not_what_it_says() -> None:
    assert fingerprint("a JIT  for\nPowerPC ") == fingerprint("a JIT for PowerPC")
    assert fingerprint("a JIT for PowerPC") != fingerprint("a JIT for ARM")
    assert len(fingerprint("x")) == 16


def test_only_the_marked_paragraphs_are_published_in_their_order() -> None:
    marks = marks_for(NOTE, [2, 0])
    assert published(NOTE, marks) == ["Armin and Maciej fixed the JIT.", "PPC is done."]
    assert "555-1234" not in "".join(published(NOTE, marks))


def test_a_mark_follows_its_paragraph_when_others_are_added_or_moved() -> None:
    marks = marks_for(NOTE, [2])
    moved = "A new first paragraph.\n\nPPC is done.\n\n" + NOTE.replace("\n\nPPC is done.", "")
    assert published(moved, marks) == ["PPC is done."]
    assert marked_indexes(moved, marks) == [1]


def test_editing_a_marked_paragraph_makes_it_private_again() -> None:
    marks = marks_for(NOTE, [0])
    edited = NOTE.replace("fixed the JIT", "fixed the JIT, and Hakan's flat is at 3 Elm St")
    assert published(edited, marks) == []


def test_marks_for_all_none_and_out_of_range_paragraphs() -> None:
    assert marks_for(NOTE, True) == [fingerprint(p) for p in paragraphs(NOTE)]
    assert marks_for(NOTE, False) == []
    assert marks_for(NOTE, [1, 1, 7, -1]) == [fingerprint(paragraphs(NOTE)[1])]


def test_paragraph_at_finds_the_paragraph_under_the_cursor() -> None:
    second = NOTE.index("Hakan")
    assert paragraph_at(NOTE, 0) == 0
    assert paragraph_at(NOTE, second + 3) == 1
    assert paragraph_at(NOTE, len(NOTE)) == 2  # the end of the last paragraph
    assert paragraph_at(NOTE, second - 1) is None  # the blank line between


def test_paragraph_at_tells_two_equal_paragraphs_apart() -> None:
    text = "Same.\n\nSame."
    assert paragraph_at(text, 0) == 0
    assert paragraph_at(text, 8) == 1


def test_toggle_switches_one_paragraph_and_drops_marks_of_vanished_text() -> None:
    marks = toggle(NOTE, [], 2)
    assert marked_indexes(NOTE, marks) == [2]
    marks = toggle(NOTE, [*marks, fingerprint("a paragraph since deleted")], 0)
    assert sorted(marks) == sorted(marks_for(NOTE, [0, 2]))
    assert toggle(NOTE, marks, 0) == marks_for(NOTE, [2])
