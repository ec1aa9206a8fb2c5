"""Photos: decode safely, read what the journal needs, and make clean renditions for export.

Photos come from phones and cameras and leave the machine in a published blog report, so
this module is where untrusted image bytes are tamed: sizes are checked before memory is
spent (FAULTS 26, 31), half files are refused instead of shown half grey (27), only the
formats the report can show are decoded (28), a broken EXIF block never blocks an import
(29), and what is exported is always a fresh encoding of the pixels, upright (32) and
without any metadata such as GPS positions (30).
"""

import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, UnidentifiedImageError

from sprintjournal.errors import PhotoError
from sprintjournal.input_files import FileTooLargeError, NotARegularFileError, read_regular_file

logger = logging.getLogger(__name__)

SUPPORTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
_FORMAT_NAMES = "JPEG, PNG, WebP or GIF"
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"mif1", b"msf1", b"avif")
_THUMBNAIL_QUALITY = 80
_WIDE_GREY = ("I", "I;16", "I;16B", "I;16L", "I;16N")
_RESIZABLE_FIRST = ("L", "LA", "RGB", "RGBA", "CMYK", *_WIDE_GREY)
_EXIF_DATE_FORMAT = "%Y:%m:%d %H:%M:%S"
_LOAD_ERRORS = (OSError, SyntaxError, EOFError, ValueError)
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SWAPS_SIDES = frozenset({5, 6, 7, 8})


class PhotoTooLargeError(PhotoError):
    """The file or its pixel count is beyond what the app will hold in memory."""


class PhotoIncompleteError(PhotoError):
    """The file is recognisably an image but its data stops early or is damaged."""


class NotAnImageError(PhotoError):
    """The bytes are not an image at all (a text file, random data...)."""


class UnsupportedPhotoError(PhotoError):
    """An image in a format the report cannot show (BMP, TIFF, HEIC...)."""


@dataclass(frozen=True)
class PhotoInfo:
    """What the journal stores about a photo; width and height are as shown upright."""

    format: str
    width: int
    height: int
    orientation: int
    taken: datetime | None
    mime: str
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""


@dataclass(frozen=True)
class Rendition:
    """A freshly encoded image ready to be written into an export, free of metadata."""

    data: bytes
    mime: str
    width: int
    height: int
    extension: str


@dataclass(frozen=True)
class _ExifFacts:
    orientation: int
    taken: datetime | None
    warnings: list[str]


def read_photo_file(path: Path, max_bytes: int = 64 * 1024 * 1024) -> bytes:
    """Read a photo file, refusing huge files before a single byte is read into memory.

    A multi-hundred-MB file picked by mistake must not freeze the app (FAULTS 31); the read
    is also capped, in case the file grows between the size check and the read.
    """
    try:
        return read_regular_file(path, max_bytes, "photo")
    except FileTooLargeError as exc:
        size = path.stat().st_size
        raise _file_too_large(path, size, max_bytes) from exc
    except NotARegularFileError as exc:
        raise PhotoError(f"{path.name}: {str(exc).split(': ', 1)[1]}") from exc
    except OSError as exc:
        raise PhotoError(f"{path.name}: cannot read the photo ({exc.strerror or exc})") from exc


def _file_too_large(path: Path, size: int, max_bytes: int) -> PhotoTooLargeError:
    """Build the message for a file beyond the byte limit, in units people read."""
    return PhotoTooLargeError(
        f"{path.name}: photo file is too large ({_megabytes(size)} MB); the limit is "
        f"{_megabytes(max_bytes)} MB — export a smaller copy from your photo app"
    )


def _megabytes(size: int) -> str:
    """Format a byte count in MB with one decimal, the way file managers show it."""
    return f"{size / (1024 * 1024):.1f}"


def inspect_photo(data: bytes, name: str) -> PhotoInfo:
    """Check that `data` is a complete, supported photo and read the facts the journal keeps.

    The image is fully decoded once so that a truncated file is refused at import time
    rather than discovered later as a half-grey picture in a published report.
    """
    image, notes = _decode(data, name)
    facts = _exif_facts(image, notes)
    frames = getattr(image, "n_frames", 1)
    if frames > 1 and image.format != "MPO":  # an MPO's other frames are the camera's extras
        facts.warnings.append(
            f"animated ({frames} frames): reports show the first frame; the journal and its "
            "JSON export keep them all")
    for note in facts.warnings:
        logger.warning("%s: %s", name, note)
    width, height = image.size
    if facts.orientation in _SWAPS_SIDES:
        width, height = height, width
    # An MPO (a camera's multi-picture JPEG) is a JPEG whose first image is the photo.
    fmt = "JPEG" if image.format == "MPO" else str(image.format)
    return PhotoInfo(
        format=fmt,
        width=width,
        height=height,
        orientation=facts.orientation,
        taken=facts.taken,
        mime=_MIME[fmt],
        warnings=facts.warnings,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _decode(data: bytes, name: str, long_edge: int | None = None) -> tuple[Image.Image, list[str]]:
    """Open and fully load a supported image; also return warnings Pillow gave on the way.

    Pillow's bomb *warning* is promoted to an error so that no image above the pixel limit
    is ever decoded; other warnings (such as corrupt EXIF seen while opening) become notes
    instead of noise on stderr. `long_edge` lets JPEG decode at reduced scale to save memory.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(data, name)
        if long_edge is not None:
            image.draft(None, _fitted_size(image.size, long_edge))
        try:
            image.load()
        except _LOAD_ERRORS as exc:
            raise _incomplete_error(name) from exc
    return image, [f"damaged metadata ignored: {str(w.message).strip()}" for w in caught]


def _open(data: bytes, name: str) -> Image.Image:
    """Read the header, restricted to the supported formats, mapping failures to PhotoErrors."""
    try:
        image = Image.open(io.BytesIO(data), formats=list(SUPPORTED_FORMATS))
        _check_pixel_count(image.size)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb_error(name, str(exc)) from exc
    except UnidentifiedImageError as exc:
        raise _unidentified_error(data, name) from exc
    except _LOAD_ERRORS as exc:
        raise _incomplete_error(name) from exc
    return image


def _check_pixel_count(size: tuple[int, int]) -> None:
    """Re-check the pixel limit ourselves: warning filters are process-wide and not thread-safe."""
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and size[0] * size[1] > limit:
        raise Image.DecompressionBombError(f"Image size ({size[0] * size[1]} pixels) too big")


def _bomb_error(name: str, message: str) -> PhotoTooLargeError:
    """Say how big the picture is, taken from Pillow's message, so the user can shrink it."""
    match = re.search(r"\((\d+) pixels\)", message)
    size = f": {int(match.group(1)) / 1_000_000:.0f} megapixels" if match else ""
    limit = f" (the limit is {(Image.MAX_IMAGE_PIXELS or 0) / 1_000_000:.0f})"
    return PhotoTooLargeError(
        f"{name}: photo too large{size}{limit}; export a smaller copy from your photo app"
    )


def _incomplete_error(name: str) -> PhotoIncompleteError:
    """The message for a file that stops early: usually an interrupted copy or download."""
    return PhotoIncompleteError(
        f"{name}: photo file is incomplete or damaged; copy it again from the camera or phone"
    )


def _unidentified_error(data: bytes, name: str) -> PhotoError:
    """Tell apart a damaged supported file, another image format, and something else."""
    if data.startswith(_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return _incomplete_error(name)
    other = _other_image_format(data)
    if other:
        return UnsupportedPhotoError(
            f"{name}: {other} images are not supported; save it as {_FORMAT_NAMES} first"
        )
    return NotAnImageError(f"{name}: not an image; choose a {_FORMAT_NAMES} photo")


def _other_image_format(data: bytes) -> str | None:
    """Name the format of an image Pillow knows but we do not accept (or HEIC/AVIF)."""
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "HEIC/AVIF"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(io.BytesIO(data)) as image:
                return str(image.format)
        except (*_LOAD_ERRORS, Image.DecompressionBombError):
            return None


def _exif_facts(image: Image.Image, notes: list[str]) -> _ExifFacts:
    """Read orientation and capture date, never failing: bad EXIF only yields warnings.

    Camera EXIF is often broken by editing tools; the photo is still worth importing, so
    problems become warnings (kept with the photo) and orientation falls back to 1.
    `notes` holds warnings already seen while decoding; it is extended and returned.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exif = image.getexif()
            raw_orientation = exif.get(ExifTags.Base.Orientation, 1)
            sub_ifd = exif.get_ifd(ExifTags.IFD.Exif)
            raw_date = sub_ifd.get(ExifTags.Base.DateTimeOriginal) or exif.get(
                ExifTags.Base.DateTime
            )
        except Exception as exc:  # Pillow's EXIF parser raises many types on bad input.
            exif, raw_orientation, raw_date = Image.Exif(), 1, None
            notes.append(f"EXIF data is unreadable ({type(exc).__name__}); ignored")
    notes.extend(f"EXIF data is damaged: {str(w.message).strip()}" for w in caught)
    if not exif and len(image.info.get("exif", b"")) > 8 and not notes:
        notes.append("EXIF data is damaged and was ignored")
    orientation = _valid_orientation(raw_orientation, notes)
    return _ExifFacts(orientation, _parse_exif_date(raw_date, notes), notes)


def _valid_orientation(value: object, notes: list[str]) -> int:
    """Accept orientations 1-8 only; anything else is shown as stored, with a warning."""
    if isinstance(value, int) and 1 <= value <= 8:
        return value
    notes.append(f"EXIF orientation {value!r} is not valid; the photo is shown as stored")
    return 1


def _parse_exif_date(value: object, notes: list[str]) -> datetime | None:
    """Parse an EXIF 'YYYY:MM:DD HH:MM:SS' (camera local time, so naive); blanks mean unknown."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str) or not value.strip("\x00 :0"):
        return None
    text = value.strip("\x00 ")
    try:
        return datetime.strptime(text[:19], _EXIF_DATE_FORMAT)
    except ValueError:
        notes.append(f"EXIF date {text!r} is not valid; the photo has no date")
        return None


def thumbnail(data: bytes, size: int = 256, *, name: str = "photo") -> bytes:
    """A small upright preview for the journal's photo strip (JPEG, or PNG if transparent)."""
    return _render(data, size, _THUMBNAIL_QUALITY, name).data


def prepare(data: bytes, filename: str) -> tuple[PhotoInfo, bytes]:
    """The slow, session-free part of adding a photo (decode, check, thumbnail): callable from
    a worker thread or a helper process, which need not load the journal for it."""
    return inspect_photo(data, filename), thumbnail(data)


def web_rendition(
    data: bytes, long_edge: int = 1600, quality: int = 85, *, name: str = "photo"
) -> Rendition:
    """The copy of a photo that goes into a published report: upright, bounded, metadata-free.

    It is always a new encoding built from pixels only, never the original bytes, so GPS
    positions, XMP, comments and camera serials cannot leak (FAULTS 30). Same input and
    parameters give the same bytes, so exports are reproducible.
    """
    return _render(data, long_edge, quality, name)


def _render(data: bytes, long_edge: int, quality: int, name: str) -> Rendition:
    """Decode, turn upright, shrink, convert to sRGB and encode a metadata-free copy."""
    if long_edge < 1 or not 1 <= quality <= 95:
        raise ValueError("long_edge must be >= 1 and quality between 1 and 95")
    image, notes = _decode(data, name, long_edge)
    orientation = _exif_facts(image, notes).orientation
    # Shrink before the colour conversion: a huge picture is never copied at full size as
    # RGB (FAULTS 51). Palette images are converted first, as resizing them would not blend.
    if image.mode in _RESIZABLE_FIRST:
        image = _fit(_to_8bit(image) if image.mode in _WIDE_GREY else image, long_edge)
    pixels = _to_srgb(image, name)
    if orientation in _UPRIGHT:
        pixels = pixels.transpose(_UPRIGHT[orientation])
    return _encode(_fresh(_fit(pixels, long_edge)), quality)


def _fitted_size(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    """The size with its long edge limited to `long_edge`, keeping proportions, never larger."""
    width, height = size
    scale = min(1.0, long_edge / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _fit(image: Image.Image, long_edge: int) -> Image.Image:
    """Shrink so the long edge fits; small photos are never upscaled (that only adds blur)."""
    target = _fitted_size(image.size, long_edge)
    if target == image.size:
        return image
    return image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _to_srgb(image: Image.Image, name: str) -> Image.Image:
    """Convert to 8-bit RGB, or RGBA when transparency is really used, in the sRGB space.

    Browsers assume sRGB for untagged images; converting through the embedded ICC profile
    keeps colours right even though the profile itself is not exported.
    """
    if image.mode in _WIDE_GREY:
        image = _to_8bit(image)
    alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    mode = "RGBA" if alpha and _uses_alpha(image) else "RGB"
    profile = image.info.get("icc_profile")
    profiled = image.mode == "RGBA" or (image.mode in ("RGB", "CMYK", "L") and mode == "RGB")
    if profile and profiled:
        converted = _convert_with_profile(image, profile, mode, name)
        if converted is not None:
            return converted
    return image.convert(mode)


def _to_8bit(image: Image.Image, rows: int = 256) -> Image.Image:
    """16/32-bit grey to 8-bit, a band of rows at a time: converting the whole of a 9400x9500
    16-bit picture at once held three full copies (1.1 GB); bands keep one (FAULTS 51)."""
    out = Image.new("L", image.size)
    for top in range(0, image.height, rows):
        band = image.crop((0, top, image.width, min(image.height, top + rows)))
        out.paste(band.convert("I").point(lambda value: value / 256).convert("L"), (0, top))
    return out


def _uses_alpha(image: Image.Image) -> bool:
    """True when some pixel is not fully opaque, so a JPEG would lose something visible."""
    low = image.convert("RGBA").getchannel("A").getextrema()[0]
    return isinstance(low, int | float) and low < 255


def _convert_with_profile(
    image: Image.Image, profile: bytes, mode: str, name: str
) -> Image.Image | None:
    """Apply the photo's ICC profile to reach sRGB; None (and a log line) if it is unusable."""
    source = image.convert("RGB") if image.mode == "RGBA" and mode == "RGB" else image
    try:
        return ImageCms.profileToProfile(
            source,
            ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
        logger.warning("%s: colour profile ignored (%s)", name, exc)
        return None


def _fresh(image: Image.Image) -> Image.Image:
    """The pixels alone: no info dict, so no EXIF, XMP, ICC or comments for the encoder to
    copy. `image` is always one `_render` made (converted, turned or shrunk from the decoded
    photo, never the decoded file), so its metadata is dropped in place: copying the pixels
    into a new image (tobytes, frombytes: 6 MB twice) cost 5 ms of each exported photo."""
    image.info = {}
    return image


def _encode(image: Image.Image, quality: int) -> Rendition:
    """Encode as PNG if it has alpha, else JPEG, with fixed options so output is repeatable."""
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, "PNG", optimize=False, compress_level=6)
        mime, extension = "image/png", "png"
    else:
        image.save(buffer, "JPEG", quality=quality, optimize=True)
        mime, extension = "image/jpeg", "jpg"
    return Rendition(buffer.getvalue(), mime, image.width, image.height, extension)
