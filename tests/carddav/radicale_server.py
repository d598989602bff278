"""A real Radicale CardDAV server for the tests: password authentication, a free port.

Radicale (GPL-3.0) is a test-only dependency: the tests start it as a separate process, as a
user's server; Presskit never imports it and the bundle never contains it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import urllib3

_users = itertools.count(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


CONFIG = """\
[server]
hosts = 127.0.0.1:{port}
max_resource_size = {max_resource_size}
delay_on_error = 0
{tls}
[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {storage}
[logging]
level = warning
"""


@dataclass
class Radicale:
    """A running server: its root URL, its users file and its storage folder."""

    url: str
    users: Path
    storage: Path
    process: subprocess.Popen[bytes]

    def add_user(self, password: str = "secret") -> DavUser:
        name = f"user{next(_users)}"
        with self.users.open("a", encoding="utf-8") as handle:
            handle.write(f"{name}:{password}\n")
        return DavUser(self, name, password)


@dataclass
class DavUser:
    """A user of the server, acting as another CardDAV client would (a colleague's phone)."""

    server: Radicale
    name: str
    password: str

    def _http(self, method: str, url: str, body: bytes | None = None, **headers: str) -> Any:
        auth = urllib3.make_headers(basic_auth=f"{self.name}:{self.password}")
        return urllib3.request(method, url, body=body, headers={**auth, **headers}, retries=False)

    def make_book(self, name: str = "contacts", display: str = "Press contacts") -> str:
        url = f"{self.server.url}{self.name}/{name}/"
        body = (
            '<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype>'
            f"<D:collection/><C:addressbook/></D:resourcetype><D:displayname>{display}"
            "</D:displayname></D:prop></D:set></D:mkcol>"
        ).encode()
        answer = self._http("MKCOL", url, body, **{"Content-Type": "application/xml"})
        assert answer.status == 201, (answer.status, answer.data)
        return url

    def put(self, book: str, name: str, text: str) -> str:
        answer = self._http("PUT", book + name, text.encode(), **{"Content-Type": "text/vcard"})
        assert answer.status in (201, 204), (answer.status, answer.data)
        return answer.headers.get("ETag", "")

    def seed(self, book: str, cards: dict[str, str]) -> None:
        """Put many cards straight into the server's storage, as if synced there earlier."""
        folder = self.folder(book)
        for name, text in cards.items():
            (folder / name).write_text(text, encoding="utf-8", newline="")

    def get(self, book: str, name: str) -> str | None:
        answer = self._http("GET", book + name)
        return answer.data.decode() if answer.status == 200 else None

    def delete(self, book: str, name: str) -> None:
        answer = self._http("DELETE", book + name)
        assert answer.status in (200, 204), answer.status

    def folder(self, book: str) -> Path:
        return (
            self.server.storage
            / "collection-root"
            / self.name
            / book.rstrip("/").rsplit("/", 1)[-1]
        )

    def cards(self, book: str) -> dict[str, str]:
        """Every card in the book as the server stores it: file name -> text."""
        folder = self.folder(book)
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.vcf"))}


def card(name: str, uid: str | None = None, extra: str = "", email: str | None = None) -> str:
    """A vCard 3.0 as another address book would write it."""
    uid = uid or str(uuid.uuid4())
    family = name.rsplit(" ", 1)[-1]
    mail = email if email is not None else f"{family.lower()}@example.org"
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:{uid}",
        f"FN:{name}",
        f"N:{family};{name.rsplit(' ', 1)[0]};;;",
        f"EMAIL;TYPE=INTERNET:{mail}",
        *([extra] if extra else []),
        "END:VCARD",
    ]
    return "\r\n".join(lines) + "\r\n"


@contextlib.contextmanager
def running_radicale(
    folder: Path, max_resource_size: int = 10_000_000, tls: tuple[Path, Path] | None = None
) -> Iterator[Radicale]:
    """Start Radicale on a free port (https with ``tls``: certificate, key); stop it on exit."""
    port = free_port()
    tls_lines = f"ssl = True\ncertificate = {tls[0]}\nkey = {tls[1]}" if tls else ""
    users = folder / "users"
    users.write_text("", encoding="utf-8")
    config = folder / "config"
    config.write_text(
        CONFIG.format(
            port=port,
            users=users,
            storage=folder / "storage",
            max_resource_size=max_resource_size,
            tls=tls_lines,
        ),
        encoding="utf-8",
    )
    log = (folder / "radicale.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    try:
        _wait_for(port, process)
        scheme = "https" if tls else "http"
        yield Radicale(f"{scheme}://127.0.0.1:{port}/", users, folder / "storage", process)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no system trusts, and its key (openssl)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"]
    subprocess.run(
        [*command, "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Radicale stopped at start (status {process.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError("Radicale did not start within 30 s")
