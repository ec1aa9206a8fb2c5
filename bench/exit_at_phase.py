"""Run the app (`python -m sprintjournal_ui.app` arguments after the phase) and end the process
the moment start-up reaches PHASE (a `--trace-startup` phase, e.g. "ready for input"), without
Qt's or Python's shutdown, so a whole-process measure (bench/instructions.py) ends there too.

    python bench/exit_at_phase.py "ready for input" --journal PATH
"""

import os
import sys

from sprintjournal_ui import app, startup_trace


def main() -> int:
    phase, arguments = sys.argv[1], sys.argv[2:]
    mark = startup_trace.StartupTrace.mark

    def mark_then_exit(trace: startup_trace.StartupTrace, reached: str) -> None:
        mark(trace, reached)
        if reached == phase:
            sys.stdout.flush()
            os._exit(0)

    startup_trace.StartupTrace.mark = mark_then_exit  # type: ignore[method-assign]
    app.main([*arguments, "--quit-after-startup"])
    return 3  # start-up ended without reaching the phase


if __name__ == "__main__":
    sys.exit(main())
