"""File names that are safe on every platform and can never leave the folder they are meant for.

User text becomes file names in exports (photo names, sprint titles); "../../x", "/etc/passwd",
"C:\\x", "CON.txt", "a/NUL", 300 characters or a trailing dot must all land as one plain name.
"""

import re
import unicodedata
from pathlib import Path

MAX_LEN = 80
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def slugify(text: str, fallback: str = "item", max_len: int = MAX_LEN) -> str:
    """Lower-case ASCII words joined by '-' (for URLs and Jekyll names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_len].strip("-")
    return slug or fallback


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


def unique_path(folder: Path, name: str, taken: set[str]) -> Path:
    """`folder/name`, renamed name-2, name-3... while taken (compared case-insensitively)."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
    taken.add(candidate.casefold())
    path = (folder / candidate).resolve()
    if path.parent != folder.resolve():
        raise ValueError(f"refusing to write outside {folder}: {candidate}")
    return path
