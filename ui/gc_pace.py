"""How often Python's collector runs while the app starts: young collections 57 times rarer.

Start-up makes about 175,000 objects that live as long as the app (PySide's types and enums,
the modules, the window's widgets). At Python's usual pace, a young collection every 700
allocations and an older one every tenth of those, the collector walked them again and again:
about 12 ms of CPU before the notes are on screen on the bench machine, 7 ms of it before the
window maps (the bare PySide window of the benches spends 7 ms in all). From the entry point,
before Qt is imported, to the end of start-up, young collections wait for 40,000 allocations.
The notes of the demo journal are on screen after about 31,000: no collection runs before
them (at 10,000 two did, 4 ms of CPU, one of them between the window's map and its first
paint), and two after them, while the other panels are filled (the longer 10-12 ms).
`gc_policy.settle` then collects the young generation once (start-up's garbage is not frozen
with what it made), puts the usual pace back and freezes what start-up made.

Qt-free, so an entry point can call it before the first PySide import.
"""

import gc

STARTUP_THRESHOLDS = (40_000, 10, 10)
_usual: list[tuple[int, int, int]] = []


def collect_less() -> None:
    """Start-up begins (once: a second call changes nothing)."""
    if not _usual:
        _usual.append(gc.get_threshold())
        gc.set_threshold(*STARTUP_THRESHOLDS)


def usual_pace() -> bool:
    """Start-up is over: Python's thresholds as they were. True if start-up's pace was on."""
    if not _usual:
        return False
    gc.set_threshold(*_usual.pop())
    return True
