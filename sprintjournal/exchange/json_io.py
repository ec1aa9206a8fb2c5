"""Interchange JSON on disk: `journal.json` with the photos as files beside it.

Reading validates everything first — syntax, shape, photo files — and reports every problem
with its JSON path, so one run shows the user all that is wrong and a bad file changes nothing.
"""

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pydantic
from pydantic_core import ErrorDetails

from sprintjournal.errors import ImportFailedError, PhotoError, Problem
from sprintjournal.exchange.problems import LISTED, import_failed
from sprintjournal.exchange.schema import JournalDoc
from sprintjournal.input_files import FileTooLargeError, NotARegularFileError, read_regular_file
from sprintjournal.photo_privacy import strip_location
from sprintjournal.photos import PhotoInfo, inspect_photo, read_photo_file, thumbnail
from sprintjournal.records import PhotoRec
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
        raw: object = json.loads(text)
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
        errors = exc.errors()  # listed up to a bound, counted beyond it (issue 11 item 12)
        problems = [Problem(json_path(e["loc"]), _plain(e)) for e in errors[:LISTED]]
        raise import_failed(source, problems, len(errors)) from exc


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


def _plain(error: ErrorDetails) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "literal_error":
        return f"{msg} (found {error['input']!r})"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    return str(msg)


Progress = Callable[[int, int], None]
"""Called with (photos done, photos in all) as an import reads its photos."""


def load_photos(
    doc: JournalDoc, folder: Path, progress: Progress | None = None
) -> "LazyPhotos":
    """Read and check every photo before anything is written, keeping none of them in memory.

    Each file is decoded once here (a bad photo is reported with all the other problems before
    the journal changes) and read again, one at a time, as the import writes it (`LazyPhotos`),
    so importing a thousand 12 MP photos holds one photo at a time, not all of them."""
    found: dict[tuple[int, int], tuple[Path, PhotoInfo, int]] = {}
    problems: list[Problem] = []
    root = folder.resolve()
    total = sum(len(sprint.photos) for sprint in doc.sprints)
    for s, sprint in enumerate(doc.sprints):
        for p, photo in enumerate(sprint.photos):
            where = f"$.sprints[{s}].photos[{p}].file"
            path = (root / photo.file).resolve()
            if not path.is_relative_to(root):
                problems.append(Problem(where, f"{photo.file} points outside the export folder"))
                continue
            try:
                data = read_photo_file(path)
                found[(s, p)] = (path, inspect_photo(data, path.name), len(data))
                del data
            except (OSError, PhotoError) as exc:
                problems.append(Problem(where, str(exc)))
            if progress is not None:
                progress(len(found), 2 * total)
    if problems:
        raise ImportFailedError(str(folder), problems)
    return LazyPhotos(found, progress)


class LazyPhotos(Mapping[tuple[int, int], PreparedPhoto]):
    """The checked photos of an import, read (and thumbnailed) only when the import writes each.

    A file changed since it was checked is refused: the whole import then rolls back."""

    def __init__(self, found: dict[tuple[int, int], tuple[Path, PhotoInfo, int]],
                 progress: Progress | None = None) -> None:
        self._found, self._progress, self._done = found, progress, 0

    def __getitem__(self, key: tuple[int, int]) -> PreparedPhoto:
        path, info, size = self._found[key]
        try:
            with path.open("rb") as handle:  # at most the checked size (+1 to see it grew)
                data = handle.read(size + 1)
        except OSError as exc:
            raise ImportFailedError(str(path), [Problem(_where(key), str(exc))]) from exc
        if len(data) != size or hashlib.sha256(data).hexdigest() != info.sha256:
            raise ImportFailedError(
                str(path), [Problem(_where(key), f"{path.name} changed while it was imported")]
            )
        self._done += 1
        if self._progress is not None:
            self._progress(len(self._found) + self._done, 2 * len(self._found))
        return data, info, thumbnail(data)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


def _where(key: tuple[int, int]) -> str:
    return f"$.sprints[{key[0]}].photos[{key[1]}].file"


def read_export(
    path: Path, progress: Progress | None = None
) -> tuple[JournalDoc, "LazyPhotos"]:
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
    return doc, load_photos(doc, file.parent, progress)


def document_json(doc: JournalDoc) -> str:
    return doc.model_dump_json(indent=2) + "\n"


class _AddsFiles(Protocol):
    def add(self, rel: str, data: bytes) -> Path: ...


def export_photos(
    batch: _AddsFiles, doc: JournalDoc, files: list[tuple[PhotoRec, str]],
    read: Callable[[int], bytes],
) -> tuple[JournalDoc, list[str]]:
    """Each photo written without its location; `doc` without the photos left out, and why.

    A stored photo that Pillow cannot decode at all (bytes damaged on disk, a format an older
    version let in) cannot be shown to be free of location data, so it is left out rather than
    copied as it is (privacy first); the rest of the journal is still exported.
    """
    left_out: dict[str, str] = {}
    for photo, rel in files:
        try:
            data = strip_location(read(photo.id))
        except Exception as error:  # Pillow raises assorted errors on undecodable bytes
            left_out[rel] = (f"photo {photo.filename!r} (id {photo.id}) left out of the export: "
                             f"it cannot be decoded ({type(error).__name__}: {error}), so its "
                             "location data cannot be removed; its caption stays in the journal")
            continue
        batch.add(rel, data)
    if not left_out:
        return doc, []
    sprints = [s.model_copy(update={"photos": [p for p in s.photos if p.file not in left_out]})
               for s in doc.sprints]
    return doc.model_copy(update={"sprints": sprints}), list(left_out.values())
