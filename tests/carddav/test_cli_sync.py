"""``presskit contacts sync`` and ``contacts conflicts`` against Radicale, as a person runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.cli import main
from tests.carddav.conftest import Dav
from tests.carddav.radicale_server import card


def _sync(dav: Dav, library: Path, *extra: str, url: str | None = None) -> int:
    args = ["contacts", "sync", "--carddav", url or dav.book, "--user", dav.user.name]
    return main([*args, "--password-env", "TEST_DAV_PASSWORD", "--library", str(library), *extra])


def test_cli_sync_both_ways_then_nothing(
    dav: Dav, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TEST_DAV_PASSWORD", dav.user.password)
    library = tmp_path / "library.sqlite"
    for number in range(3):
        dav.user.put(dav.book, f"c{number}.vcf", card(f"Reporter Nr{number}", f"c{number}"))
    vcf = tmp_path / "mine.vcf"
    vcf.write_text(card("Mary Wareham", "mary"), encoding="utf-8")
    assert main(["contacts", "import", str(vcf), "--library", str(library)]) == 0

    assert _sync(dav, library, url=dav.user.server.url) == 0  # the server's root: discovery
    output = capsys.readouterr().out
    assert "here 3 new, 0 changed, 0 deleted; there 1 new, 0 changed, 0 deleted" in output
    assert "Press contacts" in output
    assert len(dav.user.cards(dav.book)) == 4

    assert _sync(dav, library) == 0
    assert "here 0 new, 0 changed, 0 deleted; there 0 new, 0 changed, 0 deleted" in (
        capsys.readouterr().out
    )
    main(["contacts", "list", "--library", str(library)])
    assert capsys.readouterr().out.count("\n") == 4


def test_cli_wrong_password_is_one_line_and_status_2(
    dav: Dav, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TEST_DAV_PASSWORD", "not the password")
    dav.user.put(dav.book, "c.vcf", card("Reporter Nr1", "c1"))
    library = tmp_path / "library.sqlite"
    assert _sync(dav, library) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "refused the user name or password" in captured.err
    assert "Traceback" not in captured.err
    main(["contacts", "list", "--library", str(library)])
    assert capsys.readouterr().out == ""


def test_cli_without_a_password_says_which_variable(
    dav: Dav, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TEST_DAV_PASSWORD", raising=False)
    assert _sync(dav, tmp_path / "library.sqlite") == 2
    assert "set the environment variable TEST_DAV_PASSWORD" in capsys.readouterr().err


def test_cli_errors_people_meet_are_one_line_each(
    dav: Dav, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.carddav.radicale_server import free_port

    monkeypatch.setenv("TEST_DAV_PASSWORD", dav.user.password)
    library = tmp_path / "library.sqlite"
    cases = [
        (f"http://127.0.0.1:{free_port()}/", 1, "does not answer"),  # the server is down
        (dav.book + "nope/", 2, "no CardDAV address book found there"),  # a wrong address
        (dav.user.server.url.replace("http:", "https:"), 1, "secure connection failed"),
    ]
    for url, status, words in cases:
        assert _sync(dav, library, url=url) == status, url
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1 and "Traceback" not in err
