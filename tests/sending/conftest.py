"""Fixtures of the sending tests: a release, recipient CSVs, and reading what a server got."""

from __future__ import annotations

import re
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import REPO

RELEASE = REPO / "resources" / "examples" / "ban-landmines" / "release.md"
EMBARGOED_DE = REPO / "resources" / "examples" / "embargoed-de" / "release.md"
SENDER = "Press Office <press@hrw.example>"
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def recipients_csv(path: Path, count: int, *, invalid_at: int = 0, duplicate_of: int = 0) -> Path:
    """``count`` journalists; row ``invalid_at`` (1-based) has a broken address, and one
    more row repeats row ``duplicate_of``'s address in capitals. Returns ``path``."""
    rows = ["First Name,Last Name,Email,Outlet,Beats"]
    for i in range(1, count + 1):
        email = "broken.address@" if i == invalid_at else f"j{i:04d}@outlet{i % 7}.example"
        rows.append(f"Name{i},Family{i},{email},Outlet {i % 7},news")
    if duplicate_of:
        rows.append(f"Again,Twice,J{duplicate_of:04d}@OUTLET{duplicate_of % 7}.EXAMPLE,,")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def valid_addresses(count: int, invalid_at: int = 0) -> set[str]:
    return {f"j{i:04d}@outlet{i % 7}.example" for i in range(1, count + 1) if i != invalid_at}


def addresses_in(message: EmailMessage) -> set[str]:
    """Every address a person could read anywhere in the message: headers and decoded parts."""
    text = "\n".join(f"{k}: {v}" for k, v in message.items())
    for part in message.walk():
        if part.get_content_maintype() == "text":
            text += "\n" + part.get_content()
            text += "\n".join(f"{k}: {v}" for k, v in part.items())
    return {a.lower() for a in ADDRESS.findall(text)}


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"
