"""The parts of the main window's frame that exist before any journal is open.

The sprint/day toolbar, the central area (read-only banner over the Notes panel) and the empty
docks are cheap to build and import nothing from the core at run time, so the window
can be painted first and filled when the journal has loaded.

Nothing here touches `Qt` (the namespace) at import or in `CentralArea()`: its first use builds
every one of its enums (about 15 ms), which the first frame need not wait for.
"""

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .panels.registry import PANELS
from .qt_values import ALIGN_CENTER

if TYPE_CHECKING:
    from datetime import date  # loaded with the journal, after the first paint

    from PySide6.QtGui import QPaintEvent

    from sprintjournal.records import SprintRec


class DockSpec(NamedTuple):
    title: str
    area: str  # "left" or "right"
    visible: bool = True


DOCKS: dict[str, DockSpec] = {
    **{p.name: DockSpec(p.title, p.area, p.visible) for p in PANELS},
    "search": DockSpec("Search", "left", visible=False),
}
"""One dock per registered panel (`panels.registry`), and Search's."""


def _placeholder(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("alignment", ALIGN_CENTER)  # not `Qt`: see ui/qt_values.py
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


_FEATURE = QDockWidget.DockWidgetFeature
BUTTONED = _FEATURE.DockWidgetClosable | _FEATURE.DockWidgetMovable | _FEATURE.DockWidgetFloatable
"""A dock's features: Qt's default, a close and a float button in its title bar."""
BUTTONLESS = _FEATURE.DockWidgetMovable
"""A dock's features while start-up shows the notes: movable, without the close and float
buttons. Fusion builds both buttons' icons from six image files at every request, and asks for
them at each layout of a title bar that has them (`subElementRect`): 67 requests, 14 M
instructions (about 4 ms) before the notes were on screen. `give_buttons` adds them back once
every panel is filled (8 M instructions more by then: the title bars laid out once more)."""


def build_docks(window: QMainWindow, *, buttons: bool = True) -> dict[str, QDockWidget]:
    """One empty dock per panel; `objectName`s make saveState/restoreState work. Without
    `buttons`, each is `BUTTONLESS` until `give_buttons`."""
    docks = {}
    for name, spec in DOCKS.items():
        dock = QDockWidget(spec.title, window)
        dock.setObjectName(f"dock_{name}")
        dock.setAccessibleName(f"{spec.title} panel")
        dock.setWidget(_placeholder("", dock))
        dock.setMinimumWidth(220)
        if not buttons:
            dock.setFeatures(BUTTONLESS)
        docks[name] = dock
    return docks


def give_buttons(docks: dict[str, QDockWidget]) -> None:
    """Each dock `BUTTONED`, closable and floatable (again)."""
    for dock in docks.values():
        dock.setFeatures(BUTTONED)


def default_geometry(window: QMainWindow, size: QSize) -> None:
    """`size`, or the available screen when it is smaller."""
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen else size
    window.resize(min(size.width(), available.width()), min(size.height(), available.height()))


def default_layout(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Every panel in one tab group on the right, each with the full height; Search left.

    Designed for 1280x800 and 1366x768 first: stacked panels left 2-3 table rows each there;
    tabs (and Ctrl+1…7 to go to one) give each table its full height."""
    from PySide6.QtCore import Qt

    areas = {"left": Qt.DockWidgetArea.LeftDockWidgetArea,
             "right": Qt.DockWidgetArea.RightDockWidgetArea}
    size = window.size()  # re-adding docked, tabbed panels stacks them: the window would grow
    right = [name for name, spec in DOCKS.items() if spec.area == "right"]
    for name, spec in DOCKS.items():
        dock = docks[name]
        dock.setFloating(False)
        if name in right[1:]:  # straight into the first one's tabs: never stacked meanwhile
            window.tabifyDockWidget(docks[right[0]], dock)
        else:
            window.addDockWidget(areas[spec.area], dock)
        dock.setVisible(spec.visible)
    docks["standup"].raise_()  # the morning meeting is where the organiser starts the day
    window.resize(size)
    width = window.width()
    window.resizeDocks([docks["standup"]], [max(480, int(width * 0.46))],
                       Qt.Orientation.Horizontal)
    window.resizeDocks([docks["search"]], [280], Qt.Orientation.Horizontal)


def whole_tab_names(window: QMainWindow) -> None:
    """Dock tabs with whole names, scrolled, rather than "Stand…" "Branc…". QMainWindow makes
    its tab bars when it lays the docks out (after a layout is set or restored, and whenever the
    user tabs docks together), so this runs after each of those."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabBar

    for bar in window.findChildren(QTabBar):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)


def sprint_label(sprint: "SprintRec") -> str:
    """"Gothenburg 2011 · 2–8 Nov 2011" for the switcher."""
    start, end = sprint.start, sprint.end
    if start is None or end is None:
        return sprint.title
    if (start.year, start.month) == (end.year, end.month):
        span = f"{start.day}–{end.day} {end:%b %Y}"
    elif start.year == end.year:
        span = f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    else:
        span = f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    return f"{sprint.title} · {span}"


def day_label(day: "date") -> str:
    """"Monday 7 Nov 2011": the same words for every day in the Day box."""
    return f"{day:%A} {day.day} {day:%b %Y}"


class SprintToolbar(QToolBar):
    """The sprint switcher and the day selector."""

    sprint_chosen = Signal(object)  # int | None
    day_chosen = Signal(object)  # date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sprint", parent)
        self.setObjectName("toolbar_sprint")
        self.setMovable(False)
        self.sprint_combo = QComboBox(self)
        self.sprint_combo.setAccessibleName("Sprint")
        self.sprint_combo.setToolTip("The sprint shown in every panel")
        self.sprint_combo.setMinimumContentsLength(28)
        self.sprint_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_combo = QComboBox(self)
        self.day_combo.setAccessibleName("Day")
        self.day_combo.setToolTip("The day shown in Notes, Stand-up and Attendees")
        self.day_combo.setMinimumContentsLength(16)
        self.day_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Alt+R and Alt+D reach the boxes (Alt+S is the Sprint menu's)
        for text, combo in (("  Sp&rint: ", self.sprint_combo), ("   &Day: ", self.day_combo)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            self.addWidget(label)
            self.addWidget(combo)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.sprint_combo.activated.connect(
            lambda i: self.sprint_chosen.emit(self.sprint_combo.itemData(i)))
        self.day_combo.activated.connect(
            lambda i: self.day_chosen.emit(self.day_combo.itemData(i)))

    def set_sprints(self, sprints: "list[SprintRec]") -> None:
        current = self.sprint_combo.currentData()
        self.sprint_combo.clear()
        for sprint in sprints:
            self.sprint_combo.addItem(sprint_label(sprint), sprint.id)
        self.sprint_combo.setEnabled(bool(sprints))
        if not sprints:
            self.sprint_combo.addItem("No sprint yet", None)
        index = self.sprint_combo.findData(current)
        self.sprint_combo.setCurrentIndex(max(index, 0))

    def show_sprint(self, sprint: "SprintRec | None") -> None:
        index = self.sprint_combo.findData(None if sprint is None else sprint.id)
        if index >= 0:
            self.sprint_combo.setCurrentIndex(index)
        self.day_combo.clear()
        days = [] if sprint is None else sprint.days()
        for day in days:
            self.day_combo.addItem(day_label(day), day)
        if sprint is not None:
            self.day_combo.addItem("No day", None)
        self.day_combo.setEnabled(sprint is not None)

    def show_day(self, day: "date | None") -> None:
        # compared in Python: findData compares the wrapped date objects, not their values
        days = [self.day_combo.itemData(i) for i in range(self.day_combo.count())]
        index = days.index(day) if day in days else -1
        if index < 0 and day is not None:  # a day outside the sprint's dates (imported notes)
            self.day_combo.addItem(day_label(day), day)
            index = self.day_combo.count() - 1
        self.day_combo.setCurrentIndex(index)


class CentralArea(QWidget):
    """A read-only banner (made when first needed) above the central panel.

    It starts empty, the lightest first frame; `show_opening` puts up "Opening the journal…".
    """

    painted = Signal()
    """Each time the area itself is painted: start-up waits for the first (ui/app.py). A paint
    handler rather than an event filter, which had every event of the area wrapped for Python
    (the first of each kind building its class's enums: five before the window mapped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._banner: QLabel | None = None
        self._empty = self.content = QWidget(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.content, 1)

    def paintEvent(self, _event: "QPaintEvent") -> None:
        self.painted.emit()  # a plain QWidget paints nothing of its own

    @property
    def banner(self) -> QLabel:
        if self._banner is None:
            self._banner = QLabel(self)
            self._banner.setWordWrap(True)
            self._banner.setAccessibleName("Read-only journal")
            self._banner.setStyleSheet(
                "QLabel { background: #fff3cd; color: #5c4400; padding: 6px 10px;"
                " border-bottom: 1px solid #e0c36a; }")
            self._banner.hide()
            self._layout.insertWidget(0, self._banner)
        return self._banner

    def show_opening(self) -> None:
        """The placeholder until the journal's content comes (unless it already has)."""
        if self.content is self._empty:
            self.set_content(_placeholder("Opening the journal…", self))

    def set_content(self, widget: QWidget) -> None:
        """`widget` in place of the current content, visible now: a layout would only show it
        on the next turn of the event loop, and the startup's early view paints it at once."""
        self._layout.replaceWidget(self.content, widget)
        self.content.hide()
        self.content.deleteLater()
        self.content = widget
        widget.show()

    def set_read_only(self, readonly: bool, path: str) -> None:
        if not readonly and self._banner is None:
            return
        from .read_only import banner_text

        self.banner.setText(banner_text(path))
        self.banner.setVisible(readonly)
