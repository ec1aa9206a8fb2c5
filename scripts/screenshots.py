"""Regenerate docs/screenshots/*.png from the demo journal, light and dark, offscreen.

    python scripts/screenshots.py [--out docs/screenshots]

Each colour scheme runs in its own process (the palette is application-wide): the main window at
1280x800 and 1024x700, the Report docked as the 1280x800 layout has it, then every panel on its
own at a comfortable size, on the demo sprint's busiest day. Open the pictures and look at them:
nothing cut off, overlapping or empty.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
PANEL_SIZE = (960, 620)


def busiest_day(window: "object") -> object:
    """The demo day with the most stand-up items and notes (the most to look at)."""
    from sprintjournal_ui.main_window import MainWindow

    assert isinstance(window, MainWindow) and window.sprint is not None
    store, sprint = window.store, window.sprint
    counts = {day: len(store.list_standup(sprint.id, day)) + len(store.list_notes(
        sprint.id, day)) for day in sprint.days()}
    return max(counts, key=lambda day: counts[day])


def shoot(scheme: str, out: Path) -> None:
    from PySide6.QtTest import QTest
    from sprintjournal_ui.app import make_application
    from sprintjournal_ui.main_window import MainWindow
    from sprintjournal_ui.store import JournalStore

    from sprintjournal.demo import open_demo
    from sprintjournal.paths import demo_journal

    app = make_application([], scheme)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.reset_layout()  # the first-start layout of a 1280x800 screen (offscreen's is smaller)
    window.attach(JournalStore(open_demo(demo_journal())))
    window.select_day(busiest_day(window))  # type: ignore[arg-type]
    QTest.qWait(600)  # thumbnails decode on the pool; previews render after a pause
    window.grab().save(str(out / f"main-window-{scheme}.png"))
    window.resize(1024, 700)
    window.reset_layout()  # and of a 1024x700 one
    QTest.qWait(300)
    window.grab().save(str(out / f"main-window-1024x700-{scheme}.png"))
    window.resize(1280, 800)
    window.reset_layout()
    window.show_panel("report")  # docked as on a first start: which toolbar texts fit
    QTest.qWait(300)
    window.docks["report"].grab().save(str(out / f"report-docked-{scheme}.png"))
    assert window.notes is not None
    window.notes.resize(*PANEL_SIZE)
    QTest.qWait(200)
    window.notes.grab().save(str(out / f"notes-{scheme}.png"))
    window.search.field.setText("ffistruct")
    window.search.run_search()
    window.panels["report"].generate()  # the demo has no draft yet; show one
    for name in ("attendees", "branches", "standup", "photos", "report", "review", "search"):
        dock = window.docks[name]
        dock.show()
        dock.setFloating(True)
        dock.resize(*PANEL_SIZE)
        QTest.qWait(400)
        dock.grab().save(str(out / f"{name}-{scheme}.png"))
        dock.setFloating(False)
    window.close_for_good()
    window.store.close()
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scheme", choices=["light", "dark"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scheme:
        shoot(args.scheme, args.out)
        return 0
    for scheme in ("light", "dark"):  # each in a home of its own, removed after it
        with tempfile.TemporaryDirectory(prefix="sj-shots-") as home:
            env = {**os.environ, "SPRINTJOURNAL_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
            subprocess.run([sys.executable, __file__, "--scheme", scheme, "--out",
                            str(args.out)], env=env, check=True, cwd=ROOT)
    for png in sorted(args.out.glob("*.png")):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
