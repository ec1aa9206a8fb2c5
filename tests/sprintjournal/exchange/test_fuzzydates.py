"""Attendance dates as PyPy sprinters actually wrote them, read against the sprint's dates."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprintjournal.exchange.fuzzydates import (
    ParsedDates,
    SprintDates,
    format_dates,
    parse_dates,
    parse_sprint_title,
)

NOV_2011 = SprintDates(2011, date(2011, 11, 2), date(2011, 11, 9))
APRIL_MAY_2011 = SprintDates(2011, date(2011, 4, 25), date(2011, 5, 1))
SUMMER_2011 = SprintDates(2011)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("People coming to the Gothenburg sprint Nov 2nd - 9th, 2011", NOV_2011),
        ("People coming to the Gothenburg sprint April 25 - May 1 2011", APRIL_MAY_2011),
        ("People coming to the Genova-Pegli sprint Summer 2011", SUMMER_2011),
        ("PyPy Göteborg Post-Hallowe'en Sprint Nov 2nd - Nov 9th", SprintDates()),
        ("Sprint Dec 28th - Jan 3rd 2012", SprintDates(2012, date(2011, 12, 28), date(2012, 1, 3))),
    ],
)
def test_sprint_title(title: str, expected: SprintDates) -> None:
    assert parse_sprint_title(title) == expected


@pytest.mark.parametrize(
    ("text", "sprint", "arrive", "depart"),
    [
        ("2-8 Nov", NOV_2011, date(2011, 11, 2), date(2011, 11, 8)),
        ("4-10 november", NOV_2011, date(2011, 11, 4), date(2011, 11, 10)),
        ("3-8", NOV_2011, date(2011, 11, 3), date(2011, 11, 8)),
        ("1-9", NOV_2011, date(2011, 11, 1), date(2011, 11, 9)),
        ("30 Oct - 2 Nov", NOV_2011, date(2011, 10, 30), date(2011, 11, 2)),
        ("24-1", APRIL_MAY_2011, date(2011, 4, 24), date(2011, 5, 1)),
        ("26-01", APRIL_MAY_2011, date(2011, 4, 26), date(2011, 5, 1)),
        ("23-03", APRIL_MAY_2011, date(2011, 4, 23), date(2011, 5, 3)),
        ("26-30", APRIL_MAY_2011, date(2011, 4, 26), date(2011, 4, 30)),
        ("2-3", APRIL_MAY_2011, date(2011, 5, 2), date(2011, 5, 3)),
        ("26/6 - 2/7", SUMMER_2011, date(2011, 6, 26), date(2011, 7, 2)),
        ("2011-11-02 - 2011-11-08", SprintDates(), date(2011, 11, 2), date(2011, 11, 8)),
    ],
)
def test_clear_dates_are_read_without_review(
    text: str, sprint: SprintDates, arrive: date, depart: date
) -> None:
    parsed = parse_dates(text, sprint)
    assert (parsed.arrive, parsed.depart) == (arrive, depart)
    assert not parsed.needs_review
    assert parsed.reason is None
    assert parsed.raw == text


@pytest.mark.parametrize(
    ("text", "arrive", "depart"),
    [
        ("26/6 - 2 or 3/7", date(2011, 6, 26), date(2011, 7, 3)),
        ("2 or 3/7", date(2011, 7, 2), None),
        ("Feb 4? - 9?", date(2011, 2, 4), date(2011, 2, 9)),
    ],
)
def test_uncertain_dates_take_the_widest_stay_and_are_flagged(
    text: str, arrive: date, depart: date | None
) -> None:
    parsed = parse_dates(text, SUMMER_2011)
    assert (parsed.arrive, parsed.depart) == (arrive, depart)
    assert parsed.needs_review
    assert parsed.reason


@pytest.mark.parametrize("text", ["", "  ", "?", "???", "--", "? - ?"])
def test_unknown_dates_are_empty_but_not_errors(text: str) -> None:
    assert parse_dates(text, NOV_2011) == ParsedDates(None, None, text)


@pytest.mark.parametrize("text", ["lives there", "Lives there", "lives here"])
def test_lives_there_marks_a_host(text: str) -> None:
    parsed = parse_dates(text, NOV_2011)
    assert parsed.host
    assert (parsed.arrive, parsed.depart, parsed.raw) == (None, None, text)


@pytest.mark.parametrize(
    ("text", "sprint"),
    [
        ("soon", NOV_2011),
        ("3-8", SprintDates()),
        ("3-8", SUMMER_2011),
        ("31/2 - 3/3", SUMMER_2011),
        ("9-2 Nov", NOV_2011),
        ("2-8 Nov", SprintDates()),
        ("1-2-3-4", NOV_2011),
        ("8 Nov - 2 Nov", NOV_2011),
        ("2011-11-09 - 2011-11-02", NOV_2011),
    ],
)
def test_unreadable_dates_are_flagged_and_kept(text: str, sprint: SprintDates) -> None:
    parsed = parse_dates(text, sprint)
    assert parsed.needs_review
    assert parsed.reason
    assert parsed.raw == text


def test_dates_far_from_the_sprint_are_flagged() -> None:
    parsed = parse_dates("1-3 Sep", NOV_2011)
    assert parsed.arrive == date(2011, 9, 1)
    assert parsed.needs_review


def test_format_dates_is_read_back() -> None:
    for arrive, depart in [
        (date(2011, 11, 2), date(2011, 11, 8)),
        (date(2011, 10, 30), date(2011, 11, 2)),
        (date(2011, 11, 4), None),
        (None, None),
    ]:
        parsed = parse_dates(format_dates(arrive, depart), NOV_2011)
        assert (parsed.arrive, parsed.depart) == (arrive, depart)


@given(st.text())
def test_parse_dates_never_raises(text: str) -> None:
    parsed = parse_dates(text, APRIL_MAY_2011)
    assert parsed.raw == text
    if parsed.arrive and parsed.depart:
        assert parsed.arrive <= parsed.depart


@given(st.text(alphabet="0123456789 -/?or novdecjan.,\t"), st.sampled_from([NOV_2011, SUMMER_2011]))
def test_parse_dates_never_raises_on_date_like_text(text: str, sprint: SprintDates) -> None:
    parsed = parse_dates(text, sprint)
    assert parsed.raw == text
    assert parsed.needs_review == (parsed.reason is not None)


@given(st.text())
def test_parse_sprint_title_never_raises(text: str) -> None:
    sprint = parse_sprint_title(text)
    if sprint.start and sprint.end:
        assert sprint.start <= sprint.end
