"""Review flags in one place: what an import guessed, and what a person should look at.

Two groups, counted apart because they are different questions: *rows to review*, which an
import flagged because it could not read them for sure ("Romain added as new", dates "?"), and
*suggestions to confirm*, the report's guesses (a newcomer to welcome, "the second sprint of
2011", a branch status the stand-up contradicts), which it does not print until confirmed. The
Needs Review list shows both; each item is confirmed (the answer is written), corrected (it opens
where it is edited), declined where the journal can keep a "no", or, for a person, merged into
someone the journal already knows. Every answer can be taken back (`reopen`), so it is undoable.

Extension point: a `ReviewSource` lists one kind of item and knows how to answer it. Register
one with `register_source`; the list, its keys and its counts pick it up with no other change.
Sources are plain functions over the `Journal` façade, so this module stays free of Qt.
"""

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from sprintjournal.changes import Change
from sprintjournal.journal import Journal
from sprintjournal.names import first_name_key, name_key
from sprintjournal.records import PersonRec
from sprintjournal.report import suggestions as guesses
from sprintjournal.vocabulary import shown_reason

if TYPE_CHECKING:  # the ORM's use cases load with the first write, not with the review list
    from sprintjournal.usecases.unmerge import Unmerge

Group = Literal["row", "suggestion"]
ROW: Group = "row"
SUGGESTION: Group = "suggestion"

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
    group: Group = ROW
    answer: guesses.Answer = ()
    """What confirming a suggestion writes, as (field, value) pairs."""


@dataclass(frozen=True)
class ReviewSource:
    kind: str
    items: Callable[[Journal, int], Iterable[ReviewItem]]
    confirm: Callable[[Journal, ReviewItem], Change]
    reopen: Callable[[Journal, ReviewItem], Change]
    """Takes an answer back (the undo of confirm or decline): the item is open again."""
    decline: Callable[[Journal, ReviewItem], Change] | None = None
    """"Not so", for a kind whose "no" the journal keeps; None when there is none to keep."""
    group: Group = ROW


@dataclass(frozen=True)
class Counts:
    """How many items of each group are open; what the list's title and the import say."""

    rows: int = 0
    suggestions: int = 0

    @classmethod
    def of(cls, items: Iterable[ReviewItem]) -> "Counts":
        groups = [item.group for item in items]
        return cls(groups.count(ROW), groups.count(SUGGESTION))

    def __bool__(self) -> bool:
        return bool(self.rows or self.suggestions)

    def __str__(self) -> str:
        """"4 rows to review and 1 suggestion to confirm"; an empty group left out."""
        parts = [_plural(self.rows, "row") + " to review" if self.rows else "",
                 _plural(self.suggestions, "suggestion") + " to confirm"
                 if self.suggestions else ""]
        return " and ".join(p for p in parts if p) or "nothing to review"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


_SOURCES: dict[str, ReviewSource] = {}


def register_source(source: ReviewSource) -> None:
    """Add (or replace) the source of one kind of review item."""
    _SOURCES[source.kind] = source


def review_items(journal: Journal, sprint_id: int, group: Group | None = None
                 ) -> list[ReviewItem]:
    """Every open review item of the sprint (or of one group), source by source in
    registration order: the rows an import flagged first, then the suggestions."""
    return [item for source in _SOURCES.values() if group in (None, source.group)
            for item in source.items(journal, sprint_id)]


def confirm(journal: Journal, item: ReviewItem) -> Change:
    """The row is right as it is (its flag goes), or the guess is right (it is written)."""
    return _SOURCES[item.kind].confirm(journal, item)


def reopen(journal: Journal, item: ReviewItem) -> Change:
    """Take back a confirm or a decline of `item`: it is open again, as it was listed."""
    return _SOURCES[item.kind].reopen(journal, item)


def can_decline(item: ReviewItem) -> bool:
    return _SOURCES[item.kind].decline is not None


def decline(journal: Journal, item: ReviewItem) -> Change:
    """The guess is wrong, and the journal keeps that answer so it is not offered again."""
    refuse = _SOURCES[item.kind].decline
    if refuse is None:
        raise ValueError(f"a {item.kind} item has no 'no' to record")
    return refuse(journal, item)


def merge_into(journal: Journal, item: ReviewItem, keep_id: int) -> tuple[Change, "Unmerge"]:
    """The row's person is `keep_id` under another spelling: fold them in (the spelling stays
    as an alias), then clear the flag, which the merge has answered — unless the merge dropped
    the row, the kept person having one in that sprint already. `Journal.unmerge_people` with
    the second value takes it all back."""
    if item.person_id is None:
        raise ValueError(f"a {item.kind} item names no person to merge")
    change, undo = journal.merge_people_undoably(keep_id, item.person_id)
    dropped = {row["id"] for table, row in undo.dropped if table == "attendance"}
    if not (item.kind == "attendee" and item.item_id in dropped):
        _SOURCES[item.kind].confirm(journal, item)
    return change, undo


def similar_people(people: Iterable[PersonRec], name: str, *, exclude: int | None = None,
                   limit: int = 3) -> list[PersonRec]:
    """People whose name or alias resembles `name`: the same first name, a name that starts
    with it ("Romain" and "Romain Guillebert"), or a close spelling ("Hakan Ardo")."""
    return NameIndex(people).similar(name, exclude=exclude, limit=limit)


class NameIndex:
    """The journal's names, keyed once, for many likeness questions.

    A Needs Review list after a big import asks one question per flagged row, and comparing
    every pair with difflib took minutes at a thousand rows among 20,000 people. So names are
    keyed once, and a name is compared only with those sharing a word's first or last two
    letters: that keeps every same-first-name and prefix match and the misspellings met in
    practice ("Hakan Ardo", "Maciek Fijalkowski"), and drops pairs that differ at both ends of
    every word, which difflib would rarely have called alike anyway."""

    def __init__(self, people: Iterable[PersonRec]) -> None:
        self._entries: list[tuple[PersonRec, list[str]]] = []
        self._buckets: dict[str, set[int]] = {}
        for person in people:
            keys = [name_key(n) for n in (person.name, *person.aliases)]
            for bucket in {b for key in keys for b in _buckets(key)}:
                self._buckets.setdefault(bucket, set()).add(len(self._entries))
            self._entries.append((person, keys))

    def similar(self, name: str, *, exclude: int | None = None, limit: int = 3
                ) -> list[PersonRec]:
        key = name_key(name)
        matcher = difflib.SequenceMatcher(None, key)
        candidates = set().union(*(self._buckets.get(b, ()) for b in _buckets(key)))
        scored: list[tuple[float, PersonRec]] = []
        for person, keys in (self._entries[i] for i in candidates):
            if person.id == exclude:
                continue
            best = max(_likeness(key, other, matcher) for other in keys)
            if best >= SIMILAR:
                scored.append((best, person))
        scored.sort(key=lambda pair: (-pair[0], pair[1].name))
        return [person for _score, person in scored[:limit]]


def _buckets(key: str) -> set[str]:
    return {b for word in key.split() for b in (f"<{word[:2]}", f"{word[-2:]}>")}


def _likeness(key: str, other: str, matcher: difflib.SequenceMatcher[str]) -> float:
    """`matcher` holds `key` as its first sequence; the bounds are difflib's own."""
    if not key or not other:
        return 0.0
    if key == other:
        return 1.0
    if other.startswith(key + " ") or key.startswith(other + " "):
        return 0.95
    if " " not in key and key == first_name_key(other):
        return 0.9
    if 2 * min(len(key), len(other)) < SIMILAR * (len(key) + len(other)):
        return 0.0  # ratio() cannot reach SIMILAR: it is at most this length bound
    matcher.set_seq2(other)
    if matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


# -- the built-in sources ----------------------------------------------------------------------
def _attendee_items(journal: Journal, sprint_id: int) -> Iterable[ReviewItem]:
    index = None
    for rec in journal.list_attendees(sprint_id):
        if not rec.needs_review:
            continue
        if index is None:
            index = NameIndex(journal.list_people())
        similar = index.similar(rec.person.name, exclude=rec.person.id)
        yield ReviewItem("attendee", rec.id, rec.person.name, shown_reason(rec.review_reason),
                         "attendees", person_id=rec.person.id,
                         similar=tuple((p.id, p.name) for p in similar))


def _confirm_attendee(journal: Journal, item: ReviewItem) -> Change:
    return journal.update_attendee(item.item_id, needs_review=False, review_reason=None)


def _reopen_attendee(journal: Journal, item: ReviewItem) -> Change:
    return journal.update_attendee(item.item_id, needs_review=True, review_reason=item.reason)


def _standup_items(journal: Journal, sprint_id: int) -> Iterable[ReviewItem]:
    for rec in journal.list_standup(sprint_id):
        if rec.needs_review:
            yield ReviewItem("standup", rec.id, rec.text, shown_reason(rec.review_reason),
                             "standup", day=rec.day)


def _confirm_standup(journal: Journal, item: ReviewItem) -> Change:
    return journal.update_standup_item(item.item_id, needs_review=False, review_reason=None)


def _reopen_standup(journal: Journal, item: ReviewItem) -> Change:
    return journal.update_standup_item(item.item_id, needs_review=True,
                                       review_reason=item.reason)


register_source(ReviewSource("attendee", _attendee_items, _confirm_attendee, _reopen_attendee))
register_source(ReviewSource("standup", _standup_items, _confirm_standup, _reopen_standup))


# -- the report's guesses ------------------------------------------------------------------------
SUGGESTION_PANELS = {"newcomer": "attendees", "ordinal": "report", "status": "branches"}
"""Where each kind of guess is corrected: the attendee's row, the report, the branch's row."""


def _suggestion_source(kind: str) -> ReviewSource:
    def items(journal: Journal, sprint_id: int) -> Iterable[ReviewItem]:
        for found in guesses.suggestions_of(journal, sprint_id, kind):
            yield ReviewItem(kind, found.target_id, found.subject, found.text,
                             SUGGESTION_PANELS[kind], group=SUGGESTION, answer=found.fields)

    def answer(write: Callable[[Journal, guesses.Suggestion], Change]
               ) -> Callable[[Journal, ReviewItem], Change]:
        return lambda journal, item: write(journal, as_suggestion(item))

    decline = answer(guesses.decline) if guesses.can_decline(
        guesses.Suggestion(kind, 0, "", ())) else None
    return ReviewSource(kind, items, answer(guesses.confirm), answer(guesses.reopen), decline,
                        SUGGESTION)


def as_suggestion(item: ReviewItem) -> guesses.Suggestion:
    """The report's own record of a listed guess (what the Report panel's bar shows)."""
    return guesses.Suggestion(item.kind, item.item_id, item.reason, item.answer, item.title)


for _kind in guesses.KINDS:
    register_source(_suggestion_source(_kind))
