"""The Send dialog: choose the list, see the message as one recipient gets it, test, send.

The message is rendered once in the background (the email rendering Copy for Email uses);
the preview is that message, personalised for the recipient chosen under "Preview as", with
its From, To and Subject. Send asks once, then runs in the background with a progress bar,
Pause and Cancel; the send history of the release lists every send (when, which list, how
many sent and failed). Sending is :class:`~presskit.app.send_service.SendService`'s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from presskit.app.send_service import SendService
from presskit.library.database import Library, LibraryError
from presskit.library.media_lists import all_lists
from presskit.model.wording import counted
from presskit.sending import recipients as recipient_lists
from presskit.sending.message import ReleaseMail, build_message, parse_sender
from presskit.sending.run import Outcome, Progress, SendOptions
from presskit.sending.smtp import SECURITY, ServerSettings, parse_server, password_from
from presskit.ui.list_import import import_media_list


class SendDialog(QDialog):
    """Send the open release to a media list (not modal: the editor stays usable)."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.setWindowTitle("Send to Journalists")
        self.service = SendService(window.library.path, self)
        self.mail: ReleaseMail | None = None
        self.chosen: recipient_lists.RecipientList | None = None
        self._build()
        self._restore(window.prefs.send_settings())
        self.service.prepared.connect(self._on_prepared)
        self.service.tested.connect(self._on_tested)
        self.service.progress.connect(self._on_progress)
        self.service.finished.connect(self._on_finished)
        self._prepare_later = QTimer(self, singleShot=True, interval=200)
        self._prepare_later.timeout.connect(self._prepare)
        self._load_lists()
        self._refresh_history()
        self._prepare()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self._recipients_box(), 1)
        top.addWidget(self._server_box(), 1)
        layout.addLayout(top)
        layout.addWidget(self._preview_box(), 1)
        layout.addLayout(self._send_row())
        self.history = QTreeWidget()
        self.history.setHeaderLabels(["When", "List", "Sent", "Failed", "Not finished"])
        self.history.setRootIsDecorated(False)
        self.history.setMaximumHeight(110)
        layout.addWidget(QLabel("Sent before:"))
        layout.addWidget(self.history)
        self.resize(980, 760)

    def _recipients_box(self) -> QGroupBox:
        box = QGroupBox("Recipients")
        form = QFormLayout(box)
        self.list_combo = QComboBox()
        self.list_combo.currentTextChanged.connect(self._choose_list)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.sender = QLineEdit()
        self.sender.setPlaceholderText("Press Office <press@example.org>")
        self.sender.editingFinished.connect(self._sender_changed)
        self.attach_pdf = QCheckBox("Attach the release as PDF")
        self.attach_pdf.toggled.connect(self._prepare)
        self.import_button = QPushButton("&Import List…")
        self.import_button.clicked.connect(self._import_list)
        chooser = QHBoxLayout()
        chooser.addWidget(self.list_combo, 1)
        chooser.addWidget(self.import_button)
        form.addRow("Media &list:", chooser)
        form.addRow("", self.left_out)
        form.addRow("&From:", self.sender)
        form.addRow("", self.attach_pdf)
        return box

    def _server_box(self) -> QGroupBox:
        box = QGroupBox("Mail server")
        form = QFormLayout(box)
        self.server = QLineEdit()
        self.server.setPlaceholderText("smtp.example.org:587")
        self.security = QComboBox()
        self.security.addItems(list(SECURITY))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("from the system keyring when empty")
        self.tls_ca = QLineEdit()
        self.tls_ca.setPlaceholderText("the certificate of a self-signed server (optional)")
        self.rate = QSpinBox()
        self.rate.setRange(0, 100_000)
        self.rate.setSpecialValueText("no limit")
        self.rate.setSuffix(" a minute")
        rows = [("&Server:", self.server), ("Se&curity:", self.security), ("&User:", self.user),
                ("&Password:", self.password), ("&Trust certificate:", self.tls_ca),
                ("&Rate:", self.rate)]  # fmt: skip
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox("The message")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.preview_as = QComboBox()
        self.preview_as.currentIndexChanged.connect(self._show_preview)
        label = QLabel("Preview &as:")
        label.setBuddy(self.preview_as)
        row.addWidget(label)
        row.addWidget(self.preview_as, 1)
        self.test_to = QLineEdit()
        self.test_to.setPlaceholderText("your own address")
        self.test_button = QPushButton("Send &Test")
        self.test_button.clicked.connect(self._send_test)
        label = QLabel("T&est to:")
        label.setBuddy(self.test_to)
        row.addWidget(label)
        row.addWidget(self.test_to, 1)
        row.addWidget(self.test_button)
        layout.addLayout(row)
        self.headers = QLabel("Rendering the message…")
        self.headers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headers.setMinimumHeight(self.headers.fontMetrics().lineSpacing() * 3 + 6)
        layout.addWidget(self.headers)
        self.tabs = QTabWidget()
        self.preview_html = QTextBrowser()
        self.preview_html.setOpenLinks(False)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.tabs.addTab(self.preview_html, "HTML")
        self.tabs.addTab(self.preview_text, "Plain text")
        layout.addWidget(self.tabs, 1)
        return box

    def _send_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setFormat("%v of %m")
        self.status = QLabel()
        self.send_button = QPushButton("&Send")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._send)
        self.pause_button = QPushButton("&Pause")
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause)
        self.cancel_button = QPushButton("&Cancel Sending")
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.close)
        for widget in (self.pause_button, self.cancel_button):
            widget.setEnabled(False)
        row.addWidget(self.progress, 1)
        row.addWidget(self.status, 1)
        for widget in (self.send_button, self.pause_button, self.cancel_button, self.close_button):
            row.addWidget(widget)
        return row

    # -- settings --------------------------------------------------------------------------
    def _restore(self, values: dict[str, str]) -> None:
        self.sender.setText(values.get("sender", ""))
        self.server.setText(values.get("server", ""))
        self.security.setCurrentText(values.get("security") or "starttls")
        self.user.setText(values.get("user", ""))
        self.tls_ca.setText(values.get("tls_ca", ""))
        self.test_to.setText(values.get("test_to", ""))

    def _remember(self) -> None:
        values = {"sender": self.sender.text(), "server": self.server.text(),
                  "security": self.security.currentText(), "user": self.user.text(),
                  "tls_ca": self.tls_ca.text(), "test_to": self.test_to.text()}  # fmt: skip
        self.window.prefs.set_send_settings(values)
        self.window.prefs.sync()

    def _settings(self) -> ServerSettings:
        """The server settings typed; raises ServerError with what is wrong."""
        security = self.security.currentText()
        host, port = parse_server(self.server.text().strip(), security)
        user = self.user.text().strip()
        password = self.password.text() or password_from("", user, host)
        return ServerSettings(host, port, security, user, password, cafile=self.tls_ca.text())

    # -- the message -----------------------------------------------------------------------
    def _prepare(self) -> None:
        self.mail = None
        self.headers.setText("Rendering the message…")
        if self.service.running():  # again once the job in hand (a render, a send) is done
            self._prepare_later.start()
            return
        doc = self.window.doc
        sender = "Press Office <press@example.com>"  # the From typed replaces it (no re-render)
        self.service.prepare(doc.model, doc.base_dir, sender, self.attach_pdf.isChecked())

    def _on_prepared(self, mail: ReleaseMail | None, error: str) -> None:
        if mail is not None and (mail.pdf is not None) != self.attach_pdf.isChecked():
            return  # made before Attach PDF changed: the message as the box says is coming
        self.mail = mail
        if mail is None:
            self.headers.setText(f"The message cannot be made: {error}")
            return
        self._sender_changed()

    def _sender_changed(self) -> None:
        if self.mail is None:
            return
        if not self.sender.text().strip():
            self._show_preview()
            return
        try:
            self.mail = dataclasses.replace(self.mail, sender=parse_sender(self.sender.text()))
        except ValueError as exc:
            self.headers.setText(str(exc))
            return
        self._show_preview()

    def _load_lists(self) -> None:
        try:
            with Library(self.window.library.path) as library:
                names = [m.name for m in all_lists(library)]
        except LibraryError as exc:
            self.left_out.setText(str(exc))
            names = []
        self.list_combo.addItems(names)
        if not names:
            self.left_out.setText("No media lists yet: Import List… reads a CSV or vCard file.")

    def _import_list(self) -> None:
        name = import_media_list(self, self.window.library.path)
        if name is None:
            return
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        self.list_combo.blockSignals(False)
        self._load_lists()
        self.list_combo.setCurrentText(name)
        self._choose_list(name)

    def _choose_list(self, name: str) -> None:
        with Library(self.window.library.path) as library:
            self.chosen = recipient_lists.from_list(library, name)
        skipped = self.chosen.skipped
        text = f"{counted(len(self.chosen.recipients), 'recipient')}"
        if skipped:
            text += f"; {len(skipped)} left out (see the tooltip)"
        self.left_out.setText(text)
        self.left_out.setToolTip("\n".join(str(s) for s in skipped))
        self.preview_as.clear()
        for r in self.chosen.recipients:
            self.preview_as.addItem(f"{r.name} <{r.email}>" if r.name else r.email)
        self.send_button.setText(f"&Send to {counted(len(self.chosen.recipients), 'recipient')}")

    def _recipient(self, index: int | None = None):
        if self.chosen is None or not self.chosen.recipients:
            return None
        index = self.preview_as.currentIndex() if index is None else index
        return self.chosen.recipients[max(index, 0)]

    def _show_preview(self) -> None:
        recipient = self._recipient()
        if self.mail is None or recipient is None:
            return
        message = build_message(self.mail, recipient, dt.datetime.now(dt.UTC).astimezone())
        html = message.get_body(("html",))
        text = message.get_body(("plain",))
        self.headers.setText(
            f"From: {message['From']}\nTo: {message['To']}\nSubject: {message['Subject']}"
        )
        self.preview_html.setHtml(html.get_content() if html is not None else "")
        self.preview_text.setPlainText(text.get_content() if text is not None else "")

    # -- test, send, pause, cancel ---------------------------------------------------------
    def _ready(self) -> ServerSettings | None:
        if self.mail is None or self._recipient() is None:
            QMessageBox.information(self, "Send", "Choose a list and wait for the message.")
            return None
        try:
            settings = self._settings()
        except Exception as exc:
            QMessageBox.warning(self, "Mail server", str(exc))
            return None
        self._remember()
        return settings

    def _send_test(self) -> None:
        settings = self._ready()
        if settings is None or self.mail is None:
            return
        self.test_button.setEnabled(False)
        self.status.setText(f"Sending a test to {self.test_to.text()}…")
        self.service.test(settings, self.mail, self._recipient(), self.test_to.text().strip())

    def _on_tested(self, reply: str, error: str) -> None:
        self.test_button.setEnabled(True)
        self.status.setText(f"Test sent ({reply})" if reply else f"Test not sent: {error}")

    def _send(self) -> None:
        settings = self._ready()
        if settings is None or self.mail is None or self.chosen is None:
            return
        approval = getattr(self.window, "approval", None)
        if approval is not None and not approval.confirm_export("release to journalists"):
            return  # the preference asks for a current approval before anything leaves
        count, name = len(self.chosen.recipients), self.list_combo.currentText()
        answer = QMessageBox.question(
            self,
            "Send",
            f"Send “{self.mail.subject}” to {counted(count, 'recipient')} of “{name}”, "
            "each their own message?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.progress.setRange(0, count)
        self.progress.setValue(0)
        self._sending(True)
        release = str(self.window.doc.path.resolve()) if self.window.doc.path else ""
        options = SendOptions(rate=float(self.rate.value()))
        self.service.send(settings, self.mail, self.chosen.recipients, source=name,
                          release=release, options=options)  # fmt: skip

    def _sending(self, active: bool) -> None:
        for widget in (self.send_button, self.test_button, self.list_combo, self.close_button):
            widget.setEnabled(not active)
        self.pause_button.setEnabled(active)
        self.cancel_button.setEnabled(active)
        if not active:
            self.pause_button.setChecked(False)

    def _pause(self, paused: bool) -> None:
        if paused:
            self.service.control.pause()
            self.pause_button.setText("&Resume")
            self.status.setText("Paused")
        else:
            self.service.control.resume()
            self.pause_button.setText("&Pause")

    def _cancel(self) -> None:
        self.service.control.cancel()
        self.status.setText("Cancelling after the message in hand…")

    def _on_progress(self, state: Progress) -> None:
        already = self.progress.maximum() - state.total
        self.progress.setValue(already + state.done)
        eta = f", about {int(state.eta or 0) // 60}:{int(state.eta or 0) % 60:02d} left"
        if not self.service.control.paused:
            self.status.setText(f"Sending… {state.sent} sent, {state.failed} failed{eta}")

    def _on_finished(self, outcome: Outcome | None, error: str) -> None:
        self._sending(False)
        self._refresh_history()
        if outcome is None:
            self.status.setText(f"Not sent: {error}")
            return
        self.progress.setValue(outcome.already_sent + len(outcome.sent) + len(outcome.failed))
        parts = [f"Sent {len(outcome.sent)}"]
        if outcome.already_sent:
            parts.append(f"{outcome.already_sent} had it before")
        parts += [f"{len(outcome.failed)} failed"] if outcome.failed else []
        unsure = len(outcome.uncertain) + len(outcome.in_flight_before)
        parts += [f"{unsure} may have been sent"] if unsure else []
        parts += [f"{len(outcome.deferred)} deferred"] if outcome.deferred else []
        self.status.setText(("Cancelled. " if outcome.cancelled else "") + ", ".join(parts))

    def _refresh_history(self) -> None:
        self.history.clear()
        path = self.window.doc.path
        if path is None:
            return
        try:
            runs = self.service.history(str(Path(path).resolve()))
        except LibraryError:
            return
        for run in runs:
            when = run.started.astimezone().strftime("%Y-%m-%d %H:%M") if run.started else ""
            sent, failed = run.counts.get("sent", 0), run.counts.get("failed", 0)
            rest = sum(run.counts.values()) - sent - failed
            QTreeWidgetItem(self.history, [when, run.source, str(sent), str(failed), str(rest)])
        for column in range(self.history.columnCount()):
            self.history.resizeColumnToContents(column)

    def closeEvent(self, event: Any) -> None:
        if self.service.running():
            event.ignore()  # cancel first: a send is not stopped by closing its window
            return
        super().closeEvent(event)


__all__ = ["SendDialog"]
