"""FAULTS 54: the hidden `.part` files of a killed export are removed by the next export there,
while those of an export still running (another window, another process) are left alone."""

import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report

WRITER = """
import os, signal, sys
from pathlib import Path
from sprintjournal.files import AtomicBatch
batch = AtomicBatch(Path(sys.argv[1])).__enter__()
for name in ("page.html", "images/a.jpg", "images/b.jpg"):
    batch.add(name, b"x" * 1000)
print("written", flush=True)
if sys.argv[2] == "die":
    os.kill(os.getpid(), signal.SIGKILL)
sys.stdin.readline()
batch.commit()
print("committed", flush=True)
"""


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.part"))


def _journal(journal: Journal) -> int:
    sid = journal.add_sprint("Leysin", start=date(2024, 1, 1), end=date(2024, 1, 5)).id
    journal.save_report(sid, title="Another title", text="Text.\n")
    return sid


def test_fault_54_a_killed_exports_part_files_go_with_the_next_export(journal: Journal,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", WRITER, str(out), "die"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == -signal.SIGKILL and "written" in done.stdout
    assert len(_parts(out)) == 3, "the killed export left its temporary files"
    export_report(journal, _journal(journal), "md", out)  # other names than the killed one
    assert _parts(out) == []
    assert not (out / "page.html").exists()


def test_fault_54_a_running_exports_part_files_are_kept(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(out), "wait"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
        export_report(journal, _journal(journal), "md", out)
        assert len(_parts(out)) == 3, "another export's files must survive"
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "committed"
    finally:
        child.wait(timeout=60)
    assert child.returncode == 0
    assert (out / "images" / "a.jpg").read_bytes() == b"x" * 1000
    assert _parts(out) == []
