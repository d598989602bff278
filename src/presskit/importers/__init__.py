"""Importers: a release that exists as a Word file, an email, a web page, a PDF or pasted
text becomes a Presskit release, with every field traced to its source lines.

    source (bytes)  --reader-->  SourceDocument (blocks)  --roles-->  roles  --assemble-->
    ImportResult (Release + provenance + warnings)

Readers: :mod:`.docx_reader`, :mod:`.email_reader`, :mod:`.html_reader`, :mod:`.pdf_reader`,
:mod:`.text_reader`, listed in :mod:`.formats`. The role scorer (:mod:`.features`,
:mod:`.roles`) weighs cues that are data (:mod:`.cues`). Qt-free; warnings are returned,
not raised.
"""

from presskit.importers.formats import IMPORTABLE, import_filter, is_importable
from presskit.importers.model import (
    ROLE_NAMES,
    Block,
    ImportCancelled,
    ImportFailed,
    ImportResult,
    Role,
    SourceDocument,
)
from presskit.importers.pipeline import import_document, import_file, import_text, reassign

__all__ = [
    "IMPORTABLE", "ROLE_NAMES", "Block", "ImportCancelled", "ImportFailed", "ImportResult",
    "Role", "SourceDocument", "import_document", "import_file", "import_filter",
    "import_text", "is_importable", "reassign",
]  # fmt: skip
