"""Benchmark: a journal of 1,000 photos of 12 megapixels (about 6 GB) stays practical.

Builds the journal (10 sprints of 100 photos), then measures, with medians and worst cases:

- backup time and new disk per backup when no photo changed (targets: < 2 s and < 5 % of the
  journal's size), the first backup (every original enters the object store) and a backup
  after one new photo;
- `check` of the journal and of a backup, and a restore;
- JSON export of one sprint (100 photos), and importing that export into a new journal in a
  fresh process: time and peak memory (target: < 300 MB), beside a bare process's memory.

Photos are generated: a few distinct 12 MP JPEGs (noise, blended colour and shapes, so they
code like real photos), each copy made unique by a comment segment carrying its number (its
own bytes and checksum, the same pixels). The journal is filled through the Journal API with
each base image's decode done once (`prepared`), so building takes minutes, not an hour.
Exits 1 when a target is missed.

    .venv/bin/python bench/scale.py [--photos 1000] [--megapixels 12] [--runs 5] [--keep DIR]
"""

import argparse
import dataclasses
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from peak_memory import PEAK_MB
from PIL import Image, ImageDraw

from sprintjournal.backup import backup_now, restore
from sprintjournal.check import check_journal
from sprintjournal.journal import Journal
from sprintjournal.paths import backup_dir
from sprintjournal.usecases.gallery import prepare

BASES = 12
PER_SPRINT = 100
TARGET_BACKUP_S, TARGET_BACKUP_SHARE, TARGET_IMPORT_MB = 2.0, 0.05, 300.0


def base_photo(seed: int, megapixels: float) -> bytes:
    """Noise plus shapes, so the JPEG is as large and as hard to code as a real photo."""
    width = round((megapixels * 1e6 * 4 / 3) ** 0.5)
    size = (width, width * 3 // 4)
    rng = random.Random(seed)
    image = Image.effect_noise(size, 60 + seed % 30).convert("RGB")
    tint = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    image = Image.blend(image, tint, 0.4)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        box = (x, y, x + rng.randrange(50, 900), y + rng.randrange(50, 700))
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=94)
    return out.getvalue()


def unique_copy(base: bytes, number: int) -> bytes:
    """The same JPEG with a COM segment after SOI naming the copy: distinct bytes and checksum."""
    text = f"sprintjournal bench photo {number}".encode()
    segment = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
    return base[:2] + segment + base[2:]


def build(path: Path, count: int, megapixels: float) -> list[int]:
    print(f"making {BASES} base photos of {megapixels:g} MP…", flush=True)
    bases = [base_photo(seed, megapixels) for seed in range(BASES)]
    prepared = [prepare(data, f"base-{i}.jpg") for i, data in enumerate(bases)]
    sprints: list[int] = []
    started = time.perf_counter()
    with Journal(path) as journal:
        for number in range(count):
            if number % PER_SPRINT == 0:
                title = f"Sprint {number // PER_SPRINT + 1}"
                sprints.append(journal.add_sprint(title, place="Gothenburg").ids[0])
                journal.add_note(sprints[-1], None, f"# {title}\n\nNotes of the day.")
            data = unique_copy(bases[number % BASES], number)
            info, thumb = prepared[number % BASES]
            info = dataclasses.replace(info, sha256=_sha(data))
            journal.add_photo(sprints[-1], data, f"IMG_{number:04}.jpg",
                              caption=f"Photo {number}", prepared=(info, thumb))
            if (number + 1) % 100 == 0:
                print(f"  {number + 1} photos", flush=True)
    size = path.stat().st_size
    print(f"journal: {count} photos, {size / 1e9:.2f} GB, built in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return sprints


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def disk_used(folder: Path) -> int:
    """Bytes the folder's files occupy on disk (allocated blocks)."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if p.is_file())


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    return (f"median {statistics.median(values):.{digits}f} {unit}, "
            f"worst {max(values):.{digits}f} {unit} (n={len(values)})")


def measure_backups(path: Path, runs: int) -> tuple[list[float], list[int], float, int]:
    """(times, new bytes) of backups with no photo changed; the first backup's time and bytes."""
    folder = backup_dir(path)
    shutil.rmtree(folder, ignore_errors=True)  # the building session's on-close backup
    times: list[float] = []
    grown: list[int] = []
    with Journal(path) as journal:
        before = 0
        first = timed(lambda: backup_now(journal))
        first_bytes = disk_used(folder) - before
        sprint = journal.list_sprints()[0].id
        for run in range(runs):
            journal.add_note(sprint, None, f"note {run} written between backups")
            before = disk_used(folder)
            times.append(timed(lambda: backup_now(journal)))
            grown.append(disk_used(folder) - before)
    return times, grown, first, first_bytes


def one_new_photo_backup(path: Path, megapixels: float) -> tuple[float, int]:
    folder = backup_dir(path)
    with Journal(path) as journal:
        data = unique_copy(base_photo(999, megapixels), 999_999)
        journal.add_photo(journal.list_sprints()[0].id, data, "new.jpg")
        before = disk_used(folder)
        took = timed(lambda: backup_now(journal))
        return took, disk_used(folder) - before


def measure_check(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        report = check_journal(path)
        times.append(time.perf_counter() - started)
        if not report.ok:
            raise SystemExit(f"check found problems in {path}: {report.problems[:3]}")
    return times


IMPORT_CHILD = """
import resource, sys, time
from pathlib import Path
from sprintjournal.journal import Journal
""" + PEAK_MB + """
if sys.argv[2] != "bare":
    started = time.perf_counter()
    with Journal(Path(sys.argv[2])) as j:
        j.import_json(Path(sys.argv[1]))
    print(time.perf_counter() - started)
else:
    print(0.0)
print(peak_mb())
"""


def import_in_child(export: Path, target: str) -> tuple[float, float]:
    """(seconds, peak resident MB) of a fresh process importing `export` (or doing nothing)."""
    out = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(export), target],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--megapixels", type=float, default=12.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sprintjournal-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run(work, args)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def run(work: Path, args: argparse.Namespace) -> int:
    path = work / "scale.sprintjournal"
    print(f"cores: {os.cpu_count()}; folder {work}", flush=True)
    build(path, args.photos, args.megapixels)
    size = path.stat().st_size
    times, grown, first, first_bytes = measure_backups(path, args.runs)
    share = [g / size for g in grown]
    print(f"first backup (every original enters the store): {first:.1f} s, "
          f"{first_bytes / 1e9:.2f} GB")
    print(f"backup, no photo changed: {spread(times)}  (target < {TARGET_BACKUP_S:g} s)")
    print(f"  new disk per backup: {spread([g / 1e6 for g in grown], 'MB', 1)} = "
          f"{max(share) * 100:.2f} % of the journal at worst (target < 5 %)")
    new_time, new_bytes = one_new_photo_backup(path, args.megapixels)
    print(f"backup after one new photo: {new_time:.2f} s, {new_bytes / 1e6:.1f} MB new")
    checks = measure_check(path, max(2, args.runs // 2))
    print(f"check of the journal ({size / 1e9:.2f} GB): {spread(checks)}")
    newest = sorted(backup_dir(path).glob("scale-*.sprintjournal"))[-1]
    print(f"check of a backup (its originals in the store): {spread(measure_check(newest, 2))}")
    restores = [timed(lambda: restore(path, newest)) for _ in range(2)]
    print(f"restore: {spread(restores)}")
    export_dir = work / "export"
    with Journal(path, readonly=True) as journal:
        sprint = journal.list_sprints()[-1].id
        export_s = timed(lambda: journal.export_json(export_dir, [sprint]))
    exported = len(list((export_dir).rglob("*.jpg")))
    print(f"JSON export of one sprint ({exported} photos): {export_s:.1f} s")
    _bare_s, bare_mb = import_in_child(export_dir, "bare")
    imports = [import_in_child(export_dir, str(work / f"import-{i}.sprintjournal"))
               for i in range(2)]
    peaks = [mb for _s, mb in imports]
    print(f"import of that export ({exported} photos), fresh process: "
          f"{spread([s for s, _mb in imports])}; peak memory {spread(peaks, 'MB', 0)} "
          f"(a bare process: {bare_mb:.0f} MB; target < {TARGET_IMPORT_MB:g} MB)")
    missed = []
    if max(times) >= TARGET_BACKUP_S:
        missed.append("backup time")
    if max(share) >= TARGET_BACKUP_SHARE:
        missed.append("backup disk")
    if max(peaks) >= TARGET_IMPORT_MB:
        missed.append("import memory")
    print("targets: " + ("all met" if not missed else "MISSED: " + ", ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
