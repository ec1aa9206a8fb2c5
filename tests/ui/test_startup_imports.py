"""Start-up loads what showing a journal needs: the dialogs, Pillow, the report's exporters,
Pygments, and what only backups, checks, exports and writes use (hashing, thread pools) load when
first used, and each of those uses still works (the dialogs' own tests drive
them; here, each comes in when asked for, in the same process)."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from sprintjournal.journal import Journal

LEFT_FOR_LATER = [
    "PIL", "pygments", "importlib.metadata", "sprintjournal.photos",
    "sprintjournal.backup", "sprintjournal.check", "concurrent.futures", "hashlib", "secrets",
    "sprintjournal.report.renditions", "sprintjournal.report.compose",
    "sprintjournal.report.formats", "sprintjournal.exchange.fuzzydates",
    "sprintjournal_ui.dialogs.standup_dialog", "sprintjournal_ui.dialogs.branch_dialog",
    "sprintjournal_ui.dialogs.attendee_dialog", "sprintjournal_ui.dialogs.photo_dialog",
    "sprintjournal_ui.dialogs.sprint_dialog", "sprintjournal_ui.dialogs.about",
    "sprintjournal_ui.dialogs.shortcuts", "sprintjournal_ui.workers.photo_process",
    *(f"sprintjournal.migrations.v{n}" for n in range(1, 6)),  # a current file: no step runs
]

_STARTUP = """
import json, sys
from sprintjournal_ui.app import main
status = main(["--journal", sys.argv[1], "--quit-after-startup"])
loaded = [name for name in json.loads(sys.argv[2]) if name in sys.modules]
from sprintjournal_ui.panels.standup import StandupPanel  # the panels' own later imports
from sprintjournal_ui.dialogs.standup_dialog import StandupDialog
from sprintjournal.photos import PhotoInfo
from sprintjournal.publish import fingerprint  # hashing, on first use
from sprintjournal.text_sums import digest
assert len(fingerprint("a paragraph")) == 16 and len(digest(["a", None, 1])) == 64
print(json.dumps([status, loaded]))
"""


def test_startup_leaves_what_only_actions_use_unloaded(journal: Journal, tmp_path: Path) -> None:
    sprint = journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2),
                                end=date(2011, 11, 8)).id
    journal.add_note(sprint, date(2011, 11, 3), "```python\nx = 1\n```\n\n@Armin explained STM.")
    journal.add_attendee(sprint, "Armin Rigo")
    path = journal.path
    journal.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPRINTJOURNAL_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", _STARTUP, str(path), json.dumps(LEFT_FOR_LATER)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0
    assert loaded == []


_REOPEN_DEMO = """
import json, sys
from sprintjournal_ui.app import main
status = main(["--demo", "--quit-after-startup"])
print(json.dumps([status, [name for name in json.loads(sys.argv[1]) if name in sys.modules]]))
"""


def test_reopening_the_demo_shows_it_without_what_building_it_needs(tmp_path: Path) -> None:
    """Building the demo imports its JSON (pydantic, SQLAlchemy) and draws its cake (Pillow);
    showing it again, as the README's `--demo` does on each later start, needs none of them."""
    from sprintjournal.demo import open_demo

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPRINTJOURNAL_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    where = subprocess.run([sys.executable, "-c", "from sprintjournal.paths import demo_journal;"
                            "print(demo_journal())"], capture_output=True, text=True, env=env,
                           check=True).stdout.strip()
    assert Path(where).is_relative_to(tmp_path)
    Path(where).parent.mkdir(parents=True, exist_ok=True)
    open_demo(Path(where)).close()
    unwanted = [*LEFT_FOR_LATER, "sqlalchemy", "pydantic"]
    done = subprocess.run([sys.executable, "-c", _REOPEN_DEMO, json.dumps(unwanted)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0
    assert loaded == []
