"""The Photos panel: a thumbnail grid; add by file dialog, drag-and-drop or paste."""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageWriter,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QListView,
    QWidget,
)

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.records import PhotoRec

from ..commands.edit_commands import AppliedCommand, push_remove, push_update
from ..models.photos_model import ICON_SIZE, PhotosModel
from ..settings import last_folder, remember_folder
from ..store import JournalStore
from ..widgets.photo_status import PhotoStatusBar
from ..widgets.photo_tile import PhotoTileDelegate
from ..widgets.photo_viewer import PhotoViewer
from ..workers.photo_import import PhotoImporter, PhotoSource, PreparedPhoto
from .panel_base import NO_SPRINT_HINT, RecordPanel

if TYPE_CHECKING:
    from sprintjournal.photos import PhotoInfo

EMPTY_HINT = ("No photos yet — drop photos here, paste one (Ctrl+V), or use Add photos… "
              "(JPEG, PNG, WebP or GIF).")
FILE_FILTER = "Photos (*.jpg *.jpeg *.png *.webp *.gif *.JPG *.JPEG *.PNG);;All files (*)"
_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "GIF"}


class PhotosPanel(RecordPanel[PhotoRec]):
    model: PhotosModel
    order_entity = "photo"
    plural = "photos"
    view_text = "Details…"  # "View" shows the photo itself

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.setObjectName("PhotosPanel")
        self.setAcceptDrops(True)
        self.model = PhotosModel(store, self)
        self.grid = self._make_grid()
        self.pages.addWidget(self.grid)
        self.importer = PhotoImporter(self._write_photo, self)
        self.status = PhotoStatusBar(self.importer)
        self.body_layout.addWidget(self.status)
        self._make_actions()
        self.importer.added.connect(self._photo_added)
        store.photos_changed.connect(self.model.on_change)
        store.people_changed.connect(self.model.on_change)  # names in tooltips
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._refresh)
        self._refresh()

    def _make_grid(self) -> QListView:
        grid = QListView()
        grid.setModel(self.model)
        grid.setAccessibleName("Photos")
        grid.setViewMode(QListView.ViewMode.IconMode)
        grid.setIconSize(ICON_SIZE)
        grid.setItemDelegate(PhotoTileDelegate(grid))
        grid.setResizeMode(QListView.ResizeMode.Adjust)
        grid.setMovement(QListView.Movement.Static)
        grid.setUniformItemSizes(True)
        grid.setWordWrap(True)
        grid.setSpacing(8)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.doubleClicked.connect(self._open_viewer)
        grid.activated.connect(self._open_viewer)
        return grid

    def _make_actions(self) -> None:
        self.add_action_ = self.add_action(
            "Add photos…", self.add_from_dialog, "add", QKeySequence(Qt.Key.Key_Insert),
            "Add photos from files (Insert); you can also drop or paste them")
        self.edit_action = self.add_action(
            "Edit…", self.edit_selected, "edit", QKeySequence(Qt.Key.Key_F2),
            "Caption, alt text, day and people of the selected photo (F2)", edits=True)
        self.view_action = self.add_action(
            "View", self.view_selected, "view", QKeySequence(Qt.Key.Key_Space),
            "Show the selected photo large (Space or double-click)", writes=False)
        self.remove_action = self.add_action(
            "Remove", self.remove_selected, "remove",
            QKeySequence(QKeySequence.StandardKey.Delete), "Remove the selected photos (Delete)")
        self.paste_action = self.add_action(
            "Paste", self.paste, "paste", QKeySequence(QKeySequence.StandardKey.Paste),
            "Paste an image or image files from the clipboard (Ctrl+V)")
        self.toolbar.removeAction(self.paste_action)  # in the Edit menu's place, not the bar
        self.add_move_actions("Move Earlier", "Move Later")
        self.add_context_menu(self.grid, self.view_action, self.edit_action, self.remove_action,
                              None, self.move_up_action, self.move_down_action)

    # -- panel contract ---------------------------------------------------------------------
    def sprint_changed(self) -> None:
        self.model.set_sprint(self.sprint_id)
        self._refresh()

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.grid.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.grid.scrollTo(index)

    def describe(self, record: PhotoRec) -> str:
        return f"photo {record.filename}"

    def locate(self, item_id: int) -> tuple[QAbstractItemView, QModelIndex] | None:
        row = self.model.row_of(item_id)
        return None if row < 0 else (self.grid, self.model.index(row, 0))

    def selected_records(self) -> list[PhotoRec]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        return [self.model.record(r) for r in rows]

    def _refresh(self, *_args: object) -> None:
        count = self.model.rowCount()
        if self.sprint_id is None:
            self.show_content(self.grid, NO_SPRINT_HINT)
        else:
            self.show_content(self.grid, None if count else EMPTY_HINT)
        for action in (self.edit_action, self.view_action, self.remove_action):
            action.setEnabled(count > 0)
        self.add_action_.setEnabled(self.sprint_id is not None)
        self.paste_action.setEnabled(self.sprint_id is not None)

    # -- bringing photos in -----------------------------------------------------------------
    def add_from_dialog(self) -> None:
        if self.sprint_id is None:
            return
        names, _ = QFileDialog.getOpenFileNames(self, "Add photos", last_folder("photos"),
                                                FILE_FILTER)
        if names:
            remember_folder("photos", Path(names[0]).parent)
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Import files in the background; each arrives as its own undoable step."""
        if self.sprint_id is None or not paths:
            return
        writer = self.store.background_writer()
        self.importer.add([PhotoSource(p.name, self.sprint_id, self.day, path=p, writer=writer)
                           for p in paths])

    def add_image_data(self, name: str, data: bytes) -> None:
        if self.sprint_id is not None:
            self.importer.add([PhotoSource(name, self.sprint_id, self.day, data=data,
                                           writer=self.store.background_writer())])

    def paste(self) -> None:
        self.import_mime(QGuiApplication.clipboard().mimeData())

    def import_mime(self, mime: QMimeData | None) -> bool:
        """Files (URLs) or an image from a drop or the clipboard; False if neither is there."""
        if mime is None or self.sprint_id is None:
            return False
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            self.add_files(files)
            return True
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                self.add_image_data(f"pasted-{stamp}.png", _png_bytes(image))
                return True
        self.status.show_errors(["The clipboard holds no image and no image files."])
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.sprint_id is not None and (event.mimeData().hasUrls()
                                           or event.mimeData().hasImage()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.sprint_id is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.import_mime(event.mimeData()):
            event.acceptProposedAction()

    def _write_photo(self, photo: PreparedPhoto) -> tuple[Change, list[PhotoRec]]:
        """Runs on the pool (see PhotoImporter): writer calls only, no signals, no widgets.

        The fresh list is read here too, so the GUI thread need not query after each photo.
        """
        src = photo.source
        writer = src.writer or self.store.background_writer()
        change = writer.add_photo(src.sprint_id, photo.data, src.name, day=photo.day,
                                  prepared=photo.prepared)
        return change, writer.list_photos(src.sprint_id)

    def _photo_added(self, photo: PreparedPhoto, written: tuple[Change, list[PhotoRec]]) -> None:
        """Back on the GUI thread: show and announce the new photo, and make it undoable."""
        src = photo.source
        change, records = written
        if src.writer is not None and not self.store.is_current(src.writer):
            return  # written to a journal closed since: nothing here to show or undo
        info, thumbnail = photo.prepared
        self.model.prime(records, {info.sha256: thumbnail}, change)
        self.store.announce(change, self)

        def redo(state: dict[str, Any]) -> Change:
            again = self.store.add_photo(src.sprint_id, photo.data, src.name, day=photo.day,
                                         prepared=photo.prepared, initiator=self)
            state["id"] = again.id
            return again

        self.undo_stack.push(AppliedCommand(
            f"Add photo {src.name}", redo,
            lambda state: self.store.remove_photo(state["id"], initiator=self),
            {"id": change.id}))

    # -- editing ----------------------------------------------------------------------------
    def edit_selected(self) -> None:
        records = self.selected_records()
        if not records:
            return
        rec = records[0]
        attendees = [a.person.name for a in self.store.read(self.store.list_attendees,
                                                            rec.sprint_id)]
        days = self.sprint.days() if self.sprint else []
        icon = self.model.index(self.model.row_of(rec.id), 0).data(Qt.ItemDataRole.DecorationRole)
        from ..dialogs.photo_dialog import PhotoDialog  # loads when first used

        answer = PhotoDialog.ask(self, rec, days, attendees, icon, read_only=self.read_only)
        if answer is None:
            return
        old = {"caption": rec.caption, "alt": rec.alt, "day": rec.day,
               "people": [p.name for p in rec.people]}
        new = {"caption": answer.caption, "alt": answer.alt, "day": answer.day,
               "people": answer.people}
        changed = {k: v for k, v in new.items() if v != old[k]}
        if changed:
            try:
                push_update(self.undo_stack, f"Edit photo {rec.filename}",
                            lambda i, **f: self.store.update_photo(i, **f, initiator=self),
                            rec.id, {k: old[k] for k in changed}, changed)
            except JournalError:
                return

    def view_selected(self) -> None:
        records = self.selected_records()
        if records:
            self.open_viewer(records[0])

    def _open_viewer(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_viewer(self.model.record(index.row()))

    def open_viewer(self, rec: PhotoRec) -> PhotoViewer | None:
        try:
            data = self.store.read(self.store.photo_bytes, rec.id)
        except JournalError:
            return None
        viewer = PhotoViewer(rec, data, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def remove_selected(self) -> None:
        self.remove_each(self.selected_records(), self._remove)

    def _remove(self, rec: PhotoRec) -> bool:
        """Remove one photo; undo re-adds the same bytes without decoding them again."""
        try:
            data = self.store.read(self.store.photo_bytes, rec.id)
            prepared = (_info_of(rec), self.store.read(self.store.photo_thumbnail, rec.id))
            push_remove(self.undo_stack, f"Remove photo {rec.filename}", rec.id,
                        lambda item_id: self.store.remove_photo(item_id, initiator=self),
                        lambda: self.store.add_photo(
                            rec.sprint_id, data, rec.filename, prepared=prepared,
                            initiator=self, caption=rec.caption, alt=rec.alt, day=rec.day,
                            people=[p.name for p in rec.people]),
                        self.order_ids(rec), self.put_back)
        except JournalError:
            return False
        return True

    def flush(self) -> None:
        """Nothing is edited inline here; imports in flight finish on their own."""


def _info_of(rec: PhotoRec) -> "PhotoInfo":
    """What `gallery.add` needs of a photo already checked once, rebuilt from its record."""
    from sprintjournal.photos import PhotoInfo  # Pillow: with the first photo added

    return PhotoInfo(format=_FORMATS.get(rec.mime, "JPEG"), width=rec.width, height=rec.height,
                     orientation=1, taken=rec.taken_at, mime=rec.mime, sha256=rec.sha256)


def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    return bytes(buffer.data().data())
