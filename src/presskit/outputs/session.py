"""One release being rendered to one or more outputs.

A writer gets a :class:`RenderSession` and returns an :class:`Output`. The session renders the
PDF at most once however many outputs need it (the PDF itself, the press kit), and lets the
render worker hand in its warm renderer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from presskit.model.release import Release

if TYPE_CHECKING:
    from presskit.render.pdf import PdfRenderer, PdfResult
    from presskit.translation.versions import Version


@dataclass
class Output:
    """The bytes of one output file, and what the render had to leave out."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


class RenderSession:
    """A release, the folder its relative paths resolve in, and its PDF once rendered."""

    def __init__(
        self,
        release: Release,
        release_dir: Path | None,
        renderer: PdfRenderer | None = None,
        source_path: Path | None = None,
    ):
        self.release = release
        self.release_dir = release_dir
        self._renderer = renderer
        self._pdf: PdfResult | None = None
        self.source_path = source_path  # the release file: its language versions are found
        self._versions: list[Version] | None = None

    def versions(self) -> list[Version]:
        """The release's language versions, itself included (empty when it has none or
        the session has no file to look from)."""
        if self._versions is None:
            from presskit.translation.versions import language_versions  # noqa: PLC0415

            found = language_versions(self.source_path, self.release) if self.source_path else []
            self._versions = found
        return self._versions

    def alternates(self) -> list[dict[str, str]]:
        """``hreflang`` alternates for the web page: each version's page, named as an
        export writes it (the release file's name with ``.html``), relative to this one."""
        if self.source_path is None:
            return []
        here = self.source_path.resolve().parent
        return [
            {
                "lang": version.language,
                "href": Path(os.path.relpath(version.path.with_suffix(".html"), here)).as_posix(),
            }
            for version in self.versions()
        ]

    def pdf(self) -> PdfResult:
        """The release as PDF (rendered on first use). Raises ThemeError or ReleaseTooLarge."""
        if self._pdf is None:
            from presskit.render.pdf import render_pdf  # noqa: PLC0415 - loads WeasyPrint

            if self._renderer is not None:
                self._pdf = self._renderer.render(self.release, self.release_dir)
            else:
                self._pdf = render_pdf(self.release, self.release_dir)
        return self._pdf
