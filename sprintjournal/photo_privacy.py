"""Remove location metadata from a photo file without touching its pixels.

The JSON export carries photos as files so another journal can import them whole; it must not
carry where they were taken (FAULTS 30: no GPS in any exported file). Re-encoding would lose
quality on every round trip, so JPEG and PNG files are edited at the container level instead:
the EXIF block is rewritten without its GPS directory (orientation, date and camera stay) and
XMP packets, which may repeat the location, are dropped. Other formats are re-encoded
losslessly when they carry metadata at all.
"""

import io
import struct
import zlib

from PIL import Image

GPS_IFD = 0x8825
_EXIF_HEADER = b"Exif\x00\x00"
_XMP_HEADERS = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_XMP_KEY = b"XML:com.adobe.xmp\x00"


def strip_location(data: bytes) -> bytes:
    """The same photo without GPS/XMP; unchanged bytes when there was nothing to remove."""
    if data.startswith(b"\xff\xd8"):
        return _strip_jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return _strip_png(data)
    return _reencode_if_tagged(data)


def _exif_without_gps(tiff: bytes) -> bytes | None:
    """TIFF-structured EXIF bytes with the GPS directory removed (None: drop the block)."""
    exif = Image.Exif()
    try:
        exif.load(_EXIF_HEADER + tiff)
        exif.pop(GPS_IFD, None)
        rebuilt = exif.tobytes()
    except Exception:  # a block Pillow cannot parse cannot be vouched for: drop it
        return None
    return rebuilt[len(_EXIF_HEADER) :] if rebuilt.startswith(_EXIF_HEADER) else rebuilt


def _jpeg_segments(data: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """(marker, payload) of every header segment, and the rest from the scan onwards."""
    segments: list[tuple[int, bytes]] = []
    i = 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker in (0xDA, 0xD9):
            break
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        segments.append((marker, data[i + 4 : i + 2 + length]))
        i += 2 + length
    return segments, data[i:]


def _strip_jpeg(data: bytes) -> bytes:
    segments, rest = _jpeg_segments(data)
    out, changed = bytearray(b"\xff\xd8"), False
    for marker, payload in segments:
        if marker == 0xE1 and payload.startswith(_XMP_HEADERS):
            changed = True
            continue
        if marker == 0xE1 and payload.startswith(_EXIF_HEADER):
            tiff = _exif_without_gps(payload[len(_EXIF_HEADER) :])
            changed = True
            if tiff is None:
                continue
            payload = _EXIF_HEADER + tiff
        out += b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload
    return bytes(out + rest) if changed else data


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, i = [], len(_PNG_SIGNATURE)
    while i + 8 <= len(data):
        length = struct.unpack(">I", data[i : i + 4])[0]
        kind = data[i + 4 : i + 8]
        chunks.append((kind, data[i + 8 : i + 8 + length]))
        i += 12 + length
    return chunks


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _strip_png(data: bytes) -> bytes:
    out, changed = bytearray(_PNG_SIGNATURE), False
    for kind, body in _png_chunks(data):
        if kind in (b"iTXt", b"tEXt", b"zTXt") and body.startswith(_PNG_XMP_KEY):
            changed = True
            continue
        if kind == b"eXIf":
            changed = True
            tiff = _exif_without_gps(body)
            if tiff is None:
                continue
            body = tiff
        out += _png_chunk(kind, body)
    return bytes(out) if changed else data


def _reencode_if_tagged(data: bytes) -> bytes:
    """WebP and GIF: rare in sprint photos; lossless re-encode only when metadata is present."""
    with Image.open(io.BytesIO(data)) as image:
        if not (image.info.get("exif") or image.info.get("xmp")):
            return data
        exif = image.getexif()
        exif.pop(GPS_IFD, None)
        buffer = io.BytesIO()
        fmt = image.format or "PNG"
        options: dict[str, object] = {"lossless": True, "exact": True} if fmt == "WEBP" else {}
        image.save(buffer, fmt, exif=exif, **options)
        return buffer.getvalue()
