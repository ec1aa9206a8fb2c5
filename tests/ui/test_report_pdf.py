"""PDF export with Qt's writer: page sizes, photos included, nothing left behind on failure."""

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot
from sprintjournal_ui.report_pdf import export_pdf, report_document

from sprintjournal.demo import CAKE_CAPTION, build_demo
from sprintjournal.journal import Journal
from sprintjournal.report.export import build_context
from sprintjournal.report.renditions import ExportCancelledError


@pytest.fixture
def demo(journal: Journal, qtbot: QtBot) -> tuple[Journal, int]:
    return journal, build_demo(journal)


@pytest.mark.parametrize(("size", "media_box"), [("A4", b"595"), ("Letter", b"612")])
def test_pdf_has_the_page_size_and_the_photo(demo: tuple[Journal, int], tmp_path: Path,
                                             size: str, media_box: bytes) -> None:
    journal, sid = demo
    pdf = export_pdf(journal, sid, tmp_path, size)
    assert pdf == (tmp_path / "pypy-gothenburg-sprint-report.pdf").resolve()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    boxes = re.findall(rb"/MediaBox \[0 0 (\d+)", data)
    assert len(boxes) >= 2 and set(boxes) == {media_box}, "several pages, all of the chosen size"
    assert data.count(b"/Subtype /Image") == 1
    assert "PypY".lower() in pdf.name
    assert not list(tmp_path.glob(".*.part"))


def test_document_holds_the_report_and_the_caption(demo: tuple[Journal, int]) -> None:
    journal, sid = demo
    doc = report_document(build_context(journal, sid))
    text = doc.toPlainText()
    assert text.startswith("PyPy Gothenburg sprint report")
    assert f"{CAKE_CAPTION}, with Armin Rigo and Håkan Ardö" in text
    assert "about 400 times faster than the same access through ctypes" in text


def test_rendered_page_shows_the_photo(demo: tuple[Journal, int], tmp_path: Path) -> None:
    """Paint the document as the writer would and find the photo's colours on the page."""
    journal, sid = demo
    doc = report_document(build_context(journal, sid))
    doc.setTextWidth(700)
    image = QImage(700, int(doc.size().height()) + 1, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    image.save(str(tmp_path / "pdf-page.png"))
    colourful = sum(1 for y in range(0, image.height(), 7) for x in range(0, 700, 7)
                    if len({image.pixelColor(x, y).red(), image.pixelColor(x, y).green(),
                            image.pixelColor(x, y).blue()}) == 3
                    and image.pixelColor(x, y).saturation() > 80)
    assert colourful > 500, "the cake photo should cover a good part of the page"


def test_cancelled_pdf_export_writes_nothing(demo: tuple[Journal, int], tmp_path: Path) -> None:
    journal, sid = demo
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelledError):
        export_pdf(journal, sid, tmp_path / "out", cancel=cancel)
    assert not (tmp_path / "out").exists()


def test_unknown_page_size_fails_and_leaves_no_file(demo: tuple[Journal, int],
                                                    tmp_path: Path) -> None:
    journal, sid = demo
    with pytest.raises(ValueError, match="page size"):
        export_pdf(journal, sid, tmp_path / "out", "A5")
    assert not (tmp_path / "out").exists()


def test_names_are_literal_in_the_pdf(journal: Journal, qtbot: QtBot) -> None:
    names = ["<b>x</b>", "*x*", "[a](javascript:alert(1))"]
    sid = journal.add_sprint("T", project="PyPy", place="Here").id
    for name in names:
        journal.add_attendee(sid, name)
    journal.save_report(sid, title=names[0])
    doc = report_document(build_context(journal, sid))
    text = doc.toPlainText()
    assert text.startswith("<b>x</b>")
    for name in names:
        assert name in text
    assert 'href="javascript' not in doc.toHtml()


def test_pdf_metadata_title_author_and_subject(demo: tuple[Journal, int], tmp_path: Path) -> None:
    """Read back with pypdf, as any metadata reader would."""
    from pypdf import PdfReader

    journal, sid = demo
    pdf = export_pdf(journal, sid, tmp_path)
    reader = PdfReader(pdf)
    info = reader.metadata
    assert info is not None
    assert info.title == "PyPy Gothenburg sprint report"
    assert info.author == "Laura Creighton and Antonio Cuni"
    assert info.subject == journal.get_sprint(sid).description
    assert len(reader.pages) >= 2


def test_pdf_subject_without_a_description(journal: Journal, tmp_path: Path) -> None:
    from datetime import date

    from pypdf import PdfReader

    sid = journal.add_sprint("S", project="PyPy", place="Leysin", start=date(2020, 1, 11),
                             end=date(2020, 1, 19)).id
    info = PdfReader(export_pdf(journal, sid, tmp_path)).metadata
    assert info is not None and info.subject == "PyPy sprint in Leysin from 11 to 19 January 2020"


def _pages_text(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


@pytest.mark.parametrize("filler", range(30, 48))
def test_a_heading_is_never_the_last_thing_on_a_page(journal: Journal, tmp_path: Path,
                                                     filler: int) -> None:
    """Sweep the heading down the first page; wherever it lands, its paragraph follows it."""
    sid = journal.add_sprint("S", project="PyPy").id
    lines = "\n\n".join(f"Filler paragraph number {n}." for n in range(filler))
    journal.save_report(sid, text=f"{lines}\n\n## Stranded heading\n\nThe paragraph after it.\n"
                                  + "\n\n".join(f"Tail {n}." for n in range(40)))
    pages = _pages_text(export_pdf(journal, sid, tmp_path))
    (page,) = [p for p in pages if "Stranded heading" in p]
    assert "The paragraph after it." in page


def test_disk_full_is_an_os_error_and_leaves_nothing(demo: tuple[Journal, int],
                                                    tmp_path: Path) -> None:
    """Qt's writer fails silently on a full disk: the bytes are written by us, so ENOSPC shows."""
    from fault_helpers import listing, small_disk

    journal, sid = demo
    with small_disk(tmp_path / "disk", "32k") as disk:
        with pytest.raises(OSError, match="No space left"):
            export_pdf(journal, sid, disk)
        assert listing(disk) == [], "no partial or hidden file left"
