"""The journal file behind the façade: open, check, lock, migrate, transactions, close.

Every use case is one method and one short transaction; mutations return a `Change`. Callers
(the Qt store, the command line, importers) never see a session or SQL. The file is checked
before anything writes to it, and one OS lock keeps a second process from writing it.

Opening takes the lock, checks the file and migrates it (loading the ORM only when it must), and
reads through `reader.SqliteReader`; SQLModel/SQLAlchemy (about 48 MiB and half a second) load
with the first write or ORM query, in whichever thread makes it (`prepare_writes`).
"""

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sprintjournal import db, file_identity
from sprintjournal.errors import (
    JournalError,
    JournalFileLostError,
    NotAJournalError,
    ReadOnlyJournalError,
    from_sqlite,
)
from sprintjournal.lock import JournalLock, real_path
from sprintjournal.paths import backup_dir
from sprintjournal.reader import SqliteReader

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.exc import DBAPIError
    from sqlmodel import Session

log = logging.getLogger(__name__)


def translate(exc: "DBAPIError", path: Path) -> JournalError:
    """SQLite's terse errors as messages a user can act on."""
    return from_sqlite(exc.orig or exc, path)


def _total_changes(session: "Session") -> int:
    dbapi = session.connection().connection.dbapi_connection
    return dbapi.total_changes if isinstance(dbapi, sqlite3.Connection) else 0


class JournalBase:
    """Opening, closing and transactions; the use-case methods live in `journal.Journal`."""

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = True) -> None:
        self.path = Path(path)
        self.migration_backup: Path | None = None
        self.generation = 0
        """Counts write transactions that changed rows; backups compare it to skip idle saves."""
        self._lock = JournalLock(self.path)
        self.readonly = readonly or not self._writable()
        self._engine: Engine | None = None
        self._engine_made = threading.Lock()
        self._closed = False
        self._open(create)
        self._reader = SqliteReader(self.path, readonly=self.readonly)
        self._identity = file_identity.identity(self.path)

    def _writable(self) -> bool:
        target = self.path if self.path.exists() else self.path.parent
        folder_ok = not self.path.parent.exists() or os.access(self.path.parent, os.W_OK)
        return folder_ok and (not target.exists() or os.access(target, os.W_OK))

    def _open(self, create: bool) -> None:
        exists = self.path.exists()
        if not exists and (not create or self.readonly):
            raise JournalError(f"There is no journal at {self.path}.")
        version, backup = db.inspect_journal(self.path) if exists else (0, False)
        if backup and not self.readonly:
            raise NotAJournalError(
                f"{self.path} is a backup whose photos are kept in the backups folder beside "
                "it; restore it (File ▸ Backups, or `sprintjournal restore`) to write to it."
            )
        if self.readonly:
            if version < db.latest_version():
                raise ReadOnlyJournalError(
                    f"{self.path} is read-only and needs an upgrade; copy it somewhere writable."
                )
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
            try:
                if not exists and self.path.exists():  # created by another process meanwhile
                    exists, version = True, db.inspect_file(self.path)
                if exists:
                    self.migration_backup = db.migrate(self.path, version, backup_dir(self.path))
                else:
                    db.create(self.path)
                    self._lock.acquire_identity()
            except BaseException:
                self._lock.release()
                raise

    def close(self) -> None:
        if not self._closed and self.generation and not self.readonly:
            self._backup_on_close()
        self._closed = True
        self._reader.close()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._lock.release()

    def _backup_on_close(self) -> None:
        """A failed backup must never stop the journal from closing; it is logged instead."""
        from sprintjournal import backup  # with check and restoring: only when closing

        try:
            backup.backup_on_close(self)
        except (JournalError, OSError, sqlite3.Error) as exc:
            log.warning("backup on close of %s failed: %s", self.path, exc)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> "Engine":
        """SQLAlchemy's engine, made (and the ORM imported) on first use, in any thread."""
        if self._engine is None:
            self.prepare_writes()
        if self._engine is None or self._closed:
            raise JournalError(f"{self.path} is closed.")
        return self._engine

    @property
    def writes_prepared(self) -> bool:
        """Whether the ORM is loaded and a write will not first import it (about 0.5 s)."""
        return self._engine is not None

    def prepare_writes(self) -> None:
        """Import the ORM and make the engine, once; a thread that asks meanwhile waits for
        the first, so nothing of the ORM is ever imported by two threads at once."""
        with self._engine_made:
            if self._engine is None and not self._closed:
                self._load_orm()
                self._engine = db.make_engine(self.path, self.readonly)

    def _load_orm(self) -> None:
        """What the façade's writes need imported (see `Journal`)."""

    @contextmanager
    def read(self) -> Iterator["Session"]:
        """A session for the ORM queries beyond `JournalReader` (name look-ups, cached photo
        renditions); use cases read records through `usecases.common.reads(session)`."""
        reader = self.engine.execution_options(**{db.READ_OPTION: True})  # the ORM loaded
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        try:
            with Session(reader, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as exc:
            raise translate(exc, self.path) from exc

    def file_problem(self) -> str | None:
        """Whether the path still names the file this journal opened (see `file_identity`)."""
        return file_identity.problem(self.path, self._identity)

    def _check_file(self) -> None:
        problem = self.file_problem()
        if problem is not None:
            raise JournalFileLostError(
                f"{self.path} was {problem} while it was open, so the last change was not "
                "saved. Your text is kept: save the journal back to its place or elsewhere."
            )

    def relocate(self, target: str | Path) -> Path | None:
        """Save the journal as this session sees it to `target` and carry on there.

        For a journal whose file was lost (`file_problem`): `target` may be its old path (a
        file now there is renamed aside, and that name returned) or any other."""
        target, real = Path(target), real_path(Path(target))
        own_place = real == real_path(self.path)
        with self.raw() as conn:
            self._lock.release()
            lock = JournalLock(target)
            try:
                lock.acquire()
            except JournalError:
                self._lock.acquire()
                raise
            try:
                aside = file_identity.save_copy(conn, real, own_place=own_place)
            except BaseException:
                lock.release()
                self._lock.acquire()
                raise
        self.engine.dispose()
        self._reader.close()
        if own_place:
            file_identity.remove_stale_sides(real)
        lock.acquire_identity()
        self.path, self._lock = target, lock
        self._engine = db.make_engine(self.path, self.readonly)
        self._reader = SqliteReader(self.path, readonly=self.readonly)
        self._identity = file_identity.identity(self.path)
        return aside

    @contextmanager
    def write(self) -> Iterator["Session"]:
        """One transaction: everything inside commits together or not at all."""
        if self.readonly:
            raise ReadOnlyJournalError(f"{self.path} is open read-only; changes cannot be saved.")
        self._check_file()
        engine = self.engine  # the ORM loaded (by this thread, or another while this waits)
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                before = _total_changes(session)
                yield session
                session.flush()  # pending updates (a report, a sprint's fields) count too
                changed = _total_changes(session) != before
        except DBAPIError as exc:
            raise translate(exc, self.path) from exc
        self.generation += changed

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The DB-API connection, for the backup API and PRAGMA checks."""
        with self.engine.connect() as conn:
            dbapi = conn.connection.dbapi_connection
            assert isinstance(dbapi, sqlite3.Connection)
            yield dbapi

    def meta(self, key: str) -> str | None:
        from sprintjournal.models import Meta

        with self.read() as s:
            row = s.get(Meta, key)
            return None if row is None else row.value

    def set_meta(self, key: str, value: str) -> None:
        from sprintjournal.models import Meta

        with self.write() as s:
            s.merge(Meta(key=key, value=value))

    def schema_version(self) -> int:
        with self.raw() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
