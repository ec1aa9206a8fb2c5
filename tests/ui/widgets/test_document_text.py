"""A note's text read from the editor without toPlainText(): in slices, or only its head."""

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.document_text import DocumentSnapshot, head, length

AWKWARD = ("Première ligne\u00a0avec espace insécable\n🎂👩‍💻 emoji, then a tab\there\n\n"
           + "a long line " * 40 + "\n" * 3 + "```\ncode\n```\nlast line without newline")


def plain_editor(qtbot: QtBot, text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    return edit


def read_all(qtbot: QtBot, document: QTextDocument, slice_size: int) -> list[str]:
    got: list[str] = []
    snapshot = DocumentSnapshot(document, got.append, slice_size=slice_size)
    snapshot.start()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    return got


@pytest.mark.parametrize("slice_size", [1, 7, 64, 10_000])
def test_a_snapshot_in_slices_is_exactly_to_plain_text(qtbot: QtBot, slice_size: int) -> None:
    edit = plain_editor(qtbot, AWKWARD)
    assert read_all(qtbot, edit.document(), slice_size) == [edit.toPlainText()]
    assert length(edit.document()) == len(edit.toPlainText().encode("utf-16-le")) // 2


def test_a_key_typed_while_reading_abandons_the_snapshot(qtbot: QtBot) -> None:
    edit = plain_editor(qtbot, "line\n" * 2000)
    got: list[str] = []
    snapshot = DocumentSnapshot(edit.document(), got.append, slice_size=100)
    snapshot.start()
    assert snapshot.reading
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.insertPlainText("typed")
    assert not snapshot.reading
    qtbot.wait(50)
    assert got == []  # the edit's own autosave asks again
    snapshot.start()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [edit.toPlainText()] and got[0].endswith("typed")


def test_the_head_is_the_beginning_cut_between_lines(qtbot: QtBot) -> None:
    edit = plain_editor(qtbot, "".join(f"line {n}\n" for n in range(10_000)))
    start = head(edit.document(), 1000)
    assert edit.toPlainText().startswith(start)
    assert 900 < len(start) <= 1000 and start.endswith("\n")
    short = plain_editor(qtbot, AWKWARD)
    assert head(short.document(), 10_000) == short.toPlainText()


def test_the_head_of_one_huge_line_never_splits_a_character(qtbot: QtBot) -> None:
    edit = plain_editor(qtbot, "🎂" * 5000)  # two UTF-16 units each
    for limit in (999, 1000, 1001):
        start = head(edit.document(), limit)
        assert set(start) == {"🎂"}  # no half of a surrogate pair
        assert edit.toPlainText().startswith(start)
