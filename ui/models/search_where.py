"""Where a search hit is: the day of a note or stand-up item, and a stand-up item's branch.

The core's search reads both with the hits (one query for the page), so showing 100 results
asks the journal nothing more: reading each note to find its day cost 100 reads per search,
most of a search's time at 20,000 notes.
"""

from datetime import date

from sprintjournal.records import SearchHit


def day_words(day: date | None) -> str:
    return "" if day is None else f"{day:%a} {day.day} {day:%b}"


def hit_location(hit: SearchHit) -> str:
    """"Thu 3 Nov" for a note ("no day" when it has none), "Thu 3 Nov · #jit" for a stand-up
    item, nothing for the other kinds."""
    if hit.kind == "note":
        return day_words(hit.day) or "no day"
    if hit.kind == "standup":
        branch = f" · #{hit.branch}" if hit.branch else ""
        return day_words(hit.day) + branch
    return ""
