"""Full-text search (FTS5): every kind of item, prefixes, accents, hostile input, sprint scope."""

import io
from datetime import date

import pytest
from PIL import Image

from sprintjournal import full_text as search_usecase
from sprintjournal.demo import build_demo
from sprintjournal.full_text import fts_query
from sprintjournal.journal import Journal
from sprintjournal.records import SearchHit


def small_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def sprints(journal: Journal) -> tuple[int, int]:
    nov = journal.add_sprint("November", start=date(2011, 11, 2)).id
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    journal.add_person("Håkan Ardö", email="hakan@example.org")
    journal.add_note(nov, date(2011, 11, 4), "Refactored unrolling around the TARGET resoperation.")
    journal.add_standup_item(
        nov, date(2011, 11, 4), "done", "Specialised tuples of floats", status="blocked on review"
    )
    journal.add_branch(
        nov,
        "ffistruct",
        goal="Let the JIT read C structs",
        results=["400 times faster than ctypes"],
        notes="merged by Anto",
    )
    journal.add_photo(
        nov, small_jpeg(), "cake.jpg", caption="Birthday cake", alt="candles on chocolate"
    )
    journal.add_note(
        spring, date(2011, 4, 26), "Release day: PyPy 1.5 is out; unrolling untouched."
    )
    return nov, spring


def kinds(hits: list[SearchHit]) -> list[tuple[str, int | None]]:
    return sorted((h.kind, h.sprint_id) for h in hits)


def test_every_kind_of_item_is_found(journal: Journal, sprints: tuple[int, int]) -> None:
    nov, _ = sprints
    assert kinds(journal.search("resoperation")) == [("note", nov)]
    assert kinds(journal.search("floats")) == [("standup", nov)]
    assert kinds(journal.search("review")) == [("standup", nov)]  # the status text
    assert kinds(journal.search("ctypes")) == [("branch", nov)]  # results
    assert kinds(journal.search("Anto")) == [("branch", nov)]  # branch notes
    assert kinds(journal.search("hakan@example.org")) == [("person", None)]
    assert kinds(journal.search("cake")) == [("photo", nov)]
    assert kinds(journal.search("chocolate")) == [("photo", nov)]  # alt text


def test_hits_carry_the_item_id_and_a_marked_snippet(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    (hit,) = journal.search("ffistruct")
    (branch,) = journal.list_branches(sprints[0])
    assert (hit.kind, hit.item_id) == ("branch", branch.id)
    assert "[ffistruct]" in hit.snippet


def test_search_as_you_type_matches_prefixes(journal: Journal, sprints: tuple[int, int]) -> None:
    assert kinds(journal.search("resop")) == [("note", sprints[0])]
    assert kinds(journal.search("refactored unro")) == [("note", sprints[0])]
    assert journal.search("unro refactored") == []  # only the last word is a prefix


def test_accents_are_folded_both_ways(journal: Journal, sprints: tuple[int, int]) -> None:
    assert kinds(journal.search("hakan")) == [("person", None)]
    assert kinds(journal.search("ARDÖ")) == [("person", None)]
    journal.add_note(sprints[0], None, "Dinner at the café near Järntorget")
    assert kinds(journal.search("cafe jarntorget")) == [("note", sprints[0])]


def test_edits_and_removals_update_the_index(journal: Journal, sprints: tuple[int, int]) -> None:
    nov = sprints[0]
    nid = journal.add_note(nov, None, "quokka").id
    assert [h.item_id for h in journal.search("quokka")] == [nid]
    journal.set_note_text(nid, "wombat")
    assert journal.search("quokka") == []
    assert [h.item_id for h in journal.search("wombat")] == [nid]
    journal.remove_note(nid)
    assert journal.search("wombat") == []


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '""',
        "*",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "unrolling AND",
        '"unrolling',
        "NEAR(a b)",
        "-unrolling",
        "^unro",
        "body:unrolling",
        "{kind}",
        "'; DROP TABLE note; --",
        "   ",
        "",
        "🎂",
        "unrolling\x00",
        "a" * 2000,
    ],
)
def test_fts_syntax_in_user_input_never_raises(
    journal: Journal, sprints: tuple[int, int], hostile: str
) -> None:
    hits = journal.search(hostile)
    assert isinstance(hits, list)
    assert len(journal.list_notes(sprints[0])) == 1  # and nothing was harmed


def test_operator_words_are_searched_as_words(journal: Journal, sprints: tuple[int, int]) -> None:
    journal.add_note(sprints[0], None, "to be or not to be")
    assert kinds(journal.search("or not")) == [("note", sprints[0])]
    assert fts_query('AND (x* "y') == '"AND" "x" "y"*'


def test_results_are_limited_to_the_sprint_plus_people(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    nov, spring = sprints
    assert kinds(journal.search("unrolling")) == sorted([("note", nov), ("note", spring)])
    assert kinds(journal.search("unrolling", sprint_id=nov)) == [("note", nov)]
    assert kinds(journal.search("unrolling", sprint_id=spring)) == [("note", spring)]
    assert kinds(journal.search("hakan", sprint_id=spring)) == [("person", None)]


def test_limit_is_respected(journal: Journal, sprints: tuple[int, int]) -> None:
    for n in range(20):
        journal.add_note(sprints[0], None, f"sprint note {n}")
    assert len(journal.search("note", limit=5)) == 5


def test_the_demo_is_searchable(journal: Journal) -> None:
    nov = build_demo(journal)
    found = {h.kind for h in journal.search("hakan", sprint_id=nov)}
    assert found == {"person", "standup", "note"}
    assert {h.kind for h in journal.search("5×")} >= {"note", "photo"}


def test_branch_results_are_indexed_as_text_not_json(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    (hit,) = journal.search("ctypes", sprint_id=sprints[0])
    assert "[ctypes]" in hit.snippet and '["' not in hit.snippet and '"]' not in hit.snippet
    (branch,) = journal.list_branches(sprints[0])
    journal.update_branch(branch.id, results=[])
    assert journal.search("ctypes") == []
    assert [h.kind for h in journal.search("ffistruct")] == ["branch"]  # an empty list is fine


def test_hits_say_where_they_are(journal: Journal, sprints: tuple[int, int]) -> None:
    nov, _ = sprints
    journal.add_branch(nov, "tuples")
    (branch,) = [b for b in journal.list_branches(nov) if b.name == "tuples"]
    journal.add_standup_item(nov, date(2011, 11, 3), "today", "more floats", branch_id=branch.id)
    where = {(h.kind, h.day, h.branch) for h in journal.search("floats")}
    assert where == {("standup", date(2011, 11, 4), None),
                     ("standup", date(2011, 11, 3), "tuples")}
    (note,) = journal.search("resoperation")
    assert (note.day, note.branch) == (date(2011, 11, 4), None)
    journal.add_note(nov, None, "quokka without a day")
    assert [(h.day, h.branch) for h in journal.search("quokka")] == [(None, None)]
    assert [h.day for h in journal.search("ffistruct")] == [None]  # a branch has no day


def bm25_order(journal: Journal, words: str) -> list[tuple[str, int, float]]:
    """Every match ranked by bm25, straight from the index (what search ranks, uncapped)."""
    with journal.read() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT kind, item_id, bm25(search_index, 1.0, 0.0) AS score FROM search_index "
            "WHERE search_index MATCH ? ORDER BY score, rowid", (f"body : ({fts_query(words)})",)
        ).all()
    return [(k, int(i), float(r)) for k, i, r in rows]


def test_up_to_the_cap_every_match_is_ranked_by_bm25(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    nov, _ = sprints
    for n in range(12):
        journal.add_note(nov, None, "quokka " * (n % 4 + 1) + "filler words " * n)
    ranked = bm25_order(journal, "quokka")
    hits = journal.search("quokka")
    assert [h.rank for h in hits] == [r for _k, _i, r in ranked]
    assert sorted(h.item_id for h in hits) == sorted(i for _k, i, _r in ranked)
    assert [h.rank for h in journal.search("quokka", limit=5)] == [r for *_x, r in ranked[:5]]


def test_beyond_the_cap_the_most_recently_written_matches_are_ranked(
    journal: Journal, sprints: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documented order: a word in more items than RANKED ranks the newest RANKED."""
    nov, _ = sprints
    monkeypatch.setattr(search_usecase, "RANKED", 4)
    ids = [journal.add_note(nov, None, "quokka " * (9 - n) + "and more words " * n).id
           for n in range(8)]  # the oldest notes match best
    newest = set(ids[-4:])
    hits = journal.search("quokka")
    assert {h.item_id for h in hits} == newest
    scores = {i: r for _k, i, r in bm25_order(journal, "quokka")}
    assert [h.rank for h in hits] == sorted(scores[i] for i in newest)  # bm25 among them
    journal.set_note_text(ids[0], "quokka " * 9 + "edited")  # written again: recent now
    assert ids[0] in {h.item_id for h in journal.search("quokka")}
    assert journal.search("quokka")[0].item_id == ids[0]
