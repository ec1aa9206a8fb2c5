"""FAULTS 48-51: photo kinds from real cameras and hostile files, imported and exported.

MPO (a camera's multi-picture JPEG), animated WebP, WebP with damaged EXIF, and a small PNG
that decodes to a huge 16-bit picture.
"""

import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from peak_memory import OWN_PEAK_SOURCE
from PIL import Image

from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report
from sprintjournal.usecases import gallery


def _frames(colours: list[str], fmt: str, **options: object) -> bytes:
    images = [Image.new("RGB", (40, 30), c) for c in colours]
    buffer = io.BytesIO()
    images[0].save(buffer, fmt, save_all=True, append_images=images[1:], **options)
    return buffer.getvalue()


def test_fault_48_an_mpo_photo_imports_and_exports(journal: Journal, tmp_path: Path) -> None:
    sid = journal.add_sprint("Stereo").id
    data = _frames(["red", "blue"], "MPO")
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "MPO" and image.n_frames == 2
    photo = journal.add_photo(sid, data, "stereo.jpg")
    journal.save_report(sid, text=f"![stereo](photo:{photo.id})\n")
    assert journal.list_photos(sid)[0].mime == "image/jpeg"
    page = export_report(journal, sid, "html-dir", tmp_path / "html")
    assert any(p.suffix == ".jpg" for p in page)
    out = journal.export_json(tmp_path / "json")
    exported = next(p for p in out.parent.rglob("*.jpg"))
    with Image.open(exported) as image:
        assert image.format == "JPEG" and image.getpixel((5, 5))[0] > 200  # the red frame


COLOURS = ["red", "green", "blue", "white", "black", "yellow", "cyan", "magenta", "gray",
           "orange"]


def test_fault_49_an_animated_webp_keeps_its_frames_and_says_so(journal: Journal,
                                                                tmp_path: Path) -> None:
    sid = journal.add_sprint("Animated").id
    data = _frames(COLOURS, "WEBP", duration=100, loop=0, lossless=True)
    prepared = gallery.prepare(data, "anim.webp")
    assert any("10 frames" in w for w in prepared[0].warnings), prepared[0].warnings
    journal.add_photo(sid, data, "anim.webp", prepared=prepared)
    out = journal.export_json(tmp_path / "json")
    exported = next(p for p in out.parent.rglob("*.webp"))
    with Image.open(exported) as image:
        assert image.n_frames == 10


def _webp_with_exif(exif: bytes) -> bytes:
    """A WebP whose EXIF chunk holds `exif` as is (VP8X flags say it is there)."""
    plain = _frames(["red"], "WEBP", lossless=True, exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00"
                    b"\x00\x00\x00\x00\x00\x00")
    start = plain.index(b"EXIF")
    (length,) = struct.unpack("<I", plain[start + 4 : start + 8])
    end = start + 8 + length + (length & 1)
    chunk = b"EXIF" + struct.pack("<I", len(exif)) + exif + (b"\x00" if len(exif) & 1 else b"")
    body = plain[12:start] + chunk + plain[end:]
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
@pytest.mark.parametrize("exif", [b"not a TIFF block at all",
                                  b"MM\x00*\x00\x00\x00\x08\xff\xff" + b"\xde\xad" * 40],
                         ids=["not-tiff", "short-ifd"])
def test_fault_50_a_webp_with_damaged_exif_never_blocks_the_json_export(journal: Journal,
                                                                        tmp_path: Path,
                                                                        exif: bytes) -> None:
    sid = journal.add_sprint("Damaged").id
    damaged = _webp_with_exif(exif)
    assert any("EXIF" in w for w in gallery.prepare(damaged, "damaged.webp")[0].warnings)
    good = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(good, "JPEG")
    journal.add_photo(sid, damaged, "damaged.webp")
    journal.add_photo(sid, good.getvalue(), "good.jpg")
    out = journal.export_json(tmp_path / "json")
    files = sorted(p.suffix for p in out.parent.rglob("*") if p.is_file())
    assert files == [".jpg", ".json", ".webp"]
    exported = next(out.parent.rglob("*.webp"))
    with Image.open(exported) as image:
        image.load()
        assert image.getpixel((5, 5))[:3] == (255, 0, 0)


def _huge_16bit_png(width: int, height: int) -> bytes:
    """A 16-bit grey PNG written row by row: small on disk, 180 MB once decoded."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    compressor, row, parts = zlib.compressobj(9), b"\x00" + b"\x12\x34" * width, []
    for _ in range(height):
        parts.append(compressor.compress(row))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 16, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts))
            + chunk(b"IEND", b""))


PROBE = OWN_PEAK_SOURCE + """
import sys
from pathlib import Path
from sprintjournal.journal import Journal
from sprintjournal.usecases import gallery
from sprintjournal.photos import web_rendition
data = Path(sys.argv[1]).read_bytes()
with Journal(Path(sys.argv[2])) as journal:
    journal.add_photo(journal.add_sprint("Huge").id, data, "huge.png")
web_rendition(data, 1600, 85)
print(own_peak_kib() // 1024)
"""


def test_fault_51_a_huge_16_bit_png_is_imported_in_bounded_memory(tmp_path: Path) -> None:
    """9400x9500 16-bit pixels (180 MB decoded): import and rendition peak under 450 MB
    (they took 0.9-1.1 GB, three full-size copies)."""
    png = tmp_path / "huge.png"
    png.write_bytes(_huge_16bit_png(9400, 9500))
    assert png.stat().st_size < 1024 * 1024
    done = subprocess.run([sys.executable, "-c", PROBE, str(png), str(tmp_path / "j.sj")],
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.strip())
    assert peak_mb < 450, f"peak {peak_mb} MB"
