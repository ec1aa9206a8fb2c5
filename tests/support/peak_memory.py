"""A process's own peak memory, whatever ran before it in its worker or in its parent.

`ru_maxrss` misleads on Linux both ways. In a test's own process it is the worker's peak since
it started, so after a memory-hungry test a growth measured against it reads zero. In a child
started by `subprocess`, it includes the parent's peak: exec records the high-water mark of the
memory map it replaces, the forked copy of the parent's (a huge PNG's import, 100 MB of its own,
read 792 MB in a worker that had been there). `VmHWM` is the peak of the process's own map, and
writing 5 to `/proc/self/clear_refs` starts it again from the memory in use.
"""

import inspect
from pathlib import Path


def own_peak_kib() -> int:
    """The peak resident memory of this process's own memory map (KiB)."""
    from pathlib import Path  # here: the function's source travels to children alone

    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("/proc/self/status has no VmHWM")


def restart_peak() -> int:
    """Start the peak again from the memory in use now, and return it (KiB)."""
    Path("/proc/self/clear_refs").write_text("5")
    return own_peak_kib()


OWN_PEAK_SOURCE = inspect.getsource(own_peak_kib)
"""`own_peak_kib` as source text, for a `python -c` child to define."""
