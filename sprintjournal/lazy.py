"""Modules imported on first use: the ORM's use cases stay unimported until a write needs them.

`lazy_import(name)` stands for the module and imports it when one of its attributes is first
read (through `importlib.import_module`, so under the import system's own locks in any
thread). Nothing is looked up when the stand-in is made, so making a dozen costs nothing at
start-up. `load` imports them now, on a chosen thread.
"""

import importlib
from types import ModuleType
from typing import Any


class _LazyModule:
    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def load(self) -> ModuleType:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.load(), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_import(name: str) -> Any:
    """A stand-in for module `name` that imports it when first used."""
    return _LazyModule(name)


def load(*modules: object) -> None:
    """Import lazily imported modules now (a no-op for loaded or ordinary ones)."""
    for module in modules:
        if isinstance(module, _LazyModule):
            module.load()
