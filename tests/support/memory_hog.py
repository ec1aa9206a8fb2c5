"""A pytest plugin that makes its process's memory peak at 600 MB before the first test, as a
memory-hungry test run earlier in the same worker would (tests/test_order.py)."""

import pytest

HOG_MB = 600


def pytest_sessionstart(session: pytest.Session) -> None:
    hog = bytearray(HOG_MB * 1024 * 1024)
    hog[::4096] = b"x" * len(hog[::4096])  # every page touched: resident, not just reserved
    del hog
