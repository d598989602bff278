"""The SMTP connection: TLS verified, credentials kept out of every message, replies classified.

One message is one transaction (MAIL, RCPT, DATA). Its outcome is one of:

- a :class:`Reply` with the server's 2xx answer to DATA: sent;
- :class:`Transient` (a 4xx reply, or a connection lost before DATA): not sent, try again;
- :class:`Permanent` (a 5xx reply): not sent, and sending again will not help;
- :class:`Uncertain` (the connection broke after the message's data went out, before the
  server answered): it may have arrived.

:class:`ServerError` means the server cannot be used at all (cannot connect, certificate not
valid, STARTTLS missing, login refused): its message says what to do.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import ssl
from dataclasses import dataclass, field

SECURITY = ("starttls", "ssl", "none")
KEYRING_SERVICE = "presskit-smtp"


class ServerError(Exception):
    """The server cannot be used; the message says why and what to do."""


class Transient(Exception):
    """Not sent this time (4xx or a dropped connection before DATA); worth trying again."""


class Permanent(Exception):
    """Refused for good (5xx)."""


class Uncertain(Exception):
    """The data went out but no answer came: the message may have been delivered."""


@dataclass(frozen=True)
class Reply:
    code: int
    text: str

    def __str__(self) -> str:
        return f"{self.code} {self.text}".strip()


@dataclass
class ServerSettings:
    """Where and how to connect. The password never appears in repr, logs or reports."""

    host: str
    port: int = 587
    security: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    cafile: str = ""  # trust this certificate (a self-signed internal server)
    verify: bool = True  # False only on an explicit option
    timeout: float = 60.0

    @property
    def label(self) -> str:
        return f"{self.host}:{self.port} ({self.security})"


def parse_server(text: str, security: str) -> tuple[str, int]:
    """``HOST:PORT`` or ``HOST`` (the port its security usually has)."""
    host, sep, port = text.rpartition(":")
    if not sep:
        host, port = text, ""
    if not host or (port and not port.isdigit()):
        raise ServerError(f"'{text}' is not HOST:PORT, such as smtp.example.org:587")
    default = {"starttls": 587, "ssl": 465, "none": 25}[security]
    return host, int(port) if port else default


def password_from(env_name: str, user: str, host: str) -> str:
    """The password in the environment variable named, else in the system keyring."""
    if env_name:
        value = os.environ.get(env_name)
        if value is None:
            raise ServerError(f"the environment variable {env_name} is not set")
        return value
    if not user:
        return ""
    try:
        import keyring  # noqa: PLC0415 - only when a password is needed
        from keyring.errors import KeyringError  # noqa: PLC0415
    except ImportError:  # pragma: no cover - keyring is a dependency
        raise ServerError("no password: use --password-env VAR") from None
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{user}@{host}")
    except KeyringError as exc:
        reason = f"the system keyring cannot be read ({exc}); use --password-env"
        raise ServerError(reason) from None
    if value is None:
        raise ServerError(
            f"no password for {user}@{host}: put it in an environment variable and name it with "
            f"--password-env VAR, or store it in the system keyring "
            f"(keyring set {KEYRING_SERVICE} {user}@{host})"
        )
    return value


def _tls_context(settings: ServerSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.cafile or None)
    if not settings.verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


class SmtpConnection:
    """One open connection to the server; reconnects are the caller's (see ``run``)."""

    def __init__(self, settings: ServerSettings):
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def open(self) -> None:
        """Connect, secure and log in; ServerError with what to do when it fails."""
        s = self.settings
        try:
            self._smtp = self._connect(s)
            if s.user:
                self._smtp.login(s.user, s.password)
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise ServerError(
                f"{s.host}: the server's certificate is not valid ({exc.verify_message}). If "
                f"this is your organization's own server with a self-signed certificate, "
                f"trust it with --tls-ca CERT.pem (or, at your own risk, --tls-no-verify)"
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise ServerError(
                f"{s.host}: the server refused the user name or password "
                f"({exc.smtp_code} {_text(exc.smtp_error)})"
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            self.close()
            raise ServerError(f"{s.host}: {exc}; try another --security") from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise ServerError(f"cannot connect to {s.label}: {_reason(exc)}") from None

    @staticmethod
    def _connect(s: ServerSettings) -> smtplib.SMTP:
        if s.security == "ssl":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=_tls_context(s))
        smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        smtp.ehlo()
        if s.security == "starttls":
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise smtplib.SMTPNotSupportedError("the server does not offer STARTTLS")
            smtp.starttls(context=_tls_context(s))
            smtp.ehlo()
        elif s.user:
            # Never send a password in clear text to a server on the network.
            smtp.close()
            raise smtplib.SMTPNotSupportedError(
                "will not send a password without TLS (--security none)"
            )
        return smtp

    @property
    def is_open(self) -> bool:
        return self._smtp is not None

    def close(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._smtp.quit()
            with contextlib.suppress(OSError):
                self._smtp.close()
            self._smtp = None

    def send(self, sender: str, recipient: str, data: bytes) -> Reply:
        """One transaction for one recipient; see the module docstring for the outcomes."""
        smtp = self._smtp
        if smtp is None:
            raise Transient("not connected")
        try:
            _check(smtp.mail(sender), smtp)
            _check(smtp.rcpt(recipient), smtp)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self._smtp = None
            raise Transient(f"connection lost: {_reason(exc)}") from None
        try:
            code, text = smtp.data(data)
        except smtplib.SMTPDataError as exc:  # DATA itself refused: nothing was sent
            _reset(smtp)
            raise (Permanent if exc.smtp_code >= 500 else Transient)(
                f"{exc.smtp_code} {_text(exc.smtp_error)}"
            ) from None
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self._smtp = None
            raise Uncertain(f"no answer after the message was sent: {_reason(exc)}") from None
        if 200 <= code < 300:
            return Reply(code, _text(text))
        _reset(smtp)
        raise (Permanent if code >= 500 else Transient)(f"{code} {_text(text)}")


def _check(reply: tuple[int, bytes], smtp: smtplib.SMTP) -> None:
    code, text = reply
    if code == -1:
        raise smtplib.SMTPServerDisconnected("the server closed the connection")
    if 200 <= code < 300:
        return
    _reset(smtp)
    raise (Permanent if code >= 500 else Transient)(f"{code} {_text(text)}")


def _reset(smtp: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):
        smtp.rset()


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.gaierror):
        return "no such host"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the server running, is the port right?)"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "no answer (timed out)"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
