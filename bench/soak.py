"""Soak the crash harness: thousands of SIGKILLs, then print kills, acknowledged changes, losses.

    .venv/bin/python bench/soak.py [KILLS] [WORKERS]

Each kill is a fresh child forked from a zygote (see tests/support/crash_child.py); after every
kill the journal is reopened and verified (tests/support/crash_harness.py). A loss stops the run
with the broken promise. The baseline measured in the same run is the cost of one spawned
interpreter child, to show what the zygote saves.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))

from crash_harness import Expected, HarnessError, kill_once, parallel_campaign


def spawned_baseline(folder: Path, kills: int = 3) -> float:
    """Seconds per kill when every child is a brand-new interpreter."""
    began, expected = time.monotonic(), Expected()
    for k in range(kills):
        kill_once(None, folder / "spawned.sprintjournal", 50_000 + k, expected, max_delay=1.0)
    return (time.monotonic() - began) / kills


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory(prefix="sprintjournal-soak-") as tmp:
        folder = Path(tmp)
        baseline = spawned_baseline(folder)
        try:
            stats = parallel_campaign(folder, kills, workers=workers, max_delay=0.3)
        except HarnessError as exc:
            print(f"LOSS: {exc}")
            return 1
    per_kill = stats.seconds / stats.kills * workers
    print(f"kills: {stats.kills}")
    print(f"acknowledged changes: {stats.acks}")
    print("losses: 0")
    print(f"kills before the journal was open: {stats.before_open}")
    print(f"kills with a change in flight: {dict(sorted(stats.in_flight.items()))}")
    print(f"wall time: {stats.seconds:.1f} s on {workers} workers")
    print(
        f"per kill (one worker): {per_kill:.3f} s forked vs {baseline:.3f} s spawned "
        f"(x{baseline / per_kill:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
