"""`usecases.branches` called directly: figures, names, look-up by name, errors."""

from datetime import date

import pytest

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.records import FigureRec
from sprintjournal.usecases import branches
from sprintjournal.usecases.common import reads


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("November", start=date(2011, 11, 2)).id


def test_figures_are_kept_verbatim_from_records_or_mappings(
    journal: Journal, sprint: int
) -> None:
    with journal.write() as s:
        b = branches.add(s, sprint, "ffistruct", figures=[
            FigureRec("struct access", "about 400 times faster", "ctypes"),
            {"what": " json ", "value": " 2x ", "compared_with": None},
        ])
    assert b.figures == [
        {"what": "struct access", "value": "about 400 times faster", "compared_with": "ctypes"},
        {"what": "json", "value": "2x", "compared_with": ""},
    ]
    with journal.read() as s:
        (rec,) = reads(s).list_branches(sprint)
    assert rec.figures == (FigureRec("struct access", "about 400 times faster", "ctypes"),
                           FigureRec("json", "2x", ""))


@pytest.mark.parametrize(("figure", "message"), [
    ({"what": "speed", "value": "  "}, "A figure needs its value"),
    ("400x", "A figure needs what, value and compared_with, not '400x'"),
])
def test_a_figure_without_a_value_or_shape_is_refused(
    journal: Journal, sprint: int, figure: object, message: str
) -> None:
    with pytest.raises(ValidationError, match=message), journal.write() as s:
        branches.add(s, sprint, "jit", figures=[figure])
    assert journal.list_branches(sprint) == []


def test_figures_of_reads_stored_figures_with_missing_keys_as_empty(
        journal: Journal, sprint: int) -> None:
    bid = journal.add_branch(sprint, "jit").id
    with journal.write() as s:
        s.connection().exec_driver_sql("UPDATE branch SET figures = ? WHERE id = ?",
                                       ('[{"value": "10%"}, {}]', bid))
    assert journal.list_branches(sprint)[0].figures == (FigureRec("", "10%", ""),
                                                        FigureRec("", "", ""))


def test_names_are_stored_composed_and_stripped(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        b = branches.add(s, sprint, "  re\u0301sume\u0301 ")
    assert b.name == "r\u00e9sum\u00e9"


def test_a_blank_name_is_refused_on_add_and_on_update(journal: Journal, sprint: int) -> None:
    with pytest.raises(ValidationError, match=r"A branch needs a name\."), journal.write() as s:
        branches.add(s, sprint, "   ")
    bid = journal.add_branch(sprint, "stm").id
    with pytest.raises(ValidationError, match=r"A branch needs a name\."), journal.write() as s:
        branches.update_branch(s, bid, name="")
    assert [b.name for b in journal.list_branches(sprint)] == ["stm"]


def test_a_branch_may_be_renamed_to_its_own_name(journal: Journal, sprint: int) -> None:
    bid = journal.add_branch(sprint, "stm").id
    with journal.write() as s:
        branches.update_branch(s, bid, name="stm", goal="software transactional memory")
    (rec,) = journal.list_branches(sprint)
    assert (rec.name, rec.goal) == ("stm", "software transactional memory")


def test_results_and_links_are_stored_as_text(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        b = branches.add(s, sprint, "jit", results=[42, "merged"], links=("https://x.org",))
    assert (b.results, b.links) == (["42", "merged"], ["https://x.org"])


def test_find_ignores_case_spaces_a_leading_hash_and_normalisation(
    journal: Journal, sprint: int
) -> None:
    bid = journal.add_branch(sprint, "r\u00e9sum\u00e9").id
    other = journal.add_sprint("Spring").id
    journal.add_branch(other, "résumé")
    with journal.read() as s:
        for spelling in ("RÉSUMÉ", " #re\u0301sume\u0301 ", "résumé"):
            found = branches.find(s, sprint, spelling)
            assert found is not None and found.id == bid
        assert branches.find(s, sprint, "resume") is None


def test_update_replaces_people_only_when_given(journal: Journal, sprint: int) -> None:
    bid = journal.add_branch(sprint, "ffistruct", people=["Antonio Cuni", "Armin Rigo"]).id
    with journal.write() as s:
        branches.update_branch(s, bid, status="merged")
    assert [p.name for p in journal.list_branches(sprint)[0].people] == [
        "Antonio Cuni", "Armin Rigo"]
    with journal.write() as s:
        branches.update_branch(s, bid, people=["Armin Rigo"])
    assert [p.name for p in journal.list_branches(sprint)[0].people] == ["Armin Rigo"]


def test_an_unknown_field_is_named_in_the_refusal(journal: Journal, sprint: int) -> None:
    bid = journal.add_branch(sprint, "jit").id
    with (
        pytest.raises(ValidationError, match=r"Unknown branch fields: owner"),
        journal.write() as s,
    ):
        branches.update_branch(s, bid, owner="arigo")


def test_missing_branches_and_sprints_are_named(journal: Journal) -> None:
    with (
        pytest.raises(NotFoundError, match=r"No branch with id 7 in this journal\."),
        journal.write() as s,
    ):
        branches.remove(s, 7)
    with (
        pytest.raises(NotFoundError, match=r"No sprint with id 3 in this journal\."),
        journal.write() as s,
    ):
        branches.add(s, 3, "jit")


def test_remove_returns_the_branchs_sprint(journal: Journal, sprint: int) -> None:
    bid = journal.add_branch(sprint, "jit").id
    with journal.write() as s:
        assert branches.remove(s, bid) == sprint
    assert journal.list_branches(sprint) == []
