"""Every numbered row of docs/faults.md has at least one test named `test_fault_NN_…`.

The name is the contract: a row's tests are found by `pytest -k fault_NN`. Each such test lives
with the module it tests (tests/faults/ for the cross-cutting ones) and runs once, under that
name. The rows are read from the file, so a new row without a test fails here.
"""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
FAULTS_FILE = TESTS.parent / "docs" / "faults.md"
ROW = re.compile(r"^(\d+)\. ", re.MULTILINE)
NAMED = re.compile(r"^def test_fault_(\d{2})_\w+", re.MULTILINE)


def fault_rows() -> list[int]:
    return [int(n) for n in ROW.findall(FAULTS_FILE.read_text(encoding="utf-8"))]


def fault_tests() -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        for match in NAMED.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(int(match.group(1)), []).append(str(path.relative_to(TESTS)))
    return found


def test_rows_are_numbered_once_and_in_order() -> None:
    rows = fault_rows()
    assert rows[:40] == list(range(1, 41)), "the first round's 40 rows stay as they are"
    assert rows == sorted(set(rows)), "a row number is used twice or out of order"


def test_every_fault_row_has_a_named_test() -> None:
    rows = fault_rows()
    found = fault_tests()
    missing = [row for row in rows if row not in found]
    assert missing == [], f"docs/faults.md rows without a test_fault_NN_ test: {missing}"
    assert set(found) <= set(rows), "tests named after rows that docs/faults.md lacks"
