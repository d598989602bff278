"""The one way to find bundled resources (themes, fonts, examples, icons).

Resources live in the top-level ``resources/`` folder of the repository and ship inside the
wheel as the package ``presskit.resources``. Everything that needs one goes through here, so
nothing hard-codes a path and an installed app, an editable checkout and a frozen bundle all
behave the same.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def resources_root() -> Path:
    """The folder holding the bundled resources, as a real filesystem path.

    WeasyPrint and Qt want real files, so zipped installs are not supported; every install
    mode we ship (wheel, editable, PyInstaller folder) puts the files on disk.
    """
    root = resources.files("presskit.resources")
    path = Path(str(root))
    if not path.is_dir():  # pragma: no cover - only in a zip import
        raise RuntimeError(f"Presskit resources are not on disk: {root}")
    return path.resolve()


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource_path("themes", "classic", "style.css")``."""
    return resources_root().joinpath(*parts)


def example_release_path() -> Path:
    """The bundled example release (the seed press release)."""
    return resource_path("examples", "ban-landmines", "release.md")
