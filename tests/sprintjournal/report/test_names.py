"""`report.names`: the name a post uses for a person in running text."""

import pytest

from sprintjournal.records import PersonRef
from sprintjournal.report.names import given_names, short_names


@pytest.mark.parametrize(("name", "given"), [
    ("Carl Friedrich Bolz", "Carl Friedrich"),
    ("Guido van Rossum", "Guido"),
    ("Ludwig van der Waals", "Ludwig"),
    ("Antonio Cuni", "Antonio"),
    ("fijal", "fijal"),
    ("  arigo  ", "arigo"),
    ("Van Morrison", "Van"),  # a particle that is the only given name stays
    ("Maciej Fijałkowski", "Maciej"),
])
def test_given_names_keep_every_given_name_and_drop_particles(name: str, given: str) -> None:
    assert given_names(name) == given


def test_unique_short_names_are_used() -> None:
    people = [PersonRef(1, "Armin Rigo"), PersonRef(2, "Carl Friedrich Bolz")]
    assert short_names(people) == {1: "Armin", 2: "Carl Friedrich"}


def test_people_who_would_share_a_short_name_keep_their_full_names() -> None:
    people = [PersonRef(1, "Anders Hammarquist"), PersonRef(2, "anders Lehmann"),
              PersonRef(3, "Armin Rigo")]
    assert short_names(people) == {1: "Anders Hammarquist", 2: "anders Lehmann", 3: "Armin"}


def test_the_same_person_listed_twice_is_not_a_collision() -> None:
    armin = PersonRef(1, "Armin Rigo")
    assert short_names([armin, armin]) == {1: "Armin"}


def test_no_people_no_names() -> None:
    assert short_names([]) == {}
