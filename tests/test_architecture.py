"""The layering rules of DESIGN.md, enforced: imports flow down, no Qt below the app layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint_imports), str(REPO / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_rendering_and_storage_load_no_qt() -> None:
    code = (
        "import sys, presskit.render.pdf, presskit.outputs.export, presskit.storage, "
        "presskit.model, presskit.cli, presskit.carddav, presskit.cli.contacts_sync; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_every_module_has_a_docstring() -> None:
    import ast

    missing = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "src" / "presskit").rglob("*.py"))
        if path.stat().st_size and ast.get_docstring(ast.parse(path.read_text())) is None
    ]
    assert missing == []


def test_every_package_ships_and_is_layered() -> None:
    """A new package must be listed in pyproject.toml twice: in the wheel's packages (or it
    is missing from an installed Presskit) and in the layers contract (or nothing checks
    what it imports)."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set(config["tool"]["setuptools"]["packages"])
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")[
        "layers"
    ]
    layered = {name.strip() for layer in layers for name in layer.split("|")}
    packages = {
        "presskit." + ".".join(init.parent.relative_to(REPO / "src" / "presskit").parts)
        for init in (REPO / "src" / "presskit").rglob("__init__.py")
    } - {"presskit."}
    assert packages - shipped == set()
    top_level = {name for name in packages if name.count(".") == 1}
    assert top_level - layered == set()
