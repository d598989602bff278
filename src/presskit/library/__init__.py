"""The press-contact library: contacts, boilerplates and organization profiles in SQLite, and
the address-book formats people bring them in (vCard, CSV).

    from presskit.library.database import Library
    with Library.open(path) as library: ...

No Qt here: the editor reaches the library through :mod:`presskit.app.library_service`.
"""
