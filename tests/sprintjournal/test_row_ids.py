"""`row_ids.saved`: a flushed row's id passes through, an unflushed one is a loud bug."""

import pytest

from sprintjournal.journal import Journal
from sprintjournal.models import Person
from sprintjournal.row_ids import saved


def test_a_flushed_rows_id_is_returned_as_it_is(journal: Journal) -> None:
    with journal.write() as s:
        person = Person(name="Armin Rigo", name_key="armin rigo")
        s.add(person)
        s.flush()
        assert person.id is not None
        assert saved(person.id) == person.id


def test_zero_is_an_id_not_a_missing_one() -> None:
    assert saved(0) == 0


def test_a_row_not_yet_flushed_is_refused_with_the_remedy() -> None:
    person = Person(name="Armin Rigo", name_key="armin rigo")
    with pytest.raises(ValueError, match=r"no id yet: flush the session"):
        saved(person.id)
