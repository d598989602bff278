"""Reading and writing release files (atomic saves, safe YAML) and the PDF's attached source."""

from presskit.storage.problems import FileProblem, ReleaseFileError, Severity
from presskit.storage.release_file import (
    LoadedRelease,
    dumps_release,
    load_release,
    loads_release,
    save_release,
)

__all__ = [
    "FileProblem",
    "LoadedRelease",
    "ReleaseFileError",
    "Severity",
    "dumps_release",
    "load_release",
    "loads_release",
    "save_release",
]
