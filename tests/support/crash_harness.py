"""The crash harness's parent: start a child, SIGKILL it at a random moment, check the journal.

Used by `tests/sprintjournal/journal/test_crash_safety.py` and `bench/soak.py`. After every kill
the journal is reopened through `Journal` (which must take over the dead child's lock), then
checked: `integrity_check` passes, every acknowledged change is there with a matching checksum,
the one change in flight is either wholly there or wholly absent, no photo is half there, and
`sprintjournal.check.check_journal` finds nothing wrong.
"""

import contextlib
import hashlib
import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sprintjournal.check import check_journal
from sprintjournal.journal import Journal

CHILD = Path(__file__).with_name("crash_child.py")


class HarnessError(AssertionError):
    """The journal broke a promise (or the child failed): the test fails with this message."""


@dataclass
class Expected:
    """What the acknowledgements promise: kind -> id -> sha256 (None = deleted)."""

    items: dict[str, dict[int, str | None]] = field(default_factory=dict)
    acks: int = 0

    def record(self, kind: str, item_id: int, digest: str) -> None:
        self.acks += 1
        base = kind.removesuffix("-add").removesuffix("-del")
        self.items.setdefault(base, {})[item_id] = None if kind.endswith("-del") else digest


@dataclass
class KillResult:
    acks: int
    in_flight: tuple[str, ...] | None
    opened: bool
    seconds: float


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class Lines:
    """Whole lines from a pipe, with a deadline: a kill can only cut after a whole line."""

    def __init__(self, fd: int) -> None:
        self.fd, self._buffer = fd, b""

    def read(self, deadline: float | None) -> str | None:
        """The next line; None once `deadline` passes first; EOFError when the pipe closes."""
        while b"\n" not in self._buffer:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("ascii")


def collect(
    lines: Lines, delay: float, until: str | None = None, after: str | None = None,
    skip: int = 0,
) -> tuple[list[str], int]:
    """A child's lines, SIGKILLing it `delay` s after its START (or after its first line
    starting with `after` and `skip` more lines, to aim a kill at one phase of the work); also
    its pid. Counting lines rather than seconds keeps a campaign's coverage the same on a loaded
    machine: the child's progress, not the clock, says where a kill lands.

    Reading stops at EOF (a spawned child) or at a line starting with `until` (the zygote's
    EXIT line, which it writes once the child is reaped), which is returned last.
    """
    first = lines.read(None)
    if first is None or not first.startswith("START"):
        raise HarnessError(f"unexpected first line from the child: {first}")
    pid = int(first.split()[1])
    collected = [first]
    deadline = None if after else time.monotonic() + delay
    while True:
        try:
            line = lines.read(deadline)
        except EOFError:
            return collected, pid
        if line is None:
            _kill(pid)
            deadline, after = None, None
            continue
        if line.startswith("ERROR"):
            raise HarnessError(f"the child failed: {line}")
        collected.append(line)
        if after and line.startswith(after) and deadline is None:
            after, skip = "", skip + 1  # armed: count this line and `skip` more
        if after == "" and deadline is None:
            skip -= 1
            if skip <= 0:
                deadline = time.monotonic() + delay
        if until is not None and line.startswith(until):
            return collected, pid


def _check_killed(status: int, lines: list[str]) -> None:
    if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
        raise HarnessError(f"the child ended on its own (status {status}): {lines[-3:]}")


class Zygote:
    """One `crash_child.py serve` process; each `run` forks one fresh child from it."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=child_env(),
            bufsize=0,
        )
        assert self.proc.stdout is not None
        self.lines = Lines(self.proc.stdout.fileno())

    def run(
        self, journal: Path, seed: int, mix: str, delay: float, after: str | None = None,
        skip: int = 0,
    ) -> list[str]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"RUN {journal} {seed} {mix}\n".encode())
        lines, _pid = collect(self.lines, delay, until="EXIT", after=after, skip=skip)
        _check_killed(int(lines.pop().split()[2]), lines)
        return lines

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def spawn_run(
    journal: Path, seed: int, mix: str, delay: float, after: str | None = None, skip: int = 0
) -> list[str]:
    """The same as `Zygote.run` with a brand-new interpreter (imports paid again)."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), "run", str(journal), str(seed), mix],
        stdout=subprocess.PIPE,
        env=child_env(),
        bufsize=0,
    )
    assert proc.stdout is not None
    try:
        lines, _pid = collect(Lines(proc.stdout.fileno()), delay, after=after, skip=skip)
    finally:
        proc.kill()
        status = proc.wait(timeout=10)
        proc.stdout.close()
    if status != -signal.SIGKILL:
        raise HarnessError(f"the child ended on its own (status {status}): {lines[-3:]}")
    return lines


def kill_once(
    zygote: Zygote | None,
    journal: Path,
    seed: int,
    expected: Expected,
    max_delay: float,
    mix: str = "all",
    from_start: bool | None = None,
    max_lines: int = 0,
) -> KillResult:
    """Run one fresh child (forked by `zygote`, or spawned when None), kill it, verify.

    One kill in five counts its random delay from the child's start, so it may land while the
    journal is opened (or created); the others count from the moment it is open, after a random
    number (below `max_lines`) of the child's TRY/ACK lines, so most kills land in the middle of
    the work and each child gets some work done however loaded the machine is.
    """
    began = time.monotonic()
    rng = random.Random(seed)
    delay = rng.uniform(0, max_delay)
    if from_start is None:
        from_start = rng.random() < 0.2
    after = None if from_start else "OPEN"
    skip = 0 if from_start else rng.randrange(max_lines + 1)
    if zygote is None:
        lines = spawn_run(journal, seed, mix, delay, after, skip)
    else:
        lines = zygote.run(journal, seed, mix, delay, after, skip)
    in_flight, opened = _apply_lines(lines, expected)
    verify(journal, expected, in_flight)
    return KillResult(expected.acks, in_flight, opened, time.monotonic() - began)


def _kill(pid: int | None) -> None:
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _apply_lines(lines: list[str], expected: Expected) -> tuple[tuple[str, ...] | None, bool]:
    """Record acknowledgements; return the change in flight (TRY without ACK), if any."""
    in_flight: tuple[str, ...] | None = None
    opened = False
    for line in lines:
        word, *rest = line.split()
        if word == "OPEN":
            opened = True
        elif word == "TRY":
            in_flight = tuple(rest)
        elif word == "ACK":
            kind, item_id, digest = rest
            expected.record(kind, int(item_id), digest)
            in_flight = None
    return in_flight, opened


def verify(journal: Path, expected: Expected, in_flight: tuple[str, ...] | None) -> None:
    """Reopen and compare; the change in flight is folded into `expected` as found."""
    if not journal.exists():
        if expected.acks:
            raise HarnessError("the journal file vanished")
        return
    with Journal(journal) as reopened, reopened.raw() as conn:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise HarnessError("integrity_check failed")
        found = _contents(conn)
    _compare(found, expected, in_flight)
    report = check_journal(journal)
    if not report.ok:
        raise HarnessError(report.summary())


def _contents(conn: object) -> dict[str, dict[int, str]]:
    """kind -> id -> checksum computed from the stored bytes (never the stored checksum)."""
    import sqlite3

    assert isinstance(conn, sqlite3.Connection)
    mine = "sprint_id NOT IN (SELECT id FROM sprint WHERE description LIKE 'expect %')"
    found: dict[str, dict[int, str]] = {
        "note": {i: _sha(t) for i, t in conn.execute(f"SELECT id, text FROM note WHERE {mine}")},
        "standup": {
            i: _sha(t) for i, t in conn.execute(f"SELECT id, text FROM standup_item WHERE {mine}")
        },
    }
    half = conn.execute(
        "SELECT count(*) FROM photo p FULL OUTER JOIN photo_data d ON d.photo_id = p.id "
        "WHERE p.id IS NULL OR d.photo_id IS NULL"
    ).fetchone()[0]
    if half:
        raise HarnessError(f"{half} photo(s) half there (row without bytes or bytes without row)")
    found["photo"] = {
        i: hashlib.sha256(d).hexdigest()
        for i, d in conn.execute("SELECT photo_id, data FROM photo_data")
    }
    found["import"] = _imports(conn)
    return found


def _imports(conn: object) -> dict[int, str]:
    """Each imported sprint must hold exactly what its description announces: all or nothing."""
    import sqlite3

    assert isinstance(conn, sqlite3.Connection)
    result: dict[int, str] = {}
    rows = conn.execute("SELECT id, description FROM sprint WHERE description LIKE 'expect %'")
    for sprint_id, description in rows.fetchall():
        _word, count, digest = description.split()
        texts = [
            t
            for (t,) in conn.execute(
                "SELECT text FROM note WHERE sprint_id = ? ORDER BY position, id", (sprint_id,)
            )
        ]
        standups = conn.execute(
            "SELECT count(*) FROM standup_item WHERE sprint_id = ?", (sprint_id,)
        ).fetchone()[0]
        if len(texts) != int(count) or standups != int(count) or _digest(texts) != digest:
            raise HarnessError(f"imported sprint {sprint_id} is only partly there")
        result[sprint_id] = digest
    return result


def _compare(
    found: dict[str, dict[int, str]], expected: Expected, in_flight: tuple[str, ...] | None
) -> None:
    flight_kind = in_flight[0].removesuffix("-add").removesuffix("-del") if in_flight else None
    for kind, items in expected.items.items():
        for item_id, digest in items.items():
            actual = found[kind].get(item_id)
            if actual == digest or digest is None:
                continue  # a deleted id that is back is checked as a new item below
            if in_flight and kind == flight_kind and _matches_flight(in_flight, item_id, actual):
                continue
            raise HarnessError(f"acknowledged {kind} {item_id}: expected {digest}, found {actual}")
    _account_for_new_items(found, expected, in_flight)


def _matches_flight(in_flight: tuple[str, ...], item_id: int, actual: str | None) -> bool:
    kind, flight_id, digest = in_flight
    return flight_id == str(item_id) and actual == (None if kind.endswith("-del") else digest)


def _account_for_new_items(
    found: dict[str, dict[int, str]], expected: Expected, in_flight: tuple[str, ...] | None
) -> None:
    """Items nobody acknowledged may exist only as the single add that was in flight."""
    for kind, items in found.items():
        known = expected.items.get(kind, {})
        extra = {i: d for i, d in items.items() if known.get(i) is None}
        for item_id, digest in extra.items():
            if _is_flight_add(in_flight, kind, digest) and len(extra) == 1:
                expected.record(f"{kind}-add", item_id, digest)
                continue
            raise HarnessError(f"{kind} {item_id} appeared without being acknowledged")
    if in_flight and in_flight[1] != "-":
        kind = in_flight[0].removesuffix("-del")
        item_id = int(in_flight[1])
        actual = found[kind].get(item_id)
        expected.items.setdefault(kind, {})[item_id] = actual


def _is_flight_add(in_flight: tuple[str, ...] | None, kind: str, digest: str) -> bool:
    return in_flight is not None and in_flight[0] == f"{kind}-add" and in_flight[2] == digest


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest(texts: list[str]) -> str:
    return _sha("\x00".join(texts))


@dataclass
class CampaignStats:
    """What a series of kills covered: the figures the test asserts and the soak prints."""

    kills: int = 0
    acks: int = 0
    before_open: int = 0
    in_flight: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, result: KillResult) -> None:
        self.kills += 1
        self.before_open += not result.opened
        if result.in_flight:
            kind = result.in_flight[0]
            self.in_flight[kind] = self.in_flight.get(kind, 0) + 1

    def merge(self, other: "CampaignStats") -> None:
        self.kills += other.kills
        self.acks += other.acks
        self.before_open += other.before_open
        for kind, n in other.in_flight.items():
            self.in_flight[kind] = self.in_flight.get(kind, 0) + n


def campaign(
    folder: Path,
    kills: int,
    *,
    seed: int = 0,
    mix: str = "all",
    max_delay: float = 0.3,
    per_journal: int = 25,
    max_lines: int = 0,
) -> CampaignStats:
    """`kills` fresh children forked from one zygote; a new journal every `per_journal` kills."""
    stats, zygote = CampaignStats(), Zygote()
    began = time.monotonic()
    try:
        for round_start in range(0, kills, per_journal):
            journal = folder / f"round-{seed}-{round_start}.sprintjournal"
            expected = Expected()
            for k in range(round_start, min(kills, round_start + per_journal)):
                # each new journal's first child is killed early: often while creating it
                first = k == round_start
                delay = 0.05 if first else max_delay
                seed_k = seed * 1_000_003 + k
                stats.add(kill_once(zygote, journal, seed_k, expected, delay, mix, first or None,
                                    0 if first else max_lines))
            stats.acks += expected.acks
    finally:
        zygote.close()
    stats.seconds = time.monotonic() - began
    return stats


def parallel_campaign(
    folder: Path, kills: int, workers: int = 2, **options: object
) -> CampaignStats:
    """Split the kills over `workers` zygotes running side by side (one per core)."""
    from concurrent.futures import ThreadPoolExecutor

    began = time.monotonic()
    share = [kills // workers + (w < kills % workers) for w in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        futures = [
            pool.submit(campaign, folder, n, seed=w + 1, **options)  # type: ignore[arg-type]
            for w, n in enumerate(share)
        ]
        total = CampaignStats()
        for future in futures:
            total.merge(future.result())
    total.seconds = time.monotonic() - began
    return total
