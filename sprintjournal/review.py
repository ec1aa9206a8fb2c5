"""Review flags in one place: what an import guessed, and what a person should look at.

Imports flag rows they could not read for sure ("Romain added as new", dates "?"), and other
parts of the app may suggest things to check (a newcomer to welcome). The Needs Review list shows
all of them; each is confirmed (the flag goes), corrected (the row opens for editing) or, for a
person, merged into someone the journal already knows.

Extension point: a `ReviewSource` lists one kind of item and knows how to confirm it. Register
one with `register_source`; the list, its keys and its counts pick it up with no other change.
Sources are plain functions over the `Journal` façade, so this module stays free of Qt.
"""

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sprintjournal.changes import Change
from sprintjournal.journal import Journal
from sprintjournal.names import first_name_key, name_key
from sprintjournal.records import PersonRec

SIMILAR = 0.8
"""difflib ratio over name keys from which two names are taken to be perhaps one person."""


@dataclass(frozen=True)
class ReviewItem:
    """One thing to look at. `panel` names where it is corrected ("attendees", "standup"...)."""

    kind: str
    item_id: int
    title: str
    reason: str
    panel: str
    day: date | None = None
    person_id: int | None = None
    """The person the row names, when merging into another person makes sense."""
    similar: tuple[tuple[int, str], ...] = ()
    """People already in the journal whose names resemble this one (id, name), best first."""


@dataclass(frozen=True)
class ReviewSource:
    kind: str
    items: Callable[[Journal, int], Iterable[ReviewItem]]
    confirm: Callable[[Journal, ReviewItem], Change]


_SOURCES: dict[str, ReviewSource] = {}


def register_source(source: ReviewSource) -> None:
    """Add (or replace) the source of one kind of review item."""
    _SOURCES[source.kind] = source


def review_items(journal: Journal, sprint_id: int) -> list[ReviewItem]:
    """Every open review item of the sprint, source by source in registration order."""
    return [item for source in _SOURCES.values() for item in source.items(journal, sprint_id)]


def confirm(journal: Journal, item: ReviewItem) -> Change:
    """The row is right as it is: its flag goes."""
    return _SOURCES[item.kind].confirm(journal, item)


def merge_into(journal: Journal, item: ReviewItem, keep_id: int) -> Change:
    """The row's person is `keep_id` under another spelling: fold them in (the spelling stays
    as an alias), then clear the flag, which the merge has answered."""
    if item.person_id is None:
        raise ValueError(f"a {item.kind} item names no person to merge")
    journal.merge_people(keep_id, item.person_id)
    _SOURCES[item.kind].confirm(journal, item)
    return Change("person", "merged", (keep_id, item.person_id))


def similar_people(people: Iterable[PersonRec], name: str, *, exclude: int | None = None,
                   limit: int = 3) -> list[PersonRec]:
    """People whose name or alias resembles `name`: the same first name, a name that starts
    with it ("Romain" and "Romain Guillebert"), or a close spelling ("Hakan Ardo")."""
    key = name_key(name)
    scored: list[tuple[float, PersonRec]] = []
    for person in people:
        if person.id == exclude:
            continue
        best = max(_likeness(key, name_key(n)) for n in (person.name, *person.aliases))
        if best >= SIMILAR:
            scored.append((best, person))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [person for _score, person in scored[:limit]]


def _likeness(key: str, other: str) -> float:
    if not key or not other:
        return 0.0
    if key == other:
        return 1.0
    if other.startswith(key + " ") or key.startswith(other + " "):
        return 0.95
    if " " not in key and key == first_name_key(other):
        return 0.9
    return difflib.SequenceMatcher(None, key, other).ratio()


# -- the built-in sources ----------------------------------------------------------------------
def _attendee_items(journal: Journal, sprint_id: int) -> Iterable[ReviewItem]:
    people = None
    for rec in journal.list_attendees(sprint_id):
        if not rec.needs_review:
            continue
        if people is None:
            people = journal.list_people()
        similar = similar_people(people, rec.person.name, exclude=rec.person.id)
        yield ReviewItem("attendee", rec.id, rec.person.name, rec.review_reason or "to check",
                         "attendees", person_id=rec.person.id,
                         similar=tuple((p.id, p.name) for p in similar))


def _confirm_attendee(journal: Journal, item: ReviewItem) -> Change:
    return journal.update_attendee(item.item_id, needs_review=False, review_reason=None)


def _standup_items(journal: Journal, sprint_id: int) -> Iterable[ReviewItem]:
    for rec in journal.list_standup(sprint_id):
        if rec.needs_review:
            yield ReviewItem("standup", rec.id, rec.text, rec.review_reason or "to check",
                             "standup", day=rec.day)


def _confirm_standup(journal: Journal, item: ReviewItem) -> Change:
    return journal.update_standup_item(item.item_id, needs_review=False, review_reason=None)


register_source(ReviewSource("attendee", _attendee_items, _confirm_attendee))
register_source(ReviewSource("standup", _standup_items, _confirm_standup))
