"""The form plumbing every record dialog shares: labelled rows and OK/Cancel.

Labels carry their mnemonic ("&Name:") and double as accessible names, so keyboard and
screen-reader users reach every field the same way in every dialog.
"""

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)


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
