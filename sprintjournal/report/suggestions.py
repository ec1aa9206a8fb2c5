"""Guesses the report may not print until the organiser confirms them.

A journal rarely holds every sprint, so "first sprint in this journal" is not "first sprint",
and the n-th sprint of the year in this journal may not be the n-th at all; a branch marked
"planned" whose stand-up log shows work has a stale status. Each guess becomes a `Suggestion`
the app lists under Needs Review (and the Report panel's "To confirm" bar); confirming writes the
organiser's answer to the journal, and `reopen` takes it back (the undo of either answer).
"""

from collections.abc import Callable
from dataclasses import dataclass

from sprintjournal.changes import Change
from sprintjournal.journal import Journal
from sprintjournal.report.prose import ordinal_word

FINISHED = frozenset({"done", "merged", "finished"})


Answer = tuple[tuple[str, bool | int | str], ...]
"""What confirming a guess writes, as (field, value) pairs: a newcomer flag, a sprint's number
and scope, a branch's status."""


@dataclass(frozen=True)
class Suggestion:
    """A guess, what confirming it writes, and to which record."""

    kind: str  # "newcomer" | "ordinal" | "status"
    target_id: int
    text: str
    fields: Answer
    subject: str = ""
    """What the guess is about, in a few words: a person, a branch, the sprint's number."""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.target_id}:{self.fields}"


def suggestions(journal: Journal, sprint_id: int) -> list[Suggestion]:
    return [s for kind in KINDS for s in suggestions_of(journal, sprint_id, kind)]


def suggestions_of(journal: Journal, sprint_id: int, kind: str) -> list[Suggestion]:
    """The guesses of one kind only (the Needs Review list asks kind by kind)."""
    return KINDS[kind](journal, sprint_id)


def _newcomers(journal: Journal, sprint_id: int) -> list[Suggestion]:
    return [
        Suggestion("newcomer", a.id,
                   f"{a.person.name}: first sprint in this journal. Welcome as a newcomer?",
                   (("newcomer", True),), a.person.name)
        for a in journal.list_attendees(sprint_id)
        if a.newcomer_override is None and a.newcomer and not a.host
    ]


def _ordinals(journal: Journal, sprint_id: int) -> list[Suggestion]:
    sprint = journal.get_sprint(sprint_id)
    found = journal.sprint_ordinal(sprint_id)
    if sprint.ordinal is not None or found is None:
        return []
    project = f"{sprint.project} " if sprint.project.strip() else ""
    options = [(found.in_year, f"of {found.year}")]
    if sprint.place.strip() and found.in_year_at_place != found.in_year:
        options.append((found.in_year_at_place, f"in {sprint.place} in {found.year}"))
    elif sprint.place.strip():
        options.append((found.in_year, f"in {sprint.place} in {found.year}"))
    return [
        Suggestion("ordinal", sprint_id,
                   f"The {ordinal_word(n)} {project}sprint {scope} (counting the sprints in "
                   "this journal). Say so in the report?",
                   (("ordinal", n), ("ordinal_scope", scope)),
                   f"{ordinal_word(n)} {scope}")
        for n, scope in options
    ]


def _statuses(journal: Journal, sprint_id: int) -> list[Suggestion]:
    items = journal.list_standup(sprint_id)
    out = []
    for b in journal.list_branches(sprint_id):
        mine = [i for i in items if i.branch_id == b.id]
        if b.status != "planned" or not mine:
            continue
        said = {(i.status or "").strip().casefold() for i in mine}
        new = "done" if said & FINISHED else "in progress"
        days = len({i.day for i in mine})
        out.append(Suggestion(
            "status", b.id,
            f"{b.name} is marked planned, but the stand-up shows work on it on "
            f"{days} day{'s' if days != 1 else ''}. Set it to {new}?",
            (("status", new),), b.name))
    return out


KINDS: dict[str, Callable[[Journal, int], list[Suggestion]]] = {
    "newcomer": _newcomers, "ordinal": _ordinals, "status": _statuses}
"""Each kind of guess and where it is found, in the order the lists show them."""


def confirm(journal: Journal, suggestion: Suggestion) -> Change:
    """Write the organiser's confirmation."""
    fields = dict(suggestion.fields)
    if suggestion.kind == "newcomer":
        return journal.update_attendee(suggestion.target_id, newcomer=bool(fields["newcomer"]))
    if suggestion.kind == "ordinal":
        return journal.update_sprint(suggestion.target_id, ordinal=int(fields["ordinal"]),
                                     ordinal_scope=str(fields["ordinal_scope"]))
    if suggestion.kind == "status":
        return journal.update_branch(suggestion.target_id, status=str(fields["status"]))
    raise ValueError(f"unknown suggestion kind {suggestion.kind!r}")


def reopen(journal: Journal, suggestion: Suggestion) -> Change:
    """Take the organiser's answer (confirmed or declined) back: the guess is open again.
    Offered only while it was open, so the field held "unsaid" before the answer."""
    if suggestion.kind == "newcomer":
        return journal.update_attendee(suggestion.target_id, newcomer=None)
    if suggestion.kind == "ordinal":
        return journal.update_sprint(suggestion.target_id, ordinal=None, ordinal_scope="")
    if suggestion.kind == "status":
        return journal.update_branch(suggestion.target_id, status="planned")
    raise ValueError(f"unknown suggestion kind {suggestion.kind!r}")


def can_decline(suggestion: Suggestion) -> bool:
    """Only 'not a newcomer' is an answer worth keeping; other guesses are simply not taken."""
    return suggestion.kind == "newcomer"


def decline(journal: Journal, suggestion: Suggestion) -> Change:
    """'No': a newcomer guess becomes 'not new' so it is not offered again."""
    if not can_decline(suggestion):
        raise ValueError(f"a {suggestion.kind} suggestion has no answer to record")
    return journal.update_attendee(suggestion.target_id, newcomer=False)
