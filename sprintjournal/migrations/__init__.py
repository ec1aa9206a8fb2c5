"""The numbered schema steps, one module each, their SQL fixed when the version shipped.

No step reads the live models (`models.py`) or any other code that may change: a step does to a
file in ten years what it did the day it was written. A new schema version is one new module
here and one more entry in MIGRATIONS. tests/sprintjournal/migrations/test_migrations.py proves
the steps and the models agree: a file made by step 1 and taken through every step has the
schema the models describe, and every committed fixture (tests/fixtures/journal-vN) reaches that
schema too.
"""

import sqlite3
from collections.abc import Callable

from sprintjournal.migrations import v1, v2, v3, v4, v5

Step = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Step] = [v1.step, v2.step, v3.step, v4.step, v5.step]
"""MIGRATIONS[i] takes a file from version i to version i + 1."""
