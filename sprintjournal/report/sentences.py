"""Sentence builders for the story: each turns one entered fact into prose, and only that fact.

Every function takes user text already made literal for Markdown (`prose.md`) where it says so,
never invents a claim (a status the stand-up log contradicts is not printed: see `status`), and
never starts a sentence with a numeral. Where several strands would say the same kind of thing
(a result, work that goes on), the wording rotates so the post does not repeat one label.
"""

import re
from collections.abc import Sequence
from datetime import date

from sprintjournal.records import FigureRec
from sprintjournal.report.prose import join_names, md, md_url, number_word

# Imperative verbs a goal often starts with: "whose goal is to <verb> …" reads right for these.
_VERB_WORDS = """
add allow avoid benchmark bring build celebrate check clean compile continue convert create debug
design document drop enable experiment explore extend find finish fix get give handle help implement
improve integrate investigate keep kill let look make measure merge migrate move optimise
optimize port prepare profile provide reduce refactor release remove rename replace review
rework rewrite run save ship simplify specialise specialize speed split start store study support
teach test try turn unify update upgrade use wrap write
"""
_VERBS = frozenset(_VERB_WORDS.split())
_ARTICLES = frozenset({"a", "an", "the"})
_DIGIT_START = re.compile(r"^\W*\d")
_COMPARATIVE = re.compile(r"(?:er|more|less|fewer)$", re.IGNORECASE)

RESULT_FORMS = (
    "The outcome: {}.",
    "What came out of it: {}.",
    "By the end of the week: {}.",
    "The result so far: {}.",
    "What it brought: {}.",
    "Where it stands: {}.",
)
def going_on_sentence(names_md: Sequence[str]) -> str:
    """'Work goes on after the sprint on A, B and C.' (the work still in progress)."""
    if not names_md:
        return ""
    if len(names_md) == 1:
        return f"Work on {names_md[0]} goes on after the sprint."
    return f"Work goes on after the sprint on {join_names(names_md)}."


def starts_with_numeral(text: str) -> bool:
    return bool(_DIGIT_START.match(text))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def end(text: str) -> str:
    """A full stop unless the text already ends a sentence."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?" else text + "."


def people_phrase(leads: Sequence[str], helpers: Sequence[str]) -> str:
    """'Håkan', 'Mark and Antonio', 'Håkan, with some help from Armin,'."""
    main = join_names(leads)
    if not helpers:
        return main
    return f"{main}, with some help from {join_names(helpers)},"


def work_name(kind: str, name_md: str, url: str | None = None) -> str:
    """'the **ffistruct** branch', '**win64**', 'a discussion of **GC**'; linked if it has a URL."""
    if url:
        name_md = f"[{name_md}]({md_url(url)})"
    if kind == "branch":
        return f"the **{name_md}** branch"
    if kind == "discussion":
        return f"a discussion of **{name_md}**"
    return f"**{name_md}**"


def goal_clause(goal: str) -> str:
    """The goal joined to the sentence that names the work, with its words as entered."""
    text = goal.strip().rstrip(".").strip()
    if not text:
        return ""
    first = text.split()[0].lower()
    if first in _VERBS:
        return f", whose goal is to {md(lower_first(text))}"
    if first in _ARTICLES:
        return f": {md(lower_first(text))}"
    return f": {md(text)}"


def results_sentence(results: Sequence[str], index: int) -> str:
    """The results as one sentence (a list for three or more), in a wording chosen by `index`."""
    items = [r.strip().rstrip(".") for r in results if r.strip()]
    if not items:
        return ""
    form = RESULT_FORMS[index % len(RESULT_FORMS)]
    if len(items) >= 3:
        return form.format("").rstrip(" .:") + ":\n\n" + "\n".join(f"- {md(i)}" for i in items)
    return md(form.format(" and ".join(items)))


def figure_sentence(fig: FigureRec) -> str:
    """'Field access: about 400 times faster than ctypes.' with every part as entered."""
    value = fig.value.strip()
    if fig.compared_with.strip():
        last = value.split()[-1] if value else ""
        link = "than" if _COMPARATIVE.search(last) else "compared with"
        value = f"{value} {link} {fig.compared_with.strip()}"
    if fig.what.strip():
        return md(f"{upper_first(fig.what.strip())}: {value}.")
    return md(f"Measured: {value}.")


DONE = (
    "That part is done.",
    "It is finished.",
    "This one is complete.",
    "That is now done.",
    "Nothing is left to do there.",
)


def status_sentence(kind: str, status: str, worked: bool, index: int) -> str:
    """What the status says, unless it is 'planned' while the log shows work (then nothing).

    `index` counts earlier strands with the same status, so the wording varies.
    """
    thing = "The branch" if kind == "branch" else "It"
    if status == "merged":
        return f"{thing} has been merged."
    if status == "done":
        return DONE[index % len(DONE)] if kind != "branch" else "The work on the branch is done."
    if status == "in progress":
        return ""  # said once for all such work, in the closing (see `going_on_sentence`)
    if status == "blocked":
        return f"{thing} is blocked for now."
    if status == "abandoned":
        return f"{thing} was abandoned."
    if status == "planned" and not worked:
        return "It was planned, but not started during the sprint."
    return ""


def pairing_sentence(a: str, b: str, days: int, alone_after: str | None) -> str:
    """'Mark paired with Antonio for a couple of days, then carried on alone.'

    `alone_after` is None (nobody went on alone), "" (`a` did) or the name of `b`.
    """
    span = {1: "for a day", 2: "for a couple of days"}.get(days, f"for {number_word(days)} days")
    tail = ""
    if alone_after is not None:
        tail = (", then carried on alone" if alone_after == ""
                else f", then {alone_after} went on alone")
    return f"{a} paired with {b} {span}{tail}."


def day_lead(day: date) -> str:
    return f"On {day.strftime('%A')}, "


def standup_sentence(text: str, day: date | None, first_of_day: bool, people: str = "",
                     planned: bool = False) -> str:
    """A stand-up item as a sentence; a new day is named, and no sentence opens with a digit.

    `people` (names joined as in prose) is woven in when the item's own words name nobody: a
    plan ("the TARGET resoperation: Hakan, Armin") says who set out to do it, a report who did.
    """
    body = " ".join(text.split())
    if people and body:
        body = _with_people(body.rstrip("."), people, planned)
    body = end(body)
    if day is not None and (first_of_day or starts_with_numeral(body)):
        return md(day_lead(day) + body)
    if starts_with_numeral(body):
        return md("Also, " + body)
    return md(upper_first(body))


def _with_people(body: str, people: str, planned: bool) -> str:
    if not planned:
        return f"{body} ({people})"
    if body.split()[0].lower() in _VERBS:
        return f"{people} set out to {lower_first(body)}"
    return f"{people} set out to work on {body}"


ALSO = ("also worked on", "found time for", "then turned to", "went on with")


def web_links(links: Sequence[str]) -> list[str]:
    return [u for u in links if u.startswith(("https://", "http://"))]


def more_links_sentence(links: Sequence[str]) -> str:
    """The links after the first (which the work's name carries): 'See also <https://…>.'"""
    rest = web_links(links)[1:]
    if not rest:
        return ""
    return "See also " + join_names(f"<{md_url(u)}>" for u in rest) + "."
