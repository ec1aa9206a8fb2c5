"""Where the repository's test inputs are, named once, so a test that moves keeps finding them
(a count of parent folders breaks with every move)."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
SAMPLES = TESTS / "data" / "pypy-extradoc"
"""PyPy's own files, copied into the repository (tests/data/README.md says from where)."""
FIXTURES = TESTS / "fixtures"
"""One committed journal file per schema version (scripts/make_fixture.py)."""
