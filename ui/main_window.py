"""The main window: layout, menus, actions, the undo stack and the wiring between panels.

It is built in two steps so it can paint before the journal (and SQLAlchemy) is loaded:
`MainWindow()` lays out the frame — menus, toolbar, empty docks — and `attach(store)` then
creates the panels and fills them. At startup the frame itself waits for the first paint
(`MainWindow(frame_later=True)`, then `build_frame()`): the first frame is the menu bar over an
empty central area at the saved geometry, which paints in a few milliseconds.
No data logic lives here: panels read and write through the store; the window only routes the
sprint, the day and search results between them.
"""

from __future__ import annotations  # QAction and QKeySequence load with the menus

from collections.abc import Callable, Iterator
from contextlib import nullcontext
from functools import partial
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QWidget

from .main_frame import (
    CentralArea,
    SprintToolbar,
    build_docks,
    default_geometry,
    default_layout,
    give_buttons,
    whole_tab_names,
)
from .panel_set import PanelSet
from .panels.registry import PANELS
from .qt_values import set_shortcut, with_text
from .savemanager import SaveManager
from .settings import app_settings
from .shell import Shell

if TYPE_CHECKING:
    from datetime import date  # loaded with the journal, after the first paint

    from PySide6.QtGui import (
        QAction,  # with QKeySequence, the menus, after the notes (2-4 ms)
        QCloseEvent,  # its base QEvent's enum of 180 event types: built after the window maps
        QKeySequence,
    )
    from PySide6.QtWidgets import QMessageBox  # its enums cost 2 ms: with the first error box

    from sprintjournal.changes import Change
    from sprintjournal.records import SearchHit, SprintRec

    from .panels.notes import NotesPanel
    from .panels.panel_base import DataPanel
    from .panels.search import SearchPanel
    from .store import JournalStore

DEFAULT_SIZE = QSize(1280, 800)
SAVED = "All changes saved"
READ_ONLY_STATE = "Read-only: nothing is saved"
SAVING = "Saving…"
AUTOSAVE_MS = 1000
MENU_TITLES = ("&File", "&Edit", "&Sprint", "&View", "&Help")
FALLBACK_KEYS = {"Quit": "Ctrl+Q"}
"""Standard keys (`QKeySequence.StandardKey` names) some platforms leave unbound (Quit outside
GNOME/KDE)."""


def _focus_inside(panel: QWidget | None) -> None:
    """The first widget of `panel` that takes the keyboard (its table, list or editor)."""
    from PySide6.QtCore import Qt

    if panel is None:
        return
    widget = panel.nextInFocusChain()
    while widget is not None and widget is not panel:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if (panel.isAncestorOf(widget) and takes_tab and widget.isVisibleTo(panel)
                and widget.isEnabled() and not widget.inherits("QToolButton")):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()
    panel.setFocus()


def _flow() -> ModuleType:
    from . import import_flow

    return import_flow


def _ops() -> ModuleType:
    """The actions' implementations (dialogs, files) load on first use, after the first paint."""
    from . import window_ops

    return window_ops


class MainWindow(Shell):
    closed = Signal()  # the window accepted a close: the app may quit
    def __init__(self, *, autosave_ms: int = AUTOSAVE_MS, frame_later: bool = False) -> None:
        super().__init__()
        self._autosave_ms = autosave_ms
        self._store: JournalStore | None = None
        self._sprint: SprintRec | None = None
        self._day: date | None = None  # the one selected day, shown the same everywhere
        self._closing_for_good = False
        self._error_box: QMessageBox | None = None
        self.before_close: Callable[[], None] | None = None
        self.undo_stack = QUndoStack(self)
        self.save_manager = SaveManager(self)
        self.panels = PanelSet()  # the data panels made so far: see ui/panel_set.py
        self.notes: NotesPanel | None = None
        self._search: SearchPanel | None = None
        self._panels_made = False
        self.setWindowTitle("SprintJournal")
        self.central = CentralArea(self)
        self.setCentralWidget(self.central)
        bar = self.menuBar()
        self._menus = {title: bar.addMenu(title) for title in MENU_TITLES}
        self.framed = False
        self._menus_built = False
        self._geometry_restored = False
        if frame_later:
            self._restore_layout(state=False)
        else:
            self.build_frame()

    # -- building ---------------------------------------------------------------------------
    def build_frame(self, *, menus: bool = True) -> None:
        """Toolbar, empty docks, status bar, actions and menus, then the saved dock layout.
        Start-up leaves the actions and menus (about 8 ms) to `build_menus`, right after the
        notes are shown: the menu bar's titles are there from the first frame. The docks' close
        and float buttons come with the toolbar, once every panel is filled
        (`main_frame.BUTTONLESS`, `attach_steps`)."""
        if self.framed:
            return
        self.framed = True
        self.setDockNestingEnabled(True)
        self.central.show_opening()
        self.toolbar = SprintToolbar(self)
        self.addToolBar(self.toolbar)
        self.docks: dict[str, QDockWidget] = build_docks(self, buttons=menus)
        for name, dock in self.docks.items():
            dock.dockLocationChanged.connect(self._name_tabs_later)
            dock.visibilityChanged.connect(partial(self._on_dock_shown, name))
        self.save_label = QLabel("", self)
        self.save_label.setAccessibleName("Save state")
        self.statusBar().addPermanentWidget(self.save_label)
        # Made while the window is shown (start-up's frame), Qt would show the toolbar and the
        # status bar in a queued call, a frame after the notes, which they would push down and
        # up: shown now (the saved layout may hide the toolbar again).
        self.toolbar.show()
        self.statusBar().show()
        if menus:
            self.build_menus()
        self._restore_layout(geometry=not self._geometry_restored)

    def build_menus(self) -> None:
        """The window's actions, their keys, and the menus holding them (once)."""
        if self._menus_built:
            return
        self._menus_built = True
        self._create_actions()
        self._create_menus()

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = with_text(QAction, text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
            if action.shortcut().isEmpty() and shortcut.name in FALLBACK_KEYS:
                set_shortcut(action, FALLBACK_KEYS[shortcut.name])
        elif shortcut is not None:
            set_shortcut(action, shortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        key = QKeySequence.StandardKey
        self.act_new_journal = self._action("&New Journal…", lambda: _ops().new_journal(self),
                                            key.New, "Create a new journal file")
        self.act_open = self._action("&Open Journal…", lambda: _ops().open_other(self), key.Open)
        self.act_import = self._action("&Import…", lambda: _flow().import_file(self), "Ctrl+I",
                                       "Import a JSON export, people.txt or planning.txt")
        self.act_export = self._action("&Export…", lambda: _ops().export_json(self), "Ctrl+E",
                                       "Export the journal as JSON with its photos")
        self.act_backups = self._action("&Backups…", lambda: _ops().show_backups(self),
                                        tip="Back up now, or restore an earlier backup")
        self.act_note_history = self._action("Note &History…",
                                             lambda: _ops().show_note_history(self),
                                             "Ctrl+Shift+H", "Earlier versions of this note")
        self.act_quit = self._action("&Quit", self.close, key.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts(key.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts(key.Redo)
        self.act_undo_import = self._action("Undo &Import", lambda: self.undo_import.undo(),
                                            tip="Take the last import back out (until your next "
                                            "change)")
        self.act_next_panel = self._action("Ne&xt Panel", lambda: self.cycle_panel(1), "F6",
                                           "Move the focus to the next panel")
        self.act_prev_panel = self._action("Pre&vious Panel", lambda: self.cycle_panel(-1),
                                           "Shift+F6", "Move the focus to the previous panel")
        self.act_find = self._action("&Find…", self.focus_search, key.Find)
        self.act_new_sprint = self._action("&New Sprint…", lambda: _ops().new_sprint(self),
                                           "Ctrl+Shift+N")
        self.act_sprint_props = self._action("Sprint &Properties…",
                                             lambda: _ops().edit_sprint(self), "Ctrl+Shift+P")
        self.act_delete_sprint = self._action("&Delete Sprint…", lambda: _ops().delete_sprint(self))
        self.act_new_note = self._action("New &Note", self._new_note, "Ctrl+Shift+M",
                                         "Add another note to the day")
        self.act_reset_layout = self._action("&Reset Layout", self.reset_layout)
        self.act_shortcuts = self._action("&Keyboard Shortcuts",
                                          lambda: _ops().show_shortcuts(self), key.HelpContents)
        self.act_about = self._action("&About SprintJournal", lambda: _ops().show_about(self))
        self.act_demo = self._action("Open the &Demo Journal", lambda: _ops().open_demo(self))
        self._data_actions = [self.act_backups, self.act_note_history,
                              self.act_new_journal, self.act_open, self.act_import,
                              self.act_export, self.act_new_sprint,
                              self.act_sprint_props, self.act_delete_sprint, self.act_new_note,
                              self.act_find, self.act_demo]
        for action in self._data_actions:
            action.setEnabled(False)
        from .read_only import WriteActions

        self.write_actions = WriteActions(self)  # disabled, saying why, in a read-only journal
        for action in (self.act_import, self.act_undo_import, self.act_new_sprint,
                       self.act_delete_sprint, self.act_new_note):
            self.write_actions.add(action)  # Sprint Properties opens to read: `show_read_only`

    def _create_menus(self) -> None:
        file_menu = self._menus["&File"]
        file_menu.addActions([self.act_new_journal, self.act_open])
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(lambda: _ops().fill_recent_menu(self))
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.act_demo)
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_export])
        file_menu.addSeparator()
        file_menu.addAction(self.act_backups)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = self._menus["&Edit"]
        edit_menu.addActions([self.act_undo, self.act_redo, self.act_undo_import])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_new_note, self.act_note_history, self.act_find])
        sprint_menu = self._menus["&Sprint"]
        sprint_menu.addActions([self.act_new_sprint, self.act_sprint_props])
        sprint_menu.addSeparator()
        sprint_menu.addAction(self.act_delete_sprint)
        view_menu = self._menus["&View"]
        self.go_actions: dict[str, QAction] = {}
        show_menu = view_menu.addMenu("&Show or Hide")
        for number, (name, dock) in enumerate(self.docks.items(), start=1):
            self.go_actions[name] = go = self._action(
                f"{dock.windowTitle()}", partial(self.go_to_panel, name), f"Ctrl+{number}",
                f"Go to the {dock.windowTitle()} panel (shown if hidden)")
            go.setObjectName(f"go_{name}")
            view_menu.addAction(go)
            toggle = dock.toggleViewAction()  # hiding is kept, on its own keys
            set_shortcut(toggle, f"Ctrl+Shift+{number}")
            toggle.setObjectName(f"toggle_{name}")
            show_menu.addAction(toggle)
        view_menu.addSeparator()
        view_menu.addActions([self.act_next_panel, self.act_prev_panel])
        view_menu.addSeparator()
        from .theme_menu import ThemeMenu

        view_menu.addMenu(ThemeMenu(self))
        view_menu.addAction(self.act_reset_layout)
        help_menu = self._menus["&Help"]
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def _restore_layout(self, *, geometry: bool = True, state: bool = True) -> None:
        """The saved size and place (before showing) and dock layout (once the docks exist)."""
        settings = app_settings()
        if geometry:
            saved = settings.value("geometry")
            if not (isinstance(saved, QByteArray) and self.restoreGeometry(saved)):
                default_geometry(self, DEFAULT_SIZE)
            self._geometry_restored = True
        if state:
            saved = settings.value("windowState")
            if isinstance(saved, QByteArray) and self.restoreState(saved):
                self._name_tabs_later()
            else:
                self.reset_layout()

    def _name_tabs_later(self) -> None:
        """QMainWindow makes the docks' tab bars when it next lays them out (after a layout is
        set or restored, and when the user moves a dock): whole names on them then."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, partial(whole_tab_names, self))

    def reset_layout(self) -> None:
        default_layout(self, self.docks)
        self._name_tabs_later()

    # -- attaching the journal ---------------------------------------------------------------
    @property
    def store(self) -> JournalStore:
        assert self._store is not None, "attach(store) first"
        return self._store

    @property
    def has_store(self) -> bool:
        return self._store is not None

    @property
    def sprint(self) -> SprintRec | None:
        return self._sprint

    @property
    def day(self) -> date | None:
        """The selected day: imports, new items and every panel use this one."""
        return self._day

    def attach_early(self, store: JournalStore) -> None:
        """Show the newest sprint's notes as soon as the journal is open, before any other panel.

        The editor accepts typing at once; saving waits for `attach`, which the start-up runs one
        step per event-loop turn right after.
        """
        from .panels.notes import NotesPanel

        self._store = store
        self.notes = NotesPanel(store, self.undo_stack, self, autosave_ms=self._autosave_ms)
        self.notes.hold_saving()
        self.notes.set_read_only(store.readonly)  # no typing that could never be saved
        sprints = store.list_sprints()
        self.toolbar.set_sprints(sprints)
        self.toolbar.setEnabled(False)  # switching needs the journal, which comes next
        self._sprint = sprints[0] if sprints else None
        self.toolbar.show_sprint(self._sprint)
        self.notes.set_sprint(self._sprint.id if self._sprint else None)
        self.central.set_content(self.notes)  # shown filled: laid out once, at its sprint's page
        self.toolbar.show_day(self.notes.day)
        self._update_title()

    def attach(self, store: JournalStore) -> None:
        """Create the panels over `store` and show its newest sprint (or keep the sprint the
        early view shows, without disturbing what is being typed)."""
        for _step in self.attach_steps(store):
            pass

    def attach_steps(self, store: JournalStore) -> Iterator[str]:
        """`attach` one step at a time: start-up lets the event loop run between the steps, so
        keys typed in the early view are handled while the other panels are made and filled.
        Each step yields what it did; the toolbar and the actions are enabled at the end."""
        from .panels.notes import NotesPanel

        early = self.notes is not None and self._sprint is not None
        self.build_menus()  # start-up made the frame without them (see `build_frame`)
        self._store = store
        if self.notes is not None:
            self.notes.rebind(store)
        else:
            self.notes = NotesPanel(store, self.undo_stack, self, autosave_ms=self._autosave_ms)
            self.central.set_content(self.notes)
        self.save_manager.register("notes", self.notes.flush)
        yield "notes"
        had_search, self._search = self._search is not None, None
        if had_search or not self.docks["search"].isHidden():
            self._search = self._make_search()  # filled with the others, below
        self._panels_made = False
        self.panels = PanelSet(self._make_panel)
        for spec in PANELS:  # one per turn: keys typed meanwhile wait for one panel at most
            if spec.name == "review" or self._on_screen(spec.name):  # Review: its tab's count
                yield f"{type(self.panels[spec.name]).__name__} made"
        self._connect_signals()
        self._panels_made = True
        from .autobackup import AutoBackup

        self.auto_backup = AutoBackup(store, self)
        from .import_flow import UndoImport

        self.undo_import = UndoImport(self)
        from .file_lost import FileLostGuard

        self.file_lost = FileLostGuard(store, self, self.save_manager)
        yield "panels made"
        if early:
            yield from self._fill_around_notes()
        else:
            self.journal_replaced()
        give_buttons(self.docks)  # start-up's are bare until now: see `build_frame`
        self.toolbar.setEnabled(True)
        for action in self._data_actions:
            action.setEnabled(True)
        from .settings import remember_journal

        remember_journal(str(store.path))  # the journal opened at startup is "recent" too
        yield "ready"

    def _fill_around_notes(self) -> Iterator[str]:
        """After the early view: every other panel joins the sprint and day the notes show,
        one panel per step. They read the same sprint, attendees, stand-up... as `select_sprint`
        has them do, once (`shared_reads`: any write through the store drops what was read)."""
        assert self._sprint is not None and self.notes is not None
        self._day = self.notes.day  # the day the early view shows is the window's from now on
        self.show_read_only()
        self.toolbar.set_sprints(self.store.read(self.store.list_sprints))
        self.toolbar.show_sprint(self._sprint)
        self.toolbar.show_day(self.notes.day)
        self._enable_sprint_actions()
        self._update_title()
        with self.store.shared_reads():
            for panel in self.all_panels():
                if panel is self.notes:
                    continue
                yield f"{type(panel).__name__} filled"
                self._join(panel)

    def _connect_signals(self) -> None:
        store, notes = self.store, self.notes
        assert notes is not None
        store.sprints_changed.connect(self._on_sprints_changed)
        store.journal_replaced.connect(self.journal_replaced)
        store.error.connect(self.show_save_error)
        store.saved.connect(self._on_saved)
        notes.day_selected.connect(self.select_day)
        notes.mention_activated.connect(self._jump_to_mention)
        notes.pending_changed.connect(self._on_pending)
        notes.new_sprint_requested.connect(self.act_new_sprint.trigger)
        notes.demo_requested.connect(self.act_demo.trigger)
        self.toolbar.sprint_chosen.connect(self.select_sprint)
        self.toolbar.day_chosen.connect(self.select_day)
        self.save_manager.flushed.connect(self._on_flushed)
        _ops().wire_panels(self)

    def _on_screen(self, name: str) -> bool:
        """The dock is shown and its tab is the current one (Qt moves the others off screen)."""
        dock = self.docks[name]
        return not dock.isHidden() and not dock.visibleRegion().isEmpty()

    def _make_panel(self, name: str) -> DataPanel:
        """Panel `name` made, in its dock and connected; after start-up's fill, also filled
        with the sprint and day the others show."""
        spec = next(spec for spec in PANELS if spec.name == name)
        panel: DataPanel = _ops().create_panel(spec, self.store, self.undo_stack, self)
        self.panels[name] = panel
        self.docks[name].setWidget(panel)
        if callable(getattr(panel, "flush", None)):
            self.save_manager.register(name, panel.flush)
        requested = getattr(panel, "day_requested", None)  # a click on the timeline picks the day
        if requested is not None:
            requested.connect(self.select_day)
        sprint_asked = getattr(panel, "sprint_requested", None)
        if sprint_asked is not None:
            sprint_asked.connect(self.select_sprint)
        _ops().wire_panel(self, panel)
        panel.set_read_only(self.store.readonly)
        if self._panels_made:
            self._join(panel)
        return panel

    def _join(self, panel: QWidget) -> None:
        """`panel` shows the sprint and day the window shows."""
        _ops().call_panel(panel, "set_sprint", self._sprint.id if self._sprint else None)
        _ops().call_panel(panel, "set_day", self._day)

    def _on_dock_shown(self, name: str, visible: bool) -> None:
        """A dock shown or its tab chosen: its panel made now if it was not."""
        if not visible or not self._panels_made:
            return
        if name == "search":
            if self._search is None:
                self._search_joining()
        elif name not in self.panels:
            self._make_panel(name)

    def journal_replaced(self) -> None:
        """A (new) journal is attached: banner, title and sprints from scratch."""
        self.undo_stack.clear()
        self.show_read_only()
        sprints = self.store.read(self.store.list_sprints)
        self.toolbar.set_sprints(sprints)
        self.select_sprint(sprints[0].id if sprints else None)

    def show_read_only(self) -> None:
        """The banner, the save state, and every panel and action following the journal
        (`ui.read_only`)."""
        from .read_only import REASON, edit_or_view

        readonly = self.store.readonly
        self.central.set_read_only(readonly, self.store.path)
        self.save_label.setText(self._idle_state())
        self.save_label.setToolTip(REASON if readonly else "")
        self.write_actions.set_read_only(readonly)
        edit_or_view(self.act_sprint_props, readonly, self.act_sprint_props.text(),
                     "The sprint's title, dates, description and blog fields")
        for panel in (self.notes, *self.panels.values()):  # Search only reads
            if panel is not None:
                panel.set_read_only(readonly)

    # -- routing ----------------------------------------------------------------------------
    def all_panels(self) -> list[QWidget]:
        """The panels made so far (Search is made when first wanted)."""
        panels = (self.notes, self._search, *self.panels.values())
        return [panel for panel in panels if panel is not None]

    @property
    def search(self) -> SearchPanel:
        """The Search panel, made when first wanted (Ctrl+F, its dock shown or asked for): hidden
        at first, it need not make start-up wait for it (about 25 ms, mostly the text-layout
        classes its results are drawn with)."""
        return self._search if self._search is not None else self._search_joining()

    def _search_joining(self) -> SearchPanel:
        """Search made now, joining the sprint and day the other panels show."""
        self._search = self._make_search()
        self._join(self._search)
        return self._search

    def _make_search(self) -> SearchPanel:
        from .panels.search import SearchPanel

        search = SearchPanel(self.store, self.undo_stack, self)
        self.docks["search"].setWidget(search)
        search.result_chosen.connect(self.jump_to)
        return search

    def select_sprint(self, sprint_id: int | None) -> None:
        """Show sprint `sprint_id` in every panel (pending edits are saved first)."""
        self.save_manager.flush_all()
        with self.store.shared_reads():  # every panel asks for the same sprint, attendees...
            self._sprint = None if sprint_id is None else self.store.read(self.store.get_sprint,
                                                                          sprint_id)
            self.toolbar.show_sprint(self._sprint)
            for panel in self.all_panels():
                _ops().call_panel(panel, "set_sprint", sprint_id)
            self._enable_sprint_actions()
            self.select_day(self.notes.day if self.notes and self._sprint else None)
        self._update_title()

    def _enable_sprint_actions(self) -> None:
        for action in (self.act_sprint_props, self.act_delete_sprint, self.act_new_note):
            action.setEnabled(self._sprint is not None)

    def select_day(self, day: date | None) -> None:
        self._day = day
        self.toolbar.show_day(day)
        with self.store.shared_reads() if self._store is not None else nullcontext():
            for panel in self.all_panels():
                _ops().call_panel(panel, "set_day", day)

    def jump_to(self, hit: SearchHit) -> None:
        """Select a search result in its panel, switching sprint (and day) when needed."""
        if hit.sprint_id is not None and (self._sprint is None or hit.sprint_id != self._sprint.id):
            self.select_sprint(hit.sprint_id)
        _ops().select_hit(self, hit)

    def _jump_to_mention(self, kind: str, item_id: int) -> None:
        from sprintjournal.records import SearchHit

        _ops().select_hit(self, SearchHit(kind, item_id, None, ""))

    def show_panel(self, name: str) -> None:
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def go_to_panel(self, name: str) -> None:
        """Ctrl+1…7: show the panel if hidden, raise its tab and put the focus in it."""
        self.show_panel(name)
        _focus_inside(self.docks[name].widget())

    def cycle_panel(self, step: int) -> None:
        """F6 / Shift+F6: Notes, then each visible panel in turn, each one raised and focused."""
        names = ["notes", *(n for n, d in self.docks.items() if not d.isHidden())]
        current = next((n for n in names[1:] if self.docks[n].isAncestorOf(self.focusWidget())),
                       "notes")
        target = names[(names.index(current) + step) % len(names)]
        if target == "notes" and self.notes is not None:
            self.notes.editor.setFocus()
        else:
            self.go_to_panel(target)

    def focus_search(self) -> None:
        self.show_panel("search")
        self.search.focus_search()

    def _new_note(self) -> None:
        if self.notes is not None:
            self.notes.add_note()

    # -- state shown to the user -------------------------------------------------------------
    def _on_sprints_changed(self, change: Change, initiator: object) -> None:
        sprints = self.store.read(self.store.list_sprints)
        self.toolbar.set_sprints(sprints)
        current = self._sprint.id if self._sprint else None
        if change.op == "removed" and current in change.ids:
            self.select_sprint(sprints[0].id if sprints else None)
        elif change.op == "added" and initiator is self:
            self.select_sprint(change.id)
        elif current is not None and current in {s.id for s in sprints}:
            self._sprint = self.store.read(self.store.get_sprint, current)
            self.toolbar.show_sprint(self._sprint)
            self.toolbar.show_day(self._day)  # refilling the days must not move the selection
            self._update_title()
        else:
            self.select_sprint(sprints[0].id if sprints else None)

    def _update_title(self) -> None:
        parts = [self._sprint.title] if self._sprint else []
        if self._store is not None:
            parts.append(self.store.file.name)
        self.setWindowTitle(" — ".join([*parts, "SprintJournal"]))

    def _on_pending(self, pending: bool) -> None:
        if pending:
            self.save_label.setText(SAVING)
        else:
            self._on_saved()

    def _on_saved(self) -> None:
        if self.notes is None or not self.notes.dirty:
            self.save_label.setText(self._idle_state())
            self.save_label.setStyleSheet("")

    def _idle_state(self) -> str:
        """What the status bar says with nothing pending: "All changes saved" would be untrue
        of a journal that cannot be written."""
        return READ_ONLY_STATE if self._store is not None and self.store.readonly else SAVED

    def _on_flushed(self, ok: bool) -> None:
        if ok:
            self._on_saved()

    def show_save_error(self, message: str) -> None:
        """A core error (disk full, busy, read-only): say it where the save state is shown."""
        self.save_label.setText("Not saved — see the message")
        # White on red reads in light and dark themes; palette(bright-text) alone was white
        # on the light status bar, so the warning could not be seen.
        self.save_label.setStyleSheet("color: #ffffff; background: #c62828; border-radius: 3px;"
                                      " padding: 1px 6px; font-weight: 600;")
        self.statusBar().showMessage(message, 30_000)

    def show_exception(self, summary: str, details: str) -> None:
        """An error caught by the excepthook: status bar plus one reusable non-modal box."""
        self.statusBar().showMessage(summary, 30_000)
        if self._error_box is not None and self._error_box.isVisible():
            self._error_box.setText(summary)
            self._error_box.setDetailedText(details)
            return
        from .dialogs.errors import show_message_later

        self._error_box = show_message_later(self, "Something went wrong", summary, details)

    # -- closing ----------------------------------------------------------------------------
    def close_for_good(self) -> None:
        """Close without asking (SIGTERM, logout): pending edits are flushed, failures logged."""
        self._closing_for_good = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.before_close is not None:
            self.before_close()  # startup still loading the journal: finish, so edits can save
        errors = self.save_manager.flush_all()
        if errors and not self._closing_for_good and not _ops().confirm_close(self, errors):
            event.ignore()
            return
        if self.framed:  # else the docks were never made: keep the layout saved last time
            settings = app_settings()
            settings.setValue("geometry", self.saveGeometry())
            settings.setValue("windowState", self.saveState())
            settings.sync()
        event.accept()
        self.closed.emit()
