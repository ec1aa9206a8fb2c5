"""`--trace-startup`: the time, CPU and memory of each start-up phase, and what is loaded.

Its own module, below both `app` (which makes the trace) and `startup` (which marks the phases),
so neither imports the other for it. The clock starts when this module is first imported, right
after Qt's, as `app` is.
"""

import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()


class StartupTrace:
    """Phase timings since this module was imported (and as wall-clock times for benches)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.marks: list[tuple[str, float]] = []

    def mark(self, phase: str) -> None:
        elapsed = time.perf_counter() - _T0
        self.marks.append((phase, elapsed))
        if self.enabled:
            core = "loaded" if "sqlalchemy" in sys.modules else "not loaded"
            print(f"startup {phase:<18} {elapsed * 1000:8.1f} ms  wall={time.time():.6f}"
                  f"  cpu={time.process_time():.4f}  rss={_rss_mib():.1f} MiB  Qt {_qt()}"
                  f"  core {core}", flush=True)


def _qt() -> str:
    """Whether PySide has built the `Qt` namespace's 93 enums yet (see ui/qt_values.py)."""
    core = sys.modules.get("PySide6.QtCore")
    return "built" if core is not None and "Qt" in vars(core) else "not built"


def _rss_mib() -> float:
    """Resident memory now (Linux; 0 elsewhere), so the trace shows what each phase costs."""
    try:
        pages = int(Path("/proc/self/statm").read_bytes().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0
