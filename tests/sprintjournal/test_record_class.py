"""`@record`: the frozen dataclass `@dataclass(frozen=True)` makes, written when first used."""

import copy
import dataclasses
import pickle
import subprocess
import sys
import threading
from datetime import date
from types import ModuleType

import pytest

from sprintjournal import changes, errors, ordinals, records
from sprintjournal.record_class import record


def make_pair() -> tuple[type, type]:
    """The same class body, once as a `@record` and once as a frozen dataclass."""

    @record
    class Lazy:
        """A stay."""

        id: int
        name: str
        day: date | None = None
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

        def label(self) -> str:
            return f"{self.id}: {self.name}"

    @dataclasses.dataclass(frozen=True)
    class Eager:
        """A stay."""

        id: int
        name: str
        day: date | None = None
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

        def label(self) -> str:
            return f"{self.id}: {self.name}"

    return Lazy, Eager


def test_nothing_is_written_until_first_use() -> None:
    lazy, _eager = make_pair()
    assert "__dataclass_params__" not in vars(lazy)
    assert "__eq__" not in vars(lazy) and "__repr__" not in vars(lazy)
    lazy(1, "Mark")
    assert vars(lazy)["__dataclass_params__"].frozen


def test_an_instance_behaves_as_the_frozen_dataclass_s() -> None:
    lazy, eager = make_pair()
    a, b = lazy(1, "Mark", date(2011, 11, 2)), eager(1, "Mark", date(2011, 11, 2))
    assert repr(a).replace("Lazy", "Eager") == repr(b)
    assert a == lazy(1, "Mark", date(2011, 11, 2)) and a != lazy(2, "Mark")
    assert a != b  # a dataclass equals only its own class
    assert hash(a) == hash(lazy(1, "Mark", date(2011, 11, 2)))
    assert a.tags == () and a.label() == "1: Mark"
    assert dataclasses.replace(a, name="Antonio") == lazy(1, "Antonio", date(2011, 11, 2))
    assert dataclasses.asdict(a) == dataclasses.asdict(b)
    assert lazy.__match_args__ == eager.__match_args__
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "Armin"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.name  # type: ignore[misc]


def test_wrong_arguments_fail_as_the_dataclass_s_do() -> None:
    lazy, eager = make_pair()
    for make in (lazy, eager):
        with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
            make(1)
        with pytest.raises(TypeError, match="unexpected keyword argument 'room'"):
            make(1, "Mark", room="sofa")
    lazy(1, "Mark")  # made now: the dataclass's own __init__ fails the same way
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        lazy(1)


def test_looking_at_the_fields_first_makes_the_dataclass() -> None:
    lazy, eager = make_pair()
    assert dataclasses.is_dataclass(lazy)
    assert [f.name for f in dataclasses.fields(lazy)] == [f.name for f in dataclasses.fields(eager)]
    assert lazy(3, "Håkan").tags == ()


def test_threads_making_the_first_instances_at_once_all_get_them() -> None:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch often, inside the dataclass's writing too
    try:
        make_at_once()
    finally:
        sys.setswitchinterval(interval)


def make_at_once() -> None:
    for _round in range(20):
        lazy, _eager = make_pair()
        start, made, failed = threading.Barrier(8), [], []

        def make(n: int, lazy: type = lazy, start: threading.Barrier = start,
                 made: list[object] = made, failed: list[BaseException] = failed) -> None:
            start.wait()
            try:
                made.append(lazy(n, f"person {n}"))
            except BaseException as error:
                failed.append(error)

        threads = [threading.Thread(target=make, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failed == []
        assert sorted(made, key=lambda item: item.id) == [  # type: ignore[attr-defined]
            lazy(n, f"person {n}") for n in range(8)]


def test_an_instance_unpickled_first_compares_by_value() -> None:
    """Unpickling calls no `__init__`: in a process where the class was never used, the
    instances it makes must still be the dataclass's (equal and hashed by value)."""
    blob = pickle.dumps(records.PersonRef(1, "Mark"))
    script = ("import pickle, sys; from sprintjournal import records; "
              "blob = sys.stdin.buffer.read(); a, b = pickle.loads(blob), pickle.loads(blob); "
              "print(a == b, hash(a) == hash(b), repr(a))")
    result = subprocess.run([sys.executable, "-c", script], input=blob, capture_output=True,
                            check=True)
    assert result.stdout.decode().split() == ["True", "True", "PersonRef(id=1,", "name='Mark')"]
    assert pickle.loads(blob) == records.PersonRef(1, "Mark")
    assert copy.copy(records.PersonRef(2, "Antonio")) == records.PersonRef(2, "Antonio")


@pytest.mark.parametrize("module", [records, changes, errors, ordinals],
                         ids=lambda module: module.__name__)
def test_the_core_s_records_are_frozen_dataclasses(module: ModuleType) -> None:
    made = [value for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == module.__name__
            and "__dataclass_fields__" in vars(value)]
    assert len(made) == {records: 13, changes: 1, errors: 1, ordinals: 1}[module]
    for cls in made:
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls
