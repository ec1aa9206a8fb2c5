"""The demo's sprint-cake photo, drawn with Pillow: a real JPEG that exercises the tricky paths.

Its pixels are stored turned 90° with EXIF orientation 6 (as phones do) and it carries a date,
a camera and a GPS position, so the demo, the fixtures and the tests see upright display and
location stripping on a photo nobody had to take.
"""

import io
import random

from PIL import ExifTags, Image, ImageDraw, ImageFont

_CAKE_DATE = "2011:11:06 15:30:00"
_GOTHENBURG = (57.7089, 11.9746)
_Box = tuple[float, float, float, float]


def make_demo_cake(width: int = 1600, height: int = 1200) -> bytes:
    """A generated sprint-cake photo for demos, built to exercise the tricky paths.

    Its pixels are stored turned 90° (EXIF orientation 6, as phones do) and it carries a
    date, a camera and a GPS position, so a demo shows upright display and GPS stripping.
    """
    scene = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(scene)
    _draw_backdrop(draw, width, height)
    _draw_cake(draw, width, height)
    _draw_caption(draw, width, height)
    stored = scene.transpose(Image.Transpose.ROTATE_90)
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=90, exif=_demo_exif().tobytes())
    return buffer.getvalue()


def _draw_backdrop(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    """A warm gradient wall, confetti and a wooden table edge."""
    for y in range(height):
        t = y / height
        colour = (int(255 - 40 * t), int(236 - 60 * t), int(210 + 20 * t))
        draw.line([(0, y), (width, y)], fill=colour)
    rng = random.Random(5)
    palette = [(255, 99, 132), (54, 162, 235), (255, 206, 86), (75, 192, 192), (153, 102, 255)]
    for _ in range(90):
        x, y0, r = rng.uniform(0, width), rng.uniform(0, height * 0.7), rng.uniform(4, 10)
        draw.ellipse((x - r, y0 - r, x + r, y0 + r), fill=rng.choice(palette))
    draw.rectangle((0, height * 0.82, width, height), fill=(150, 98, 60))
    draw.line([(0, height * 0.82), (width, height * 0.82)], fill=(110, 70, 40), width=6)


def _draw_cake(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    """Plate, two tiers with icing drips, and five candles (one per 'times faster')."""
    cx, w, h = width / 2, width, height
    draw.ellipse((cx - 0.33 * w, 0.79 * h, cx + 0.33 * w, 0.91 * h), fill=(200, 200, 210))
    draw.ellipse((cx - 0.31 * w, 0.795 * h, cx + 0.31 * w, 0.895 * h), fill=(250, 250, 252))
    _draw_tier(draw, (cx - 0.25 * w, 0.62 * h, cx + 0.25 * w, 0.85 * h), (122, 72, 45))
    _draw_tier(draw, (cx - 0.17 * w, 0.47 * h, cx + 0.17 * w, 0.66 * h), (240, 128, 170))
    for i in range(5):
        x = cx + (i - 2) * 0.06 * w
        _draw_candle(draw, x, 0.49 * h, w, h, i)


def _draw_tier(draw: ImageDraw.ImageDraw, box: _Box, colour: tuple[int, int, int]) -> None:
    """One cylindrical tier: body, darker bottom rim, cream top and drips."""
    left, top, right, bottom = box
    rim = (right - left) * 0.12
    shade = tuple(int(c * 0.8) for c in colour)
    draw.ellipse((left, bottom - rim, right, bottom + rim), fill=shade)
    draw.rectangle((left, top, right, bottom), fill=colour)
    cream = (255, 248, 235)
    draw.ellipse((left, top - rim, right, top + rim), fill=cream)
    step = (right - left) / 10
    for i in range(10):
        x = left + step * (i + 0.5)
        depth = rim * (1.4 if i % 2 else 0.9)
        draw.ellipse((x - step / 2, top, x + step / 2, top + depth), fill=cream)
    dots = [(255, 206, 86), (54, 162, 235), (75, 192, 192)]
    for i in range(8):
        x, y = left + step * (1 + i * 1.15), top + (bottom - top) * 0.8
        draw.ellipse((x - 7, y - 7, x + 7, y + 7), fill=dots[i % 3])


def _draw_candle(
    draw: ImageDraw.ImageDraw, x: float, base: float, w: float, h: float, index: int
) -> None:
    """A striped candle with a two-tone flame."""
    half, top = 0.008 * w, base - 0.12 * h
    colours = [(54, 162, 235), (255, 206, 86), (75, 192, 192), (153, 102, 255), (255, 99, 132)]
    draw.rectangle((x - half, top, x + half, base), fill=colours[index])
    for y in range(int(top) + 8, int(base), 18):
        draw.line([(x - half, y), (x + half, y - 8)], fill=(255, 255, 255), width=4)
    flame = 0.025 * h
    draw.ellipse((x - half * 1.3, top - flame * 2, x + half * 1.3, top), fill=(255, 170, 30))
    draw.ellipse((x - half * 0.6, top - flame * 1.3, x + half * 0.6, top - 2), fill=(255, 240, 150))


def _draw_caption(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    """The banner "5× faster than CPython" above the cake, and 'PyPy' piped onto it.

    Pillow's built-in font has no "×" glyph, so the sign is drawn as two strokes.
    """
    size = max(12, width // 17)
    font = ImageFont.load_default(size=size)
    head, tail, sign = "5", " faster than CPython", size * 0.55
    head_width = draw.textlength(head, font=font)
    total = head_width + sign + draw.textlength(tail, font=font)
    x, baseline, pad = (width - total) / 2, height * 0.1 + size, height * 0.03
    draw.rounded_rectangle(
        (x - pad, baseline - size * 0.75 - pad, x + total + pad, baseline + size * 0.22 + pad),
        radius=pad,
        fill=(255, 255, 255),
        outline=(240, 128, 170),
        width=6,
    )
    ink = (200, 40, 100)
    draw.text((x, baseline), head, font=font, fill=ink, anchor="ls")
    cx, cy, arm = x + head_width + sign / 2, baseline - size * 0.3, size * 0.17
    for dy in (arm, -arm):
        draw.line([(cx - arm, cy - dy), (cx + arm, cy + dy)], fill=ink, width=max(2, size // 12))
    draw.text((x + head_width + sign, baseline), tail, font=font, fill=ink, anchor="ls")
    small = ImageFont.load_default(size=max(10, width // 22))
    draw.text((width / 2, height * 0.745), "PyPy", font=small, fill=(255, 248, 235), anchor="mm")


def _demo_exif() -> Image.Exif:
    """EXIF like a phone writes: camera, date, orientation 6, and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SprintCam"
    exif[ExifTags.Base.Model] = "Demo 5x"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.DateTime] = _CAKE_DATE
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = _CAKE_DATE
    latitude, longitude = _GOTHENBURG
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {
            ExifTags.GPS.GPSVersionID: b"\x02\x03\x00\x00",
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: _degrees_minutes_seconds(latitude),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: _degrees_minutes_seconds(longitude),
        }
    )
    return exif


def _degrees_minutes_seconds(value: float) -> tuple[float, float, float]:
    """EXIF stores GPS angles as three rationals: degrees, minutes, seconds."""
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return float(degrees), float(minutes), seconds
