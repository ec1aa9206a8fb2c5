"""What `scripts/run` adds to starting the app, when nothing changed since the last set-up.

Interleaved, whole processes, offscreen: (a) the installed entry point `.venv/bin/sprintjournal`
and (b) `scripts/run`, both opening the same journal and quitting once it is shown
(--quit-after-startup). Prints each side's median and worst wall time, the median and worst of
the run-by-run differences, and the set-up check alone (the only work scripts/run adds).
Target (issue 9): scripts/run within 0.3 s of (a), and no output of its own.
Exits 1 when the target is missed.

    python bench/run_overhead.py [--runs 10]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scratch import scratch_folder

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.3


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=True)
    return time.perf_counter() - start, done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    subprocess.run([str(ROOT / "scripts" / "setup"), "app"], check=True)  # the stamp is fresh
    home = scratch_folder("sj-run-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPRINTJOURNAL_HOME": str(home)}
    journal = str(home / "bench.sprintjournal")
    tail = ["--journal", journal, "--quit-after-startup"]
    sides = {"entry point": [str(ROOT / ".venv" / "bin" / "sprintjournal"), *tail],
             "scripts/run": [str(ROOT / "scripts" / "run"), *tail]}
    times: dict[str, list[float]] = {name: [] for name in sides}
    timed(sides["entry point"], env)  # warm-up: creates the journal, fills the caches
    noise: set[str] = set()  # lines scripts/run printed that the app itself did not
    for _ in range(args.runs):
        outputs = {}
        for name, argv in sides.items():
            seconds, outputs[name] = timed(argv, env)
            times[name].append(seconds)
        noise |= set(outputs["scripts/run"].splitlines()) - set(outputs["entry point"].splitlines())
    for name, values in times.items():
        print(f"{name:12}  median {statistics.median(values):.3f} s  worst {max(values):.3f} s"
              f"  ({len(values)} runs)")
    pairs = [r - e for r, e in zip(times["scripts/run"], times["entry point"], strict=True)]
    extra = statistics.median(pairs)
    print(f"scripts/run minus entry point, run by run: median {extra * 1000:.0f} ms, "
          f"worst {max(pairs) * 1000:.0f} ms (target: median <= {TARGET_S * 1000:.0f} ms)")
    check = [timed([str(ROOT / "scripts" / "setup"), "app"], env)[0] for _ in range(args.runs)]
    print(f"the set-up check alone (what scripts/run adds): median "
          f"{statistics.median(check) * 1000:.0f} ms, worst {max(check) * 1000:.0f} ms")
    ok = extra <= TARGET_S and not noise
    if noise:
        print("scripts/run printed output of its own:\n" + "\n".join(sorted(noise)[:40]))
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
