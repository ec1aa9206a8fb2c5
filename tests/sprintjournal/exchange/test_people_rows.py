"""A people.txt row read on its own, as docutils reads it within its whole table.

docutils itself is the reference: a table of plain rows is parsed whole by its
`SimpleTableParser`, and each row read alone must give the same cells. Rows docutils cannot read
(text in a column margin, tabs) come back by their spacing, with the reason.
"""

import re

from docutils.parsers.rst.tableparser import SimpleTableParser
from docutils.statemachine import StringList

from sprintjournal.exchange.people_rows import (
    Skeleton,
    display,
    message,
    read_row,
    text_width,
)

BORDER = "==================== ============== ===================== =================="
STARTS = [m.start() for m in re.finditer("=+", BORDER)]
ROWS = [
    ["Antonio Cuni         26-30          Hotel Poseidon        his own diet :)"],
    ["Jacob Hallen         lives there                          no peppers"],
    ["Maciej Fijałkowski   1-4            Hotel                 vegetarian"],
    ["山田太郎             2-5            SGS Veckobostader     none"],
    ["Dario Bertini        23-02          ???                   no alcohol, cheese",
     "                                                          sliced meat"],
    ["Armin Rigo           23-02 (or 24)  SGS Veckobostader"],
]


def docutils_cells(rows: list[list[str]]) -> list[list[str]]:
    """Each body row's cells as docutils reads the whole table (lines joined with " / ")."""
    lines = [BORDER, *(display(line) for row in rows for line in row), BORDER]
    _widths, _head, body = SimpleTableParser().parse(StringList(lines))
    return [[" / ".join(" ".join(part.replace(SimpleTableParser.double_width_pad_char, "")
                                 .split()) for part in block if part.strip())
             for _r, _c, _o, block in row] for row in body]


def test_each_row_alone_reads_as_docutils_reads_the_whole_table() -> None:
    expected = docutils_cells(ROWS)
    assert [read_row(raw, STARTS, BORDER) for raw in ROWS] == [(cells, None) for cells in expected]
    assert expected[4] == ["Dario Bertini", "23-02", "???", "no alcohol, cheese / sliced meat"]
    assert expected[3][0] == "山田太郎"


def test_a_row_with_text_in_a_column_margin_is_read_by_spacing_and_says_why() -> None:
    cells, reason = read_row(["Kristjan Valur Jonsson 27-1"], STARTS, BORDER)
    assert cells == ["Kristjan Valur Jonsson", "27-1", "", ""]
    assert reason == ("docutils could not read this row (Text in column margin); "
                      "columns guessed from spacing")


def test_a_row_laid_out_with_tabs_keeps_its_words_in_their_columns() -> None:
    """As in Gothenburg 2011's file: tabs align the columns only at a tab width of 8."""
    cells, _reason = read_row(["Carl Friedrich Bolz  24-1   \t     J+L's house\t  Vegan"],
                              STARTS, BORDER)
    assert cells == ["Carl Friedrich Bolz", "24-1", "J+L's house", "Vegan"]


def test_display_expands_tabs_and_gives_wide_characters_two_columns() -> None:
    assert display("a\tb  ") == "a       b"
    assert display("山x") == "山" + SimpleTableParser.double_width_pad_char + "x"
    assert display("plain   ") == "plain"
    assert text_width("山田") == 4 and text_width("Håkan") == 5 and text_width("a\t") == 8


def test_a_docutils_message_loses_its_table_line_number() -> None:
    assert message(ValueError("Text in column margin in table line 7.")) == (
        "Text in column margin")
    assert message(ValueError("")) == "ValueError"


def check(lines: list[str]) -> list[tuple[int, str]]:
    skeleton = Skeleton(lines[0])
    for offset, line in enumerate(lines[1:], start=1):
        skeleton.add(offset, line)
    found: list[tuple[int, str]] = []
    skeleton.check(lambda offset, what: found.append((offset, what)))
    return found


def test_the_skeleton_accepts_a_table_with_one_head_separator() -> None:
    assert check(["====  ====", "Name  Food", "====  ====", *[f"p{n}    x" for n in range(500)],
                  "====  ===="]) == []


def test_the_skeleton_finds_a_second_head_separator_far_down_the_table() -> None:
    rows = [f"p{n}    x" for n in range(500)]
    found = check(["====  ====", "Name  Food", "====  ====", *rows, "====  ====", "last  y",
                   "====  ===="])
    assert len(found) == 1
    offset, what = found[0]
    assert offset == 3 + len(rows) and what.startswith("Multiple head/body row separators")


def test_the_skeleton_keeps_only_what_docutils_needs() -> None:
    skeleton = Skeleton("====  ====")
    for offset in range(1, 10_001):
        skeleton.add(offset, f"p{offset}    x")
    assert len(skeleton.kept) + len(skeleton.tail) <= 3
