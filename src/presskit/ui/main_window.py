"""The main window: three columns (form, writing, preview), menus and the status bar.

It stays thin on purpose. The document controller owns the release, its file and its undo
history; the render service and preview scheduler own rendering; DocumentFlow and ExportFlow
own the file dialogs and questions. This module builds the window and wires them together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit.app.disk_watcher import DiskWatcher
from presskit.app.document import DocumentController
from presskit.app.library_service import LibraryService
from presskit.app.preflight import PreflightRunner
from presskit.app.preview_scheduler import PreviewScheduler
from presskit.app.recovery import Autosaver, RecoveryStore
from presskit.app.render_service import RenderResult, RenderService
from presskit.app.settings import Preferences
from presskit.app.spelling import SpellService
from presskit.outputs.registry import FORMATS
from presskit.storage.file_types import is_openable
from presskit.ui.body_editor import BodyEditor
from presskit.ui.checks_panel import ChecksPanel, go_to_finding
from presskit.ui.document_flow import DocumentFlow
from presskit.ui.export_flow import ExportFlow
from presskit.ui.features import install_features
from presskit.ui.fields import GlobalUndoMixin
from presskit.ui.focus_order import next_in_screen_order
from presskit.ui.form_sections import FormPanel, WritingHeader
from presskit.ui.library_panel import LibraryPanel
from presskit.ui.markdown_highlighter import MarkdownHighlighter
from presskit.ui.preferences_dialog import PreferencesDialog
from presskit.ui.preview import PreviewPane
from presskit.ui.spelling_ui import LineSpelling
from presskit.ui.status import StatusPanel
from presskit.ui.window_layout import fit_checks, restore_layout, save_layout, share_columns


class MainWindow(QMainWindow):
    """One open release, with everything needed to edit, preview and export it."""

    def __init__(
        self,
        prefs: Preferences,
        store: RecoveryStore | None = None,
        library: LibraryService | None = None,
    ):
        super().__init__()
        self.prefs = prefs
        self.store = store or RecoveryStore()
        self.doc = DocumentController(self)
        self.service = RenderService(self)
        self.scheduler = PreviewScheduler(self.doc, self.service)
        self.preflight = PreflightRunner(self.doc)
        self.library = library or LibraryService(parent=self)
        self.spelling = SpellService(self.doc, self.library)
        self.autosaver = Autosaver(self.doc, self.store, prefs)
        self.disk = DiskWatcher(self.doc)
        self.files = DocumentFlow(self.doc, prefs, self.autosaver, self)
        self.exports = ExportFlow(
            self.doc, self.service, self.scheduler, prefs, self, errors=self.preflight.errors
        )
        self._build_panes()
        self.status = StatusPanel(self.statusBar(), self.doc)
        self._build_actions()
        self._connect()
        self.setAcceptDrops(True)
        self.setMinimumSize(960, 600)
        restore_layout(self)
        self._update_title()

    # -- building ---------------------------------------------------------------------------
    def _build_panes(self) -> None:
        self.form = FormPanel(self.doc, self.library)
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setAccessibleName("Release details")
        # The form never scrolls sideways, so its column must never be narrower than it.
        scroll_bar = form_scroll.verticalScrollBar().sizeHint().width()
        form_scroll.setMinimumWidth(self.form.minimumSizeHint().width() + scroll_bar + 4)
        self.form_scroll = form_scroll

        self.header = WritingHeader(self.doc)
        self.body = BodyEditor(self.doc, self.spelling)
        self._spell_lines = [
            LineSpelling(edit, self.spelling)
            for edit in (self.header.headline.edit, self.header.subheadline.edit)
        ]
        about = self.form.about.editor
        self._about_highlighter = MarkdownHighlighter(
            about.document(), about.palette(), self.spelling
        )
        self._about_highlighter.follow_palette(about)
        for edit in (self.header.headline.edit, self.header.subheadline.edit, about):
            edit.spelling = self.spelling
        writing = QWidget()
        writing.setAccessibleName("Writing")
        column = QVBoxLayout(writing)
        column.setContentsMargins(6, 6, 6, 0)
        column.addWidget(self.header)
        column.addWidget(self.body, 1)

        self.preview = PreviewPane(self.prefs.preview_zoom())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget, stretch in ((form_scroll, 0), (writing, 3), (self.preview, 2)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.setCentralWidget(self.splitter)
        self.splitter_placed = self.panels_placed = False
        self.checks = ChecksPanel()
        self.checks_dock = QDockWidget("Checks", self)
        self.checks_dock.setObjectName("checks-dock")
        self.checks_dock.setWidget(self.checks)
        self.checks_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks_dock)
        self.library_panel = LibraryPanel(self.doc, self.library)
        self.library_dock = QDockWidget("Library", self)
        self.library_dock.setObjectName("library-dock")
        self.library_dock.setWidget(self.library_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.library_dock)
        self.tabifyDockWidget(self.checks_dock, self.library_dock)
        self.checks_dock.raise_()
        self.form.contacts.contact_dropped = self.library_panel.insert_contact_id
        self.library_dock.visibilityChanged.connect(
            lambda visible: (
                visible and self.resizeDocks([self.library_dock], [230], Qt.Orientation.Vertical)
            )
        )

    def focus_areas(self) -> list[QWidget]:
        """Where Tab goes, in order: the writing column from the headline down, the form
        column, the preview, then the panels (see presskit.ui.focus_order)."""
        docks = [d for d in self.findChildren(QDockWidget) if d.isVisible()]
        docks.sort(key=lambda d: (d.geometry().y(), d.geometry().x()))
        return [self.header, self.body, self.form, self.preview, *docks]

    def focusNextPrevChild(self, forward: bool) -> bool:
        target = next_in_screen_order(self.focus_areas(), self, QApplication.focusWidget(), forward)
        if target is None:
            return super().focusNextPrevChild(forward)
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        if self.form.isAncestorOf(target):
            self.form_scroll.ensureWidgetVisible(target, 16, 48)
        target.setFocus(reason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        return True

    def _action(self, menu: object, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_actions(self) -> None:
        """The menus; features add theirs at ``self.anchors`` (see presskit.ui.features)."""
        keys = QKeySequence.StandardKey
        self.anchors: dict[str, QAction] = {}
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&New", self.files.new_blank, keys.New)
        self._action(file_menu, "New from &Example", self.files.new_from_example)
        self._action(file_menu, "&Open…", self.files.open_dialog, keys.Open)
        file_menu.addMenu(self.files.recent_menu)
        self.anchors["file.after_open"] = file_menu.addSeparator()
        self.save_action = self._action(file_menu, "&Save", self.files.save, keys.Save)
        self._action(file_menu, "Save &As…", self.files.save_as, keys.SaveAs)
        self.revert_action = self._action(file_menu, "Re&vert", self.files.revert)
        file_menu.addSeparator()
        for fmt in FORMATS:
            self._action(
                file_menu,
                fmt.menu_text,
                lambda _=False, name=fmt.name: self.exports.choose_and_export(name),
                fmt.shortcut or None,
            )
        self._action(file_menu, "&Copy for Email", self.exports.copy_for_email, "Ctrl+Shift+C")
        self.anchors["file.after_export"] = file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, keys.Quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(keys.Redo)
        edit_menu.addActions([self.undo_action, self.redo_action])
        GlobalUndoMixin.undo_actions = (self.undo_action, self.redo_action)
        self.anchors["edit.after_undo"] = edit_menu.addSeparator()
        self._action(edit_menu, "&Preferences…", self._preferences, keys.Preferences)

        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "Refresh &Preview", self.scheduler.render_now, keys.Refresh)
        # Bring a panel to the front with the cursor in it (a toggle would close a tab that
        # is open behind another); its tab's close button closes it.
        self._action(view_menu, "&Checks", lambda: self.show_panel(self.checks_dock), "F8")
        self._action(view_menu, "&Library", lambda: self.show_panel(self.library_dock), "Ctrl+L")
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About Presskit", self._about)
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu, "help": help_menu}
        # Features may take dropped files (accepts(path), handle(path)), stop the close (a
        # check returning False: the user cancelled a question) and stop work at close.
        self.drop_handlers: list[tuple[Callable[[Path], bool], Callable[[Path], None]]] = []
        self.close_checks: list[Callable[[], bool]] = []
        self.shutdown_hooks: list[Callable[[], None]] = [self.library_panel.shutdown]
        install_features(self)

    def _connect(self) -> None:
        self.doc.dirtyChanged.connect(self._update_title)
        self.doc.pathChanged.connect(self._update_title)
        self.doc.documentReplaced.connect(self._update_title)
        # A new or opened release starts with the cursor in its headline, as Tab's order does.
        self.doc.documentReplaced.connect(self.header.headline.edit.setFocus)
        self.scheduler.previewReady.connect(self._on_preview)
        self.scheduler.previewFailed.connect(self.preview.show_error)
        self.scheduler.renderingChanged.connect(self.preview.set_rendering)
        self.preview.pagesShown.connect(self.status.set_pages)
        self.preview.pagesShown.connect(self.preflight.set_page_count)
        self.preflight.findingsChanged.connect(self.checks.show_findings)
        self.preflight.findingsChanged.connect(self.status.set_findings)
        self.preflight.findingsChanged.connect(lambda findings: fit_checks(self, findings))
        self.checks.activatedFinding.connect(
            lambda finding: go_to_finding(self, self.form_scroll, finding)
        )
        self.status.findings.clicked.connect(lambda: self.show_panel(self.checks_dock))
        # Typed text that is not a date, a time or a zone: marked at the field, and said here.
        self.form.release.embargo.problem.connect(self.status.show_message)
        self.header.date.problem.connect(self.status.show_message)
        self.preview.pagesShown.connect(self._after_first_preview)

    def _after_first_preview(self) -> None:
        """Work that may wait until the window shows its pages: loading the spelling
        dictionary and the address-checking libraries would delay the first paint."""
        self.preview.pagesShown.disconnect(self._after_first_preview)
        self.spelling.start()
        self.preflight.warm_up()
        self.preview.zoomChanged.connect(self.prefs.set_preview_zoom)
        self.files.message.connect(self.status.show_message)
        self.disk.changedOnDisk.connect(self.files.on_changed_on_disk)
        self.disk.removedFromDisk.connect(self.files.on_removed_from_disk)
        self.library_panel.message.connect(self.status.show_message)
        self.library.failed.connect(lambda text: self.status.show_message(f"Library: {text}"))
        self.exports.message.connect(self.status.show_message)

    # -- reactions --------------------------------------------------------------------------
    def _on_preview(self, result: RenderResult) -> None:
        self.preview.show_pdf(result.pdf, result.page_count, result.elapsed)
        if result.warnings:
            self.preview.show_warning("; ".join(result.warnings[:3]))

    def show_panel(self, dock: QDockWidget) -> None:
        """Show ``dock`` in front of its tabs and put the cursor in it: the library's search
        box, the first of the checks."""
        dock.show()
        dock.raise_()
        target: QWidget = self.checks
        if dock is self.library_dock:
            self.library_panel.setCurrentWidget(self.library_panel.contacts)
            target = self.library_panel.contacts.search
            target.selectAll()
        elif self.checks.currentItem() is None and self.checks.topLevelItemCount():
            self.checks.setCurrentItem(self.checks.topLevelItem(0))
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # A dock raised from behind its tab may become visible only on the event loop's next
        # turn, and a hidden widget cannot take the focus: ask again then.
        QTimer.singleShot(0, target, lambda: target.setFocus(Qt.FocusReason.ShortcutFocusReason))

    def _update_title(self, *_: object) -> None:
        self.setWindowTitle(f"{self.doc.display_name}[*] — Presskit")
        self.setWindowModified(self.doc.is_dirty)
        self.revert_action.setEnabled(self.doc.path is not None)

    def _preferences(self) -> None:
        if PreferencesDialog(self.prefs, self).exec():
            self.autosaver.timer.setInterval(self.prefs.autosave_seconds() * 1000)

    def _about(self) -> None:
        from presskit.ui.about_dialog import show_about  # noqa: PLC0415 - only when asked

        show_about(self)

    # -- window events ----------------------------------------------------------------------
    def _drop_handler(self, path: Path) -> Callable[[Path], None] | None:
        return next((handle for accepts, handle in self.drop_handlers if accepts(path)), None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if any(is_openable(p) or self._drop_handler(p) for p in paths):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            handle = self._drop_handler(path)
            if handle is not None:  # a feature's file (an importable document)
                event.acceptProposedAction()
                handle(path)
                return
            if is_openable(path):
                event.acceptProposedAction()
                self.files.open_path(path)
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard() or not all(ok() for ok in self.close_checks):
            event.ignore()
            return
        save_layout(self)
        self.prefs.sync()
        self.autosaver.timer.stop()
        for hook in self.shutdown_hooks:
            hook()
        self.service.shutdown()
        self.preview.shutdown()
        if QGuiApplication.platformName() == "offscreen":
            # Qt's offscreen clipboard crashes at exit when it still holds our QMimeData
            # (Copy for Email); headless there is no system clipboard to keep it for anyway.
            QGuiApplication.clipboard().clear()
        event.accept()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.splitter_placed:  # first run: share the width once the window has one
            self.splitter_placed = True
            share_columns(self)
