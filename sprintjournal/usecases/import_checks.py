"""Rules a whole interchange document must pass before an import writes anything.

Pydantic checks shapes and types; these are the rules the use cases enforce one item at a time
(names not blank, dates in order, branch names unique, references that resolve), applied to the
whole document, so a bulk import can never store what the app itself would refuse.
"""

from collections.abc import Iterable

from sprintjournal.errors import Problem
from sprintjournal.exchange.schema import JournalDoc, SprintDoc
from sprintjournal.names import title_key


def check_document(doc: JournalDoc) -> list[Problem]:
    problems: list[Problem] = []
    first_seen: dict[tuple[str, object], int] = {}
    for i, sprint in enumerate(doc.sprints):
        where = f"$.sprints[{i}]"
        key = (title_key(sprint.title), sprint.start)
        if key in first_seen:
            same = f"$.sprints[{first_seen[key]}]"
            problems.append(Problem(where, f"the same sprint (title and start) as {same}"))
        first_seen.setdefault(key, i)
        problems += _sprint_problems(where, sprint)
    return problems


def _sprint_problems(where: str, s: SprintDoc) -> list[Problem]:
    problems: list[Problem] = []
    if not s.title.strip():
        problems.append(Problem(f"{where}.title", "a sprint needs a title"))
    if s.start and s.end and s.end < s.start:
        problems.append(
            Problem(f"{where}.end", f"the sprint ends ({s.end}) before it starts ({s.start})")
        )
    for i, a in enumerate(s.attendees):
        problems += _blank_names(f"{where}.attendees[{i}].person", [a.person], single=True)
        if a.arrive and a.depart and a.depart < a.arrive:
            problems.append(Problem(f"{where}.attendees[{i}].depart",
                                    f"departure ({a.depart}) is before arrival ({a.arrive})"))
    names: dict[str, int] = {}
    for i, b in enumerate(s.branches):
        if not b.name.strip():
            problems.append(Problem(f"{where}.branches[{i}].name", "a branch needs a name"))
        elif b.name.strip() in names:
            first = f"{where}.branches[{names[b.name.strip()]}]"
            problems.append(
                Problem(f"{where}.branches[{i}].name", f"{b.name!r} is already the name of {first}")
            )
        names.setdefault(b.name.strip(), i)
        problems += _blank_names(f"{where}.branches[{i}].people", b.people)
    for i, item in enumerate(s.standup):
        if not item.text.strip():
            problems.append(
                Problem(f"{where}.standup[{i}].text", "a stand-up item needs some text")
            )
        if item.branch is not None and item.branch.strip() not in names:
            problems.append(Problem(f"{where}.standup[{i}].branch",
                                    f"there is no branch called {item.branch!r} in this sprint"))
        problems += _blank_names(f"{where}.standup[{i}].people", item.people)
    for i, photo in enumerate(s.photos):
        problems += _blank_names(f"{where}.photos[{i}].people", photo.people)
    return problems


def _blank_names(where: str, names: Iterable[str], single: bool = False) -> list[Problem]:
    return [
        Problem(where if single else f"{where}[{i}]", "a name cannot be blank")
        for i, name in enumerate(names)
        if not name.strip()
    ]
