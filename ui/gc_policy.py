"""Garbage collection around start-up: none while it runs, then its objects frozen.

Start-up creates ~175,000 objects that live as long as the app (modules, classes, the ORM's
metadata, the widgets) and almost no garbage (under 2,000 unreachable objects at its end).
Collecting meanwhile only re-scans them: full collections cost 50-250 ms of the start-up on
this 2-core machine. Frozen once start-up is done, they are also left out of every later full
collection, which otherwise walks them all while the user types.
"""

import gc


def pause() -> None:
    """No collection until `settle` (call it first thing at start-up)."""
    gc.disable()


def settle() -> None:
    """Start-up is over: keep what it made out of later collections, and collect again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def release() -> None:
    """The app is done (or `main` ran inside another program, as the tests do): back to normal."""
    gc.unfreeze()
    gc.enable()
