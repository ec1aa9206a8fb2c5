"""A cheaper answer to the question PySide6 asks of every module imported after it.

PySide6 (6.4 and later) hooks every import to learn whether the new module "uses PySide": its
`__feature__` switching (snake_case, true_property) applies only to those. It answers by
`inspect.getsource(module)` and a search for "PySide6": each source file is tokenised and
kept, line by line, in `linecache` for the rest of the session. The core's ~500 modules
(SQLAlchemy, pydantic, SQLModel) then cost ~100 ms of CPU more to import and ~28 MiB of source
text held for nothing (bench/startup_x.py, the trace's rss=).

`install()` keeps the question and its answer, and reads the file's bytes instead. Our own
packages are answered by their layer without reading them (`OWN`), the standard library's
modules are answered "no" unread, and other modules without a .py file go to PySide's own
check. If a PySide version lacks the hook, nothing happens.
"""

import linecache
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"
_INSTALLED: list[Callable[[ModuleType], bool]] = []
"""Our checks, once installed: finding ours in place means there is nothing to do."""


OWN = {"sprintjournal": False, "sprintjournal_ui": True}
"""The app's packages, answered unread (about 80 file reads before the notes are shown): the
core never imports Qt (an import-linter contract), the UI is the Qt layer. A module counted as
using PySide and one it ignores are treated alike unless they select a `__feature__` (snake
case, true properties), which none of ours does."""


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the module's source mentions PySide6, as PySide decides it, without linecache."""
    top = module.__name__.partition(".")[0]
    own = OWN.get(top)
    if own is not None:
        return own
    if top in sys.stdlib_module_names:
        return False  # Python's own modules never name PySide6: about 25 file reads at start
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return fallback(module)


def install() -> bool:
    """Replace PySide's check (once); drop the source it cached so far. True when installed."""
    feature = sys.modules.get(_FEATURE_MODULE)
    upstream = getattr(feature, _CHECK, None)
    if feature is None or upstream is None:
        return False
    if upstream in _INSTALLED:
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, upstream)

    _INSTALLED.append(check)
    setattr(feature, _CHECK, check)
    linecache.clearcache()  # filled by the checks of the modules imported so far
    return True


def install_first() -> bool:
    """`install`, with PySide6 imported for it. PySide asks of every module named in an import
    after its own first import: installed before the app's modules are imported (the desktop
    command does), the check is ours for them and for the standard library's modules they
    name, whose sources PySide's own check read (3 M instructions before the window mapped)."""
    import PySide6.QtCore  # noqa: F401  (its import puts PySide's hook in place)

    return install()
