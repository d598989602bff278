"""Spelling for the editor: one speller for the release's language, loaded off the GUI thread.

Loading a dictionary takes about a third of a second, so it happens on a background thread;
until it is ready nothing is marked. Words the user adds are kept by a word store (the
contact library), so they are known in every release. The release's own names (contacts,
organization, city, handles) are never marked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from presskit.app.document import DocumentController
from presskit.checks.spelling import Span, Speller, names_to_ignore


class WordStore(Protocol):
    """Where added words live between sessions."""

    def words(self) -> Iterable[str]: ...

    def add(self, word: str) -> None: ...


class MemoryWordStore:
    """Keeps added words for this session only (used when no library is open)."""

    def __init__(self) -> None:
        self._words: set[str] = set()

    def words(self) -> Iterable[str]:
        return set(self._words)

    def add(self, word: str) -> None:
        self._words.add(word)


class SpellService(QObject):
    """Misspelt words and suggestions for the open release's language."""

    changed = Signal()  # the dictionary became ready, or the known words changed: re-mark
    _loaded = Signal(str)

    def __init__(self, doc: DocumentController, store: WordStore | None = None):
        super().__init__(doc)
        self._doc = doc
        self._store = store or MemoryWordStore()
        self._spellers: dict[str, Speller] = {}
        self._ready: set[str] = set()
        self._ignore: frozenset[str] = frozenset()
        # Loading a dictionary holds the interpreter lock for a good part of its ~0.3 s:
        # at start-up that would slow the window's first paint, so it waits for start().
        self._started = False
        self._loaded.connect(self._on_loaded)
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.setInterval(500)
        self._names_timer.timeout.connect(self._refresh_names)
        doc.changed.connect(self._names_timer.start)
        doc.documentReplaced.connect(self._refresh_names)
        self._refresh_names()

    @property
    def language(self) -> str:
        return self._doc.model.language

    @property
    def ready(self) -> bool:
        return self.language in self._ready

    def start(self) -> None:
        """Begin loading the dictionary (the window calls this once it has painted)."""
        if not self._started:
            self._started = True
            self.speller()

    def speller(self) -> Speller:
        """The speller for the release's language; starts loading it if it is new."""
        language = self.language
        speller = self._spellers.get(language)
        if speller is None and not self._started:
            return Speller(language, extra_words=())  # not loaded: checks nothing yet
        if speller is None:
            speller = Speller(language, extra_words=self._store.words())
            self._spellers[language] = speller
            threading.Thread(
                target=self._load, args=(speller, language), name="presskit-spelling", daemon=True
            ).start()
        return speller

    def misspelled(self, text: str) -> list[Span]:
        """Misspelt words of ``text`` (nothing until the dictionary is ready)."""
        if not self.ready:
            if self._started:
                self.speller()  # a new language: start loading it
            return []
        return self.speller().misspelled(text, self._ignore)

    def suggestions(self, word: str) -> list[str]:
        return self.speller().suggestions(word) if self.ready else []

    def is_misspelled(self, word: str) -> bool:
        return bool(self.misspelled(word))

    def add_word(self, word: str) -> None:
        """Know ``word`` from now on, in every language and every release."""
        self._store.add(word)
        for speller in self._spellers.values():
            speller.add_word(word)
        self.changed.emit()

    def _load(self, speller: Speller, language: str) -> None:
        speller.load()  # on the background thread
        self._loaded.emit(language)  # queued back to the GUI thread

    def _on_loaded(self, language: str) -> None:
        self._ready.add(language)
        if language == self.language:
            self.changed.emit()

    def _refresh_names(self) -> None:
        names = frozenset(names_to_ignore(self._doc.model))
        if names != self._ignore:
            self._ignore = names
            self.changed.emit()
        if self._started:
            self.speller()  # the language may have changed
