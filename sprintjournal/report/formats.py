"""The registry of export formats: every module in `report/targets` declares its own.

A target module lists what it writes in a module-level `FORMATS` tuple of `ExportFormat`s;
`formats()` imports each module of the package once and collects them, in their `rank` order.
Adding a format is adding a module; nothing else names it. The command line, the Export dialog
and the tests read this registry.
"""

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from sprintjournal.report import targets
from sprintjournal.report.context import ExportFormat


@cache
def formats() -> Mapping[str, ExportFormat]:
    """Every format by key, in rank order; a key declared twice is a programming error."""
    found: dict[str, ExportFormat] = {}
    for module_info in pkgutil.iter_modules(targets.__path__):
        module = importlib.import_module(f"{targets.__name__}.{module_info.name}")
        for fmt in getattr(module, "FORMATS", ()):
            if fmt.key in found:
                raise RuntimeError(f"export format {fmt.key!r} is declared twice")
            found[fmt.key] = fmt
    return MappingProxyType(dict(sorted(found.items(), key=lambda item: item[1].rank)))

