"""The demo's cake photo: drawn, not noise, and carrying the metadata a phone photo carries."""

import io
from datetime import datetime

from photo_checks import assert_no_metadata, open_image, pixel
from PIL import ExifTags, Image

from sprintjournal.demo_cake import make_demo_cake
from sprintjournal.photos import inspect_photo, web_rendition


def test_demo_cake_carries_gps_orientation_and_date() -> None:
    data = make_demo_cake()
    original = Image.open(io.BytesIO(data))
    exif = original.getexif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert original.size == (1200, 1600)  # stored sideways
    assert exif[ExifTags.Base.Orientation] == 6 and exif[ExifTags.Base.Make]
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N" and gps[ExifTags.GPS.GPSLongitudeRef] == "E"
    assert abs(float(gps[ExifTags.GPS.GPSLatitude][0]) - 57) < 1e-9
    info = inspect_photo(data, "cake.jpg")
    assert (info.width, info.height, info.orientation) == (1600, 1200, 6)
    assert info.taken == datetime(2011, 11, 6, 15, 30)


def test_demo_cake_rendition_is_upright_landscape_without_gps() -> None:
    rendition = web_rendition(make_demo_cake())
    assert (rendition.width, rendition.height) == (1600, 1200)
    assert_no_metadata(rendition.data)
    image = open_image(rendition.data).convert("RGB")
    table = pixel(image, (800, 1170))  # the wooden table is at the bottom when upright
    wall = pixel(image, (40, 600))
    assert table[0] > table[1] > table[2] and table[0] < 200
    assert min(wall) > 180


def test_demo_cake_is_a_picture_not_noise() -> None:
    data = make_demo_cake(400, 300)
    assert len(data) < 60_000  # flat cartoon colours compress well; noise would not
    assert len(open_image(data).getcolors(maxcolors=1_000_000) or []) > 50
