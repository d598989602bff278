"""Sign-off in the editor: File > Approve Release…, the approval in the status bar, and the
preference that makes export and sending ask when nobody approved the release as it is.

An approval is a field of the release (``approvals``): recording one is an undoable edit, and
the next save writes it into the file. The status bar shows "Approved by …" while the content
is what was approved, and "Changed since approval" once it is not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from presskit.model.approvals import approval_state, approver, new_approval, what_changed


class ApproveDialog(QDialog):
    """Who approves, in which role."""

    def __init__(self, name: str, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Approve Release")
        self.name = QLineEdit(name)
        self.name.setAccessibleName("Approved by")
        self.name.setPlaceholderText("Your name")
        self.role = QLineEdit(role)
        self.role.setAccessibleName("Role")
        self.role.setPlaceholderText("Director, Legal, …")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        form = QFormLayout(self)
        form.addRow("Approved &by", self.name)
        form.addRow("&Role", self.role)
        form.addRow(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))


class ApprovalFeature:
    """The Approve action, the status-bar button and the export question."""

    def __init__(self, window: Any):
        self.window = window
        self.action = QAction("&Approve Release…", window)
        self.action.triggered.connect(self.approve)
        window.menus["file"].insertAction(window.anchors["file.after_export"], self.action)
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setAccessibleName("Approval; click to approve the release")
        self.button.clicked.connect(self.approve)
        window.statusBar().addPermanentWidget(self.button)
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)  # fingerprinting on every keystroke is wasted work
        self._timer.timeout.connect(self.update_status)
        window.doc.changed.connect(self._timer.start)
        window.exports.gates.append(self.confirm_export)
        self.update_status()

    def approve(self) -> None:
        prefs = self.window.prefs
        dialog = ApproveDialog(*prefs.approver(), parent=self.window)
        if not dialog.exec():
            return
        name, role = dialog.name.text().strip(), dialog.role.text().strip()
        prefs.set_approver(name, role)
        doc = self.window.doc
        approvals = [*doc.model.approvals, new_approval(doc.model, name, role)]
        doc.set_fields(f"Approve as {name}", [(("approvals",), approvals)])
        self.update_status()
        self.window.status.show_message("Approved; save to record the approval in the file")

    def update_status(self) -> None:
        state = approval_state(self.window.doc.model)
        if state.current:
            names = ", ".join(approver(a) for a in state.current)
            self.button.setText(f"✓ Approved by {names}")
            self.button.setToolTip("The release is as it was approved")
        elif state.outdated:
            latest = state.outdated[-1]
            self.button.setText("⚠ Changed since approval")
            self.button.setToolTip(
                f"{approver(latest.approval)} approved an earlier text; "
                f"{what_changed(latest.changed)} changed since. Click to approve again."
            )
        else:
            self.button.setText("Not approved")
            self.button.setToolTip("Click to record an approval of the release as it is")

    def confirm_export(self, what: str) -> bool:
        """With the preference on, ask before anything leaves without a current approval."""
        if not self.window.prefs.require_approval():
            return True
        state = approval_state(self.window.doc.model)
        if state.approved:
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Not approved")
        if state.outdated:
            latest = state.outdated[-1]
            box.setText(
                f"{approver(latest.approval)} approved an earlier text; "
                f"{what_changed(latest.changed)} changed since."
            )
        else:
            box.setText("Nobody has approved this release.")
        box.setInformativeText(f"Your preferences ask for an approval. Export the {what} anyway?")
        go = box.addButton("Export Anyway", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go


def install(window: Any) -> None:
    """Add sign-off to ``window`` (a MainWindow)."""
    window.approval = ApprovalFeature(window)
