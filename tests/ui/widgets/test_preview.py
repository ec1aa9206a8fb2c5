"""The note preview: long paragraphs shown in pieces with code kept whole, a long note built off
the GUI thread in short blocks."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sprintjournal_ui.theme import apply_palette, dark_palette
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


def test_a_theme_switch_redraws_the_links_in_the_new_colours(qtbot: QtBot,
                                                             app: QApplication) -> None:
    """Switching to dark (View ▸ Theme, or the system at dusk) left dark-blue links on the dark
    background until the note was typed in again."""
    apply_palette(app, False)
    preview = NotePreview()
    qtbot.addWidget(preview)
    preview.show_text("Thanks to [Laura](https://example.org/laura) for the cake.")
    light_link = link_colour(preview)
    apply_palette(app, True)
    qtbot.waitUntil(lambda: link_colour(preview) != light_link, timeout=3000)
    assert link_colour(preview) == dark_palette().color(QPalette.ColorRole.Link).name()
    apply_palette(app, False)


def link_colour(preview: NotePreview) -> str:
    """The foreground of the first anchor in the shown document."""
    block = preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                return fragment.charFormat().foreground().color().name()
            it += 1
        block = block.next()
    raise AssertionError("no link in the preview")
