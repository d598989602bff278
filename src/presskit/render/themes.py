"""Themes: a folder holding ``theme.toml``, a Jinja2 template and stylesheets.

Bundled themes live in resources/themes/. Every theme's PDF also gets the bundled fonts
(resources/fonts/fonts.css), so the pages look the same on every machine.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from presskit.bundled import resource_path


class ThemeError(LookupError):
    """A theme that does not exist or cannot be used."""


@dataclass(frozen=True)
class Theme:
    """A theme's name, folder and the files its metadata names."""

    name: str
    folder: Path
    title: str
    description: str
    template: str
    stylesheets: tuple[Path, ...]

    @property
    def font_stylesheet(self) -> Path:
        return resource_path("fonts", "fonts.css")


def theme_folders() -> dict[str, Path]:
    """Every available theme by name."""
    root = resource_path("themes")
    return {
        folder.name: folder
        for folder in sorted(root.iterdir())
        if (folder / "theme.toml").is_file()
    }


@cache
def load_theme(name: str) -> Theme:
    """The theme called ``name``; raises ThemeError naming the themes that exist."""
    folder = theme_folders().get(name)
    if folder is None:
        known = ", ".join(theme_folders()) or "none"
        raise ThemeError(f"there is no theme called '{name}' (available: {known})")
    try:
        meta = tomllib.loads((folder / "theme.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ThemeError(f"theme '{name}' has a broken theme.toml: {exc}") from None
    template = str(meta.get("template", "template.html.j2"))
    stylesheets = tuple(folder / str(css) for css in meta.get("stylesheets", ["style.css"]))
    for path in (folder / template, *stylesheets):
        if not path.is_file():
            raise ThemeError(f"theme '{name}' is missing {path.name}")
    return Theme(
        name=name,
        folder=folder,
        title=str(meta.get("title", name.title())),
        description=str(meta.get("description", "")),
        template=template,
        stylesheets=stylesheets,
    )
