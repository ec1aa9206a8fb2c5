"""The form plumbing every record dialog shares: labelled rows, OK/Cancel, and running it, to
edit or (a read-only journal) to read.

Labels carry their mnemonic ("&Name:") and double as accessible names, so keyboard and
screen-reader users reach every field the same way in every dialog.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from ..read_only import text_editors

D = TypeVar("D", bound=QDialog)
A = TypeVar("A")


def add_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> None:
    for label, widget in rows:
        form.addRow(label, widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))


def add_ok_cancel(
    dialog: QDialog, form: QFormLayout, required: QLineEdit | None = None
) -> QPushButton:
    """OK/Cancel under the form; OK stays disabled while `required` is blank."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if required is not None:
        ok_button.setEnabled(bool(required.text().strip()))
        required.textChanged.connect(lambda text: ok_button.setEnabled(bool(text.strip())))
    form.addRow(buttons)
    return ok_button


def run_form(dialog: D, answer: Callable[[D], A], *, read_only: bool = False) -> A | None:
    """Show `dialog` modally: `answer(dialog)` once accepted, else None. `read_only` (the
    journal cannot be written) opens it to read: `show_read_only`, and never an answer."""
    if read_only:
        show_read_only(dialog)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return answer(dialog) if accepted and not read_only else None
    finally:
        dialog.deleteLater()


def show_read_only(dialog: QDialog) -> None:
    """Its text can be read, selected and copied, nothing changed: text fields read-only, the
    other inputs disabled, OK hidden and Cancel called Close; "Edit …" titles say "View …"."""
    for editor in text_editors(dialog):  # no placeholder inviting typing either
        editor.setReadOnly(True)
        editor.setPlaceholderText("")
    boxes = dialog.findChildren(QDialogButtonBox)
    closing = {button for box in boxes for button in box.buttons()}
    for kind in (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView):
        for widget in dialog.findChildren(kind):
            if isinstance(widget, QListWidget):
                _unchangeable(widget)  # still scrolled and read: whoever is ticked below
            elif widget not in closing:
                widget.setEnabled(False)
    for box in boxes:
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole:
                button.setText("Close")
                if isinstance(button, QPushButton):
                    button.setDefault(True)
            else:
                button.hide()
    title = dialog.windowTitle()
    if title.startswith("Edit "):
        dialog.setWindowTitle("View " + title.removeprefix("Edit "))


def _unchangeable(items: QListWidget) -> None:
    """Its items' ticks and texts shown as they are, none of them changed by a click or key."""
    fixed = ~(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
    for row in range(items.count()):
        item = items.item(row)
        item.setFlags(item.flags() & fixed)
