"""Interchange JSON on disk: `journal.json` with the photos as files beside it.

Reading validates everything first — syntax, shape, photo files — and reports every problem
with its JSON path, so one run shows the user all that is wrong and a bad file changes nothing.
"""

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pydantic

from sprintjournal.errors import ImportFailedError, PhotoError, Problem
from sprintjournal.exchange.schema import JournalDoc
from sprintjournal.input_files import FileTooLargeError, NotARegularFileError, read_regular_file
from sprintjournal.photos import read_photo_file
from sprintjournal.usecases.gallery import prepare
from sprintjournal.usecases.importing import PreparedPhoto

JSON_NAME = "journal.json"
MAX_JSON_BYTES = 256 * 1024 * 1024
"""A bound, not a quota: journal.json holds text only (photos are files beside it)."""


def json_path(loc: Sequence[int | str]) -> str:
    """('sprints', 0, 'branches', 2, 'status') -> '$.sprints[0].branches[2].status'."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


MAX_DEPTH = 64
"""An export nests 5 levels deep; a hostile file 50,000 deep would exhaust the parser."""


def parse_document(text: str, source: str) -> JournalDoc:
    depth = _nesting(text)
    if depth > MAX_DEPTH:
        raise ImportFailedError(source, [Problem(
            "", f"the JSON is nested {depth} levels deep; a SprintJournal export has a few")])
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailedError(
            source, [Problem(f"line {exc.lineno} column {exc.colno}", exc.msg)]
        ) from exc
    except ValueError as exc:  # an integer beyond Python's 4,300-digit conversion limit
        raise ImportFailedError(source, [Problem(
            "", "a number has thousands of digits; no SprintJournal field holds one")]) from exc
    if not isinstance(raw, dict) or raw.get("format") != "sprintjournal":
        raise ImportFailedError(
            source,
            [Problem("$.format", 'expected "sprintjournal": this is not a SprintJournal export')],
        )
    try:
        return JournalDoc.model_validate(raw)
    except pydantic.ValidationError as exc:
        problems = [Problem(json_path(e["loc"]), _plain(e)) for e in exc.errors()]
        raise ImportFailedError(source, problems) from exc


def _nesting(text: str) -> int:
    """The deepest `[`/`{` nesting outside strings, counted without recursion."""
    depth = deepest = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _plain(error: Any) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "literal_error":
        return f"{msg} (found {error['input']!r})"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    return str(msg)


def load_photos(doc: JournalDoc, folder: Path) -> dict[tuple[int, int], PreparedPhoto]:
    """Read, check and thumbnail every photo before anything is written."""
    prepared: dict[tuple[int, int], PreparedPhoto] = {}
    problems: list[Problem] = []
    root = folder.resolve()
    for s, sprint in enumerate(doc.sprints):
        for p, photo in enumerate(sprint.photos):
            where = f"$.sprints[{s}].photos[{p}].file"
            path = (root / photo.file).resolve()
            if not path.is_relative_to(root):
                problems.append(Problem(where, f"{photo.file} points outside the export folder"))
                continue
            try:
                data = read_photo_file(path)
                info, thumb = prepare(data, path.name)
            except (OSError, PhotoError) as exc:
                problems.append(Problem(where, str(exc)))
                continue
            prepared[(s, p)] = (data, info, thumb)
    if problems:
        raise ImportFailedError(str(folder), problems)
    return prepared


def read_export(path: Path) -> tuple[JournalDoc, dict[tuple[int, int], PreparedPhoto]]:
    """A `journal.json` file (or a folder holding one) -> validated document and its photos."""
    file = path / JSON_NAME if path.is_dir() else path
    try:
        text = read_regular_file(file, MAX_JSON_BYTES, "journal export").decode("utf-8")
    except (NotARegularFileError, FileTooLargeError) as exc:
        raise ImportFailedError(str(file), [Problem("", str(exc).split(": ", 1)[1])]) from exc
    except UnicodeDecodeError as exc:
        raise ImportFailedError(
            str(file), [Problem(f"byte {exc.start}", "the file is not UTF-8 text")]
        ) from exc
    except OSError as exc:
        raise ImportFailedError(str(file), [Problem("", exc.strerror or str(exc))]) from exc
    doc = parse_document(text, str(file))
    return doc, load_photos(doc, file.parent)


def document_json(doc: JournalDoc) -> str:
    return doc.model_dump_json(indent=2) + "\n"
