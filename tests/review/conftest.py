"""Fixtures for the review tests: the seed release in a folder, LibreOffice headless."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def seed_release(tmp_path: Path, example_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seed release (the bundled example); history goes to tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "work"
    shutil.copytree(example_path.parent, folder)
    return folder / "release.md"


class LibreOffice:
    """soffice --headless with a profile of its own, so test processes never share one."""

    def __init__(self, profile: Path):
        self.command = shutil.which("soffice") or shutil.which("libreoffice")
        self.profile = profile

    def convert(self, source: Path, target_format: str, out_dir: Path) -> Path:
        """Convert ``source`` (``pdf``, ``docx``, ...) into ``out_dir``; the new file's path."""
        assert self.command, "LibreOffice is missing: scripts/dev setup installs it"
        out_dir.mkdir(parents=True, exist_ok=True)
        completed = subprocess.run(
            [self.command, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
             "--norestore", "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        extension = target_format.partition(":")[0]
        result = out_dir / f"{source.stem}.{extension}"
        assert result.is_file(), f"LibreOffice did not convert {source}: {completed.stderr}"
        return result


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    """One LibreOffice profile per test process (xdist workers each get their own)."""
    return LibreOffice(tmp_path_factory.mktemp("libreoffice-profile"))
