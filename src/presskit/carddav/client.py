"""HTTP for CardDAV through urllib3: Basic authentication, redirects, and errors as sentences.

    client = DavClient(Account("https://dav.example.org/", "jana", password))
    answer = client.request("PROPFIND", url, body, depth="0")

Every network or HTTP failure becomes a :class:`~presskit.carddav.errors.CardDavError` naming
the server: a refused connection or a name that does not resolve is "offline", a certificate
problem is a TLS problem, 401 is a wrong user name or password. Redirects (``/.well-known/
carddav`` answers with one) are followed by hand, keeping the method, and never carry the
password to another server.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    HTTPError,
    LocationParseError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as UrllibTimeout

from presskit import __version__
from presskit.carddav.errors import (
    AuthenticationFailed,
    CardDavError,
    NotCardDav,
    ServerError,
    ServerUnreachable,
    TlsProblem,
)
from presskit.model.urls import split_url, web_address

USER_AGENT = f"Presskit/{__version__} (CardDAV)"
MAX_REDIRECTS = 5
TIMEOUT = urllib3.Timeout(connect=10.0, read=120.0)


@dataclass(frozen=True)
class Account:
    """Where the team's address book is and who signs in: the URL a person pastes."""

    url: str
    username: str = ""
    password: str = ""
    ca_file: str | None = None  # a certificate authority to trust besides the system's

    def __repr__(self) -> str:  # never show the password in a log or a traceback
        return f"Account(url={self.url!r}, username={self.username!r})"


@dataclass
class Answer:
    """A server's answer: final URL (after redirects), status, headers and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


def check_url(url: str) -> str:
    """``url`` as an http(s) address with a host (``https://`` put before a bare host name
    such as ``dav.example.org``, as people paste it); raises NotCardDav otherwise, never the
    ValueError of an unparsable address (model/urls, the one URL parser)."""
    text = web_address(url)
    parts = split_url(text)
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotCardDav(f"{url!r} is not a server address; it should start with https://")
    return text


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


class DavClient:
    """A connection pool to one CardDAV server, signed in as ``account``."""

    def __init__(self, account: Account):
        self.account = account
        self.base = check_url(account.url)
        context = ssl.create_default_context(cafile=account.ca_file)
        self._pool = urllib3.PoolManager(
            num_pools=4, maxsize=4, retries=False, timeout=TIMEOUT, ssl_context=context
        )
        self._origin = _origin(self.base)

    def close(self) -> None:
        self._pool.clear()

    def url(self, href: str, base: str | None = None) -> str:
        return urljoin(base or self.base, href)

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        *,
        depth: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """Send one request, following redirects; raises CardDavError for 401 and the network."""
        sent = {"User-Agent": USER_AGENT, **(headers or {})}
        if body is not None and "Content-Type" not in sent:
            sent["Content-Type"] = "application/xml; charset=utf-8"
        if depth is not None:
            sent["Depth"] = depth
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._send(method, url, body, sent)
            location = answer.header("location")
            if answer.status not in (301, 302, 307, 308) or not location:
                break
            url = urljoin(url, location)
        else:
            raise NotCardDav(f"{self.base}: the server redirects in a circle")
        if answer.status == 401:
            who = f" for {self.account.username}" if self.account.username else ""
            raise AuthenticationFailed(
                f"{self._host()}: the server refused the user name or password{who}; "
                "check them and try again"
            )
        return answer

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Answer:
        headers = dict(headers)
        if _origin(url) == self._origin and (self.account.username or self.account.password):
            headers.update(
                urllib3.make_headers(basic_auth=f"{self.account.username}:{self.account.password}")
            )
        try:
            response = self._pool.request(
                method, url, body=body, headers=headers, redirect=False, preload_content=True
            )
        except CardDavError:
            raise
        except (HTTPError, OSError, ValueError) as exc:
            raise self._network_error(exc) from None
        return Answer(
            url,
            response.status,
            {k.lower(): v for k, v in response.headers.items()},
            response.data or b"",
        )

    def _host(self) -> str:
        parts = urlsplit(self.base)
        return parts.netloc or self.base

    def _network_error(self, exc: Exception) -> CardDavError:
        host = self._host()
        if isinstance(exc, SSLError) or isinstance(getattr(exc, "__context__", None), ssl.SSLError):
            reason = _tls_reason(exc)
            return TlsProblem(f"{host}: the secure connection failed ({reason})")
        if isinstance(exc, NameResolutionError):
            return ServerUnreachable(
                f"{host}: the server name cannot be found; check the address, or you may be offline"
            )
        if isinstance(exc, NewConnectionError):
            return ServerUnreachable(
                f"{host}: the server does not answer (it may be down, or you are offline)"
            )
        if isinstance(exc, UrllibTimeout):
            return ServerUnreachable(f"{host}: the server took too long to answer")
        if isinstance(exc, ProtocolError):
            return ServerUnreachable(f"{host}: the connection broke off ({_first_line(exc)})")
        if isinstance(exc, LocationParseError | ValueError):
            return NotCardDav(f"{self.base!r} is not a server address")
        return ServerError(f"{host}: {_first_line(exc)}")


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def _tls_reason(exc: Exception) -> str:
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        detail = text.split("certificate verify failed:", 1)[-1].split(")", maxsplit=1)[0].strip()
        return f"its certificate is not trusted: {detail or 'unknown issuer'}"
    if "WRONG_VERSION_NUMBER" in text or "wrong version number" in text:
        return "the server does not speak https at this address; try http:// or another port"
    if "hostname" in text.lower() and "match" in text.lower():
        return "its certificate is for another server name"
    return _first_line(exc)


def expect(answer: Answer, *statuses: int, what: str) -> Answer:
    """``answer`` when its status is one of ``statuses``; otherwise a clear error."""
    if answer.status in statuses:
        return answer
    if answer.status == 404:
        raise NotCardDav(f"{answer.url}: not found (404); check the address")
    if answer.status == 403:
        raise ServerError(f"{answer.url}: the server does not allow {what} (403 Forbidden)")
    if answer.status >= 500:
        raise ServerError(f"{answer.url}: the server failed on {what} ({answer.status})")
    raise ServerError(f"{answer.url}: unexpected answer to {what} ({answer.status})")
