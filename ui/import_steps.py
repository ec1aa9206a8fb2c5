"""The core's modules in dependency order, for loading them one per event-loop turn.

Start-up imports the core after the first paint, one module per turn, so keys typed meanwhile
are handled between steps (see `startup`). Importing a module whose own imports are already
loaded is short; so the order is derived from the modules' top-level `sprintjournal` imports,
read from their source, dependencies first. Reading is a regular expression over the file, not
a parse: the whole core would take half a second to parse on a loaded machine. Imports inside
functions or `if TYPE_CHECKING:` blocks are indented, so they are not followed: they are not
needed to import the module.
"""

import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.util import find_spec
from pathlib import Path

ROOT = "sprintjournal"
_IMPORT = re.compile(
    r"^from (sprintjournal[\w.]*) import (\([^)]*\)|[^\n]*)|^import (sprintjournal[\w.]*)", re.M)


def dependency_order(roots: Iterable[str]) -> Iterator[str]:
    """`roots` and the core modules they import at top level, each after its dependencies;
    modules already imported are left out. Lazy: each step reads at most a few files."""
    seen: set[str] = set()

    def visit(name: str, step: bool = True) -> Iterator[str]:
        if name in seen:
            return
        seen.add(name)
        for dep in _direct_dependencies(name):
            # A package that imports its own modules loads with them: one step, after what
            # they need (importing one of them alone would load the package and the rest).
            yield from visit(dep, step=not dep.startswith(name + "."))
        if step and name not in sys.modules:
            yield name

    for root in roots:
        yield from visit(root)


def _direct_dependencies(name: str) -> list[str]:
    path = _source(name)
    if path is None:
        return []
    found = _parents(name)
    for match in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        module = match.group(1) or match.group(3)
        found += [*_parents(module), module]
        if match.group(2):  # `from package import name`: the name may be a submodule
            for item in match.group(2).strip("()").split(","):
                word = item.split("#")[0].split(" as ")[0].strip()
                if word and _source(f"{module}.{word}") is not None:
                    found.append(f"{module}.{word}")
    return [dep for dep in dict.fromkeys(found) if dep != name]


def _parents(name: str) -> list[str]:
    """The packages holding `name` (`a.b.c` needs `a` and `a.b` first)."""
    parts = name.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def _source(name: str) -> Path | None:
    """The file of core module `name`, found without importing anything."""
    if name != ROOT and not name.startswith(ROOT + "."):
        return None
    base = _root_dir().joinpath(*name.split(".")[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def _root_dir() -> Path:
    spec = find_spec(ROOT)
    assert spec is not None and spec.origin is not None, "the core is installed with the app"
    return Path(spec.origin).parent
