"""Export file names: slugs that are valid everywhere and can never leave the chosen folder.

Photo file names and report titles are user text (FAULTS 35): "../../x", "/etc/passwd",
"C:\\x", "CON.txt", "a/NUL", 300 characters, a trailing dot or space, or two photos both called
"IMG_0001.jpg" must each become one plain, unique name inside the export folder.
"""

import re
import unicodedata
from pathlib import Path, PurePosixPath

MAX_STEM = 60
_RESERVED = {"con", "prn", "aux", "nul", "clock$",
             *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


class UnsafePathError(ValueError):
    """A computed export path would land outside the chosen folder (a bug, never user error)."""


def slugify(text: str, fallback: str = "report", max_len: int = MAX_STEM) -> str:
    """Lower-case ASCII words joined by '-': 'Håkan Ardö!' -> 'hakan-ardo'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:max_len].rstrip("-")
    if not slug or slug.split("-")[0] in _RESERVED:
        slug = f"{fallback}-{slug}".rstrip("-") if slug else fallback
    return slug


def photo_filename(original: str, extension: str) -> str:
    """A safe name for a photo: the last component of `original`, slugified, new extension."""
    last = re.split(r"[\\/]", original)[-1]
    stem = last.rsplit(".", 1)[0] if "." in last.strip(".") else last
    return f"{slugify(stem, fallback='photo')}.{extension}"


class UniqueNames:
    """Hands out names unique within one folder, case-insensitively (Windows, macOS)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken = {t.casefold() for t in (taken or set())}

    def claim(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        candidate, n = name, 1
        while candidate.casefold() in self._taken:
            n += 1
            candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
        self._taken.add(candidate.casefold())
        return candidate


def confined(folder: Path, relative: str) -> Path:
    """`folder/relative`, refusing anything that would resolve outside `folder`."""
    rel = PurePosixPath(relative)
    if rel.is_absolute() or any(part in ("", ".", "..") for part in rel.parts) or "\\" in relative:
        raise UnsafePathError(f"refusing to write {relative!r} outside {folder}")
    base = folder.resolve()
    target = (base / rel).resolve()
    if not target.is_relative_to(base) or target == base:
        raise UnsafePathError(f"refusing to write {relative!r} outside {folder}")
    return target
