"""people.txt as PyPy really wrote it: Latin-1 and UTF-8, tabs, overflowing names."""

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from locations import SAMPLES

from sprintjournal.exchange.people_txt import ParsedPeople, parse_people_txt, write_people_txt
from sprintjournal.exchange.schema import AttendeeDoc


def _people(sprint: str) -> ParsedPeople:
    return parse_people_txt((SAMPLES / sprint / "people.txt").read_bytes())


def _by_name(parsed: ParsedPeople) -> dict[str, AttendeeDoc]:
    return {attendee.person: attendee for attendee in parsed.attendees}


def test_gothenburg_2011_2_utf8() -> None:
    parsed = _people("gothenburg-2011-2")
    assert parsed.encoding == "utf-8"
    assert (parsed.year, parsed.start, parsed.end) == (2011, date(2011, 11, 2), date(2011, 11, 9))
    people = _by_name(parsed)
    assert len(people) == 8
    for host in ("Jacob Hallen", "Laura Creighton"):
        assert people[host].host
        assert people[host].arrive is None
        assert people[host].dates_text == "lives there"
    maciej = people["Maciej Fijałkowski"]
    assert (maciej.arrive, maciej.depart) == (date(2011, 11, 2), date(2011, 11, 8))
    assert maciej.diet == "vegetarian"
    assert maciej.accommodation == "SGS Veckobostader"
    anto = people["Antonio Cuni"]
    assert (anto.arrive, anto.depart) == (date(2011, 11, 4), date(2011, 11, 10))
    assert anto.accommodation == "Laura's and Jacob's"
    hakan = people["Håkan Ardö"]
    assert (hakan.arrive, hakan.depart) == (date(2011, 11, 3), date(2011, 11, 8))
    assert hakan.accommodation == "?"
    assert people["Sam Lade"].arrive == date(2011, 11, 1)
    assert people["Armin Rigo"].dates_text == "?"
    assert people["Armin Rigo"].arrive is None
    assert not any(attendee.needs_review for attendee in parsed.attendees)
    assert parsed.problems == []
    assert parsed.past_attendees == []


def test_gothenburg_2011_latin1_with_tabs_and_overflow() -> None:
    parsed = _people("gothenburg-2011")
    assert parsed.encoding == "latin-1"
    assert (parsed.start, parsed.end) == (date(2011, 4, 25), date(2011, 5, 1))
    people = _by_name(parsed)
    assert len(people) == 12
    kristjan = people["Kristján Valur Jónsson"]
    assert (kristjan.arrive, kristjan.depart) == (date(2011, 4, 27), date(2011, 5, 1))
    assert kristjan.needs_review
    assert kristjan.notes and "Kristján Valur Jónsson 27-1" in kristjan.notes
    dario = people["Dario Bertini"]
    assert dario.diet is not None
    assert "no alcohol, cheese" in dario.diet
    assert "sliced meat" in dario.diet
    assert dario.accommodation == "???"
    assert dario.needs_review
    carl = people["Carl Friedrich Bolz"]
    assert (carl.arrive, carl.depart) == (date(2011, 4, 24), date(2011, 5, 1))
    assert (carl.accommodation, carl.diet) == ("J+L's house", "Vegan")
    assert not carl.needs_review
    assert people["Jacob Hallen"].host
    assert people["Jacob Hallen"].diet == "no peppers"
    assert people["Hakan Ardo"].depart == date(2011, 4, 27)
    assert people["Romain Guillebert"].depart == date(2011, 5, 3)
    flagged_lines = {problem.location for problem in parsed.problems}
    assert {"line 21", "line 24"} <= flagged_lines


def test_genova_hosts_uncertain_dates_and_past_attendees() -> None:
    parsed = _people("genova-pegli-2011")
    assert parsed.year == 2011
    assert parsed.start is None
    people = _by_name(parsed)
    assert len(people) == 7
    anto = people["Antonio Cuni"]
    assert anto.host
    assert anto.accommodation == "lives there"
    assert anto.dates_text == "--"
    laura = people["Laura Creighton"]
    assert (laura.arrive, laura.depart) == (date(2011, 6, 26), date(2011, 7, 2))
    dario = people["Dario Bertini"]
    assert dario.arrive == date(2011, 6, 26)
    assert dario.depart in (date(2011, 7, 2), date(2011, 7, 3))
    assert dario.needs_review
    assert dario.dates_text == "26/6 - 2 or 3/7"
    assert "Sylvain Thénault" in parsed.past_attendees
    assert "Boris Feigin" in parsed.past_attendees
    assert len(parsed.past_attendees) == 34
    assert "Sylvain Thénault" not in people
    assert "Michael Foord" not in people


def test_continuation_and_columns_found_by_header_name() -> None:
    text = (
        "People coming to the sprint Nov 2nd - 9th, 2011\n"
        "===============================================\n\n"
        "====== ============ ============= ========\n"
        " Diet  Name         Accommodation Dates\n"
        "====== ============ ============= ========\n"
        "vegan  Ann Example  hotel         2-8 Nov\n"
        "       Smith\n"
        "none   Bo           ?             ?\n"
        "====== ============ ============= ========\n"
    )
    people = _by_name(parse_people_txt(text))
    ann = people["Ann Example / Smith"]
    assert (ann.diet, ann.accommodation) == ("vegan", "hotel")
    assert ann.arrive == date(2011, 11, 2)
    assert people["Bo"].diet == "none"


def test_unknown_columns_land_in_notes_and_nameless_rows_in_problems() -> None:
    text = (
        "==== ======= =====\n"
        "Name Arrive  Shirt\n"
        "==== ======= =====\n"
        "Ann  ?       XL\n"
        "==== ======= =====\n"
    )
    parsed = parse_people_txt(text)
    assert parsed.attendees[0].notes == "Shirt: XL"
    orphan = parse_people_txt("== ==\n   x\n== ==\n")
    assert orphan.attendees == []
    assert any("x" in problem.message for problem in orphan.problems)


ATTENDEE = st.builds(
    AttendeeDoc,
    person=st.from_regex(r"[A-Z][a-zåöłé]{1,8}( [A-Z][a-zåöłé]{1,10}){0,2}", fullmatch=True),
    arrive=st.sampled_from([date(2011, 10, 30), date(2011, 11, 2), date(2011, 11, 4)]),
    depart=st.sampled_from([date(2011, 11, 8), date(2011, 11, 9), date(2011, 12, 1)]),
    accommodation=st.one_of(
        st.none(), st.from_regex(r"[A-Za-z'?+][A-Za-z' ?+]{0,20}", fullmatch=True)
    ),
    diet=st.one_of(st.none(), st.sampled_from(["vegan", "vegetarian", "no peppers"])),
)


@settings(max_examples=60)
@given(st.lists(ATTENDEE, max_size=6))
def test_write_then_parse_round_trips(attendees: list[AttendeeDoc]) -> None:
    title = "People coming to the Gothenburg sprint Nov 2nd - 9th, 2011"
    parsed = parse_people_txt(write_people_txt(title, attendees))
    assert parsed.title == title
    assert parsed.problems == []
    assert len(parsed.attendees) == len(attendees)
    for written, read in zip(attendees, parsed.attendees, strict=True):
        assert read.person == written.person
        assert (read.arrive, read.depart) == (written.arrive, written.depart)
        expected = " ".join(written.accommodation.split()) if written.accommodation else None
        assert read.accommodation == (expected or None)
        assert read.diet == written.diet


def test_writer_keeps_hosts_and_dates_text() -> None:
    attendees = [
        AttendeeDoc(person="Jacob Hallen", host=True),
        AttendeeDoc(person="Dario Bertini", dates_text="26/6 - 2 or 3/7", accommodation="?"),
    ]
    text = write_people_txt("People coming to the Genova-Pegli sprint Summer 2011", attendees)
    people = _by_name(parse_people_txt(text))
    assert people["Jacob Hallen"].host
    assert people["Dario Bertini"].dates_text == "26/6 - 2 or 3/7"
    assert people["Dario Bertini"].depart == date(2011, 7, 3)


def _output_text(parsed: ParsedPeople) -> str:
    parts = [parsed.title or "", *parsed.paragraphs, *parsed.columns, *parsed.past_attendees]
    parts += [str(problem) for problem in parsed.problems]
    for attendee in parsed.attendees:
        parts += [attendee.person, attendee.dates_text or "", attendee.accommodation or ""]
        parts += [attendee.diet or "", attendee.notes or ""]
    return "\n".join(parts)


LINE = st.one_of(
    st.sampled_from(
        [
            "",
            "==== ======= =====",
            "====================",
            "Name Arrive  Food",
            "Ann  2-8 Nov vegan",
            "     more",
            "Kristján Valur 27-1",
            "Bo\t  ?\t  x",
            "present at previous sprints:",
        ]
    ),
    st.text(alphabet="abcåé XYZ09=-?\t/", max_size=30),
)


@settings(max_examples=300)
@given(st.lists(LINE, max_size=14))
def test_parser_never_raises_and_keeps_every_word(lines: list[str]) -> None:
    text = "\n".join(lines)
    parsed = parse_people_txt(text)
    output = _output_text(parsed)
    for word in re.findall(r"\w+", text):
        assert word in output, word


@given(st.binary(max_size=200))
def test_parser_never_raises_on_bytes(data: bytes) -> None:
    parse_people_txt(data)
