"""Compares a reviewed Word document with the open release, off the GUI thread.

Reading the document and aligning every paragraph takes a few hundred milliseconds for a
real release: too long for the GUI thread. The work runs in Qt's thread pool on a copy of
the release; the result (or the reason it failed) comes back as a signal.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from presskit.model.release import Release
from presskit.review.review import ReviewFileError, ReviewResult, read_review


class ReviewService(QObject):
    """Runs :func:`presskit.review.review.read_review` in the background."""

    finished = Signal(object, object)  # the document's Path, a ReviewResult
    failed = Signal(object, str)  # the document's Path, why

    def compare(self, path: Path, release: Release) -> None:
        """Start comparing ``path`` with ``release``; answers with finished or failed."""
        QThreadPool.globalInstance().start(_Job(self, path, copy.deepcopy(release)))


class _Job(QRunnable):
    def __init__(self, service: ReviewService, path: Path, release: Release):
        super().__init__()
        self._service, self._path, self._release = service, path, release

    def run(self) -> None:
        try:
            result: ReviewResult = read_review(self._path.read_bytes(), self._release)
        except ReviewFileError as exc:
            self._service.failed.emit(self._path, str(exc))
        except OSError as exc:
            self._service.failed.emit(self._path, f"it cannot be read: {exc.strerror or exc}")
        except Exception as exc:  # a document this cannot handle must not take the editor down
            self._service.failed.emit(self._path, f"it could not be compared: {exc}")
        else:
            self._service.finished.emit(self._path, result)
