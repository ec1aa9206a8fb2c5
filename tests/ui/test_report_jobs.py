"""The report's files and Blogger's clipboard HTML, as the store runs them on a pool thread:
PDF from Qt's writer, every other format from the core's targets, photos in the clipboard
fragment embedded so a paste needs no upload."""

import threading
from pathlib import Path

import pytest
from factories import jpeg_bytes
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sprintjournal_ui.report_jobs import blogger_clipboard_html, export_report

from sprintjournal.journal import Journal
from sprintjournal.report.renditions import ExportCancelledError

TEXT = ("# PyPy sprint in Gothenburg\n\nArmin and Maciej worked on the JIT hooks.\n\n"
        "![The sprint room](photo:{pid})\n")


@pytest.fixture
def reported(journal: Journal, panel_sprint: int) -> tuple[int, int]:
    """The sprint, with a saved report showing one photo: (sprint id, photo id)."""
    pid = journal.add_photo(panel_sprint, jpeg_bytes(640, 480), "room.jpg",
                            caption="The sprint room").id
    journal.save_report(panel_sprint, text=TEXT.format(pid=pid))
    return panel_sprint, pid


def test_a_markdown_export_writes_the_post_and_its_photo(
        journal: Journal, reported: tuple[int, int], tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    files = export_report(journal, reported[0], "md", tmp_path,
                          progress=lambda done, total, what: steps.append((done, total, what)))
    page = files[-1]
    assert page.suffix == ".md" and page.parent == tmp_path
    text = page.read_text(encoding="utf-8")
    assert "Armin and Maciej worked on the JIT hooks." in text
    assert [f.suffix for f in files[:-1]] == [".jpg"]  # the photo, beside the post
    assert f"({files[0].relative_to(tmp_path).as_posix()}" in text
    assert steps and steps[-1][0] == steps[-1][1]


def test_a_pdf_comes_from_qts_writer_with_the_text(
        qtbot: QtBot, journal: Journal, reported: tuple[int, int], tmp_path: Path) -> None:
    files = export_report(journal, reported[0], "pdf", tmp_path, page_size="Letter")
    assert len(files) == 1 and files[0].suffix == ".pdf"
    reader = PdfReader(files[0])
    words = " ".join(page.extract_text() for page in reader.pages).split()
    assert "Armin and Maciej worked on the JIT hooks." in " ".join(words)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)  # US Letter, in points


def test_an_unknown_format_is_named_in_the_error(
        journal: Journal, reported: tuple[int, int], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"'docx'; use one of: md, "):
        export_report(journal, reported[0], "docx", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_cancelled_export_writes_nothing(
        journal: Journal, reported: tuple[int, int], tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelledError, match="nothing was written"):
        export_report(journal, reported[0], "html-dir", tmp_path / "out", cancel=cancel)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_the_blogger_clipboard_fragment_embeds_its_photos(
        journal: Journal, reported: tuple[int, int], tmp_path: Path) -> None:
    html = blogger_clipboard_html(journal, reported[0], long_edge=320)
    assert "Armin and Maciej worked on the JIT hooks." in html
    assert 'src="data:image/jpeg;base64,' in html
    assert "images/" not in html  # nothing left pointing at a folder the paste lacks
    assert "The sprint room" in html
    written = export_report(journal, reported[0], "blogger", tmp_path)[-1]
    assert "images/" in written.read_text(encoding="utf-8")  # the file export links instead
