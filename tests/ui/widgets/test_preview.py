"""The note preview: long paragraphs shown in pieces with code kept whole, a long note built off
the GUI thread in short blocks."""

from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.preview import NotePreview, bounded_paragraphs


def plain_editor(qtbot: QtBot, text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    return edit


def test_long_paragraphs_are_previewed_in_pieces_and_code_stays_whole() -> None:
    lines = [f"log line {n} " * 8 for n in range(500)]
    text = "\n".join(lines)
    bounded = bounded_paragraphs(text, longest=2000)
    pieces = bounded.split("\n\n")
    assert len(pieces) > 10 and all(len(p) <= 2000 for p in pieces)
    assert bounded.replace("\n\n", "\n") == text  # only blank lines were added
    fenced = "```\n" + text + "\n```"
    assert bounded_paragraphs(fenced, longest=2000) == fenced


def test_a_long_note_preview_is_built_off_the_gui_thread_in_short_blocks(qtbot: QtBot) -> None:
    preview = NotePreview()
    qtbot.addWidget(preview)
    edit = plain_editor(qtbot, "".join(f"log line {n} " * 8 + "\n" for n in range(3000)))
    preview.show_text(edit.document())
    assert preview.busy
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        pass
    document = preview.document()
    assert "log line 0" in document.toPlainText()
    longest = max(document.findBlockByNumber(n).length() for n in range(document.blockCount()))
    assert longest <= 2100  # Qt lays out each block in one go
    preview.show_text("short *again*")  # a short note after a long one: same preview widget
    assert preview.toPlainText() == "short again"
