"""Remove location metadata from a photo file without touching its pixels.

The JSON export carries photos as files so another journal can import them whole; it must not
carry where they were taken (FAULTS 30, 43: no GPS in any exported file). Re-encoding would lose
quality on every round trip, so files are rebuilt at the container level instead, keeping only
what is known to be harmless: an allowlist, never a list of what to remove, because location
hides in many places (EXIF after fill bytes, XMP, PNG text chunks such as ImageMagick's "Raw
profile type exif", Photoshop/IPTC blocks, comments, a second image or a video appended after
the JPEG's end as MPO files and motion photos carry).

- JPEG (and MPO): the first image only, up to its end marker; JFIF, ICC, Adobe and the coding
  tables kept; EXIF rebuilt from scratch with orientation, dates and camera names only.
- PNG: image, colour and animation chunks; EXIF rebuilt likewise; no text chunk.
- WebP: image, alpha, animation and ICC chunks (every frame kept); EXIF rebuilt; no XMP.
- GIF, or a file whose container cannot be followed: re-encoded from its pixels (lossless for
  GIF and PNG/WebP, all frames kept), which carries no metadata at all.
"""

import io
import struct
import zlib
from collections.abc import Iterator

from PIL import Image, ImageSequence

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
_EXIF_HEADER = b"Exif\x00\x00"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Kept from IFD0: Make, Model, Orientation, Software, DateTime; from the EXIF IFD: the dates.
_IFD0_KEEP = (0x010F, 0x0110, 0x0112, 0x0131, 0x0132)
_EXIF_IFD_KEEP = (0x9003, 0x9004, 0x9010, 0x9011, 0x9012)
_JPEG_TABLES = {0xC4, 0xCC, 0xDB, 0xDD, 0xDC}
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_APP_KEEP = {0xE0: (b"JFIF\x00",), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
             b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT", b"cICP"}
_WEBP_KEEP = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_WEBP_EXIF_FLAG, _WEBP_XMP_FLAG = 0x08, 0x04


class _DamagedError(ValueError):
    """A container this module cannot follow to the end: the pixels are re-encoded instead."""


def strip_location(data: bytes) -> bytes:
    """The same photo with only allowlisted metadata; never the original bytes."""
    try:
        if data.startswith(b"\xff\xd8"):
            return _strip_jpeg(data)
        if data.startswith(_PNG_SIGNATURE):
            return _strip_png(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _strip_webp(data)
    except (_DamagedError, struct.error, IndexError):
        pass
    return pixels_only(data)


def safe_exif(tiff: bytes) -> bytes | None:
    """A new EXIF block (TIFF bytes) with orientation, dates and camera names; None if none.

    Built from scratch, so GPS, maker notes, thumbnails (which carry their own EXIF) and
    anything unknown are left behind; a block Pillow cannot parse yields None.
    """
    try:
        source = Image.Exif()
        source.load(_EXIF_HEADER + tiff if not tiff.startswith(_EXIF_HEADER) else tiff)
        fresh = Image.Exif()
        for tag in _IFD0_KEEP:
            if _plain(source.get(tag)):
                fresh[tag] = source[tag]
        dates = {t: v for t, v in source.get_ifd(EXIF_IFD).items()
                 if t in _EXIF_IFD_KEEP and _plain(v)}
        if dates:
            fresh[EXIF_IFD] = dates
        if not len(fresh):
            return None
        rebuilt = fresh.tobytes()
    except Exception:  # damaged EXIF comes in endless shapes; none of it is kept
        return None
    return rebuilt[len(_EXIF_HEADER):] if rebuilt.startswith(_EXIF_HEADER) else rebuilt


def _plain(value: object) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and len(value) < 256)


# --- JPEG -----------------------------------------------------------------------------------
def _jpeg_markers(data: bytes) -> Iterator[tuple[int, bytes, bytes]]:
    """(marker, payload, entropy-coded data after it) up to the first end-of-image marker.

    Fill bytes (any number of 0xFF before a marker) are skipped; everything after the end
    marker (a second MPO frame, a motion photo's video) is never read.
    """
    i = 2
    while True:
        if data[i] != 0xFF:
            raise _DamagedError("expected a marker")
        while data[i] == 0xFF:
            i += 1
        marker = data[i]
        i += 1
        if marker == 0xD9:
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            yield marker, b"", b""
            continue
        (length,) = struct.unpack(">H", data[i : i + 2])
        if length < 2 or i + length > len(data):
            raise _DamagedError("segment runs past the end")
        payload, i = data[i + 2 : i + length], i + length
        scan_end = _scan_end(data, i) if marker == 0xDA else i
        yield marker, payload, data[i:scan_end]
        i = scan_end


def _scan_end(data: bytes, i: int) -> int:
    """Where entropy-coded data stops: the first 0xFF not followed by 0x00 or a restart."""
    while True:
        i = data.find(b"\xff", i)
        if i < 0 or i + 1 >= len(data):
            raise _DamagedError("scan without an end")
        follower = data[i + 1]
        if follower == 0x00 or 0xD0 <= follower <= 0xD7:
            i += 2
            continue
        return i


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(b"\xff\xd8")
    for marker, payload, scan in _jpeg_markers(data):
        if not payload and not scan and (0xD0 <= marker <= 0xD7 or marker == 0x01):
            out += bytes([0xFF, marker])
            continue
        if marker == 0xE1 and payload.startswith(_EXIF_HEADER):
            tiff = safe_exif(payload[len(_EXIF_HEADER):])
            if tiff is None:
                continue
            payload = _EXIF_HEADER + tiff
        elif not (marker in _JPEG_TABLES or marker in _JPEG_FRAMES or marker == 0xDA
                  or payload.startswith(_JPEG_APP_KEEP.get(marker, (b"\x00never",)))):
            continue
        out += b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload + scan
    return bytes(out + b"\xff\xd9")


# --- PNG ------------------------------------------------------------------------------------
def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    i = len(_PNG_SIGNATURE)
    while True:
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        if i + 12 + length > len(data):
            raise _DamagedError("chunk runs past the end")
        yield kind, data[i + 8 : i + 8 + length]
        if kind == b"IEND":
            return
        i += 12 + length


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _strip_png(data: bytes) -> bytes:
    out = bytearray(_PNG_SIGNATURE)
    for kind, body in _png_chunks(data):
        if kind == b"eXIf":
            tiff = safe_exif(body)
            if tiff is not None:
                out += _png_chunk(kind, tiff)
        elif kind in _PNG_KEEP:
            out += _png_chunk(kind, body)
    return bytes(out)


# --- WebP -----------------------------------------------------------------------------------
def _webp_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    end, i = min(len(data), 8 + riff_size), 12
    while i + 8 <= end:
        kind, (length,) = data[i : i + 4], struct.unpack("<I", data[i + 4 : i + 8])
        if i + 8 + length > end:
            raise _DamagedError("chunk runs past the end")
        yield kind, data[i + 8 : i + 8 + length]
        i += 8 + length + (length & 1)


def _strip_webp(data: bytes) -> bytes:
    chunks: list[tuple[bytes, bytes]] = []
    has_exif = False
    for kind, body in _webp_chunks(data):
        if kind == b"EXIF":
            tiff = safe_exif(body)
            if tiff is not None:
                chunks.append((kind, tiff))
                has_exif = True
        elif kind in _WEBP_KEEP:
            chunks.append((kind, body))
    out = bytearray()
    for kind, body in chunks:
        if kind == b"VP8X":
            flags = (body[0] & ~(_WEBP_EXIF_FLAG | _WEBP_XMP_FLAG)) | (
                _WEBP_EXIF_FLAG if has_exif else 0)
            body = bytes([flags]) + body[1:]
        out += kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")
    return b"RIFF" + struct.pack("<I", len(out) + 4) + b"WEBP" + bytes(out)


# --- anything else --------------------------------------------------------------------------
def pixels_only(data: bytes) -> bytes:
    """Every frame re-encoded from its pixels, with no metadata (lossless but for JPEG)."""
    with Image.open(io.BytesIO(data)) as image:
        fmt = image.format if image.format in ("GIF", "PNG", "WEBP") else "JPEG"
        frames = [_bare(frame) for frame in ImageSequence.Iterator(image)]
        options: dict[str, object] = {"lossless": True, "exact": True} if fmt == "WEBP" else {}
        if fmt == "JPEG":
            frames = frames[:1]
            options = {"quality": 95}
        if len(frames) > 1:
            options.update(save_all=True, append_images=frames[1:],
                           duration=image.info.get("duration", 100), loop=image.info.get("loop", 0))
        buffer = io.BytesIO()
        frames[0].save(buffer, fmt, **options)
        return buffer.getvalue()


def _bare(frame: Image.Image) -> Image.Image:
    """The frame's pixels (and palette) alone: no info dict, so no comment, EXIF or XMP."""
    if frame.mode == "P":
        bare = frame.copy()
        bare.info = {k: v for k, v in frame.info.items() if k in ("transparency",)}
        return bare
    mode = frame.mode if frame.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
    converted = frame.convert(mode)
    return Image.frombytes(converted.mode, converted.size, converted.tobytes())
