"""PyPy's people.txt: a title, a paragraph, and reStructuredText simple tables of attendees.

The real files are hand-edited over years: Latin-1 and UTF-8, tabs, names wider than their
column, a blank-first-column line continuing the cell above, and a second table of people
"present at previous sprints". Each row is read with docutils' own simple-table parser; a row
docutils refuses (text in a column margin) is read by its spacing instead and flagged for
review with the line as written, so no row is ever dropped or silently misread.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from docutils.parsers.rst.tableparser import SimpleTableParser
from docutils.statemachine import StringList

from sprintjournal.errors import Problem
from sprintjournal.exchange.fuzzydates import (
    SprintDates,
    format_dates,
    is_host_text,
    parse_dates,
    parse_sprint_title,
)
from sprintjournal.exchange.schema import AttendeeDoc

TAB_WIDTH = 8
_PAD = SimpleTableParser.double_width_pad_char
_BORDER = re.compile(r"=+(?: +=+)+ *")
_UNDERLINE = re.compile(r"([=\-~^\"'`#*+])\1{2,} *")
_PAST = re.compile(r"previous sprint|past sprint|earlier sprint", re.IGNORECASE)
_CHUNK = re.compile(r"[^\t ]+(?: [^\t ]+)*")
_WORD = re.compile(r"\S+")
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
class _Table:
    first: int
    lines: list[str]
    past: bool


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
    text, encoding = decode_text(data)
    lines = text.splitlines()
    title, paragraphs, tables = _split_document(lines)
    sprint = parse_sprint_title(title) if title else SprintDates()
    result = ParsedPeople(title, sprint.year, sprint.start, sprint.end, encoding=encoding)
    if sprint.unclear:
        result.problems.append(Problem("line 1", sprint.unclear))
    result.paragraphs = paragraphs
    for table in tables:
        _read_table(table, sprint, result)
    return result


def _split_document(lines: list[str]) -> tuple[str | None, list[str], list[_Table]]:
    """Title (first line, if underlined), paragraphs, and tables with what precedes them."""
    title: str | None = None
    paragraphs: list[str] = []
    tables: list[_Table] = []
    current: list[str] = []
    last_paragraph = ""
    index = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if index + 1 < len(lines) and _is_title(lines[index], lines[index + 1]):
        title, index = lines[index].strip(), index + 2
    while index < len(lines):
        line = lines[index]
        if _BORDER.fullmatch(line.rstrip()):
            last_paragraph = _flush(current, paragraphs) or last_paragraph
            end = _table_end(lines, index)
            tables.append(_Table(index, lines[index : end + 1], bool(_PAST.search(last_paragraph))))
            last_paragraph, index = "", end + 1
            continue
        if line.strip():
            current.append(line.strip())
        else:
            last_paragraph = _flush(current, paragraphs) or last_paragraph
        index += 1
    _flush(current, paragraphs)
    return title, paragraphs, tables


def _is_title(line: str, underline: str) -> bool:
    underlined = bool(_UNDERLINE.fullmatch(underline.rstrip()))
    return underlined and bool(line.strip()) and not _BORDER.fullmatch(line.rstrip())


def _flush(current: list[str], paragraphs: list[str]) -> str:
    if not current:
        return ""
    paragraphs.append(" ".join(current))
    current.clear()
    return paragraphs[-1]


def _table_end(lines: list[str], top: int) -> int:
    """As in docutils: a simple table ends at a border followed by a blank line or the end."""
    for index in range(top + 1, len(lines)):
        followed_by_blank = index + 1 == len(lines) or not lines[index + 1].strip()
        if _BORDER.fullmatch(lines[index].rstrip()) and followed_by_blank:
            return index
    return len(lines) - 1


def _display(line: str) -> str:
    """The line as docutils sees it: tabs expanded, wide characters padded to two columns."""
    expanded = line.expandtabs(TAB_WIDTH)
    return "".join(
        char + _PAD if unicodedata.east_asian_width(char) in "WF" else char for char in expanded
    ).rstrip()


def _read_table(table: _Table, sprint: SprintDates, result: ParsedPeople) -> None:
    display = [_display(line) for line in table.lines]
    starts = [match.start() for match in re.finditer("=+", display[0])]
    header_rows, body_rows = _group_rows(table, display, starts)
    if not any(row.reason for row in header_rows + body_rows):
        _check_whole_table(table, display, result)
    headers = _header_names(header_rows, len(starts), table.first, result)
    if header_rows:
        result.columns += [name for name in headers if name not in result.columns]
    roles = _roles(headers, table.first, result)
    for row in body_rows:
        if row.reason:
            result.problems.append(Problem(f"line {row.line}", row.reason))
        if table.past:
            _add_past(row, roles, result)
        else:
            _add_attendee(row, roles, headers, sprint, result)


def _check_whole_table(table: _Table, display: list[str], result: ParsedPeople) -> None:
    """Catch what row-by-row reading cannot see, such as a table that never ends."""
    try:
        SimpleTableParser().parse(StringList(display))
    except Exception as error:  # docutils raises assorted errors on hand-made tables
        offset = getattr(error, "offset", 0) or 0
        result.problems.append(
            Problem(
                f"line {table.first + offset + 1}",
                f"docutils could not read this table ({_message(error)}); rows read one by one",
            )
        )


def _group_rows(
    table: _Table, display: list[str], starts: list[int]
) -> tuple[list[_Row], list[_Row]]:
    """Rows between the borders; a line with a blank first column continues the row above."""
    borders = [i for i, line in enumerate(display) if _BORDER.fullmatch(line)]
    header_end = borders[1] if len(borders) >= 3 else 0
    first_width = len(display[0].split(" ")[0])
    header: list[_Row] = []
    body: list[_Row] = []
    for index in range(1, len(display)):
        if index in borders or not display[index].strip():
            continue
        rows = header if index < header_end else body
        new_row = bool(display[index][:first_width].strip()) or not rows
        if new_row:
            rows.append(_Row(table.first + index + 1, []))
        rows[-1].raw.append(table.lines[index])
    for row in header + body:
        row.cells, row.reason = _read_row(row.raw, starts, display[0])
    return header, body


def _read_row(raw: list[str], starts: list[int], border: str) -> tuple[list[str], str | None]:
    """docutils first; kept unless it failed, lost words, or tabs make it doubtful."""
    guessed = _cells_by_spacing(raw, starts)
    try:
        strict = _cells_by_docutils([_display(line) for line in raw], border, len(starts))
    except Exception as error:  # docutils raises assorted errors on hand-made rows
        reason = f"docutils could not read this row ({_message(error)})"
        return guessed, reason + "; columns guessed from spacing"
    if _words(strict) != _words(guessed):
        return guessed, "docutils lost part of this row; columns guessed from spacing"
    if any("\t" in line for line in raw) and strict != guessed:
        return guessed, "tabs make the columns ambiguous; columns guessed from spacing"
    return strict, None


def _message(error: Exception) -> str:
    """docutils counts lines from the table's top; our Problem already gives the file line."""
    return re.sub(r" in table line \d+\.?", "", str(error)).strip() or type(error).__name__


def _cells_by_docutils(display: list[str], border: str, count: int) -> list[str]:
    _widths, _head, body = SimpleTableParser().parse(StringList([border, *display, border]))
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
            column = _nearest(starts, _width(line[: chunk.start()]))
            for word in _WORD.finditer(chunk.group()):
                position = _width(line[: chunk.start() + word.start()])
                while column + 1 < len(starts) and position >= starts[column + 1]:
                    column += 1
                pieces[column].append(word.group())
        for column, words in enumerate(pieces):
            if words:
                cells[column].append(" ".join(words))
    return [" / ".join(parts) for parts in cells]


def _nearest(starts: list[int], position: int) -> int:
    return min(range(len(starts)), key=lambda i: (abs(starts[i] - position), i))


def _width(text: str) -> int:
    return len(_display(text + "|")) - 1


def _tidy(text: str) -> str:
    return " ".join(text.replace(_PAD, "").split())


def _words(cells: list[str]) -> list[str]:
    return sorted(word for cell in cells for word in cell.replace("/", " ").split())


def _header_names(rows: list[_Row], count: int, first: int, result: ParsedPeople) -> list[str]:
    if not rows:
        result.problems.append(
            Problem(f"line {first + 1}", "table has no header row; columns taken in usual order")
        )
        return [*_HEADERS, *(f"column {i + 1}" for i in range(4, count))][:count]
    names = [" ".join(row.cells[i] for row in rows if row.cells[i]) for i in range(count)]
    return [name or f"column {i + 1}" for i, name in enumerate(names)]


def _roles(headers: list[str], first: int, result: ParsedPeople) -> dict[str, int]:
    """Columns are found by their header name, so reordered or extra columns still work."""
    roles: dict[str, int] = {}
    for index, header in enumerate(headers):
        role = _role(header)
        if role and role not in roles:
            roles[role] = index
    if "name" not in roles:
        result.problems.append(
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


def _add_past(row: _Row, roles: dict[str, int], result: ParsedPeople) -> None:
    name = _cell(row, roles, "name")
    if name:
        result.past_attendees.append(name)
    details = [cell for i, cell in enumerate(row.cells) if i != roles["name"] and cell]
    if not name or any(cell.strip("? ") for cell in details):
        result.problems.append(
            Problem(f"line {row.line}", "past attendee's details not imported: " + _as_written(row))
        )


def _add_attendee(
    row: _Row, roles: dict[str, int], headers: list[str], sprint: SprintDates, result: ParsedPeople
) -> None:
    name = _cell(row, roles, "name")
    if not name:
        result.problems.append(
            Problem(f"line {row.line}", "row without a name: " + _as_written(row))
        )
        return
    dates_text = _dates_cell(row, roles)
    dates = parse_dates(dates_text or "", sprint)
    accommodation = _cell(row, roles, "accommodation") or None
    host = dates.host or is_host_text(accommodation or "")
    reasons = [reason for reason in (row.reason, dates.reason) if reason]
    known = set(roles.values())
    notes = [f"{headers[i]}: {cell}" for i, cell in enumerate(row.cells) if i not in known and cell]
    if row.reason:
        notes.append(f"line {row.line} as written: {_as_written(row)}")
    result.attendees.append(
        AttendeeDoc(
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
    widths = [max(_width(row[i]) for row in rows) for i in range(len(_HEADERS))]
    border = " ".join("=" * width for width in widths)
    lines = [heading, "=" * _width(heading), "", _INTRO, "", border, _row_line(rows[0], widths)]
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
        cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True)
    ]
    return " ".join(padded).rstrip()
