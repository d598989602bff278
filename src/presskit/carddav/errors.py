"""What can go wrong talking to a CardDAV server, each as one sentence a person can act on.

Every failure of :mod:`presskit.carddav` is a :class:`CardDavError`; the command line prints
its message, the editor shows it in the status line. None of them leaves the library changed.
"""

from __future__ import annotations


class CardDavError(Exception):
    """A sync that could not be done; ``str(error)`` says why and what to do."""

    status_word = "sync failed"


class AuthenticationFailed(CardDavError):
    """The server refused the user name or password (HTTP 401)."""

    status_word = "wrong password"


class ServerUnreachable(CardDavError):
    """No answer: offline, the server is down, or the host name does not resolve."""

    status_word = "offline"


class TlsProblem(CardDavError):
    """The secure connection failed: an untrusted or expired certificate, or no TLS at all."""

    status_word = "certificate problem"


class NotCardDav(CardDavError):
    """The address answers, but it is not a CardDAV server or address book (a wrong URL)."""

    status_word = "wrong address"


class ServerError(CardDavError):
    """The server answered with an error it should not give, or with something unreadable."""


class MassDeleteRefused(CardDavError):
    """The sync would delete more than half of the contacts; it needs the user's consent."""

    status_word = "needs confirmation"

    def __init__(self, message: str, local: int, remote: int):
        super().__init__(message)
        self.local = local
        self.remote = remote
