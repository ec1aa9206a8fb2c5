"""One row of a people.txt table at a time, read as docutils reads a simple table.

A plain row (no tab, no wide, combining or NUL character, no text in a column margin, no line
docutils would take for a border) is cut at the border's columns exactly as docutils'
`SimpleTableParser` cuts it; docutils itself reads every other row, and spacing decides where
docutils fails or loses words. Reading a row never needs the rest of its table, so a table of
200,000 rows is read in the memory of one (issue 11 item 12).
"""

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from docutils.parsers.rst.tableparser import SimpleTableParser
from docutils.statemachine import StringList

TAB_WIDTH = 8
PAD = SimpleTableParser.double_width_pad_char
_CHUNK = re.compile(r"[^\t ]+(?: [^\t ]+)*")
_WORD = re.compile(r"\S+")
_WIDE_OR_TAB = re.compile("[\t\u1100-\U0010ffff]")  # East Asian wide characters start at U+1100
_NOT_PLAIN = re.compile("[\x00\t\u0300-\U0010ffff]")  # combining marks start at U+0300
_RULE = re.compile(r"=[ =]*|-[ -]*")  # docutils' head/body separator and column span lines
SKELETON_LINES = 20_000


def display(line: str) -> str:
    """The line as docutils sees it: tabs expanded, wide characters padded to two columns."""
    if not _WIDE_OR_TAB.search(line):
        return line.rstrip()
    expanded = line.expandtabs(TAB_WIDTH)
    return "".join(
        char + PAD if unicodedata.east_asian_width(char) in "WF" else char for char in expanded
    ).rstrip()


def text_width(text: str) -> int:
    return len(display(text + "|")) - 1


def read_row(raw: list[str], starts: list[int], border: str) -> tuple[list[str], str | None]:
    """Cells of one row and, when docutils could not be followed, why (the row is then read
    by its spacing and flagged for review)."""
    plain = _cells_as_docutils(raw, border)
    if plain is not None:
        return plain, None
    return read_row_by_docutils(raw, starts, border)


def read_row_by_docutils(
    raw: list[str], starts: list[int], border: str
) -> tuple[list[str], str | None]:
    """docutils first; kept unless it failed, lost words, or tabs make it doubtful."""
    guessed = _cells_by_spacing(raw, starts)
    try:
        strict = _cells_by_docutils([display(line) for line in raw], border, len(starts))
    except Exception as error:  # docutils raises assorted errors on hand-made rows
        reason = f"docutils could not read this row ({message(error)})"
        return guessed, reason + "; columns guessed from spacing"
    if _words(strict) != _words(guessed):
        return guessed, "docutils lost part of this row; columns guessed from spacing"
    if any("\t" in line for line in raw) and strict != guessed:
        return guessed, "tabs make the columns ambiguous; columns guessed from spacing"
    return strict, None


@lru_cache(maxsize=16)
def _layout(border: str) -> tuple[int, list[slice], list[slice]]:
    """The first column's end, each column's slice (the last open-ended, as docutils lets
    text overflow it), and the margins between columns."""
    columns = [(match.start(), match.end()) for match in re.finditer("=+", border)]
    cells = [slice(start, end) for start, end in columns[:-1]] + [slice(columns[-1][0], None)]
    margins = [slice(end, following) for (_s, end), (following, _e) in pairwise(columns)]
    return columns[0][1], cells, margins


def _cells_as_docutils(raw: list[str], border: str) -> list[str] | None:
    """docutils' reading of a plain row without docutils (a tenth of the time), or None when
    the row is not plain and docutils must read it. A plain row keeps every word: its margins
    are blank, the first column starts at 0 and the last runs to the end of the line."""
    first_end, cells, margins = _layout(border)
    lines = [line.rstrip() for line in raw]
    if not lines[0][:first_end].strip():
        return None  # docutils skips lines before a row's first cell
    for line in lines:
        if _NOT_PLAIN.search(line) or _RULE.fullmatch(line):
            return None
        if any(line[margin].strip() for margin in margins):
            return None  # text in a column margin: docutils raises
    return [" / ".join(_tidy(line[cell]) for line in lines if line[cell].strip())
            for cell in cells]


def message(error: Exception) -> str:
    """docutils counts lines from the table's top; our Problem already gives the file line."""
    return re.sub(r" in table line \d+\.?", "", str(error)).strip() or type(error).__name__


def _cells_by_docutils(lines: list[str], border: str, count: int) -> list[str]:
    _widths, _head, body = SimpleTableParser().parse(StringList([border, *lines, border]))
    cells: list[list[str]] = [[] for _ in range(count)]
    for row in body:
        column = 0
        for _morerows, morecols, _offset, block in row:
            if column < count:
                cells[column].extend(_tidy(line) for line in block if line.strip())
            column += 1 + morecols
    return [" / ".join(parts) for parts in cells]


def _cells_by_spacing(raw: list[str], starts: list[int]) -> list[str]:
    """Chunks separated by a tab or two spaces go to the nearest column start; a chunk that
    runs past the next column's start (a name wider than its column) is cut at a word there."""
    cells: list[list[str]] = [[] for _ in starts]
    for line in raw:
        pieces: list[list[str]] = [[] for _ in starts]
        for chunk in _CHUNK.finditer(line):
            column = _nearest(starts, text_width(line[: chunk.start()]))
            for word in _WORD.finditer(chunk.group()):
                position = text_width(line[: chunk.start() + word.start()])
                while column + 1 < len(starts) and position >= starts[column + 1]:
                    column += 1
                pieces[column].append(word.group())
        for column, words in enumerate(pieces):
            if words:
                cells[column].append(" ".join(words))
    return [" / ".join(parts) for parts in cells]


def _nearest(starts: list[int], position: int) -> int:
    return min(range(len(starts)), key=lambda i: (abs(starts[i] - position), i))


def _tidy(text: str) -> str:
    return " ".join(text.replace(PAD, "").split())


def _words(cells: list[str]) -> list[str]:
    return sorted(word for cell in cells for word in cell.replace("/", " ").split())


class Skeleton:
    """What docutils must see of a whole table to find what row-by-row reading cannot (a
    second head/body separator, a broken column span): every rule line, the rows beside it,
    and the table's first and last rows, with their offsets in the table. Rows in between
    were each read alone already; leaving them out keeps the check's memory bounded."""

    def __init__(self, border: str) -> None:
        self.first_end = _layout(border)[0]
        self.kept: list[tuple[int, str]] = [(0, border)]
        self.tail: list[tuple[int, str]] = []
        self.rows = 0  # rows begun since the last rule line
        self.too_long = False

    def add(self, offset: int, line: str) -> None:
        if self.too_long:
            return
        if _RULE.fullmatch(line):
            self._keep_tail()
            self.kept.append((offset, line))
            self.rows = 0
        else:
            if line[: self.first_end].strip():
                self.rows += 1
                if self.rows > 1:
                    self._drop_tail()
            (self.kept if self.rows <= 1 else self.tail).append((offset, line))
        self.too_long = len(self.kept) + len(self.tail) > SKELETON_LINES

    def _keep_tail(self) -> None:
        self.kept += self.tail
        self.tail = []

    def _drop_tail(self) -> None:
        self.tail = []

    def check(self, report: Callable[[int, str], None]) -> None:
        """docutils on the skeleton; `report(offset in the table, what is wrong)`."""
        if self.too_long:
            return
        self._keep_tail()
        try:
            SimpleTableParser().parse(StringList([line for _offset, line in self.kept]))
        except Exception as error:  # docutils raises assorted errors on hand-made tables
            where = min(getattr(error, "offset", 0) or 0, len(self.kept) - 1)
            report(self.kept[where][0], message(error))
