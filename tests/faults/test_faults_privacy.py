"""FAULTS 43: no location leaves the journal, whatever kind of photo carried it.

Every photo kind the journal accepts, with the location where round two found it (EXIF after
0xFF fill bytes, ImageMagick's PNG "Raw profile type exif", a GPS image appended after the JPEG
end marker) and its neighbours (XMP, IPTC in a Photoshop block, WebP EXIF/XMP, an MPO's second
frame, PNG eXIf/iTXt), is imported and exported: the whole-journal JSON export and the report
exports. Each exported file is read with exiftool, a real metadata reader, not our parser.
"""

import io
import json
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report

LOCATION_WORDS = ("gps", "location", "city", "country", "province", "latitude", "longitude")
XMP_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Gothenburg" '
    b'exif:GPSLatitude="57,42.534N" exif:GPSLongitude="11,58.476E"/></rdf:RDF></x:xmpmeta>'
)


def exiftool_tags(path: Path) -> dict[str, object]:
    tool = shutil.which("exiftool")
    if tool is None:
        pytest.fail("exiftool is missing: run scripts/setup test")
    done = subprocess.run([tool, "-j", "-a", "-G1", "-u", "-ee", "-struct", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    tags: dict[str, object] = json.loads(done.stdout)[0]
    return tags


def location_tags(path: Path) -> dict[str, object]:
    return {k: v for k, v in exiftool_tags(path).items()
            if any(word in k.lower() for word in LOCATION_WORDS)
            and not k.startswith(("System:", "File:"))}


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "SprintCam"
    exif.get_ifd(0x8769)[0x9003] = "2011:11:06 15:30:00"
    exif.get_ifd(0x8825).update({1: "N", 2: (57.0, 42.0, 32.04), 3: "E", 4: (11.0, 58.0, 28.56)})
    return exif


def _image(colour: str = "red") -> Image.Image:
    return Image.new("RGB", (48, 32), colour)


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _iptc_block() -> bytes:
    """APP13 Photoshop block with IPTC City and Country."""
    def dataset(number: int, text: bytes) -> bytes:
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(text)) + text
    iptc = dataset(90, b"Gothenburg") + dataset(101, b"Sweden")
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def _raw_profile_png() -> bytes:
    """ImageMagick's way: EXIF as hex inside a zTXt chunk named 'Raw profile type exif'."""
    exif = b"Exif\x00\x00" + gps_exif().tobytes()[6:] if gps_exif().tobytes().startswith(
        b"Exif") else b"Exif\x00\x00" + gps_exif().tobytes()
    hexed = exif.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", f"\nexif\n{len(exif):8d}\n{lines}\n", zip=True)
    return _save(_image("green"), "PNG", pnginfo=info)


def hostile_photos() -> dict[str, bytes]:
    with_gps = _save(_image("blue"), "JPEG", exif=gps_exif())
    png_info = PngImagePlugin.PngInfo()
    png_info.add_itxt("XML:com.adobe.xmp", XMP_GPS.decode())
    return {
        "fill-bytes.jpg": with_gps.replace(b"\xff\xe1", b"\xff\xff\xff\xe1", 1),
        "raw-profile.png": _raw_profile_png(),
        "appended.jpg": _save(_image(), "JPEG") + with_gps,
        "xmp.jpg": _save(_image(), "JPEG", xmp=XMP_GPS),
        "iptc.jpg": (lambda d: d[:2] + _iptc_block() + d[2:])(_save(_image(), "JPEG")),
        "exif.png": _save(_image(), "PNG", exif=gps_exif(), pnginfo=png_info),
        "exif.webp": _save(_image(), "WEBP", exif=gps_exif(), xmp=XMP_GPS, lossless=True),
        "second-frame.mpo": _save(_image(), "MPO", save_all=True,
                                  append_images=[_image("white")], exif=gps_exif().tobytes()),
    }


def _appended_part() -> bytes:
    return hostile_photos()["appended.jpg"][len(_save(_image(), "JPEG")):]


@pytest.fixture
def journal_with_located_photos(journal: Journal, tmp_path: Path) -> tuple[Journal, int]:
    sid = journal.add_sprint("Located", start=date(2024, 1, 1), end=date(2024, 1, 5)).id
    lines = []
    for name, data in hostile_photos().items():
        source = tmp_path / "in" / name
        source.parent.mkdir(exist_ok=True)
        # exiftool does not look past a JPEG's end: the appended image is checked on its own.
        source.write_bytes(_appended_part() if name == "appended.jpg" else data)
        assert location_tags(source), f"{name}: the test photo must carry a location"
        photo = journal.add_photo(sid, data, name)
        lines.append(f"![{name}](photo:{photo.id})")
    journal.save_report(sid, title="Located", text="\n\n".join(lines) + "\n")
    return journal, sid


def test_fault_43_no_location_in_the_json_export(journal_with_located_photos: tuple[Journal, int],
                                                 tmp_path: Path) -> None:
    journal, _ = journal_with_located_photos
    out = tmp_path / "json"
    journal.export_json(out)
    photos = [p for p in out.rglob("*") if p.is_file() and p.name != "journal.json"]
    assert len(photos) == len(hostile_photos())
    leaks = {path.name: location_tags(path) for path in photos}
    assert {name: tags for name, tags in leaks.items() if tags} == {}
    for path in photos:
        with Image.open(path) as image:
            image.load()
    assert all(_appended_part() not in p.read_bytes() for p in photos), "data after the end"
    assert "57,42" not in (out / "journal.json").read_text(encoding="utf-8")


def test_fault_43_the_json_export_keeps_orientation_date_and_pixels(journal: Journal,
                                                                    tmp_path: Path) -> None:
    sid = journal.add_sprint("Kept").id
    data = _save(_image("blue"), "JPEG", exif=gps_exif(orientation=6))
    journal.add_photo(sid, data.replace(b"\xff\xe1", b"\xff\xff\xe1", 1), "turned.jpg")
    journal.export_json(tmp_path / "json")
    exported = next(p for p in (tmp_path / "json").rglob("*.jpg"))
    tags = exiftool_tags(exported)
    assert tags["IFD0:Orientation"] == "Rotate 90 CW"
    assert tags["ExifIFD:DateTimeOriginal"] == "2011:11:06 15:30:00"
    with Image.open(exported) as after, Image.open(io.BytesIO(data)) as before:
        assert after.tobytes() == before.tobytes()


@pytest.mark.parametrize("fmt", ["html-dir", "md", "wordpress"])
def test_fault_43_no_location_in_report_exports(journal_with_located_photos: tuple[Journal, int],
                                                tmp_path: Path, fmt: str) -> None:
    journal, sid = journal_with_located_photos
    written = export_report(journal, sid, fmt, tmp_path / fmt)
    images = [p for p in written if p.parent.name == "images"]
    assert len(images) == len(hostile_photos())
    for path in images:
        assert location_tags(path) == {}, path.name
