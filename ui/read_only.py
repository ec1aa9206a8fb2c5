"""A journal open read-only: one reason, said everywhere, and nothing that invites a failing write.

The banner above the notes says it; every action that writes is disabled with the reason at the
end of its tooltip; editors turn read-only (their text can still be selected and copied) and say
why in their placeholder, or in a tooltip at the cursor when a key is typed; inline edits and
drops are refused. Reading, searching, switching sprint or day and exporting still work, and a
record's Edit… is View…, opening its dialog to read (`edit_or_view`).

Actions are marked once, when made (`DataPanel.add_action(writes=...)`, the window's own), into
a `WriteActions` group: a disabled QActionGroup keeps its actions disabled whatever a panel's
own `setEnabled` says later, and gives each its own state back when enabled again. Nothing
typed is touched: an editor made read-only keeps its text, and a pending edit stays pending
(shown "Not saved") rather than being dropped.
"""

from __future__ import annotations  # the editor classes are named in annotations only

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QActionGroup

if TYPE_CHECKING:  # the classes are imported where used: each class named builds its enums
    # (ui/qt_values.py), and the notes, shown first, need none of them while writable
    from PySide6.QtGui import QAction, QKeyEvent
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

    TextEditor = QLineEdit | QPlainTextEdit | QTextEdit

WHY = "the file or its folder is read-only"
REASON = ("This journal is open read-only: its file or folder cannot be written, so changes "
          "cannot be saved. Copy it somewhere writable to edit it.")
"""Said wherever something cannot be done: tooltips, placeholders, typing into an editor."""

_TIP = "writable_tip"
_PLACEHOLDER = "writable_placeholder"
_DROPS = "writable_drops"
_READS = "reads_only"
"""Set True on an editor that never writes (a search or filter field): it stays editable."""


def banner_text(path: str) -> str:
    return (f"<b>Read-only:</b> {path} cannot be written ({WHY}). You can read, search and "
            "export it; changes cannot be saved. Copy it somewhere writable to edit it.")


class WriteActions(QActionGroup):
    """The actions that need a writable journal, disabled together while it is read-only."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self.read_only = False

    def add(self, action: QAction) -> QAction:
        self.addAction(action)
        _tell_why(action, self.read_only)
        return action

    def set_read_only(self, readonly: bool) -> None:
        self.read_only = readonly
        self.setEnabled(not readonly)
        for action in self.actions():
            _tell_why(action, readonly)


_EDIT = "writable_edit"
VIEW_TEXT = "View…"


def edit_or_view(action: QAction, readonly: bool, view_text: str = VIEW_TEXT,
                 what: str = "Every field of the selected row") -> None:
    """A record's Edit… action in a read-only journal: View…, the same dialog opened to read
    (`dialogs.form.run_form`), so what only the dialog shows (an attendee's notes) stays in
    reach; its own text and tooltip back after."""
    saved = action.property(_EDIT)
    if saved is None:
        if not readonly:
            return  # a writable journal's action, never changed: nothing to put back
        saved = [action.text(), action.toolTip()]
        action.setProperty(_EDIT, saved)
    text, tip = (str(value) for value in saved)
    if not readonly:
        action.setText(text)
        action.setToolTip(tip)
        return
    from PySide6.QtGui import QKeySequence  # its enums wait for a panel: not the notes' start

    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setText(view_text)
    action.setToolTip(f"{what}{f' ({key})' if key else ''}, to read\n{REASON}")


def refuse_drops(widget: QWidget, readonly: bool) -> None:
    """No drop while read-only (Qt then delivers no drag to it); its own choice back after."""
    if widget.property(_DROPS) is None:
        widget.setProperty(_DROPS, widget.acceptDrops())
    widget.setAcceptDrops(bool(widget.property(_DROPS)) and not readonly)


def _tell_why(action: QAction, readonly: bool) -> None:
    """The action's own tooltip, with the reason under it while the journal is read-only."""
    tip = action.property(_TIP)
    if readonly and tip is None:
        action.setProperty(_TIP, action.toolTip())
        action.setToolTip(f"{action.toolTip()}\n{REASON}")
    elif not readonly and tip is not None:
        action.setToolTip(str(tip))
        action.setProperty(_TIP, None)


def text_editors(root: QWidget) -> list[TextEditor]:
    """The editors of `root` that write to the journal: not the previews (QTextBrowser), nor
    search fields (property `reads_only`), nor the short-lived editors inside item views."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextBrowser, QTextEdit, QWidget

    found: list[TextEditor] = []
    for editor in root.findChildren(QWidget):
        if not isinstance(editor, QLineEdit | QPlainTextEdit | QTextEdit):
            continue
        if isinstance(editor, QTextBrowser) or editor.property(_READS):
            continue
        if not _inside_item_view(editor, root):
            found.append(editor)
    return found


def _inside_item_view(widget: QWidget, root: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractItemView

    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def set_editor_read_only(editor: TextEditor, readonly: bool) -> None:
    """Read-only with its text selectable and copyable (mouse and keyboard), the placeholder
    saying why, and a tooltip at the cursor when a key would have typed something."""
    editor.setReadOnly(readonly)
    if readonly:
        from PySide6.QtCore import Qt  # only here: see ui/qt_values.py
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        if isinstance(editor, QPlainTextEdit | QTextEdit):
            editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    set_placeholder(editor, writable_placeholder(editor), readonly)
    if readonly:
        editor.installEventFilter(_typing_guard(editor))
    editor.setAccessibleDescription(REASON if readonly else "")


def set_placeholder(editor: TextEditor, writable_text: str, readonly: bool,
                    read_only_text: str = REASON) -> None:
    """`writable_text` as the placeholder; while read-only, `read_only_text` (saying why)
    instead, the other kept for when the journal is writable again."""
    editor.setProperty(_PLACEHOLDER, writable_text if readonly else None)
    editor.setPlaceholderText(read_only_text if readonly else writable_text)


def writable_placeholder(editor: TextEditor) -> str:
    saved = editor.property(_PLACEHOLDER)
    return editor.placeholderText() if saved is None else str(saved)


class _TypingGuard(QObject):
    """A key that would type into a read-only editor shows the reason at the cursor."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QToolTip

        editor = QLineEdit | QPlainTextEdit | QTextEdit
        if (isinstance(event, QKeyEvent) and isinstance(watched, editor)
                and watched.isReadOnly() and _types(event)):
            rect = watched.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
            rect = rect.toRect() if isinstance(rect, QRectF) else rect
            QToolTip.showText(watched.mapToGlobal(rect.bottomLeft()), REASON, watched)
        return False


def _types(event: QKeyEvent) -> bool:
    """Printable text, Backspace, Delete or Enter, without Ctrl (Ctrl+C still copies)."""
    from PySide6.QtCore import Qt

    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier):
        return False
    editing = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter)
    return event.key() in editing or (event.text().isprintable() and bool(event.text()))


def _typing_guard(editor: QWidget) -> _TypingGuard:
    guard = editor.findChild(_TypingGuard)
    return guard if guard is not None else _TypingGuard(editor)
