"""File names that are safe on every platform and can never leave the folder they are meant for.

User text becomes file names in every export (photo names, sprint and report titles; FAULTS 35):
"../../x", "/etc/passwd", "C:\\x", "CON.txt", "a/NUL", 300 characters, a trailing dot or space,
or two photos both called "IMG_0001.jpg" must each land as one plain, unique name inside the
chosen folder. The JSON export and the report exports share these rules.
"""

import re
import unicodedata
from pathlib import Path, PurePosixPath

from sprintjournal.errors import JournalError

MAX_LEN = 80
MAX_SLUG = 60  # slugs leave room for "-2" and an extension within MAX_LEN
_RESERVED = {
    "con", "prn", "aux", "nul", "clock$",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
}  # fmt: skip
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


class UnsafePathError(JournalError, ValueError):
    """An export path would land outside the chosen folder: a computed name gone wrong, or a
    link inside the folder (`images` -> elsewhere) that the export will not follow."""


def slugify(text: str, fallback: str = "item", max_len: int = MAX_LEN) -> str:
    """Lower-case ASCII words joined by '-' (URLs, Jekyll names): 'Håkan Ardö!' -> 'hakan-ardo'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_len].rstrip("-")
    if not slug or slug.split("-")[0] in _RESERVED:
        slug = f"{fallback}-{slug}".rstrip("-") if slug else fallback
    return slug


def safe_filename(name: str, fallback: str = "file", max_len: int = MAX_LEN) -> str:
    """One path component: no separators, no drive, no reserved device name, no trailing dot."""
    base = re.split(r"[\\/:]", name)[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = _UNSAFE.sub("-", unicodedata.normalize("NFC", stem)).strip(".- ")
    ext = re.sub(r"[^A-Za-z0-9]", "", ext)[:8].lower()
    if not stem or stem.split(".")[0].casefold() in _RESERVED:
        stem = f"{fallback}-{stem}" if stem else fallback
    stem = stem[: max_len - len(ext) - 1].rstrip(".- ") or fallback
    return f"{stem}.{ext}" if ext else stem


def photo_filename(original: str, extension: str) -> str:
    """A slug name for an exported photo: the last component of `original`, new extension."""
    last = re.split(r"[\\/]", original)[-1]
    stem = last.rsplit(".", 1)[0] if "." in last.strip(".") else last
    return f"{slugify(stem, fallback='photo', max_len=MAX_SLUG)}.{extension}"


class UniqueNames:
    """Hands out names unique within one folder, case-insensitively (Windows, macOS).

    `taken` (case-folded names) may be a set the caller keeps, to share it between calls.
    """

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken = taken if taken is not None else set()

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
        link = next((p for p in _prefixes(base, rel) if p.is_symlink()), None)
        why = f": {link} is a link to {link.resolve()}" if link is not None else ""
        raise UnsafePathError(f"refusing to write {relative!r} outside {folder}{why}; "
                              "remove the link or choose another folder")
    return target


def _prefixes(base: Path, rel: PurePosixPath) -> list[Path]:
    return [base.joinpath(*rel.parts[: n + 1]) for n in range(len(rel.parts))]


def unique_path(folder: Path, name: str, taken: set[str]) -> Path:
    """`folder/name`, renamed name-2, name-3... while taken (compared case-insensitively)."""
    return confined(folder, UniqueNames(taken).claim(name))
