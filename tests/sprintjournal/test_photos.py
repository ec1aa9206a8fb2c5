"""Photo decoding, orientation and metadata stripping (FAULTS 26-32).

Every image is generated here with Pillow so the tests show exactly what each input holds.
"""

import builtins
import hashlib
import io
import logging
import random
import struct
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from peak_memory import own_peak_kib, restart_peak
from photo_checks import LATITUDE_TEXT, assert_no_metadata, open_image, pixel
from PIL import ExifTags, Image, ImageCms, ImageFile, PngImagePlugin

from sprintjournal import photos
from sprintjournal.errors import PhotoError
from sprintjournal.photos import (
    NotAnImageError,
    PhotoIncompleteError,
    PhotoInfo,
    PhotoTooLargeError,
    Rendition,
    UnsupportedPhotoError,
    inspect_photo,
    read_photo_file,
    thumbnail,
    web_rendition,
)

RED = (230, 20, 20)
BLUE = (30, 60, 200)
XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="57,42.534N" exif:GPSLongitude="11,58.476E"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# How to store an upright picture so that the EXIF orientation turns it upright again.
STORE_FOR_ORIENTATION = {6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


def encode(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    """Save an image to bytes with the given Pillow options."""
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def gradient(width: int, height: int) -> Image.Image:
    """A smooth, photo-like RGB image (no flat areas, compresses like a photo)."""
    image = Image.linear_gradient("L").resize((width, height))
    return Image.merge(
        "RGB", (image, image.rotate(90), image.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )


def noise(width: int, height: int, seed: int = 1) -> Image.Image:
    """Detailed pixels, so JPEG size reacts strongly to the quality setting."""
    return Image.frombytes(
        "RGB", (width, height), random.Random(seed).randbytes(width * height * 3)
    )


def upright_portrait() -> Image.Image:
    """A 120x200 portrait, blue with a red marker in its top-left corner."""
    image = Image.new("RGB", (120, 200), BLUE)
    image.paste(RED, (0, 0, 40, 40))
    return image


def exif_with(**tags: object) -> Image.Exif:
    """An EXIF block holding the given base tags by name."""
    exif = Image.Exif()
    for name, value in tags.items():
        exif[ExifTags.Base[name]] = value
    return exif


def phone_photo(orientation: int) -> bytes:
    """A portrait picture stored sideways with an EXIF orientation, as phones write them."""
    stored = upright_portrait().transpose(STORE_FOR_ORIENTATION[orientation])
    return encode(stored, exif=exif_with(Orientation=orientation).tobytes(), quality=95)


def gps_exif() -> Image.Exif:
    """EXIF with a GPS position in its GPSInfo IFD and a camera model."""
    exif = exif_with(Make="Phone", Model="X1")
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (57.0, 42.0, 32.04),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: (11.0, 58.0, 28.56),
        }
    )
    return exif


def is_red(pixel: tuple[int, ...]) -> bool:
    """True for the marker colour, allowing for JPEG and resampling drift."""
    return pixel[0] > 180 and pixel[1] < 90 and pixel[2] < 90


# --- orientation (FAULTS 32) -------------------------------------------------------------


@pytest.mark.parametrize("orientation", [6, 8])
def test_inspect_reports_upright_size_of_phone_photo(orientation: int) -> None:
    info = inspect_photo(phone_photo(orientation), "phone.jpg")
    assert (info.width, info.height, info.orientation) == (120, 200, orientation)
    assert info.warnings == []


@pytest.mark.parametrize("orientation", [6, 8])
def test_fault_32_web_rendition_is_upright(orientation: int) -> None:
    rendition = web_rendition(phone_photo(orientation))
    image = open_image(rendition.data)
    assert (rendition.width, rendition.height) == image.size == (120, 200)
    assert is_red(pixel(image, (5, 5)))
    assert not is_red(pixel(image, (114, 5)))
    assert not is_red(pixel(image, (5, 194)))


@pytest.mark.parametrize("orientation", [6, 8])
def test_thumbnail_is_upright(orientation: int) -> None:
    image = open_image(thumbnail(phone_photo(orientation), size=100))
    assert image.format == "JPEG"
    assert image.size == (60, 100)
    assert is_red(pixel(image, (3, 3)))
    assert not is_red(pixel(image, (56, 3)))
    assert not is_red(pixel(image, (3, 96)))


# --- metadata stripping (FAULTS 30) ------------------------------------------------------


def photo_with_metadata(fmt: str) -> bytes:
    """A photo carrying GPS in EXIF and in XMP, plus an ICC profile (and a JPEG comment)."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    options: dict[str, object] = {"exif": gps_exif().tobytes(), "icc_profile": icc}
    if fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
        text.add_text("Comment", "taken at the sprint venue")
        options["pnginfo"] = text
    else:
        options["xmp"] = XMP_PACKET
    if fmt == "JPEG":
        options["comment"] = b"taken at the sprint venue"
    data = encode(gradient(640, 480), fmt, **options)
    assert b"exif:GPSLatitude" in data and LATITUDE_TEXT in data, "the input must carry XMP GPS"
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return data


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_fault_30_web_rendition_strips_gps_xmp_icc_and_comments(fmt: str) -> None:
    rendition = web_rendition(photo_with_metadata(fmt))
    assert rendition.mime == "image/jpeg" and rendition.extension == "jpg"
    assert_no_metadata(rendition.data)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_thumbnail_strips_gps_xmp_icc_and_comments(fmt: str) -> None:
    assert_no_metadata(thumbnail(photo_with_metadata(fmt)))


def test_web_rendition_is_never_the_original_bytes() -> None:
    original = encode(gradient(200, 100), quality=85)
    rendition = web_rendition(original)
    assert rendition.data != original
    assert (rendition.width, rendition.height) == (200, 100)


def test_transparent_png_stays_png_with_alpha_and_without_text() -> None:
    image = Image.new("RGBA", (300, 200), (*BLUE, 255))
    image.paste((0, 0, 0, 0), (0, 0, 100, 100))
    text = PngImagePlugin.PngInfo()
    text.add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
    rendition = web_rendition(encode(image, "PNG", pnginfo=text, exif=gps_exif().tobytes()))
    assert (rendition.mime, rendition.extension) == ("image/png", "png")
    result = open_image(rendition.data)
    assert result.mode == "RGBA" and pixel(result, (10, 10))[3] == 0
    assert_no_metadata(rendition.data)


def test_opaque_rgba_png_becomes_jpeg() -> None:
    rendition = web_rendition(encode(gradient(300, 200).convert("RGBA"), "PNG"))
    assert rendition.mime == "image/jpeg"


# --- decompression bombs (FAULTS 26) -----------------------------------------------------


@pytest.mark.parametrize("size", [(150, 100), (300, 300)], ids=["over-limit", "over-twice-limit"])
def test_fault_26_decompression_bomb_is_refused(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    data = encode(Image.new("RGB", size), "PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    for convert in (
        lambda: inspect_photo(data, "bomb.png"),
        lambda: web_rendition(data),
        lambda: thumbnail(data),
    ):
        with pytest.raises(PhotoTooLargeError, match="too large"):
            convert()
    with pytest.raises(PhotoTooLargeError, match=r"bomb\.png: photo too large: "):
        inspect_photo(data, "bomb.png")


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: the classic decompression-bomb shape."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def test_huge_declared_size_is_refused_without_allocating() -> None:
    data = png_header_only(100_000, 100_000)  # 30 GB of pixels if it were ever decoded
    in_use = restart_peak()  # the worker's earlier peak would hide any growth
    with pytest.raises(
        PhotoTooLargeError, match=r"photo too large: 10000 megapixels \(the limit is 89\)"
    ):
        inspect_photo(data, "bomb.png")
    with pytest.raises(PhotoTooLargeError):
        web_rendition(data)
    assert own_peak_kib() - in_use < 100 * 1024


# --- incomplete, not an image, unsupported (FAULTS 27, 28) -------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_fault_27_truncated_photo_is_incomplete(fmt: str) -> None:
    data = encode(noise(400, 300), fmt)
    cut = data[: len(data) * 6 // 10]
    for convert in (
        lambda: inspect_photo(cut, "cut.img"),
        lambda: web_rendition(cut),
        lambda: thumbnail(cut),
    ):
        with pytest.raises(PhotoIncompleteError, match="incomplete"):
            convert()


def test_jpeg_cut_inside_its_header_is_incomplete() -> None:
    data = encode(gradient(100, 100), exif=gps_exif().tobytes())
    with pytest.raises(PhotoIncompleteError, match=r"cut\.jpg: photo file is incomplete"):
        inspect_photo(data[:60], "cut.jpg")


def test_photos_module_never_allows_half_loaded_images() -> None:
    assert photos.SUPPORTED_FORMATS == ("JPEG", "PNG", "WEBP", "GIF")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("noise.jpg", random.Random(7).randbytes(4096)),
        ("notes.txt", "Sprint notes: the JIT is 5× faster\n".encode() * 20),
        ("empty.jpg", b""),
    ],
)
def test_fault_28_not_an_image_names_the_file(name: str, data: bytes) -> None:
    with pytest.raises(NotAnImageError, match=rf"{name}: not an image") as caught:
        inspect_photo(data, name)
    assert isinstance(caught.value, PhotoError)
    with pytest.raises(NotAnImageError, match=name):
        web_rendition(data, name=name)


@pytest.mark.parametrize("fmt", ["BMP", "TIFF"])
def test_fault_28_supported_by_pillow_but_not_allowed_format_is_unsupported(fmt: str) -> None:
    data = encode(gradient(50, 40), fmt)
    with pytest.raises(UnsupportedPhotoError, match=rf"scan\.bin: {fmt} images are not supported"):
        inspect_photo(data, "scan.bin")
    with pytest.raises(UnsupportedPhotoError):
        thumbnail(data)


def test_heic_is_named_as_unsupported() -> None:
    data = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    with pytest.raises(UnsupportedPhotoError, match=r"IMG_0001\.HEIC: HEIC/AVIF images"):
        inspect_photo(data, "IMG_0001.HEIC")


# --- file size checked before reading (FAULTS 31) ----------------------------------------


def test_fault_31_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space used

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened for reading")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(builtins, "open", no_reading)
    with pytest.raises(
        PhotoTooLargeError, match=r"huge\.jpg: photo file is too large \(200\.0 MB\)"
    ):
        read_photo_file(path)


def test_read_photo_file_reads_small_files_and_honours_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "small.jpg"
    path.write_bytes(b"x" * 1000)
    assert read_photo_file(path) == b"x" * 1000
    with pytest.raises(PhotoTooLargeError, match=r"small\.jpg"):
        read_photo_file(path, max_bytes=999)


def test_missing_file_is_a_photo_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match=r"gone\.jpg: cannot read"):
        read_photo_file(tmp_path / "gone.jpg")


# --- EXIF: malformed and dates (FAULTS 29) -----------------------------------------------


def corrupt_exif(data: bytes, how: str) -> bytes:
    """Damage the TIFF structure inside the APP1 segment, leaving the JPEG itself valid."""
    exif_at = data.index(b"Exif\x00\x00")
    start, (length,) = exif_at + 6, struct.unpack(">H", data[exif_at - 2 : exif_at])
    end = exif_at - 2 + length
    damaged = bytearray(data)
    if how == "byte-order":
        damaged[start : start + 2] = b"XX"
    else:
        damaged[start + 8 : end] = b"\xff" * (end - start - 8)
    return bytes(damaged)


@pytest.mark.parametrize("how", ["byte-order", "entries"])
def test_fault_29_malformed_exif_imports_with_a_warning(
    how: str, caplog: pytest.LogCaptureFixture
) -> None:
    data = corrupt_exif(phone_photo(6), how)
    with caplog.at_level(logging.WARNING, logger="sprintjournal.photos"):
        info = inspect_photo(data, "broken-exif.jpg")
    assert info.orientation == 1
    assert (info.width, info.height) == (200, 120)  # shown as stored
    assert info.warnings and all("EXIF" in warning for warning in info.warnings)
    assert "broken-exif.jpg" in caplog.text and "EXIF" in caplog.text
    assert open_image(web_rendition(data).data).size == (200, 120)


def test_invalid_orientation_value_defaults_with_warning() -> None:
    data = encode(gradient(80, 60), exif=exif_with(Orientation=42).tobytes())
    info = inspect_photo(data, "odd.jpg")
    assert info.orientation == 1 and (info.width, info.height) == (80, 60)
    assert any("orientation" in warning for warning in info.warnings)


def test_exif_date_original_is_taken() -> None:
    exif = exif_with(DateTime="2011:11:07 09:00:00")
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2011:11:06 15:30:00"
    info = inspect_photo(encode(gradient(80, 60), exif=exif.tobytes()), "cake.jpg")
    assert info.taken == datetime(2011, 11, 6, 15, 30)


def test_exif_datetime_is_the_fallback() -> None:
    data = encode(gradient(80, 60), exif=exif_with(DateTime="2019:02:04 10:11:12").tobytes())
    assert inspect_photo(data, "a.jpg").taken == datetime(2019, 2, 4, 10, 11, 12)


@pytest.mark.parametrize(
    ("value", "warned"), [("0000:00:00 00:00:00", False), ("2011:13:45 99:00:00", True)]
)
def test_unusable_exif_date_gives_no_date(value: str, warned: bool) -> None:
    info = inspect_photo(
        encode(gradient(80, 60), exif=exif_with(DateTime=value).tobytes()), "a.jpg"
    )
    assert info.taken is None
    assert bool(info.warnings) is warned


def test_photo_without_exif_has_no_date_and_no_warnings() -> None:
    info = inspect_photo(encode(gradient(80, 60)), "plain.jpg")
    assert (info.taken, info.orientation, info.warnings) == (None, 1, [])


# --- inspect_photo basics ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("GIF", "image/gif")],
)
def test_inspect_supported_formats(fmt: str, mime: str) -> None:
    data = encode(gradient(90, 70), fmt)
    info = inspect_photo(data, f"photo.{fmt.lower()}")
    assert isinstance(info, PhotoInfo)
    assert (info.format, info.mime, info.width, info.height) == (fmt, mime, 90, 70)
    assert len(info.sha256) == 64 and info.sha256 == hashlib.sha256(data).hexdigest()


# --- web rendition size and quality ------------------------------------------------------


def test_web_rendition_limits_long_edge_to_1600_by_default() -> None:
    rendition = web_rendition(encode(gradient(4000, 3000), quality=90))
    assert isinstance(rendition, Rendition)
    assert (rendition.width, rendition.height) == (1600, 1200)
    assert open_image(rendition.data).size == (1600, 1200)


def test_web_rendition_limits_portrait_long_edge() -> None:
    rendition = web_rendition(encode(gradient(1000, 2500)), long_edge=500)
    assert (rendition.width, rendition.height) == (200, 500)


def test_web_rendition_never_upscales() -> None:
    rendition = web_rendition(encode(gradient(800, 600)))
    assert (rendition.width, rendition.height) == (800, 600)


def test_jpeg_quality_changes_size() -> None:
    data = encode(noise(600, 400), "PNG")
    low, high = web_rendition(data, quality=30), web_rendition(data, quality=90)
    assert len(low.data) < len(high.data) * 0.7


def test_web_rendition_is_deterministic() -> None:
    data = phone_photo(6)
    assert web_rendition(data, 100, 70).data == web_rendition(data, 100, 70).data
    assert thumbnail(data) == thumbnail(data)


def test_bad_rendition_parameters_are_rejected() -> None:
    with pytest.raises(ValueError, match="quality"):
        web_rendition(encode(gradient(10, 10)), quality=0)


def test_sixteen_bit_greyscale_png_keeps_its_brightness() -> None:
    image = Image.new("I;16", (40, 30), 40000)
    result = open_image(web_rendition(encode(image, "PNG")).data)
    assert abs(pixel(result, (20, 15))[0] - 40000 // 256) <= 3


# --- the demo cake -----------------------------------------------------------------------


def test_cmyk_jpeg_becomes_rgb_jpeg() -> None:
    rendition = web_rendition(encode(Image.new("CMYK", (100, 80), (0, 255, 255, 0))))
    image = open_image(rendition.data)
    assert (rendition.mime, image.mode) == ("image/jpeg", "RGB")
    assert is_red(pixel(image, (50, 40)))


def test_transparent_gif_becomes_png_with_alpha() -> None:
    gif = Image.new("P", (50, 50), 1)
    gif.putpalette([0, 0, 0, *RED])
    gif.paste(0, (0, 0, 10, 10))
    rendition = web_rendition(encode(gif, "GIF", transparency=0))
    image = open_image(rendition.data)
    assert rendition.mime == "image/png"
    assert pixel(image, (2, 2))[3] == 0 and is_red(pixel(image, (30, 30)))
