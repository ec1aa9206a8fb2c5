"""Name keys: how "Hakan Ardo", "håkan  ardö" and "Håkan Ardö" come to mean one person.

Real sprint files spell names without accents, in other cases and with stray spaces; a key
folds all of that so look-ups and merges agree everywhere.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Case-, accent- and whitespace-insensitive key of a name or alias."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    return _SPACES.sub(" ", stripped).strip().casefold()


def title_key(text: str) -> str:
    """Sprint titles and branch names compared as people read them: NFC (é composed or not),
    ends stripped, case folded (FAULTS 52)."""
    return unicodedata.normalize("NFC", text).strip().casefold()


def nfc(text: str) -> str:
    """The stored form of a title or a name: composed (NFC), ends stripped."""
    return unicodedata.normalize("NFC", text).strip()


def first_name_key(name: str) -> str:
    key = name_key(name)
    return key.split(" ", 1)[0] if key else ""


def clean_name(name: str) -> str:
    """The display form: inner runs of white space collapsed, ends stripped, NFC."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()


def accent_count(name: str) -> int:
    """How many letters carry what ASCII cannot write ("ł", "ö"): the richer of two spellings
    of one name is the one a person wrote for themself (FAULTS 56)."""
    composed = unicodedata.normalize("NFC", name)
    return sum(1 for char in composed if char.isalpha() and not char.isascii())


def is_variant_spelling(spelling: str, name: str) -> bool:
    """Same person (same key) but written differently beyond case or spacing: worth an alias."""
    return name_key(spelling) == name_key(name) and (
        clean_name(spelling).casefold() != clean_name(name).casefold()
    )
