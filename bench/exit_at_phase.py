"""Run the app's `sprintjournal-gui` script (the arguments after the phase are the script's path
and its arguments) and end the process the moment start-up reaches PHASE (a `--trace-startup`
phase, e.g. "ready for input"), without Qt's or Python's shutdown, so a whole-process measure
(bench/instructions.py) ends there too.

    python bench/exit_at_phase.py "ready for input" TREE/sprintjournal-gui --journal PATH
"""

import contextlib
import os
import runpy
import sys

from sprintjournal_ui import startup_trace  # Qt-free: the script imports Qt as it always does


def main() -> int:
    phase, script, arguments = sys.argv[1], sys.argv[2], sys.argv[3:]
    mark = startup_trace.StartupTrace.mark

    def mark_then_exit(trace: startup_trace.StartupTrace, reached: str) -> None:
        mark(trace, reached)
        if reached == phase:
            sys.stdout.flush()
            os._exit(0)

    startup_trace.StartupTrace.mark = mark_then_exit  # type: ignore[method-assign]
    sys.argv = [script, *arguments, "--quit-after-startup"]
    with contextlib.suppress(SystemExit):  # the script ends with sys.exit
        runpy.run_path(script, run_name="__main__")
    return 3  # start-up ended without reaching the phase


if __name__ == "__main__":
    sys.exit(main())
