"""Garbage collection after start-up: its long-lived objects frozen.

Start-up creates ~175,000 objects that live as long as the app (modules, classes, the ORM's
metadata, the widgets). Frozen once start-up is done, they are left out of every later full
collection, which otherwise walks them all while the user types or switches sprint (50-250 ms
each on this 2-core machine). The collector itself keeps running during start-up: with it
paused, short-lived Qt wrapper cycles were collected late, in an unrelated state, and crashed
the process.
"""

import gc


def settle() -> None:
    """Start-up is over: keep what it made out of later collections (once)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()


def release() -> None:
    """The app is done (or `main` ran inside another program, as the tests do): back to normal."""
    gc.unfreeze()
