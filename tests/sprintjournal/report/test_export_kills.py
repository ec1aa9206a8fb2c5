"""FAULTS 5 and 12 for exports: a killed export never leaves a partial file at a target name."""

import io
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sprintjournal.journal import Journal
from sprintjournal.report.compose import generate
from sprintjournal.report.export import export_report

EXPORTER = """
import sys
from pathlib import Path
from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report
journal = Journal(Path(sys.argv[1]), readonly=True)
while True:
    for edge in (500, 600, 700):
        export_report(journal, int(sys.argv[2]), "html-dir", Path(sys.argv[3]), long_edge=edge)
        print("DONE", flush=True)
"""


def _photo(n: int) -> bytes:
    rng = random.Random(n)
    image = Image.effect_noise((1200, 900), 60).convert("RGB")
    image = Image.blend(image, Image.new("RGB", image.size, (rng.randrange(256), 90, 160)), 0.5)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _check_complete(out: Path) -> None:
    """Every file at a target name is whole: the page ends, every image decodes fully."""
    page = out / "index.html"
    if page.exists():
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    for image in (out / "images").glob("*.jpg") if (out / "images").exists() else []:
        with Image.open(image) as decoded:
            decoded.load()


@pytest.mark.slow
def test_killing_an_export_at_random_moments_leaves_only_whole_files(
        journal: Journal, journal_path: Path, tmp_path: Path) -> None:
    sid = journal.add_sprint("Kill", project="PyPy", place="Here", start=date(2024, 1, 1)).id
    for n in range(6):
        journal.add_photo(sid, _photo(n), f"photo-{n}.jpg", caption=f"Photo {n}")
    generate(journal, sid)
    out = tmp_path / "out"
    rng = random.Random(5)
    for _round in range(8):
        # Each child finishes one export (timed, so the kill can be aimed at any point of the
        # next one however loaded the machine is), then dies somewhere inside the next.
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(journal_path), str(sid),
                                 str(out)], env={**os.environ}, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline() == "DONE\n"
        time.sleep(rng.random() * (time.monotonic() - started))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        _check_complete(out)
    assert (out / "index.html").exists(), "the finished exports left their page"


def test_temporary_files_of_a_killed_export_are_cleaned_up(journal: Journal,
                                                           tmp_path: Path) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="Here").id
    generate(journal, sid)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".pypy-here-sprint-report.md.k1ll3d.part"
    fresh = out / ".pypy-here-sprint-report.md.running.part"
    other = out / ".notes.md.k1ll3d.part"
    for path in (stale, fresh, other):
        path.write_bytes(b"half a fi")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    export_report(journal, sid, "md", out)
    assert not stale.exists(), "a stale temporary file of this target is removed"
    assert fresh.exists(), "a recent one may belong to an export still running"
    assert other.exists(), "other programs' files are left alone"
