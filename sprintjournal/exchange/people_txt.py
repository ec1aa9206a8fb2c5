"""PyPy's people.txt: a title, a paragraph, and reStructuredText simple tables of attendees.

The real files are hand-edited over years: Latin-1 and UTF-8, tabs, names wider than their
column, a blank-first-column line continuing the cell above, and a second table of people
"present at previous sprints". Each row is read as docutils reads it (`people_rows`); a row
docutils refuses (text in a column margin) is read by its spacing instead and flagged for
review with the line as written, so no row is ever dropped or silently misread.

The file is read line by line and row by row (`open_people_txt`): the import streams attendees
into the journal as they are read, and keeps the first problems with a count of the others,
so a 200,000-row file or 600,000 bad rows are read in bounded memory (issue 11 item 12).
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from sprintjournal.errors import Problem
from sprintjournal.exchange.fuzzydates import (
    SprintDates,
    format_dates,
    is_host_text,
    parse_dates,
    parse_sprint_title,
)
from sprintjournal.exchange.people_rows import Skeleton, display, read_row, text_width
from sprintjournal.exchange.problems import Problems
from sprintjournal.exchange.schema import AttendeeDoc

_BORDER = re.compile(r"=+(?: +=+)+ *")
_UNDERLINE = re.compile(r"([=\-~^\"'`#*+])\1{2,} *")
_PAST = re.compile(r"previous sprint|past sprint|earlier sprint", re.IGNORECASE)
_ROLE_WORDS = (
    ("name", ("name", "who")),
    ("dates", ("arriv", "depart", "date", "when")),
    ("accommodation", ("accom", "acom", "hotel", "stay", "sleep", "room")),
    ("diet", ("food", "diet", "eat")),
)
_HEADERS = ["Name", "Arrive/Depart", "Accomodation", "Food"]
_INTRO = (
    "People who have a ``?`` in their arrive/depart or accomodation\n"
    "column are known to be coming but there are no details\n"
    "available yet from them."
)
HEADER_ROWS = 100  # more rows than this before a table's second border: it has no header
ROW_LINES = 500  # a row continued over more lines than this is read in parts
PARAGRAPH_LINES = 100  # of a paragraph, what decides whether the next table lists past people
_PIECE = 1 << 18


@dataclass
class ParsedPeople:
    """Everything read from one people.txt; `problems` say where the file needs a human."""

    title: str | None
    year: int | None
    start: date | None
    end: date | None
    attendees: list[AttendeeDoc] = field(default_factory=list)
    past_attendees: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    encoding: str = "utf-8"


@dataclass
class PastName:
    """A name from the table of people present at previous sprints."""

    name: str


Entry = AttendeeDoc | PastName


@dataclass
class PeopleFile:
    """A people.txt being read: title and dates at once, the rest as `entries()` is iterated;
    `problems` and `columns` are complete once it is exhausted."""

    title: str | None
    sprint: SprintDates
    encoding: str
    problems: Problems
    paragraphs: list[str] | None
    columns: list[str] = field(default_factory=list)
    _lines: "_Lines | None" = None

    def entries(self) -> Iterator[Entry]:
        """Attendees and past names in the order of the file, each row read once."""
        lines, self._lines = self._lines, None
        if lines is not None:
            yield from _document(lines, self)


@dataclass
class _Row:
    line: int
    raw: list[str]
    cells: list[str] = field(default_factory=list)
    reason: str | None = None


def decode_text(data: bytes | str) -> tuple[str, str]:
    """UTF-8 when the bytes are valid UTF-8 (Latin-1 text almost never is), else Latin-1."""
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data), "text"
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    return unicodedata.normalize("NFC", text), encoding


def parse_people_txt(data: bytes | str) -> ParsedPeople:
    """Read a people.txt; never raises, and every row ends up in attendees, past or problems."""
    people = open_people_txt(data)
    sprint = people.sprint
    result = ParsedPeople(people.title, sprint.year, sprint.start, sprint.end,
                          encoding=people.encoding)
    for entry in people.entries():
        if isinstance(entry, PastName):
            result.past_attendees.append(entry.name)
        else:
            result.attendees.append(entry)
    result.problems = people.problems.kept
    result.paragraphs = people.paragraphs or []
    result.columns = people.columns
    return result


def open_people_txt(data: bytes | str, keep_problems: int | None = None,
                    keep_paragraphs: bool = True) -> PeopleFile:
    """The title read now, rows as they are asked for; only the first `keep_problems` problems
    are kept (all when None), the others counted."""
    text, encoding = decode_text(data)
    lines = _Lines(text)
    title = _title(lines)
    sprint = parse_sprint_title(title) if title else SprintDates()
    people = PeopleFile(title, sprint, encoding, Problems(keep_problems),
                        [] if keep_paragraphs else None, _lines=lines)
    if sprint.unclear:
        people.problems.append(Problem("line 1", sprint.unclear))
    return people


class _Lines:
    """The text's lines (as `str.splitlines` cuts them) with their index, one at a time: a
    20 MB file is never held as a list of its lines."""

    def __init__(self, text: str) -> None:
        self._pieces = _pieces(text)
        self._buffer: list[str] = []  # the current piece's lines, reversed
        self.index = -1  # of the line last taken

    def peek(self) -> str | None:
        while not self._buffer:
            piece = next(self._pieces, None)
            if piece is None:
                return None
            self._buffer = piece.splitlines()[::-1]
        return self._buffer[-1]

    def push_back(self, line: str) -> None:
        self._buffer.append(line)
        self.index -= 1

    def take(self) -> str | None:
        line = self.peek()
        if line is not None:
            self._buffer.pop()
            self.index += 1
        return line


def _pieces(text: str) -> Iterator[str]:
    """A quarter megabyte at a time, cut just after a newline, so no line ending is split."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _PIECE)
        stop = len(text) if cut < 0 else cut + 1
        yield text[start:stop]
        start = stop


def _title(lines: _Lines) -> str | None:
    """The first non-blank line, when the next one underlines it."""
    while (line := lines.peek()) is not None and not line.strip():
        lines.take()
    if line is None:
        return None
    lines.take()
    underline = lines.peek()
    if underline is not None and _is_title(line, underline):
        lines.take()
        return line.strip()
    lines.push_back(line)  # not a title: the body reads it again
    return None


def _is_title(line: str, underline: str) -> bool:
    underlined = bool(_UNDERLINE.fullmatch(underline.rstrip()))
    return underlined and bool(line.strip()) and not _BORDER.fullmatch(line.rstrip())


def _document(lines: _Lines, people: PeopleFile) -> Iterator[Entry]:
    """Paragraphs, and tables with what precedes them (a table after a paragraph about
    previous sprints lists past attendees)."""
    current: list[str] = []
    last_paragraph = ""
    while (line := lines.take()) is not None:
        if _BORDER.fullmatch(line.rstrip()):
            last_paragraph = _flush(current, people.paragraphs) or last_paragraph
            table = _TableReader(lines.index, line, bool(_PAST.search(last_paragraph)), people)
            yield from table.read(lines)
            last_paragraph = ""
            continue
        if line.strip():
            current.append(line.strip())
            if people.paragraphs is None and len(current) > PARAGRAPH_LINES:
                del current[0]
        else:
            last_paragraph = _flush(current, people.paragraphs) or last_paragraph
    _flush(current, people.paragraphs)


def _flush(current: list[str], paragraphs: list[str] | None) -> str:
    if not current:
        return ""
    paragraph = " ".join(current)
    current.clear()
    if paragraphs is not None:
        paragraphs.append(paragraph)
    return paragraph


class _TableReader:
    """One simple table, row by row. As in docutils, it ends at a border followed by a blank
    line or the end of the file; rows before its second border are its header when a third
    border follows; a line with a blank first column continues the row above."""

    def __init__(self, top: int, border: str, past: bool, people: PeopleFile) -> None:
        self.top, self.past, self.people = top, past, people
        self.border = display(border)
        self.starts = [match.start() for match in re.finditer("=+", self.border)]
        self.first_width = len(self.border.split(" ")[0])
        self.skeleton = Skeleton(self.border)
        self.problems_at = len(people.problems.kept)
        self.header: list[_Row] | None = None  # None until the second border
        self.pending: list[_Row] = []  # rows before the second border
        self.row: _Row | None = None
        self.borders = 1
        self.any_reason = False
        self.headers: list[str] = []
        self.roles: dict[str, int] = {}

    def read(self, lines: _Lines) -> Iterator[Entry]:
        while (line := lines.take()) is not None:
            shown = display(line)
            offset = lines.index - self.top
            self.skeleton.add(offset, shown)
            if _BORDER.fullmatch(shown):
                following = lines.peek()
                end = following is None or not following.strip()
                yield from self._border(end)
                if end:
                    break
            elif shown.strip():
                yield from self._line(lines.index, line, shown)
        yield from self._finish_row()
        yield from self._decide_header(body=self.header is None and self.borders < 3)
        if not self.any_reason:
            self.skeleton.check(self._table_problem)

    def _border(self, end: bool) -> Iterator[Entry]:
        self.borders += 1
        if self.borders == 2:
            yield from self._finish_row()
            self.row = None
            yield from self._decide_header(body=end)

    def _line(self, index: int, line: str, shown: str) -> Iterator[Entry]:
        rows_started = self.row is not None
        full = self.row is not None and len(self.row.raw) >= ROW_LINES
        if bool(shown[: self.first_width].strip()) or not rows_started or full:
            yield from self._finish_row()
            self.row = _Row(index + 1, [])
        assert self.row is not None
        self.row.raw.append(line)

    def _finish_row(self) -> Iterator[Entry]:
        row, self.row = self.row, None
        if row is None:
            return
        row.cells, row.reason = read_row(row.raw, self.starts, self.border)
        self.any_reason = self.any_reason or row.reason is not None
        if self.header is not None:
            yield from self._body_row(row)
            return
        self.pending.append(row)
        if len(self.pending) > HEADER_ROWS:
            yield from self._decide_header(body=True)

    def _decide_header(self, body: bool) -> Iterator[Entry]:
        """At the second border: the rows before it are the header, unless the table ends
        there (or there were too many of them): then they are its first rows."""
        if self.header is not None:
            return
        rows, self.pending = self.pending, []
        self.header = [] if body else rows
        self._read_header()
        for row in rows if body else []:
            yield from self._body_row(row)

    def _read_header(self) -> None:
        assert self.header is not None
        people, first = self.people, self.top
        self.headers = _header_names(self.header, len(self.starts), first, people.problems)
        if self.header:
            people.columns += [name for name in self.headers if name not in people.columns]
        self.roles = _roles(self.headers, first, people.problems)

    def _body_row(self, row: _Row) -> Iterator[Entry]:
        if row.reason:
            self.people.problems.append(Problem(f"line {row.line}", row.reason))
        if self.past:
            yield from _past(row, self.roles, self.people.problems)
        else:
            attendee = _attendee(row, self.roles, self.headers, self.people)
            if attendee is not None:
                yield attendee

    def _table_problem(self, offset: int, what: str) -> None:
        self.people.problems.insert(self.problems_at, Problem(
            f"line {self.top + offset + 1}",
            f"docutils could not read this table ({what}); rows read one by one"))


def _header_names(rows: list[_Row], count: int, first: int, problems: Problems) -> list[str]:
    if not rows:
        problems.append(
            Problem(f"line {first + 1}", "table has no header row; columns taken in usual order")
        )
        return [*_HEADERS, *(f"column {i + 1}" for i in range(4, count))][:count]
    names = [" ".join(row.cells[i] for row in rows if row.cells[i]) for i in range(count)]
    return [name or f"column {i + 1}" for i, name in enumerate(names)]


def _roles(headers: list[str], first: int, problems: Problems) -> dict[str, int]:
    """Columns are found by their header name, so reordered or extra columns still work."""
    roles: dict[str, int] = {}
    for index, header in enumerate(headers):
        role = _role(header)
        if role and role not in roles:
            roles[role] = index
    if "name" not in roles:
        problems.append(
            Problem(f"line {first + 1}", "no 'Name' column; the first column is taken as names")
        )
        roles["name"] = 0
    return roles


def _role(header: str) -> str | None:
    lowered = header.lower()
    if "depart" in lowered and "arriv" not in lowered:
        return "depart"  # a Depart column of its own, beside an Arrive column (FAULTS 57)
    return next((role for role, words in _ROLE_WORDS if any(w in lowered for w in words)), None)


def _cell(row: _Row, roles: dict[str, int], role: str) -> str:
    index = roles.get(role)
    return row.cells[index] if index is not None and index < len(row.cells) else ""


def _past(row: _Row, roles: dict[str, int], problems: Problems) -> Iterator[PastName]:
    name = _cell(row, roles, "name")
    if name:
        yield PastName(name)
    details = [cell for i, cell in enumerate(row.cells) if i != roles["name"] and cell]
    if not name or any(cell.strip("? ") for cell in details):
        problems.append(
            Problem(f"line {row.line}", "past attendee's details not imported: " + _as_written(row))
        )


def _attendee(
    row: _Row, roles: dict[str, int], headers: list[str], people: PeopleFile
) -> AttendeeDoc | None:
    name = _cell(row, roles, "name")
    if not name:
        people.problems.append(
            Problem(f"line {row.line}", "row without a name: " + _as_written(row))
        )
        return None
    dates_text = _dates_cell(row, roles)
    dates = parse_dates(dates_text or "", people.sprint)
    accommodation = _cell(row, roles, "accommodation") or None
    host = dates.host or is_host_text(accommodation or "")
    reasons = [reason for reason in (row.reason, dates.reason) if reason]
    known = set(roles.values())
    notes = [f"{headers[i]}: {cell}" for i, cell in enumerate(row.cells) if i not in known and cell]
    if row.reason:
        notes.append(f"line {row.line} as written: {_as_written(row)}")
    return AttendeeDoc(
        person=name,
        arrive=None if host else dates.arrive,
        depart=None if host else dates.depart,
        dates_text=dates_text,
        accommodation=accommodation,
        diet=_cell(row, roles, "diet") or None,
        host=host,
        notes="; ".join(notes) or None,
        needs_review=bool(reasons),
        review_reason="; ".join(reasons) or None,
    )


def _dates_cell(row: _Row, roles: dict[str, int]) -> str | None:
    """The dates as written, "" for a blank cell (written back blank, not "?": FAULTS 57), None
    when the table has no dates column; separate Arrive and Depart cells become "26/6 - 3/7"."""
    if "depart" not in roles:
        return _cell(row, roles, "dates") if "dates" in roles else None
    arrive, depart = _cell(row, roles, "dates"), _cell(row, roles, "depart")
    return f"{arrive} - {depart}".strip() if arrive or depart else ""


def _as_written(row: _Row) -> str:
    return " / ".join(line.strip() for line in row.raw)


def write_people_txt(title: str, attendees: list[AttendeeDoc]) -> str:
    """The people.txt format PyPy uses, so the file can go back into the sprint's repository."""
    heading = " ".join(title.split()) or "People coming to the sprint"
    rows = [_HEADERS] + [_written_cells(attendee) for attendee in attendees]
    widths = [max(text_width(row[i]) for row in rows) for i in range(len(_HEADERS))]
    border = " ".join("=" * width for width in widths)
    lines = [heading, "=" * text_width(heading), "", _INTRO, "", border, _row_line(rows[0], widths)]
    lines.append(border)
    lines.extend(_row_line(row, widths) for row in rows[1:])
    lines.append(border)
    return "\n".join(lines) + "\n"


def _written_cells(attendee: AttendeeDoc) -> list[str]:
    if attendee.dates_text and attendee.dates_text.strip():
        dates = attendee.dates_text
    elif attendee.host:
        dates = "lives there"
    elif attendee.dates_text is not None and attendee.arrive is None and attendee.depart is None:
        dates = ""  # the cell was blank in the file it came from (FAULTS 57)
    else:
        dates = format_dates(attendee.arrive, attendee.depart)
    cells = [attendee.person, dates, attendee.accommodation or "", attendee.diet or ""]
    cells = [" ".join(cell.split()) for cell in cells]
    cells[0] = cells[0] or "?"
    return cells


def _row_line(cells: list[str], widths: list[int]) -> str:
    padded = [
        cell + " " * (width - text_width(cell)) for cell, width in zip(cells, widths, strict=True)
    ]
    return " ".join(padded).rstrip()
