"""Add the Subject to a finished PDF's document information, as an incremental update.

Qt's PDF writer sets Title, Author and Creator but has no Subject. Rather than rewrite the file,
the standard way to amend a PDF is appended: a new version of the Info object, a one-entry
cross-reference section and a trailer pointing back at the previous one (ISO 32000, 7.5.6).
Readers (pdfinfo, pypdf, viewers) then see the amended Info; the original bytes stay as they are.
"""

import re
from pathlib import Path

_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.DOTALL)
_REF = rb"/%s\s+(\d+)\s+(\d+)\s+R"


class PdfInfoError(ValueError):
    """The file is not a PDF this function can amend (no classic trailer with an Info entry)."""


def pdf_text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark, written as hex (no escaping)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def add_subject(path: Path, subject: str) -> None:
    data = path.read_bytes()
    trailer = _TRAILER.search(data)
    if trailer is None:
        raise PdfInfoError(f"{path}: no classic trailer to extend")
    body, prev = trailer.group(1), int(trailer.group(2))
    info = re.search(_REF % b"Info", body)
    if info is None:
        raise PdfInfoError(f"{path}: no document information dictionary")
    number, generation = int(info.group(1)), int(info.group(2))
    old = re.search(rb"(?<!\d)%d\s+%d\s+obj\s*<<(.*?)>>\s*endobj" % (number, generation),
                    data, re.DOTALL)
    if old is None:
        raise PdfInfoError(f"{path}: the information dictionary cannot be read")
    entries = re.sub(rb"/Subject\s*(\(.*?\)|<[^>]*>)", b"", old.group(1), flags=re.DOTALL)
    start = len(data) + (0 if data.endswith(b"\n") else 1)
    obj = (b"%d %d obj\n<<" % (number, generation) + entries.rstrip() + b"\n/Subject "
           + pdf_text(subject) + b"\n>>\nendobj\n")
    xref_at = start + len(obj)
    kept = re.sub(rb"/Prev\s+\d+", b"", body).strip()
    tail = (b"xref\n%d 1\n%010d %05d n \ntrailer\n<<\n" % (number, start, generation) + kept
            + b"\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref_at))
    with path.open("ab") as handle:
        if not data.endswith(b"\n"):
            handle.write(b"\n")
        handle.write(obj + tail)
