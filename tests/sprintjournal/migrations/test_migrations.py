"""The schema steps are frozen SQL, and they agree with the models and with every old file.

A schema is compared through what SQLite says about it, not through the text of its CREATE
statements (ALTER TABLE appends columns to that text): each table's columns with their types,
NOT NULL, defaults and primary key, its foreign keys, its indexes with their columns, CHECK
constraints and WITHOUT ROWID; every trigger, view and FTS table by its text; application_id
and user_version.
"""

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from locations import FIXTURES
from sqlalchemy import create_engine

from sprintjournal import db, models, text_sums
from sprintjournal.journal import Journal

N = db.latest_version()
Fact = tuple[object, ...]

MADE_BY_LIVE_MODELS = {4, 5}
"""Files created new at versions 4 and 5: step 1 then built the tables from the models of the
day, whose `checked_in` had no DEFAULT (an ALTER TABLE cannot add a NOT NULL column without
one, so step 4 gives '[]'). Every insert names the column; nothing else differs."""


def checked_in(default: str | None) -> Fact:
    return ("column", "attendance", 14, "checked_in", "JSON", 1, default, 0, 0)


def _words(sql: str) -> str:
    return " ".join(sql.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split())


def _checks(sql: str) -> list[str]:
    """The CHECK constraints in a CREATE TABLE, each with its balanced parentheses."""
    found = []
    for match in re.finditer(r"\bCHECK\s*\(", sql, re.IGNORECASE):
        depth, start = 0, match.end() - 1
        for end in range(start, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            if depth == 0:
                found.append(_words(sql[start:end + 1]))
                break
    return found


def _table(conn: sqlite3.Connection, name: str, sql: str) -> set[Fact]:
    facts: set[Fact] = {("column", name, *c)
                        for c in conn.execute(f"PRAGMA table_xinfo('{name}')")}
    facts |= {("foreign key", name, *k[2:])
              for k in conn.execute(f"PRAGMA foreign_key_list('{name}')")}
    for _seq, index, unique, origin, partial in conn.execute(f"PRAGMA index_list('{name}')"):
        cols = tuple(tuple(c[2:]) for c in conn.execute(f"PRAGMA index_xinfo('{index}')"))
        facts.add(("index", name, index, unique, origin, partial, cols))
    facts |= {("check", name, check) for check in _checks(sql)}
    if re.search(r"WITHOUT\s+ROWID\s*$", sql, re.IGNORECASE):
        facts.add(("without rowid", name))
    return facts


def schema(path: Path) -> set[Fact]:
    """What SQLite says about the file's schema, one fact per column, key, index, trigger..."""
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"  # no -wal/-shm left beside it
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
    try:
        facts: set[Fact] = {
            ("pragma", "application_id", conn.execute("PRAGMA application_id").fetchone()[0]),
            ("pragma", "user_version", conn.execute("PRAGMA user_version").fetchone()[0]),
        }
        for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall():
            if kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):
                facts |= _table(conn, name, sql)
            elif kind != "index":  # triggers, views, virtual (FTS) tables; indexes are above
                facts.add((kind, name, _words(sql)))
        return facts
    finally:
        conn.close()


def made_by_steps(path: Path, upto: int = N) -> Path:
    """A new file taken through steps 1..upto, as `db.create` makes one."""
    conn = db.connect_raw(path)
    try:
        for version in range(upto):
            db._run_step(conn, version)
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def new_file(tmp_path_factory: pytest.TempPathFactory) -> set[Fact]:
    path = tmp_path_factory.mktemp("new") / "new.sprintjournal"
    Journal(path).close()
    return schema(path)


def test_a_new_journal_is_made_by_every_step_from_the_first(tmp_path: Path,
                                                            new_file: set[Fact]) -> None:
    assert ("pragma", "user_version", N) in new_file
    assert schema(made_by_steps(tmp_path / "steps.sprintjournal")) == new_file


def test_the_steps_make_the_tables_the_models_describe(tmp_path: Path,
                                                       new_file: set[Fact]) -> None:
    """A model changed without a step (or a step without its model) fails here."""
    path = tmp_path / "models.sprintjournal"
    engine = create_engine(f"sqlite:///{path}")
    models.SQLModel.metadata.create_all(engine)
    engine.dispose()
    tables = set(models.SQLModel.metadata.tables)
    from_models = {f for f in schema(path) if f[0] != "pragma"}
    assert {fact[1] for fact in from_models} == tables
    assert {f for f in new_file if f[0] != "pragma" and f[1] in tables} == from_models


@pytest.mark.parametrize("version", range(1, N + 1))
def test_steps_up_to_a_version_make_the_schema_of_its_fixture(version: int,
                                                              tmp_path: Path) -> None:
    """Each step is the text that shipped: steps 1..k make what a version-k file holds."""
    made = schema(made_by_steps(tmp_path / "steps.sprintjournal", version))
    fixture = schema(FIXTURES / f"journal-v{version}.sprintjournal")
    if version in MADE_BY_LIVE_MODELS:
        assert (made - fixture, fixture - made) == ({checked_in("'[]'")}, {checked_in(None)})
    else:
        assert made == fixture


@pytest.mark.parametrize("version", range(1, N + 1))
def test_every_fixture_is_migrated_to_the_schema_of_a_new_journal(
    version: int, tmp_path: Path, new_file: set[Fact]
) -> None:
    path = tmp_path / "old.sprintjournal"
    shutil.copyfile(FIXTURES / f"journal-v{version}.sprintjournal", path)
    Journal(path).close()
    migrated = schema(path)
    if version in MADE_BY_LIVE_MODELS:
        assert (new_file - migrated, migrated - new_file) == (
            {checked_in("'[]'")}, {checked_in(None)})
    else:
        assert migrated == new_file


def test_a_changed_column_or_index_is_a_difference(tmp_path: Path, new_file: set[Fact]) -> None:
    """The comparison sees what a forgotten step would leave."""
    path = made_by_steps(tmp_path / "changed.sprintjournal")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE note ADD COLUMN colour VARCHAR NOT NULL DEFAULT 'blue'")
    conn.execute("CREATE INDEX ix_note_sha ON note (sha256)")
    conn.close()
    assert {fact[:4] for fact in schema(path) - new_file} == {
        ("column", "note", 9, "colour"), ("index", "note", "ix_note_sha", 0)}


def test_the_checksum_triggers_cover_what_check_recomputes(new_file: set[Fact]) -> None:
    """`text_sums.COVERED` (read by `check`) names the columns step 5's triggers hash."""
    triggers = {fact[1]: fact[2] for fact in new_file if fact[0] == "trigger"}
    for table, (key, columns) in text_sums.COVERED.items():
        call = f"sj_text_sha256 ( {' , '.join(f'new.{c}' for c in columns)} )"
        assert call in str(triggers[f"{table}_sum_ai"])
        assert f"row_id = old.{key}" in str(triggers[f"{table}_sum_ad"])


def test_reading_the_fixtures_leaves_nothing_beside_them() -> None:
    for version in range(1, N + 1):
        schema(FIXTURES / f"journal-v{version}.sprintjournal")
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(
        f"journal-v{version}.sprintjournal" for version in range(1, N + 1))


def test_every_step_module_is_a_step_in_order() -> None:
    """A step module left out of `STEP_MODULES` would never run; each entry is its module's
    `step`, imported when asked for, and slices give the steps in order (tests shorten them)."""
    import importlib
    import sys

    from sprintjournal import migrations

    here = Path(migrations.__file__).parent
    files = sorted((p.stem for p in here.glob("v*.py")), key=lambda stem: int(stem[1:]))
    assert list(migrations.STEP_MODULES) == files
    assert len(migrations.MIGRATIONS) == db.latest_version() == len(files)
    for index, name in enumerate(files):
        module = importlib.import_module(f"sprintjournal.migrations.{name}")
        assert migrations.MIGRATIONS[index] is module.step
        assert f"sprintjournal.migrations.{name}" in sys.modules
    assert migrations.MIGRATIONS[1:3] == [migrations.MIGRATIONS[1], migrations.MIGRATIONS[2]]
    assert list(migrations.MIGRATIONS) == migrations.MIGRATIONS[:]
