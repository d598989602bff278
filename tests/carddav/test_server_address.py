"""The server address a person pastes into Accounts or `contacts sync --carddav`."""

from __future__ import annotations

import pytest

from presskit.carddav.client import check_url
from presskit.carddav.errors import NotCardDav


def test_a_bare_host_name_gets_https() -> None:
    assert check_url(" dav.example.org/remote.php/dav ") == "https://dav.example.org/remote.php/dav"
    assert check_url("http://127.0.0.1:5232/") == "http://127.0.0.1:5232/"


@pytest.mark.parametrize(
    "pasted", ["http://[broken/x", "https://dav.example.org:99999/", "mailto:x@y.z", ""]
)
def test_an_address_that_cannot_be_one_is_a_clear_refusal_not_a_crash(pasted: str) -> None:
    with pytest.raises(NotCardDav, match="is not a server address"):
        check_url(pasted)
