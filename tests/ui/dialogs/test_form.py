"""The record dialogs' shared form: labelled rows whose labels name the fields for screen readers
and carry their Alt+key, and OK kept disabled while the required field is blank."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.form import add_ok_cancel, add_rows


def dialog_with_form(qtbot: QtBot
                     ) -> tuple[QDialog, QLineEdit, QLineEdit, QSpinBox, QPushButton]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    name, place, days = QLineEdit(), QLineEdit(), QSpinBox()
    add_rows(form, [("&Name:", name), ("&Place:", place), ("Da&ys:", days)])
    ok = add_ok_cancel(dialog, form, required=name)
    return dialog, name, place, days, ok


def test_labels_name_the_fields_and_their_keys_reach_them(qtbot: QtBot) -> None:
    dialog, name, place, days, _ok = dialog_with_form(qtbot)
    assert [w.accessibleName() for w in (name, place, days)] == ["Name", "Place", "Days"]
    buddies = {label.text(): label.buddy() for label in dialog.findChildren(QLabel)}
    assert buddies == {"&Name:": name, "&Place:": place, "Da&ys:": days}
    show_active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(place.hasFocus)


def test_ok_waits_for_the_required_field(qtbot: QtBot) -> None:
    _dialog, name, _place, _days, ok = dialog_with_form(qtbot)
    assert not ok.isEnabled()
    qtbot.keyClicks(name, "   ")
    assert not ok.isEnabled()  # spaces are no name
    qtbot.keyClicks(name, "PyPy sprint")
    assert ok.isEnabled()
    name.clear()
    assert not ok.isEnabled()


def test_enter_accepts_and_escape_rejects(qtbot: QtBot) -> None:
    dialog, name, _place, _days, _ok = dialog_with_form(qtbot)
    show_active(qtbot, dialog)
    name.setFocus()
    qtbot.keyClicks(name, "Gothenburg 2011")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(name, Qt.Key.Key_Return)
    show_active(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_without_a_required_field_ok_is_always_enabled(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ok = add_ok_cancel(dialog, QFormLayout(dialog))
    assert ok.isEnabled()
