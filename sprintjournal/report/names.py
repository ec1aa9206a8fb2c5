"""The name a post uses for a person in running text: the given names, never a cut-off one.

"Carl Friedrich Bolz" is "Carl Friedrich", not "Carl"; "Guido van Rossum" is "Guido". When two
people of the sprint would share a short name, both keep their full names.
"""

from collections import Counter
from collections.abc import Iterable

from sprintjournal.records import PersonRef

_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la",
                        "le", "ter", "ten", "dos", "das", "y", "bin", "ibn", "al"})


def given_names(name: str) -> str:
    """All words before the family name (and its particles); a one-word name stays whole."""
    words = name.split()
    if len(words) <= 1:
        return name.strip()
    given = words[:-1]
    while len(given) > 1 and given[-1].lower() in _PARTICLES:
        given.pop()
    return " ".join(given)


def short_names(people: Iterable[PersonRef]) -> dict[int, str]:
    """person id -> short name, full names where short ones would collide."""
    unique = {p.id: p for p in people}
    short = {pid: given_names(p.name) for pid, p in unique.items()}
    taken = Counter(s.casefold() for s in short.values())
    return {pid: (s if taken[s.casefold()] == 1 else unique[pid].name) for pid, s in short.items()}
