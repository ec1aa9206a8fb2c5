"""What the main window's menu actions do: files, sprints, panels, help.

Functions over the window rather than methods, so `main_window.py` stays layout and wiring. They
take the window as a `Shell` (`shell.py`), so this module never imports the main window that
imports it. Each one saves pending edits before it changes what is shown, and reports core errors
with the core's own message. The dialogs load when first opened, not at start-up.
"""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QWidget

from sprintjournal.errors import JournalError
from sprintjournal.paths import demo_journal
from sprintjournal.records import SearchHit

from .opening import ask_journal_path, open_journal
from .panels.registry import PANELS, PanelSpec, panel_for_hit
from .settings import last_folder, recent_journals, remember_folder, remember_journal
from .shell import Shell
from .store import JournalStore

if TYPE_CHECKING:
    from sprintjournal.journal import Journal

    from .panels.panel_base import DataPanel
    from .store_services import ReviewItem

log = logging.getLogger(__name__)

# -- panels ---------------------------------------------------------------------------------
def create_panel(spec: PanelSpec, store: JournalStore, undo: QUndoStack, parent: QWidget
                 ) -> "DataPanel":
    """A registered panel (`panels.registry`), built to the panel contract; its module is
    imported now, not at the top: the panels pull in the core (SQLAlchemy, Pillow), which must
    load after the window's first paint."""
    panel = spec.widget_class()(store, undo, parent)
    for view in panel.findChildren(QAbstractItemView):  # Tab leaves a table: no keyboard trap
        view.setTabKeyNavigation(False)
    return panel


def wire_panels(window: Shell) -> None:
    """Connections between panels that go through the window: Needs Review's F2 opens the row
    in its own panel; its dock title counts what is left."""
    from .panels.review import dock_title

    review = window.review_panel()
    if review is None:
        return
    review.correct_requested.connect(lambda item: open_review_item(window, item))
    dock = window.docks["review"]

    def count(_n: int) -> None:
        dock.setWindowTitle(dock_title(review.counts()))

    review.count_changed.connect(count)
    count(review.count())


def wire_panel(window: Shell, panel: "DataPanel") -> None:
    """What a panel says (imports, copies) shows in the window's status bar."""
    message = getattr(panel, "message_shown", None)
    if message is not None:
        message.connect(lambda text: window.statusBar().showMessage(text, 10_000))


def open_review_item(window: Shell, item: "ReviewItem") -> None:
    """F2 in Needs Review: the item's panel, on its day, with the row selected and its editor
    open."""
    panel = _panel(window, item.panel)
    if panel is None:
        return
    if item.day is not None:
        window.select_day(item.day)
    window.go_to_panel(item.panel)
    panel.select_item(item.item_id)
    edit = getattr(panel, "edit_selected", None)
    if callable(edit):
        edit()


def call_panel(panel: object, method: str, *args: object) -> None:
    """Call a contract method; one panel's failure is logged and must not stop the others."""
    try:
        getattr(panel, method)(*args)
    except JournalError:
        pass  # the store has already announced it on `error`
    except Exception:
        log.exception("%s.%s failed", type(panel).__name__, method)
        raise


def _panel(window: Shell, name: str) -> "DataPanel | None":
    """Panel `name`, made if it was not yet (see ui/panel_set.py); None before a journal."""
    try:
        return window.panels[name]
    except KeyError:
        return None


def select_hit(window: Shell, hit: SearchHit) -> None:
    """Select a search hit or clicked mention in the panel that shows that kind of item."""
    if hit.kind == "note" and window.notes is not None:
        window.notes.select_item(hit.item_id)
        return
    name = panel_for_hit(hit.kind)
    panel = _panel(window, name or "")
    if name is None or panel is None:
        return
    if hit.kind == "standup":
        _show_standup_day(window, hit.item_id)
    window.show_panel(name)
    from .panels.attendees import AttendeesPanel

    if hit.kind == "person" and isinstance(panel, AttendeesPanel):
        panel.select_person(hit.item_id)
    else:
        panel.select_item(hit.item_id)


def _show_standup_day(window: Shell, item_id: int) -> None:
    sprint = window.sprint
    if sprint is None:
        return
    items = window.store.read(window.store.list_standup, sprint.id)
    day = next((item.day for item in items if item.id == item_id), None)
    if day is not None:
        window.select_day(day)


# -- journals -------------------------------------------------------------------------------
def replace_journal(window: Shell, journal: "Journal") -> None:
    remember_journal(str(journal.path))
    window.store.replace_journal(journal)


def _switch_to(window: Shell, path: Path | None) -> None:
    if path is None or _same_file(path, window.store.file):
        return
    window.save_manager.flush_all()
    journal = open_journal(window, path, at_startup=False)
    if journal is not None:
        replace_journal(window, journal)


def _same_file(a: Path, b: Path) -> bool:
    return a.exists() and b.exists() and a.resolve() == b.resolve()


def new_journal(window: Shell) -> None:
    _switch_to(window, ask_journal_path(window, new=True))


def open_other(window: Shell) -> None:
    _switch_to(window, ask_journal_path(window, new=False))


def open_path(window: Shell, path: str) -> None:
    _switch_to(window, Path(path))


def fill_recent_menu(window: Shell) -> None:
    menu = window.recent_menu
    menu.clear()
    current = str(window.store.file) if window.has_store else ""
    paths = [p for p in recent_journals() if p != current and Path(p).exists()]
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {Path(path).name} — {Path(path).parent}")
        action.triggered.connect(lambda _c=False, p=path: open_path(window, p))
    if not paths:
        menu.addAction("No other journal yet").setEnabled(False)


def open_demo(window: Shell) -> None:
    """The demo journal (PyPy's Gothenburg sprints of 2011), created on first use."""
    from sprintjournal.demo import open_demo as core_open_demo

    window.save_manager.flush_all()
    path = demo_journal()
    if _same_file(path, window.store.file):
        return
    try:
        journal = core_open_demo(path)
    except JournalError as error:
        QMessageBox.warning(window, "Cannot open the demo journal", str(error))
        return
    replace_journal(window, journal)


def export_json(window: Shell) -> None:
    folder = QFileDialog.getExistingDirectory(window, "Export the journal to a folder",
                                              last_folder("export"))
    if not folder:
        return
    remember_folder("export", folder)
    window.save_manager.flush_all()
    left_out: list[str] = []
    try:
        target = window.store.export_json(Path(folder), left_out=left_out)
    except (JournalError, OSError) as error:
        QMessageBox.warning(window, "Export failed", str(error))
        return
    window.statusBar().showMessage(f"Exported to {target}", 10_000)
    if left_out:
        QMessageBox.warning(window, "Exported, with photos left out",
                            f"Exported to {target}, except:\n\n" + "\n".join(left_out))


# -- sprints --------------------------------------------------------------------------------
def new_sprint(window: Shell) -> None:
    from .dialogs.sprint_dialog import SprintDialog

    values = SprintDialog.ask(window)
    if values is None:
        return
    try:
        window.store.add_sprint(initiator=window, **values)
    except JournalError as error:
        QMessageBox.warning(window, "Cannot create the sprint", str(error))


def edit_sprint(window: Shell) -> None:
    sprint = window.sprint
    if sprint is None:
        return
    from .dialogs.sprint_dialog import SprintDialog

    values = SprintDialog.ask(window, sprint, read_only=window.store.readonly)
    if values is None:
        return
    try:
        window.store.update_sprint(sprint.id, initiator=window,
                                   **values)
    except JournalError as error:
        QMessageBox.warning(window, "Cannot change the sprint", str(error))


def delete_sprint(window: Shell) -> None:
    sprint = window.sprint
    if sprint is None:
        return
    answer = QMessageBox.question(
        window, "Delete Sprint",
        f"Delete the sprint “{sprint.title}” with all its notes, stand-up items, branches, "
        "attendance and photos?\n\nUndo cannot bring it back, but the journal is backed up "
        "first: File ▸ Backups… restores the journal as it was.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return
    window.save_manager.flush_all()
    try:
        window.store.backup_before("delete-sprint")
        window.store.remove_sprint(sprint.id, initiator=window)
    except JournalError as error:
        QMessageBox.warning(window, "Cannot delete the sprint", str(error))


# -- help and closing -----------------------------------------------------------------------
def show_shortcuts(window: Shell) -> None:
    from .dialogs.shortcuts import ShortcutsDialog

    toggles = [dock.toggleViewAction() for dock in window.docks.values()]
    panels = {window.docks[spec.name].windowTitle(): panel.actions()
              for spec in PANELS if (panel := _panel(window, spec.name)) is not None}
    ShortcutsDialog(window, [*window.actions(), window.act_undo, window.act_redo, *toggles],
                    panels).exec()


def show_about(window: Shell) -> None:
    from .dialogs.about import AboutDialog

    AboutDialog(window).exec()


def confirm_close(window: QWidget, errors: list[str]) -> bool:
    """Some edits could not be saved: close anyway (losing them) only if the user says so."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Changes not saved",
                      "Some changes could not be saved:\n\n" + "\n".join(errors),
                      QMessageBox.StandardButton.NoButton, window)
    discard = box.addButton("Close and Lose Them", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Keep Open", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is discard


def show_backups(window: Shell) -> None:
    """File ▸ Backups: pending edits are saved first, so a restore never eats typing."""
    from .dialogs.backups_dialog import BackupsDialog

    window.save_manager.flush_all()
    chosen = BackupsDialog.ask(window.store, window)
    if chosen is None:
        return
    safety = window.store.restore_backup(chosen.path)
    window.statusBar().showMessage(
        f"Restored the backup of {chosen.created:%Y-%m-%d %H:%M}; "
        f"the journal as it was is kept in {safety.name}", 10_000
    )


def show_note_history(window: Shell) -> None:
    from .dialogs.note_history import NoteHistoryDialog

    notes = window.notes
    if notes is None or notes.note_id is None:
        window.statusBar().showMessage("Choose a note first to see its history.", 5000)
        return
    window.save_manager.flush_all()
    if NoteHistoryDialog.ask(window.store, notes.note_id, window):
        window.statusBar().showMessage("Restored an earlier version of the note.", 5000)
