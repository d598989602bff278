"""What a release's rendered files depend on, as one digest: when it is unchanged, the page,
PDF and press kit written by an earlier build are still right and are not rendered again.

The digest covers the release file's bytes, the files it names (the logo, body images: by
size and modification time, not content, so a rebuild does not read every photo again), the
theme's files (a user theme can change between builds), the Presskit version, and the
version of the newsroom's own page frame.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path

from presskit import __version__
from presskit.bundled import resource_path
from presskit.model.release import Release
from presskit.render.themes import ThemeError, load_theme, shared_templates_folder

FRAME_VERSION = "1"
"""Raise when the frame around release pages changes, so every page is rendered again."""

_IMAGE_REFERENCES = (
    re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)"),  # Markdown images
    re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)"""),  # raw HTML images
)


def referenced_files(release: Release) -> list[str]:
    """The relative paths a release names: its logo and the images in its body and About."""
    paths = [release.organization.logo] if release.organization.logo else []
    for text in (release.body, release.boilerplate):
        for pattern in _IMAGE_REFERENCES:
            paths += pattern.findall(text)
    return [p for p in paths if "://" not in p and not p.startswith("data:")]


def _stat_line(path: Path) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path.name}:missing"
    return f"{info.st_size}:{info.st_mtime_ns}"


def _folder_lines(folder: Path) -> list[str]:
    lines = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        lines += [f"{name}={_stat_line(Path(root) / name)}" for name in sorted(files)]
    return lines


@cache
def frame_digest() -> str:
    """The state of the newsroom's own templates: a change there frames every page anew."""
    lines = [__version__, FRAME_VERSION, *_folder_lines(resource_path("newsroom"))]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@cache
def theme_digest(name: str) -> str:
    """The state of a theme's files (and the shared partials and fonts every theme uses)."""
    try:
        folders = [load_theme(name).folder, shared_templates_folder()]
    except ThemeError as exc:
        return f"broken:{exc}"
    lines = [_stat_line(resource_path("fonts", "fonts.css"))]
    for folder in folders:
        lines += _folder_lines(folder)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def content_fingerprint(data: bytes, release: Release, folder: Path, theme: str) -> str:
    """The digest of everything ``release``'s rendered files depend on (see the docstring)."""
    digest = hashlib.sha256()
    digest.update(f"presskit {__version__} frame {FRAME_VERSION} theme {theme}\n".encode())
    digest.update(theme_digest(theme).encode())
    digest.update(hashlib.sha256(data).digest())
    for relative in referenced_files(release):
        digest.update(f"\n{relative}={_stat_line(folder / relative)}".encode("utf-8", "replace"))
    return digest.hexdigest()
