"""Every row of FAULTS.md (40 of them) has at least one test named `test_fault_NN_…`.

The name is the contract: a row's tests are found by `pytest -k fault_NN`. Tests are either
defined under that name (tests/faults/, tests/core/test_crash_safety.py) or, where they live
with the module they test, re-exported under it by an index module.
"""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROWS = range(1, 41)
NAMED = re.compile(r"(?:^def |\bas )test_fault_(\d{2})_\w+", re.MULTILINE)


def fault_tests() -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        for match in NAMED.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(int(match.group(1)), []).append(str(path.relative_to(TESTS)))
    return found


def test_every_fault_row_has_a_named_test() -> None:
    found = fault_tests()
    missing = [row for row in ROWS if row not in found]
    assert missing == [], f"FAULTS.md rows without a test_fault_NN_ test: {missing}"
    assert set(found) <= set(ROWS)
