"""Sending a release to journalists: one message per recipient, a crash-proof log, SMTP.

- :mod:`~presskit.sending.recipients`: who gets it, from a CSV/vCard file or a media list;
  invalid, duplicate and do-not-contact rows are left out and reported.
- :mod:`~presskit.sending.message`: the message one recipient gets (the email rendering of
  :mod:`presskit.render.email`, with a greeting, an opt-out line and List-Unsubscribe).
- :mod:`~presskit.sending.smtp`: the server connection (TLS verified, credentials never shown).
- :mod:`~presskit.sending.run`: the send loop over the library's send log: resumable, never
  twice, with retries, a rate limit, pause and cancel.
- :mod:`~presskit.sending.drafts`: one .eml per recipient instead of SMTP.

No Qt here: the editor's Send dialog runs :class:`~presskit.sending.run.Sender` in a worker.
"""
