"""Preferences: the one place that reads and writes the user's settings.

Stored as an INI file where the platform keeps configuration (platformdirs: on Linux
``$XDG_CONFIG_HOME/presskit/settings.ini``). Nothing is read at import time: a Preferences
object is made by the application when it starts, so tests can point XDG_CONFIG_HOME elsewhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QLocale, QSettings

from presskit.model.release import (
    DEFAULT_LANGUAGE,
    DEFAULT_THEME,
    Dateline,
    Organization,
    Release,
)

MAX_RECENT = 10
DEFAULT_AUTOSAVE_SECONDS = 30


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir("presskit", appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir("presskit", appauthor=False))


NEW_RELEASE_KEYS = ("language", "city", "organization", "website", "boilerplate")
"""What Preferences fill into every new release (File > New)."""


def system_language() -> str:
    """The computer's language and region as a release's tag (``en_GB`` -> ``en-GB``).

    Follows ``QLocale.setDefault`` when the application set one, else the system (LANG).
    The C and POSIX locales say nothing about the person: then ``en-US``.
    """
    name = QLocale().name()
    language = name.split("_")[0]
    if not language or language in ("C", "POSIX") or not language.isalpha():
        return DEFAULT_LANGUAGE
    return name.replace("_", "-")


@dataclass
class NewsroomSettings:
    """What File > Publish to Newsroom Folder was last asked to do."""

    sources: list[Path] = field(default_factory=list)
    site: Path | None = None
    base_url: str = ""
    title: str = ""
    theme: str = ""  # empty: each release's own


@dataclass
class ContactSyncSettings:
    """The team address book (Edit > Preferences > Accounts); the password is in the keyring."""

    url: str = ""
    user: str = ""
    book: str = ""  # which address book, when the account has several
    interval_minutes: int = 15  # automatic sync; 0: only on start and when asked

    @property
    def configured(self) -> bool:
        return bool(self.url.strip())


class Preferences:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None):
        self.path = path or config_dir() / "settings.ini"
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._settings.sync()

    # Window layout -------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        """Where the panels (Checks, Library, ...) were docked, and which were open."""
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter_state(self) -> QByteArray | None:
        value = self._settings.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    # Folders and files ----------------------------------------------------------------------
    def last_folder(self, purpose: str) -> Path:
        """The folder last used for ``purpose`` ("open", "export"), or the home folder."""
        value = self._settings.value(f"folders/{purpose}", "")
        path = Path(str(value)) if value else Path.home()
        return path if path.is_dir() else Path.home()

    def set_last_folder(self, purpose: str, folder: Path) -> None:
        self._settings.setValue(f"folders/{purpose}", str(folder))

    def recent_files(self) -> list[Path]:
        value = self._settings.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p]

    def add_recent_file(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != path]
        self._settings.setValue("files/recent", [str(p) for p in [path, *files][:MAX_RECENT]])

    def remove_recent_file(self, path: Path) -> None:
        files = [str(p) for p in self.recent_files() if p != path]
        self._settings.setValue("files/recent", files)

    def last_file(self) -> Path | None:
        files = self.recent_files()
        return files[0] if files else None

    # The newsroom -----------------------------------------------------------------------------
    def newsroom(self) -> NewsroomSettings:
        """The settings of the last File > Publish to Newsroom Folder (empty the first time)."""
        value = self._settings.value("newsroom/sources", [])
        sources = [value] if isinstance(value, str) else list(value or [])
        return NewsroomSettings(
            sources=[Path(p) for p in sources if p],
            site=Path(str(site)) if (site := self._settings.value("newsroom/site", "")) else None,
            base_url=str(self._settings.value("newsroom/base_url", "")),
            title=str(self._settings.value("newsroom/title", "")),
            theme=str(self._settings.value("newsroom/theme", "")),
        )

    def set_newsroom(self, settings: NewsroomSettings) -> None:
        self._settings.setValue("newsroom/sources", [str(p) for p in settings.sources])
        self._settings.setValue("newsroom/site", str(settings.site) if settings.site else "")
        self._settings.setValue("newsroom/base_url", settings.base_url)
        self._settings.setValue("newsroom/title", settings.title)
        self._settings.setValue("newsroom/theme", settings.theme)

    # Behaviour ------------------------------------------------------------------------------
    def default_theme(self) -> str:
        return str(self._settings.value("editor/default_theme", DEFAULT_THEME))

    def set_default_theme(self, name: str) -> None:
        self._settings.setValue("editor/default_theme", name)

    def new_release_defaults(self) -> dict[str, str]:
        """Language and region (the computer's unless set), city, organization name and
        website, and the About boilerplate, for new releases."""
        values = {
            key: str(self._settings.value(f"new_release/{key}", "") or "")
            for key in NEW_RELEASE_KEYS
        }
        values["language"] = values["language"].strip() or system_language()
        return values

    def set_new_release_defaults(self, values: dict[str, str]) -> None:
        for key in NEW_RELEASE_KEYS:
            if key in values:
                self._settings.setValue(f"new_release/{key}", values[key])

    def welcomed(self) -> bool:
        """Whether the first-run welcome was shown (it is shown once)."""
        return str(self._settings.value("editor/welcomed", "false")).lower() == "true"

    def set_welcomed(self) -> None:
        self._settings.setValue("editor/welcomed", "true")

    def new_release(self) -> Release:
        """A blank release as File > New makes it: dated today, with these defaults."""
        values = self.new_release_defaults()
        return Release(
            theme=self.default_theme(),
            language=values["language"],
            dateline=Dateline(city=values["city"], date=dt.date.today()),
            organization=Organization(name=values["organization"], website=values["website"]),
            boilerplate=values["boilerplate"],
        )

    def autosave_seconds(self) -> int:
        try:
            value = int(self._settings.value("editor/autosave_seconds", DEFAULT_AUTOSAVE_SECONDS))
        except (TypeError, ValueError):
            return DEFAULT_AUTOSAVE_SECONDS
        return max(5, value)

    def set_autosave_seconds(self, seconds: int) -> None:
        self._settings.setValue("editor/autosave_seconds", int(seconds))

    def require_approval(self) -> bool:
        """Whether export and sending ask first when the release has no current approval."""
        return str(self._settings.value("review/require_approval", "false")).lower() == "true"

    def set_require_approval(self, required: bool) -> None:
        self._settings.setValue("review/require_approval", "true" if required else "false")

    def approver(self) -> tuple[str, str]:
        """The name and role last used to approve a release (the Approve dialog's default)."""
        name = str(self._settings.value("review/approver_name", ""))
        return name, str(self._settings.value("review/approver_role", ""))

    def set_approver(self, name: str, role: str) -> None:
        self._settings.setValue("review/approver_name", name)
        self._settings.setValue("review/approver_role", role)

    def preview_zoom(self) -> str:
        return str(self._settings.value("preview/zoom", "readable"))

    def set_preview_zoom(self, zoom: str) -> None:
        self._settings.setValue("preview/zoom", zoom)

    # Sending ------------------------------------------------------------------------------
    SEND_KEYS = ("sender", "server", "security", "user", "tls_ca", "test_to")

    def send_settings(self) -> dict[str, str]:
        """The Send dialog's last server and sender (never a password: that is the keyring's
        or typed each time)."""
        return {key: str(self._settings.value(f"send/{key}", "")) for key in self.SEND_KEYS}

    def set_send_settings(self, values: dict[str, str]) -> None:
        for key in self.SEND_KEYS:
            self._settings.setValue(f"send/{key}", values.get(key, ""))

    # The team address book ----------------------------------------------------------------------
    def contact_sync(self) -> ContactSyncSettings:
        try:
            interval = int(self._settings.value("carddav/interval_minutes", 15))
        except (TypeError, ValueError):
            interval = 15
        return ContactSyncSettings(
            url=str(self._settings.value("carddav/url", "")),
            user=str(self._settings.value("carddav/user", "")),
            book=str(self._settings.value("carddav/book", "")),
            interval_minutes=max(0, interval),
        )

    def set_contact_sync(self, settings: ContactSyncSettings) -> None:
        self._settings.setValue("carddav/url", settings.url.strip())
        self._settings.setValue("carddav/user", settings.user.strip())
        self._settings.setValue("carddav/book", settings.book.strip())
        self._settings.setValue("carddav/interval_minutes", int(settings.interval_minutes))
