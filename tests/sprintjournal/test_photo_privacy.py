"""Location metadata leaves a photo; its pixels, orientation and date stay (FAULTS 30)."""

import io

import pytest
from PIL import Image, PngImagePlugin

from sprintjournal.photo_privacy import GPS_IFD, strip_location

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="57,42.534N"/></rdf:RDF></x:xmpmeta>'
)


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "SprintCam"
    exif.get_ifd(0x8769)[36867] = "2011:11:06 15:30:00"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (57.0, 42.0, 32.04), 3: "E", 4: (11.0, 58.0, 28.56)})
    return exif


def _photo(fmt: str) -> bytes:
    image = Image.linear_gradient("L").convert("RGB").resize((64, 48))
    buffer = io.BytesIO()
    options: dict[str, object] = {"exif": _exif(), "xmp": XMP}
    if fmt == "WEBP":
        options["lossless"] = True
    if fmt == "PNG":  # Pillow writes XMP into PNG only as an iTXt chunk given by hand
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP.decode("ascii"))
        options["pnginfo"] = info
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_and_xmp_are_removed(fmt: str) -> None:
    data = _photo(fmt)
    with Image.open(io.BytesIO(data)) as before:
        assert before.getexif().get_ifd(GPS_IFD), "the test photo must carry GPS"
        assert b"GPSLatitude" in data
    cleaned = strip_location(data)
    assert b"GPSLatitude" not in cleaned and b"57,42.534N" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as after:
        assert after.getexif().get_ifd(GPS_IFD) == {}
        assert "xmp" not in after.info


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_pixels_orientation_and_date_are_kept(fmt: str) -> None:
    data = _photo(fmt)
    cleaned = strip_location(data)
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(cleaned)) as after:
        assert after.tobytes() == before.tobytes()
        exif = after.getexif()
        assert exif[0x0112] == 6 and exif[0x010F] == "SprintCam"
        assert exif.get_ifd(0x8769)[36867] == "2011:11:06 15:30:00"


def test_stripping_is_idempotent_and_leaves_clean_files_alone() -> None:
    cleaned = strip_location(_photo("JPEG"))
    assert strip_location(cleaned) == cleaned
    plain = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(plain, "PNG")
    assert strip_location(plain.getvalue()) == plain.getvalue()


def test_an_unreadable_exif_block_is_dropped_not_kept() -> None:
    data = _photo("JPEG")
    start = data.index(b"Exif\x00\x00") + 6
    broken = data[:start] + b"XX" + data[start + 2 :]  # no longer II/MM: unparseable
    cleaned = strip_location(broken)
    assert b"Exif\x00\x00" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as after:
        after.load()
