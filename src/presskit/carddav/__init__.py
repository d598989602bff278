"""Share the contact library with a team through a CardDAV address book (RFC 6352).

    from presskit.carddav import Account, sync_library
    account = Account("https://dav.example.org/", "jana", password)
    report = sync_library(library, account)        # discovery, then a two-way sync
    print(report.summary())

Modules, from the wire up: :mod:`~presskit.carddav.errors` (every failure a person can meet,
as one clear message), :mod:`~presskit.carddav.davxml` (WebDAV XML, parsed without entities or
network), :mod:`~presskit.carddav.client` (HTTP through urllib3), :mod:`~presskit.carddav.discovery`
(``/.well-known/carddav``, the principal, the address-book home, the address books),
:mod:`~presskit.carddav.cards` (server cards to contacts and back, keeping what Presskit does
not use) and :mod:`~presskit.carddav.sync` (the two-way sync). The sync state lives in the
library (:mod:`presskit.library.carddav_state`). No Qt here.
"""

from presskit.carddav.client import Account
from presskit.carddav.errors import CardDavError
from presskit.carddav.sync import SyncReport, sync_library

__all__ = ["Account", "CardDavError", "SyncReport", "sync_library"]
