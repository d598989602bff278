"""One rendering path for every output: release -> HTML -> PDF bytes, and release -> text.

No Qt here. The editor's preview and every export call these same functions.
"""

from presskit.render.html import RenderedHtml, render_html
from presskit.render.text import render_text
from presskit.render.themes import Theme, ThemeError, load_theme, theme_folders

__all__ = [
    "RenderedHtml",
    "Theme",
    "ThemeError",
    "load_theme",
    "render_html",
    "render_text",
    "theme_folders",
]
