"""`lazy`: a module stand-in that imports on first attribute use, and `load` to import now."""

import sys

import pytest

from sprintjournal import lazy
from sprintjournal.lazy import lazy_import, load

NAME = "sprintjournal.note_history"  # a small core module with no imports of its own


@pytest.fixture
def unimported(monkeypatch: pytest.MonkeyPatch) -> str:
    """The module is taken out of sys.modules for the test and put back after it."""
    monkeypatch.delitem(sys.modules, NAME, raising=False)
    return NAME


def test_making_a_stand_in_imports_nothing(unimported: str) -> None:
    stand_in = lazy_import(unimported)
    assert unimported not in sys.modules
    assert repr(stand_in) == f"<lazy module {unimported!r}>"


def test_the_first_attribute_read_imports_the_module(unimported: str) -> None:
    stand_in = lazy_import(unimported)
    assert callable(stand_in.is_large_deletion)
    assert unimported in sys.modules
    assert stand_in.is_large_deletion is sys.modules[unimported].is_large_deletion


def test_load_imports_stand_ins_and_ignores_ordinary_modules(unimported: str) -> None:
    stand_in = lazy_import(unimported)
    load(stand_in, lazy, "not a module")
    assert unimported in sys.modules
    assert stand_in.load() is sys.modules[unimported]


def test_an_unknown_module_fails_when_used_not_when_named() -> None:
    stand_in = lazy_import("sprintjournal.no_such_module")
    with pytest.raises(ModuleNotFoundError):
        getattr(stand_in, "anything")  # noqa: B009 - the attribute read is what is tested


def test_a_missing_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        getattr(lazy_import("sprintjournal.lazy"), "no_such_name")  # noqa: B009 - as above
