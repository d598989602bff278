"""Theme templates run in Jinja2's immutable sandbox and read only their theme's folder.

A user theme is a folder someone downloaded and dropped into the themes folder. Its template
is code: in a plain Jinja2 environment ``{{ ''.__class__.__mro__[1].__subclasses__() }}``
reaches ``os`` and runs shell commands, and a template named by a symbolic link reads any
file. So every theme, bundled or not, renders in :class:`ImmutableSandboxedEnvironment` (no
private attributes, no changing the data it is given; ``range`` is capped by Jinja2, ``*``
and ``**`` here), and its loader reads templates only
from the theme's own folder (and the shared partials Presskit bundles): no absolute names,
no ``..``, no link leading out, nothing but regular files. Whatever a template does wrong
comes back as a :class:`~presskit.render.themes.ThemeError` naming the theme.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from presskit.bundled import resource_path
from presskit.render.themes import Theme, ThemeError, shared_templates_folder


class FolderLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader for one folder that reads nothing outside it, even through links."""

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.root = Path(os.path.realpath(folder))

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..'; a leading '/' is dropped
        path = Path(os.path.realpath(self.root.joinpath(*pieces)))
        if not path.is_relative_to(self.root):
            raise jinja2.TemplateNotFound(
                template, f"'{template}' leads outside the theme's folder"
            )
        try:
            mode = path.stat().st_mode
        except OSError:
            raise jinja2.TemplateNotFound(template) from None
        if not stat.S_ISREG(mode):  # a FIFO or a device would hang or flood the render
            raise jinja2.TemplateNotFound(template, f"'{template}' is not a regular file")
        return super().get_source(environment, template)


MAX_REPEAT = 100_000
"""The longest text or list ``*`` may make in a template (``'x' * 10**10`` would take 10 GB)."""


class ThemeSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with ``*`` and ``**`` kept to sizes a page can use."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise jinja2.exceptions.SecurityError(f"the power {right} is too large")
        if operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            repeated = isinstance(sized, str | bytes | list | tuple) and isinstance(count, int)
            if repeated and len(sized) * count > MAX_REPEAT:
                raise jinja2.exceptions.SecurityError(
                    f"repeating a value {count:,} times makes it too long"
                )
        return super().call_binop(context, operator, left, right)


def theme_environment(folder: Path, filters: dict[str, Callable[..., Any]]) -> jinja2.Environment:
    """The sandboxed environment a theme's templates render in."""
    env = ThemeSandbox(
        loader=jinja2.ChoiceLoader([FolderLoader(folder), FolderLoader(shared_templates_folder())]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters)
    return env


def render_theme_template(env: jinja2.Environment, theme: Theme, context: dict[str, Any]) -> str:
    """Render ``theme``'s template with ``context``. Raises ThemeError saying what went wrong."""
    try:
        return env.get_template(theme.template).render(context)
    except jinja2.exceptions.SecurityError as exc:
        raise ThemeError(
            f"theme '{theme.name}' cannot be used: its template tried something a theme may "
            f"not do ({exc})"
        ) from None
    except jinja2.TemplateNotFound as exc:
        why = exc.message or f"'{exc.name}' is not in the theme's folder"
        raise ThemeError(f"theme '{theme.name}' cannot be used: {why}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ThemeError(
            f"theme '{theme.name}' cannot be used: {exc.filename or exc.name}:{exc.lineno}: "
            f"{exc.message}"
        ) from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, RecursionError) as exc:
        raise ThemeError(
            f"theme '{theme.name}' cannot be used: its template failed "
            f"({type(exc).__name__}: {exc})"
        ) from None


def bundled_environment(folder: str) -> jinja2.Environment:
    """Sandboxed, autoescaping Jinja2 for Presskit's own templates in ``resources/<folder>``
    (the newsroom's pages, the press kit's page): undefined names are errors."""
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(resource_path(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
