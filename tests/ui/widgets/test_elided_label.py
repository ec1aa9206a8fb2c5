"""ElidedLabel: narrower than its text when space runs out, its text whole."""

from pytestqt.qtbot import QtBot
from sprintjournal_ui.widgets.elided_label import ElidedLabel

LONG = "Wednesday 3 August 2016"


def test_it_can_be_narrower_than_its_text_and_says_what_was_cut(qtbot: QtBot) -> None:
    label = ElidedLabel(LONG)
    qtbot.addWidget(label)
    full = label.fontMetrics().horizontalAdvance(LONG)
    assert label.minimumSizeHint().width() < full / 2
    assert label.sizeHint().width() >= full  # given the room, it asks for all of it
    label.resize(full // 3, label.sizeHint().height())
    label.show()
    qtbot.waitExposed(label)
    assert not label.grab().isNull()  # painted elided
    assert label.text() == LONG
    assert label.toolTip() == LONG
    label.resize(full + 20, label.sizeHint().height())
    qtbot.waitUntil(lambda: label.grab() is not None and label.toolTip() == "")


def test_a_short_text_keeps_its_own_minimum(qtbot: QtBot) -> None:
    label = ElidedLabel("Tue")
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() <= label.fontMetrics().horizontalAdvance("Tue") + 2
