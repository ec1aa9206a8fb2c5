"""Free-form attendance dates, as people type them into a sprint's people.txt.

People write "2-8 Nov", "26/6 - 2 or 3/7", "24-1" or "lives there"; the sprint's own dates
(read from the file's title line) give the missing month and year. Nothing here raises: a
string that cannot be read comes back with `needs_review` set and the raw text kept, so the
organiser decides instead of the parser guessing silently.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sprintjournal.vocabulary import join_reasons

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS: dict[str, int] = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
_ABBREVIATIONS = tuple(name[:3].capitalize() for name in _MONTH_NAMES)

_HOST = re.compile(r"\blives?\s+(?:there|here)\b|\blocals?\b", re.IGNORECASE)
_NOTHING = re.compile(r"[\s?\-–—./]*")
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|\bto\b|\btill\b|\buntil\b)\s*")
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|[?/.,]|\S")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_FAR = timedelta(days=21)


@dataclass(frozen=True)
class SprintDates:
    """What a people.txt title says about the sprint: often a range, sometimes only a year."""

    year: int | None = None
    start: date | None = None
    end: date | None = None
    unclear: str | None = None
    """Why the dates need a human look (a sprint in two parts), else None."""


@dataclass(frozen=True)
class ParsedDates:
    """One attendee's dates; `raw` is always the text as written, even when it was understood."""

    arrive: date | None
    depart: date | None
    raw: str
    host: bool = False
    needs_review: bool = False
    reason: str | None = None


@dataclass
class _Side:
    """One end of a range before the month and year are known ("2 or 3/7" -> days [2, 3])."""

    days: list[int] = field(default_factory=list)
    month: int | None = None
    year: int | None = None
    uncertain: bool = False
    unread: list[str] = field(default_factory=list)


def is_host_text(text: str) -> bool:
    """ "lives there" in any column means the person hosts the sprint and has no travel dates."""
    return bool(_HOST.search(text))


def parse_dates(text: str, sprint: SprintDates | None = None) -> ParsedDates:
    """Read an arrive/depart cell; the sprint supplies the month and year people leave out."""
    raw = text if isinstance(text, str) else str(text)
    stripped = raw.strip()
    if _HOST.search(stripped):
        return ParsedDates(None, None, raw, host=True)
    if _NOTHING.fullmatch(stripped):
        return ParsedDates(None, None, raw)
    iso = _iso_range(raw, stripped)
    if iso is not None:
        return iso
    parts = _RANGE_SEP.split(stripped.lower())
    if len(parts) > 2:
        return _unreadable(raw, "more than one range separator")
    sides = [_parse_side(part) for part in parts]
    unread = [word for side in sides for word in side.unread]
    if unread or any(
        not side.days and part.strip("? ") for side, part in zip(sides, parts, strict=True)
    ):
        return _unreadable(raw, "could not read " + repr(" ".join(unread) or stripped))
    return _resolve(raw, sides, sprint or SprintDates())


def _iso_range(raw: str, stripped: str) -> ParsedDates | None:
    """Dates a program wrote ("2011-11-02 - 2011-11-08") need no guessing at all."""
    found = _ISO.findall(stripped)
    if not found or len(found) > 2 or _ISO.sub("", stripped).strip(" -–—to"):
        return None
    try:
        days = [date(int(y), int(m), int(d)) for y, m, d in found]
    except ValueError as error:
        return _unreadable(raw, f"not a real date: {error}")
    depart = days[-1] if len(days) == 2 else None
    if depart and depart < days[0]:
        return _unreadable(raw, "departure is before arrival")
    reason = None if depart else "only one date given"
    return ParsedDates(days[0], depart, raw, needs_review=reason is not None, reason=reason)


def _unreadable(raw: str, reason: str) -> ParsedDates:
    return ParsedDates(None, None, raw, needs_review=True, reason=reason)


def _parse_side(text: str) -> _Side:
    """Tokens before a "/" are days (maybe "2 or 3"), after it the month and an optional year."""
    side = _Side()
    after_slash = False
    numbers_after: list[int] = []
    for token in _TOKEN.findall(text):
        if token.isascii() and token.isdigit():
            value = int(token)
            if len(token) not in (1, 2, 4):
                side.unread.append(token)
            elif len(token) == 4:
                side.year = value
            elif after_slash:
                numbers_after.append(value)
            else:
                side.days.append(value)
        elif token in "/.":
            after_slash = after_slash or token == "/" or bool(side.days)
        elif token in ("?", "or"):
            side.uncertain = True
        elif token in MONTHS and side.month is None:
            side.month = MONTHS[token]
        elif token not in _ORDINALS and token != ",":
            side.unread.append(token)
    _apply_numbers_after(side, numbers_after)
    return side


def _apply_numbers_after(side: _Side, numbers: list[int]) -> None:
    """ "26/6/11": month then year; anything longer is not a date we understand."""
    if not numbers:
        return
    side.month = numbers[0]
    if len(numbers) > 1:
        side.year = numbers[1] + (2000 if numbers[1] < 100 else 0)
    if len(numbers) > 2:
        side.unread.append("/".join(str(n) for n in numbers))


def _resolve(raw: str, sides: list[_Side], sprint: SprintDates) -> ParsedDates:
    reasons: list[str] = []
    if any((side.uncertain and side.days) or len(side.days) > 1 for side in sides):
        reasons.append(f"uncertain dates {raw.strip()!r}")
    arrive_side = sides[0]
    depart_side = sides[1] if len(sides) > 1 else None
    try:
        arrive, depart = _to_dates(arrive_side, depart_side, sprint)
    except ValueError as error:
        return _unreadable(raw, str(error))
    if depart_side is None:
        reasons.append("only one date given")
    if arrive and depart and depart < arrive:
        return _unreadable(raw, "departure is before arrival")
    if _far_from_sprint(arrive, depart, sprint):
        reasons.append("far from the sprint's dates")
    return ParsedDates(
        arrive, depart, raw, needs_review=bool(reasons), reason=join_reasons(reasons)
    )


def _to_dates(
    first: _Side, second: _Side | None, sprint: SprintDates
) -> tuple[date | None, date | None]:
    """Fill in months from the other side or the sprint; a smaller depart day rolls a month."""
    arrive_day = min(first.days) if first.days else None
    depart_day = max(second.days) if second and second.days else None
    arrive_ym = _arrive_month(first, second, arrive_day, depart_day, sprint)
    arrive = _make_date(arrive_ym, arrive_day)
    if second is None or depart_day is None:
        return arrive, None
    if second.month is not None:
        depart_ym = (second.year or _year_for(second.month, arrive_ym, sprint), second.month)
    elif arrive_day is not None and depart_day < arrive_day:
        depart_ym = _next_month(arrive_ym)
    else:
        depart_ym = arrive_ym
    return arrive, _make_date(depart_ym, depart_day)


def _arrive_month(
    first: _Side,
    second: _Side | None,
    arrive_day: int | None,
    depart_day: int | None,
    sprint: SprintDates,
) -> tuple[int, int]:
    if first.month is not None:
        return (first.year or _year_for(first.month, None, sprint), first.month)
    if second is not None and second.month is not None:
        year = second.year or _year_for(second.month, None, sprint)
        if arrive_day is not None and depart_day is not None and arrive_day > depart_day:
            return _previous_month((year, second.month))
        return (year, second.month)
    return _closest_sprint_month(arrive_day, sprint)


def _closest_sprint_month(day: int | None, sprint: SprintDates) -> tuple[int, int]:
    """Of the sprint's start and end months, the one that puts `day` nearest the sprint."""
    if sprint.start is None or sprint.end is None or day is None:
        raise ValueError("no month given and the sprint's dates are not known")
    best: tuple[int, int] | None = None
    best_distance = None
    for anchor in (sprint.start, sprint.end):
        try:
            candidate = date(anchor.year, anchor.month, day)
        except ValueError:
            continue
        distance = _distance(candidate, sprint.start, sprint.end)
        if best_distance is None or distance < best_distance:
            best, best_distance = (anchor.year, anchor.month), distance
    if best is None:
        raise ValueError(f"day {day} does not exist in the sprint's months")
    return best


def _distance(day: date, start: date, end: date) -> int:
    if day < start:
        return (start - day).days
    return max(0, (day - end).days)


def _year_for(month: int, near: tuple[int, int] | None, sprint: SprintDates) -> int:
    if near is not None:
        return near[0] + (1 if month < near[1] else 0)
    if sprint.start is not None:
        shift = month - sprint.start.month
        return sprint.start.year - (shift > 6) + (shift < -6)
    if sprint.year is None:
        raise ValueError("the year is not known: give the sprint's year in the title")
    return sprint.year


def _next_month(year_month: tuple[int, int]) -> tuple[int, int]:
    year, month = year_month
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _previous_month(year_month: tuple[int, int]) -> tuple[int, int]:
    year, month = year_month
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _make_date(year_month: tuple[int, int], day: int | None) -> date | None:
    if day is None:
        return None
    year, month = year_month
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"not a real date: day {day} of month {month}, {year}") from None


def _far_from_sprint(arrive: date | None, depart: date | None, sprint: SprintDates) -> bool:
    if sprint.start is None or sprint.end is None:
        return False
    early = arrive is not None and arrive < sprint.start - _FAR
    late = depart is not None and depart > sprint.end + _FAR
    return early or late


def format_dates(arrive: date | None, depart: date | None) -> str:
    """The house format written back to people.txt: "2-8 Nov", "30 Oct - 2 Nov" or "?"."""
    if arrive is None and depart is None:
        return "?"
    if arrive is None or depart is None:
        known = arrive or depart
        assert known is not None
        text = f"{known.day} {_ABBREVIATIONS[known.month - 1]}"
        return f"{text} - ?" if depart is None else f"? - {text}"
    first, last = _ABBREVIATIONS[arrive.month - 1], _ABBREVIATIONS[depart.month - 1]
    if (arrive.year, arrive.month) == (depart.year, depart.month):
        return f"{arrive.day}-{depart.day} {first}"
    return f"{arrive.day} {first} - {depart.day} {last}"


_TITLE_TOKEN = re.compile(r"(\d+)(?:st|nd|rd|th)?\b|([^\W\d_]+)|([-–—])", re.IGNORECASE)


def parse_sprint_title(line: str) -> SprintDates:
    """Read "Nov 2nd - 9th, 2011", "April 25 - May 1 2011" or "Summer 2011" from a title.

    Only month names next to a day count as months, so "may" in a sentence is ignored; a
    dash counts only between date words, so "Genova-Pegli" is not a range.
    """
    kinds: list[tuple[str, int]] = []
    for match in _TITLE_TOKEN.finditer(line if isinstance(line, str) else str(line)):
        number, word, dash = match.groups()
        if number and len(number) == 4:
            kinds.append(("year", int(number)))
        elif number and 1 <= int(number) <= 31:
            kinds.append(("day", int(number)))
        elif word and word.lower() in MONTHS:
            kinds.append(("month", MONTHS[word.lower()]))
        elif dash or (word and word.lower() in ("to", "until", "till")):
            kinds.append(("dash", 0))
        else:
            kinds.append(("other", 0))
    years = [value for kind, value in kinds if kind == "year"]
    year = years[-1] if years else None
    left, right = _split_title_range(kinds)
    found = _title_range(year, _title_side(left), _title_side(right))
    parts = line.split("/")
    if len(parts) > 1 and all(_names_a_month(part) for part in parts):
        return _parts_of_title(line, year)
    if found.start and found.end and found.end < found.start:
        if "/" in line:
            return _parts_of_title(line, year)
        return SprintDates(year, found.start, None,
                           f"the title's end comes before its start ({line.strip()}); "
                           "the end is left empty: check the dates")
    return found


def _names_a_month(text: str) -> bool:
    return any(word.lower() in MONTHS for word in re.findall(r"[A-Za-z]+", text))


def _parts_of_title(line: str, year: int | None) -> SprintDates:
    """A sprint in parts ("28-29 June/3-4 July 2009"): from the first part's start to the last
    part's end, flagged so a human checks it (FAULTS 55)."""
    parts = [parse_sprint_title(f"{part} {year or ''}".replace("/", " "))
             for part in line.split("/")]
    starts = [p.start for p in parts if p.start is not None]
    ends = [d for d in (p.end or p.start for p in parts) if d is not None]
    if not starts or not ends or max(ends) < min(starts):
        return SprintDates(year, None, None, f"the title's dates are unclear: {line.strip()}")
    start, end = min(starts), max(ends)
    return SprintDates(year, start, end, f"the title gives the sprint in parts ({line.strip()}); "
                       f"taken as {start} to {end}: check the dates")


def _split_title_range(
    kinds: list[tuple[str, int]],
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    dated = ("day", "month")
    for index, (kind, _value) in enumerate(kinds):
        if kind != "dash" or index == 0 or index + 1 >= len(kinds):
            continue
        if kinds[index - 1][0] in dated and kinds[index + 1][0] in dated:
            return kinds[max(0, index - 3) : index], kinds[index + 1 : index + 4]
    return [], []


def _title_side(tokens: list[tuple[str, int]]) -> tuple[int | None, int | None]:
    """(month, day) of one end; a month counts only when a day is next to it."""
    days = [value for kind, value in tokens if kind == "day"]
    months = [value for kind, value in tokens if kind == "month"]
    return (months[-1] if months else None), (days[-1] if days else None)


def _title_range(
    year: int | None, left: tuple[int | None, int | None], right: tuple[int | None, int | None]
) -> SprintDates:
    start_month = left[0] or right[0]
    end_month = right[0] or left[0]
    if year is None or start_month is None or end_month is None or not left[1] or not right[1]:
        return SprintDates(year=year)
    start_year = year - 1 if start_month > end_month else year
    try:
        return SprintDates(
            year, date(start_year, start_month, left[1]), date(year, end_month, right[1])
        )
    except ValueError:
        return SprintDates(year=year)
