"""Checks on encoded photos shared by the photo tests and the demo cake's: decode, read a
pixel, prove that no metadata survived."""

import io

from PIL import ExifTags, Image

LATITUDE_TEXT = b"57,42.534N"  # the GPS latitude as XMP writes it


def pixel(image: Image.Image, xy: tuple[int, int]) -> tuple[int, ...]:
    """One multi-band pixel, typed as a tuple."""
    value = image.getpixel(xy)
    assert isinstance(value, tuple)
    return value


def open_image(data: bytes) -> Image.Image:
    """Decode output bytes for checking (and fail loudly if they are not an image)."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def assert_no_metadata(data: bytes) -> None:
    """Reopen output and check that no metadata of any kind survived."""
    image = open_image(data)
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert len(image.getexif()) == 0
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "Comment"):
        assert key not in image.info
    for needle in (b"GPS", b"exif:GPSLatitude", LATITUDE_TEXT, b"57.7089", b"Exif", b"sprint"):
        assert needle not in data
