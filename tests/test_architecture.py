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
        "import sys, presskit.render.pdf, presskit.render.export, presskit.storage, "
        "presskit.model, presskit.cli; "
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
