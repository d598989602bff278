"""Themes: a folder holding ``theme.toml``, a Jinja2 template and stylesheets.

Bundled themes live in resources/themes/; a user adds one by dropping a folder into the user
themes folder (``user_themes_dir()``; on Linux ``~/.local/share/presskit/themes/``). A user
theme cannot take the name of a bundled one, so a release's look never changes behind its
back. Every theme's PDF also gets the bundled fonts (resources/fonts/fonts.css), so the
pages look the same on every machine. A theme reads files only from its own folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import platformdirs

from presskit.bundled import resource_path
from presskit.model.css_values import DEFAULT_ACCENT, normal_colour


class ThemeError(LookupError):
    """A theme that does not exist or cannot be used."""


def rtl_stylesheet() -> Path:
    """The rules that mirror every theme for right-to-left languages."""
    return resource_path("themes", "_shared", "rtl.css")


@dataclass(frozen=True)
class Theme:
    """A theme's name, folder and the files its metadata names."""

    name: str
    folder: Path
    title: str
    description: str
    template: str
    stylesheets: tuple[Path, ...]
    accent: str = DEFAULT_ACCENT
    web_stylesheets: tuple[Path, ...] = ()
    print_stylesheets: tuple[Path, ...] = ()

    @property
    def font_stylesheet(self) -> Path:
        return resource_path("fonts", "fonts.css")

    @property
    def pdf_stylesheets(self) -> tuple[Path, ...]:
        """Everything WeasyPrint reads, in order: fonts, the running-text carriers every
        theme shares, the theme's own stylesheets and its page rules."""
        shared = resource_path("themes", "_shared", "running.css")
        rtl = rtl_stylesheet()  # applies to right-to-left releases only (html[dir="rtl"])
        return (self.font_stylesheet, shared, *self.stylesheets, *self.print_stylesheets, rtl)


def user_themes_dir() -> Path:
    """Where a user drops theme folders of their own."""
    return Path(platformdirs.user_data_dir("presskit", appauthor=False)) / "themes"


def _folders_in(root: Path) -> dict[str, Path]:
    try:
        entries = sorted(root.iterdir())
    except OSError:  # no such folder yet, or unreadable: no themes from it
        return {}
    return {
        f.name: f
        for f in entries
        if not f.name.startswith(("_", ".")) and (f / "theme.toml").is_file()
    }


def theme_folders() -> dict[str, Path]:
    """Every available theme by name: the bundled ones, then the user's own."""
    bundled = _folders_in(resource_path("themes"))
    user = {name: f for name, f in _folders_in(user_themes_dir()).items() if name not in bundled}
    return {**bundled, **user}


def is_bundled(theme: Theme) -> bool:
    return theme.folder.resolve().is_relative_to(resource_path("themes").resolve())


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
    web_stylesheets = tuple(folder / str(css) for css in meta.get("web_stylesheets", []))
    print_stylesheets = tuple(folder / str(css) for css in meta.get("print_stylesheets", []))
    for path in (folder / template, *stylesheets, *web_stylesheets, *print_stylesheets):
        if not path.resolve().is_relative_to(folder.resolve()):
            raise ThemeError(f"theme '{name}' names a file outside its folder: {path}")
        if not path.is_file():
            raise ThemeError(f"theme '{name}' is missing {path.name}")
    accent = normal_colour(str(meta.get("accent", DEFAULT_ACCENT)))
    if accent is None:  # it goes into every page's CSS: only a colour may
        raise ThemeError(f"theme '{name}' has an accent that is not a colour like #1f3a5f")
    return Theme(
        name=name,
        folder=folder,
        title=str(meta.get("title", name.title())),
        description=str(meta.get("description", "")),
        template=template,
        stylesheets=stylesheets,
        accent=accent,
        web_stylesheets=web_stylesheets,
        print_stylesheets=print_stylesheets,
    )


@dataclass(frozen=True)
class CatalogueEntry:
    """A theme folder as the catalogue lists it: the theme, or why it cannot be used."""

    name: str
    theme: Theme | None
    problem: str = ""
    bundled: bool = False

    @property
    def title(self) -> str:
        return self.theme.title if self.theme is not None else self.name


def theme_catalogue() -> list[CatalogueEntry]:
    """Every theme folder, bundled first: the one list the CLI, the form and Preferences show.

    Never raises: a broken theme (a theme.toml with no template, say) is listed with its
    reason, so one bad folder in the user's themes cannot stop the editor from starting.
    """
    bundled_root = resource_path("themes").resolve()
    entries = []
    for name, folder in theme_folders().items():
        bundled = folder.resolve().is_relative_to(bundled_root)
        try:
            entries.append(CatalogueEntry(name, load_theme(name), bundled=bundled))
        except ThemeError as exc:
            entries.append(CatalogueEntry(name, None, str(exc), bundled=bundled))
    return entries


def usable_themes() -> list[Theme]:
    """The themes that can render: what a theme picker offers."""
    return [entry.theme for entry in theme_catalogue() if entry.theme is not None]


def shared_templates_folder() -> Path:
    """Partials every theme may include: the <head>, and blocks such as the contacts."""
    return resource_path("themes", "_shared")
