"""A test message to oneself: the message as the first recipient gets it, sent elsewhere.

The greeting, the subject and the body are exactly what that recipient would read; the To
address is the tester's own (so the journalist's address is in no message of the test), and
the subject says "[Test]". A test is not a send: the send log does not record it.
"""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address

from presskit.model.validation import is_email
from presskit.sending.message import ReleaseMail, build_message
from presskit.sending.recipients import Recipient
from presskit.sending.smtp import Reply, ServerError, ServerSettings, SmtpConnection


def test_message_bytes(mail: ReleaseMail, like: Recipient, to: str) -> bytes:
    """The bytes of the test message: ``like``'s message, addressed to ``to``."""
    if not is_email(to):
        raise ServerError(f"'{to}' is not a valid email address for the test")
    message = build_message(mail, like, dt.datetime.now(dt.UTC).astimezone())
    del message["To"]
    local, _, domain = to.rpartition("@")
    message["To"] = Address(username=local, domain=domain)
    subject = message["Subject"]
    del message["Subject"]
    message["Subject"] = f"[Test] {subject}"
    return message.as_bytes()


def send_test(settings: ServerSettings, mail: ReleaseMail, like: Recipient, to: str) -> Reply:
    """Send the test; ServerError (or the server's refusal) when it cannot go."""
    data = test_message_bytes(mail, like, to)
    connection = SmtpConnection(settings)
    connection.open()
    try:
        return connection.send(mail.sender.addr_spec, to, data)
    except Exception as exc:
        raise ServerError(f"the test was not sent: {exc}") from None
    finally:
        connection.close()
