"""Fixtures for the press kit: a fresh copy of the builder's kit for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.builder import build_kit


@pytest.fixture
def kit_path(tmp_path: Path) -> Path:
    return build_kit(tmp_path / "kit")
