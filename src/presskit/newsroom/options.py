"""What a newsroom build is asked to do, and the checks on it before anything is written.

options = SiteOptions(sources=[Path("releases")], site_dir=Path("site"),
                      base_url=normalized_base_url("https://example.org/news"),
                      now=parse_now("2099-01-02T00:00:00Z"))
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.urls import split_url

DEFAULT_TITLE = "Newsroom"


class OptionsError(ValueError):
    """Options a build cannot run with: one sentence saying what to change."""


@dataclass
class SiteOptions:
    """The source folders, the site folder and the settings of one build."""

    sources: list[Path]
    site_dir: Path
    base_url: str = ""  # absolute, ends with "/"; empty: no feeds or sitemap (they need it)
    now: dt.datetime | None = None  # None: the current time
    theme: str = ""  # empty: each release's own theme
    title: str = ""  # empty: "<the organization> Newsroom", or "Newsroom"
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)

    def moment(self) -> dt.datetime:
        """The time the embargoes are compared with (aware)."""
        return self.now if self.now is not None else dt.datetime.now(dt.UTC)


def normalized_base_url(text: str) -> str:
    """``https://example.org/news/`` for ``https://example.org/news``; raises OptionsError."""
    text = text.strip()
    if not text:
        return ""
    parts = split_url(text)
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise OptionsError(
            f"--base-url '{text}' is not a web address; write it like https://example.org/news/"
        )
    if parts.query or parts.fragment:
        raise OptionsError(f"--base-url '{text}' must not have a query (?) or fragment (#)")
    return text if text.endswith("/") else text + "/"


def parse_now(text: str) -> dt.datetime:
    """An ISO 8601 moment with a UTC offset (``2099-01-02T00:00:00Z``); raises OptionsError."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise OptionsError(
            f"--now '{text}' is not an ISO 8601 date and time such as 2099-01-02T00:00:00Z"
        ) from None
    if moment.utcoffset() is None:
        raise OptionsError(
            f"--now '{text}' has no UTC offset; embargoes are compared in real time, so write "
            "it like 2099-01-02T00:00:00Z or 2099-01-02T09:00:00-05:00"
        )
    return moment


def check_folders(options: SiteOptions) -> None:
    """Source folders exist; the site folder is not one of them. Raises OptionsError."""
    if not options.sources:
        raise OptionsError("name at least one folder of releases")
    site = options.site_dir.resolve()
    for source in options.sources:
        if not source.is_dir():
            what = "no such folder" if not source.exists() else "not a folder"
            raise OptionsError(f"{source}: {what}")
        if source.resolve() == site:
            raise OptionsError(
                f"{source}: the site folder must not be a folder of releases; "
                "use a folder of its own, such as a 'site' folder beside the releases"
            )
    if site.exists() and not site.is_dir():
        raise OptionsError(f"{options.site_dir}: exists and is not a folder")
    if options.jobs < 1:
        raise OptionsError("--jobs must be at least 1")
