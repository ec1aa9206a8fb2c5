"""User text made safe to print on a terminal.

A sprint title, a file name or an error message may hold escape sequences (`\\x1b]0;…`,
cursor moves, colour, a clear screen) or bidirectional overrides that make a line read as
something else (FAULTS 47). The command line prints every line through `printable`: such
characters are shown as `\\x1b`/`\\u202e` escapes, letters of every script stay as they are.
"""

import re

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f" + _BIDI + r"\u2028\u2029]")


def printable(text: str) -> str:
    """`text` with control characters and direction overrides written as escapes; its line
    breaks (`\n`) stay."""
    if not _UNSAFE.search(text):
        return text
    return "\n".join(_UNSAFE.sub(_escape, line) for line in text.split("\n"))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def is_text(data: bytes, text: str) -> bool:
    """False for binary data that merely decodes: NUL bytes, or more than 1 % control
    characters (tabs, line and page ends aside). Random bytes hold about 10 %."""
    if b"\x00" in data:
        return False
    return sum(1 for _ in _CONTROL.finditer(text)) <= len(text) / 100
