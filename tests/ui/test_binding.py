"""The Qt binding keeps None alive: the guard of the PySide6 pin in pyproject.toml.

PySide6 6.12.0 drops a reference to None each time a void method returns. On Python 3.11 None
is an ordinary object, so after some thousands of such calls (a few minutes of use: painting a
window makes hundreds) the interpreter aborts with "none_dealloc". This test fails on such a
binding, so an upgrade into the bug cannot pass CI.
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_void_calls_keep_their_reference_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    assert app is not None
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n % 7))  # void
        label.resize(100 + n % 3, 20)  # void
        assert label.parent() is None  # returns None
        app.processEvents()  # void
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 100, f"the Qt binding dropped {lost} references to None"
