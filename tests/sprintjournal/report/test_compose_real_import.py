"""The real people.txt and planning.txt of PyPy's Gothenburg November 2011 sprint, imported into
a fresh journal: the draft is short but true, and private logistics stay out."""

from datetime import date
from pathlib import Path

from story_checks import empty_headings, numeral_initial, plain, repeated_labels

from sprintjournal.exchange.textfiles import import_file
from sprintjournal.journal import Journal
from sprintjournal.report.compose import compose_draft
from sprintjournal.report.export import export_report
from sprintjournal.report.formats import formats
from sprintjournal.report.suggestions import suggestions

FORMATS = tuple(formats())

PRIVATE = ("SGS Veckobostader", "Hotel Poseidon", "vegetarian", "Laura's and Jacob's",
           "lives there", "4-10 november", "2-8 Nov")


def _imported(journal: Journal, samples: Path) -> int:
    folder = samples / "gothenburg-2011-2"
    import_file(journal, folder / "people.txt", None, None)
    (sprint,) = journal.list_sprints()
    import_file(journal, folder / "planning.txt", sprint.id, date(2011, 11, 4))
    return sprint.id


def test_the_draft_is_true_and_claims_nothing_unconfirmed(journal: Journal,
                                                          samples: Path) -> None:
    sid = _imported(journal, samples)
    for group_by in ("person", "branch"):
        draft = compose_draft(journal, sid, group_by)
        text = plain(draft)
        assert "took place from 2 to 9 November 2011, at Jacob and Laura's place." in text
        for name in ("Laura Creighton", "Armin Rigo", "Maciej Fijałkowski", "Antonio Cuni",
                     "Håkan Ardö", "Sam Lade", "Mark Pearse"):
            assert name in text
        assert "welcome" not in text.casefold()  # every flag is a guess in a fresh journal
        assert "It was the" not in text  # "first sprint of 2011" would be false
        assert "planned" not in text and "paired" not in text
        assert "win64" not in text, "stand-up items are private until marked"
        assert all(p not in draft for p in PRIVATE)
        assert empty_headings(draft) == []
        assert text.count("Thanks") == 1


def test_guesses_are_offered_as_suggestions(journal: Journal, samples: Path) -> None:
    sid = _imported(journal, samples)
    kinds = [s.kind for s in suggestions(journal, sid)]
    assert kinds.count("newcomer") == 7  # everyone but the two hosts
    assert "ordinal" in kinds


def test_marked_stand_up_items_are_told_once_in_order(journal: Journal, samples: Path,
                                                      tmp_path: Path) -> None:
    sid = _imported(journal, samples)
    done = [i for i in journal.list_standup(sid) if i.section == "done"]
    for item in done:
        journal.update_standup_item(item.id, publish=True)
    draft = compose_draft(journal, sid)
    text = plain(draft)
    places = [text.index(" ".join(i.text.rstrip(".").split())) for i in done]
    assert places == sorted(places)
    assert "On Friday, Christian works on win64 support" in text
    assert "specialized 2-tuples" not in text  # a "today" item, not marked
    assert numeral_initial(draft) == [] and repeated_labels(draft) == []
    for fmt in FORMATS:
        for path in export_report(journal, sid, fmt, tmp_path / fmt):
            if path.suffix in (".md", ".html"):
                body = path.read_text(encoding="utf-8")
                assert all(p not in body for p in PRIVATE), (fmt, path.name)
