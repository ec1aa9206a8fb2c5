"""search_model, the snippets: a hit's text reads as the rendered note (no Markdown syntax, link
targets dropped, task boxes drawn), the match kept for the bold, the kind and where it is named,
and where a hit is asked once per row, only for rows shown."""

import pytest
from PySide6.QtCore import Qt
from sprintjournal_ui.models.search_model import (
    HitRole,
    SearchModel,
    SpansRole,
    plain_snippet,
    snippet_spans,
    snippet_text,
)

from sprintjournal.records import SearchHit


@pytest.mark.parametrize(("snippet", "plain"), [
    ("see [the blog](https://morepypy.blogspot.com/2011/11/) post",
     "see the blog post"),
    ("![the cake](photos/cake.jpg) was eaten", "the cake was eaten"),
    ("- [x] merge [ffistruct]\n- [ ] win64", "☑ merge [ffistruct]\n☐ win64"),
    ("## Friday\n\nthe [JIT]", "Friday\n\nthe [JIT]"),
    ("* stm\n+ jit-targets", "• stm\n• jit-targets"),
    ("a **TARGET** resoperation (`jit-targets`) ~~gone~~",
     "a TARGET resoperation (jit-targets) gone"),
    ("the *fast* path and _slow_ path", "the fast path and slow path"),
    ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
])
def test_a_snippet_reads_as_the_rendered_note(snippet: str, plain: str) -> None:
    assert plain_snippet(snippet) == plain


def test_the_text_names_the_kind_and_where_and_drops_the_marks() -> None:
    hit = SearchHit("standup", 4, 1, "adds a **[TARGET]** resoperation")
    assert snippet_text(hit, "Fri 4 Nov · #jit-targets") == (
        "Stand-up, Fri 4 Nov · #jit-targets: adds a TARGET resoperation")
    assert snippet_text(SearchHit("person", 2, None, "[Armin] Rigo")) == "Person: Armin Rigo"
    assert snippet_text(SearchHit("sprint", 1, None, "[Gothenburg]")) == "sprint: Gothenburg"


def test_the_spans_put_where_after_the_kind_on_one_line() -> None:
    hit = SearchHit("note", 3, 1, "# Thursday\n\n@Armin explained [STM]")
    text, bold = snippet_spans(hit, "Thu 3 Nov")
    assert text.startswith("Note · Thu 3 Nov — ") and "\n" not in text
    assert " ".join(text.split()) == "Note · Thu 3 Nov — Thursday @Armin explained STM"
    assert [text[s : s + n] for s, n in bold] == ["Note", "STM"]


def test_a_row_offers_its_text_its_spans_and_its_hit() -> None:
    hit = SearchHit("branch", 7, 1, "[ffistruct] merged")
    model = SearchModel()
    model.set_hits([hit])
    row = model.index(0)
    assert row.data() == "Branch: ffistruct merged"
    assert row.data(Qt.ItemDataRole.ToolTipRole) == row.data()
    assert row.data(Qt.ItemDataRole.AccessibleTextRole) == row.data()
    assert row.data(SpansRole) == snippet_spans(hit)
    assert row.data(HitRole) is hit and model.hit(0) is hit


def test_where_a_hit_is_is_asked_once_per_row_and_only_when_shown() -> None:
    asked: list[int] = []
    model = SearchModel()

    def locate(hit: SearchHit) -> str:
        asked.append(hit.item_id)
        return f"day of {hit.item_id}"

    model.locate = locate
    model.set_hits([SearchHit("note", 1, 1, "[a]"), SearchHit("note", 2, 1, "[b]")])
    assert asked == []
    row = model.index(0)
    assert row.data() == "Note, day of 1: a"
    assert row.data(SpansRole).text == "Note · day of 1 — a"
    assert row.data(Qt.ItemDataRole.ToolTipRole) == "Note, day of 1: a"
    assert asked == [1]
    model.set_hits([SearchHit("note", 1, 1, "[a]")])  # a new search asks again
    model.index(0).data()
    assert asked == [1, 1]


def _bold_words(text: str, bold: tuple[tuple[int, int], ...]) -> list[str]:
    """The bold ranges read back the way Qt counts them: in UTF-16 units."""
    units = text.encode("utf-16-le")
    return [units[2 * s : 2 * (s + n)].decode("utf-16-le") for s, n in bold]


def test_snippets_show_user_text_literally_with_kind_and_matches_bold() -> None:
    hit = SearchHit("note", 1, 1, "<img src=x onerror=alert(1)> [ffistruct] is fast")
    text, bold = snippet_spans(hit)
    assert text == "Note — <img src=x onerror=alert(1)> ffistruct is fast"
    assert _bold_words(text, bold) == ["Note", "ffistruct"]


def test_bold_ranges_count_emoji_as_qt_does() -> None:
    hit = SearchHit("photo", 1, 1, "🎂👩‍💻 [cake]: 5× [faster] than CPython")
    text, bold = snippet_spans(hit)
    assert _bold_words(text, bold) == ["Photo", "cake", "faster"]
