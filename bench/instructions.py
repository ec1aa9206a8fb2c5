"""Instructions the app runs to each start-up phase, against the bare window, counted by valgrind.

Wall-clock medians of start-up move by a tenth between runs on a shared machine
(bench/startup_x.py prints them beside their targets); the number of instructions a process
runs moves by about 0.1 % for the same code, so it shows what a change to start-up's work did,
in one run of each program. It is not what the user waits for (cache misses, page faults and
the X server are not in it), so it has no target: read it beside bench/startup_x.py.

Each program runs once under Xvfb in `valgrind --tool=cachegrind --cache-sim=no` (about 40
times slower), the app as installed (`before_tree.current_tree`, started by the
`sprintjournal-gui` script pip writes), with a home that holds its
saved layout (a returning user), on a Python without the editable install (bench/user_python.py),
ended at the phase by bench/exit_at_phase.py. The bare window
(bench/bare_window.py) ends after its first paint.

    scripts/setup bench && .venv/bin/python bench/instructions.py [--before REV]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from before_tree import before_env, before_tree, current_tree, gui_script  # noqa: E402
from scratch import remove_at_exit, scratch_folder  # noqa: E402
from startup_x import env_for  # noqa: E402
from user_python import user_python  # noqa: E402
from xserver import Xvfb  # noqa: E402

PHASES = ("first paint", "ready for input", "all panels filled")
VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def instructions(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """The instructions of the process `command` starts (not its children's)."""
    done = subprocess.run([*VALGRIND, "--trace-children=no", *command], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=900)
    # A child Qt forks (to look for a D-Bus session) reports the count it inherited first.
    started = re.search(r"==(\d+)== Command:", done.stderr)
    counts = dict(re.findall(r"==(\d+)== I\s+refs:\s+([\d,]+)", done.stderr))
    if started is None or started.group(1) not in counts:
        raise SystemExit(f"no count from valgrind for {command}:\n{done.stderr[-2000:]}")
    return int(counts[started.group(1)].replace(",", ""))


def app_counts(python: Path, tree: Path, journal: Path, env: dict[str, str]
               ) -> dict[str, int]:
    env = before_env(tree, env)
    script = str(gui_script(tree))  # as the desktop entry starts the app
    app = [str(python), script, "--journal", str(journal), "--quit-after-startup"]
    subprocess.run(app, env=env, cwd=tree, check=True, capture_output=True)  # saves the layout
    exit_at = [str(python), str(BENCH / "exit_at_phase.py")]
    return {phase: instructions([*exit_at, phase, script, "--journal", str(journal)], env, tree)
            for phase in PHASES}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also count this git revision")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: run scripts/setup bench")
    folder = scratch_folder("sj-instructions-")
    python = user_python(folder / "python")
    from sprintjournal.demo import open_demo

    journal = folder / "demo.sprintjournal"
    open_demo(journal).close()
    trees = {"app": remove_at_exit(current_tree())}
    if args.before:
        trees["before"] = remove_at_exit(before_tree(args.before))
    with Xvfb() as display:
        bare = instructions([str(python), str(BENCH / "bare_window.py")],
                            env_for(display, folder / "home-bare"), BENCH.parent)
        counts = {kind: app_counts(python, tree, journal, env_for(display, folder / f"home-{kind}"))
                  for kind, tree in trees.items()}
    print(f"millions of instructions; the bare window: {bare / 1e6:.1f} (to its first paint "
          "and out)\n")
    print(f"{'phase':<20}" + "".join(f"{kind:>12} {'÷ bare':>8}" for kind in counts)
          + (f"{'app ÷ before':>14}" if "before" in counts else ""))
    for phase in PHASES:
        row = "".join(f"{c[phase] / 1e6:12.1f} {c[phase] / bare:8.2f}" for c in counts.values())
        if "before" in counts:
            row += f"{counts['app'][phase] / counts['before'][phase]:14.3f}"
        print(f"{phase:<20}{row}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
