"""`report.pdf_info.add_subject`: the Subject appended as an incremental update, read back by
pypdf (strict: a wrong cross-reference offset fails the read)."""

import io
from pathlib import Path

import pypdf
import pytest

from sprintjournal.report.pdf_info import PdfInfoError, add_subject, pdf_text


def make_pdf(path: Path, info: dict[str, str] | None = None) -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 100)
    if info is not None:
        writer.add_metadata(info)
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return out.getvalue()


def metadata(path: Path) -> dict[str, object]:
    reader = pypdf.PdfReader(path, strict=True)
    assert len(reader.pages) == 1
    return dict(reader.metadata or {})


def test_the_subject_is_added_and_the_original_bytes_stay(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    original = make_pdf(path, {"/Title": "PyPy Gothenburg sprint", "/Author": "Armin Rigo"})
    add_subject(path, "What happened at the PyPy sprint in Göteborg – 2011 ☃")
    assert path.read_bytes().startswith(original)
    meta = metadata(path)
    assert meta["/Subject"] == "What happened at the PyPy sprint in Göteborg – 2011 ☃"
    assert (meta["/Title"], meta["/Author"]) == ("PyPy Gothenburg sprint", "Armin Rigo")


def test_a_second_subject_replaces_the_first(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    make_pdf(path, {"/Title": "T"})
    add_subject(path, "first")
    add_subject(path, "second (with parentheses) and \\ a backslash")
    meta = metadata(path)
    assert meta["/Subject"] == "second (with parentheses) and \\ a backslash"
    assert meta["/Title"] == "T"


def test_a_file_not_ending_in_a_newline_is_still_amended(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(path, {"/Title": "T"}).rstrip(b"\n"))
    add_subject(path, "subject")
    assert metadata(path)["/Subject"] == "subject"


def test_a_pdf_without_document_information_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bare.pdf"
    data = make_pdf(path)
    if b"/Info" in data:  # a pypdf that always writes Info: take it out of the trailer
        data = data.replace(b"/Info", b"/Nfo_")
        path.write_bytes(data)
    with pytest.raises(PdfInfoError, match="no document information dictionary"):
        add_subject(path, "subject")
    assert path.read_bytes() == data


def test_a_file_that_is_not_a_classic_pdf_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is no PDF body\n")
    with pytest.raises(PdfInfoError, match="no classic trailer to extend"):
        add_subject(path, "subject")
    assert path.read_bytes() == b"%PDF-1.7\nthis is no PDF body\n"


def test_an_info_reference_to_a_missing_object_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    data = make_pdf(path, {"/Title": "T"}).replace(b"/Info 1 0 R", b"/Info 9 0 R")
    path.write_bytes(data)
    with pytest.raises(PdfInfoError, match="cannot be read"):
        add_subject(path, "subject")


def test_pdf_text_is_utf16_hex_with_a_byte_order_mark() -> None:
    assert pdf_text("A") == b"<FEFF0041>"
    assert pdf_text("ö)") == b"<FEFF00F60029>"
    assert pdf_text("") == b"<FEFF>"
