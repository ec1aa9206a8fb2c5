"""`@record`: a frozen dataclass whose methods are written when it is first used.

Python 3.11 writes and compiles the methods of a frozen dataclass (`__init__`, `__eq__`,
`__hash__`, `__repr__`, `__setattr__`, `__delattr__`) when its class statement runs: about 1 ms
a class, 15–20 ms for the core's records, paid by every start-up before the first screen,
which makes only a sprint and its notes. A `@record` class stays a plain class until its first
instance is made or its fields are looked at (`dataclasses.fields`, `is_dataclass`); then it
becomes, in place, what `@dataclass(frozen=True)` makes of it, so the classes and instances
code holds are the same ones. Type checkers see a frozen dataclass. An instance unpickled
(which calls no `__init__`) makes its class first too, so it compares by value.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")
_LOCK = threading.RLock()
_FIELDS = "__dataclass_fields__"


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """Declare `cls` a frozen dataclass, written on first use (see the module's docstring)."""
    _set(cls, "__init__", _pending_init(cls))
    _set(cls, _FIELDS, _PendingFields())
    _set(cls, "__setstate__", _unpickled)
    return cls


def _materialize(cls: type) -> None:
    """Make `cls` its frozen dataclass now (nothing to do once done).

    The pending `__init__` stays in place (a thread making an instance meanwhile waits for the
    lock in it) until the dataclass's own, written on a stand-in with the same fields,
    replaces it in one assignment; the class itself is made without one (`init=False`), as
    the stand-in's is the one kept. Each method `dataclass` writes is compiled from source
    (about 0.2 ms): eight a record, and a record's first instance waits for them.
    """
    with _LOCK:
        if "__dataclass_params__" in vars(cls):
            return
        defaults = {name: vars(cls)[name] for name in cls.__annotations__ if name in vars(cls)}
        stand_in = type(cls.__name__, (), {
            "__module__": cls.__module__, "__qualname__": cls.__qualname__,
            "__doc__": cls.__doc__,  # else `dataclass` writes one from the signature
            "__annotations__": cls.__annotations__, **defaults,
        })
        written: type = dataclass(frozen=True, repr=False, eq=False, match_args=False)(stand_in)
        dataclass(frozen=True, init=False)(cls)  # its `__init__` is the stand-in's
        _set(cls, "__init__", vars(written)["__init__"])


def _pending_init(cls: type) -> Callable[..., None]:
    def pending_init(self: object, *args: Any, **kwargs: Any) -> None:
        _materialize(cls)
        vars(cls)["__init__"](self, *args, **kwargs)

    return pending_init


def _unpickled(self: object, state: dict[str, Any]) -> None:
    """What pickle does without a `__setstate__` (fill `__dict__`), once the class is made."""
    _materialize(type(self))
    vars(self).update(state)


class _PendingFields:
    """Stands for `__dataclass_fields__` until the class is made: looking at it makes it."""

    def __get__(self, instance: object, owner: type) -> Any:
        _materialize(owner)
        return vars(owner)[_FIELDS]


def _set(cls: type, name: str, value: object) -> None:
    setattr(cls, name, value)  # mypy refuses `cls.__init__ = …` on a type
