"""The numbered schema steps, one module each, their SQL fixed when the version shipped.

No step reads the live models (`models.py`) or any other code that may change: a step does to a
file in ten years what it did the day it was written. A new schema version is one new module
here and one more name in `STEP_MODULES`. tests/sprintjournal/migrations/test_migrations.py
proves the steps and the models agree: a file made by step 1 and taken through every step has
the schema the models describe, and every committed fixture (tests/fixtures/journal-vN) reaches
that schema too.
"""

import importlib
import sqlite3
from collections.abc import Callable, Sequence
from typing import overload

Step = Callable[[sqlite3.Connection], None]

STEP_MODULES = ("v1", "v2", "v3", "v4", "v5")
"""The step modules in order: `STEP_MODULES[i]` takes a file from version i to version i + 1."""


class _Steps(Sequence[Step]):
    """The steps, each module imported when its step is first asked for: opening a file of the
    latest version needs only their count (`db.latest_version`), at every start-up."""

    def __len__(self) -> int:
        return len(STEP_MODULES)

    @overload
    def __getitem__(self, index: int) -> Step: ...

    @overload
    def __getitem__(self, index: slice) -> list[Step]: ...

    def __getitem__(self, index: int | slice) -> Step | list[Step]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        module = importlib.import_module(f"{__name__}.{STEP_MODULES[index]}")
        step: Step = module.step
        return step


MIGRATIONS: Sequence[Step] = _Steps()
"""MIGRATIONS[i] takes a file from version i to version i + 1."""
