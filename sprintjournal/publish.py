"""What of a note reaches the report: the paragraphs the organiser marked, nothing else.

A mark is the fingerprint of a paragraph's text, not its position, so adding or moving other
paragraphs keeps it; editing the marked paragraph itself makes it private again until it is
marked once more (a changed paragraph may now hold something that should not be published).
"""

import re
from collections.abc import Iterable

_FENCE = re.compile(r"^\s*(```|~~~)")


def paragraphs(text: str) -> list[str]:
    """The note's blocks separated by blank lines; a fenced code block stays one paragraph."""
    blocks: list[list[str]] = [[]]
    in_code = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
        if not in_code and not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    return ["\n".join(b).strip("\n") for b in blocks if b]


def fingerprint(paragraph: str) -> str:
    """Short, whitespace-insensitive identity of a paragraph's text."""
    import hashlib  # at the first mark or report, not with the Notes panel

    flat = " ".join(paragraph.split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:16]


def published(text: str, marks: Iterable[str]) -> list[str]:
    """The marked paragraphs of `text`, in their order."""
    wanted = set(marks)
    return [p for p in paragraphs(text) if fingerprint(p) in wanted]


def marked_indexes(text: str, marks: Iterable[str]) -> list[int]:
    wanted = set(marks)
    return [i for i, p in enumerate(paragraphs(text)) if fingerprint(p) in wanted]


def marks_for(text: str, indexes: Iterable[int] | bool) -> list[str]:
    """Fingerprints for paragraph numbers (0-based), or every paragraph when `True`."""
    paras = paragraphs(text)
    if isinstance(indexes, bool):
        chosen = list(range(len(paras))) if indexes else []
    else:
        chosen = sorted({i for i in indexes if 0 <= i < len(paras)})
    return [fingerprint(paras[i]) for i in chosen]


def paragraph_at(text: str, offset: int) -> int | None:
    """Index of the paragraph holding character `offset` (None on a blank line between)."""
    pos = 0
    for index, para in enumerate(paragraphs(text)):
        start = text.find(para, pos)
        if start < 0:
            return None
        end = start + len(para)
        if start <= offset <= end:
            return index
        pos = end
    return None


def toggle(text: str, marks: Iterable[str], index: int) -> list[str]:
    """Marks with paragraph `index` switched; marks of vanished paragraphs are dropped."""
    current = marked_indexes(text, marks)
    chosen = set(current) ^ {index}
    return marks_for(text, chosen)
