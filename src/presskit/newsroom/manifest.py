"""The manifest: what the last build published, so the next one renders only what changed and
removes what must no longer be there. It lives in the site folder as
``.presskit-newsroom.json`` (hidden, so most hosts do not serve it) and holds only what the
site itself shows: file names, digests and each published release's item. It never holds a
held-back release, nor a path of the author's folders.

A missing or damaged manifest only costs a full rebuild: the build then also treats every file
in its own folders (``releases/``, ``archive/``) as its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presskit import __version__
from presskit.newsroom.site_files import is_site_name

MANIFEST_NAME = ".presskit-newsroom.json"
FORMAT = 1


@dataclass
class Record:
    """One published release as built: the digests its files were made from, and its item."""

    fingerprint: str  # the content (see presskit.newsroom.fingerprint)
    frame: str  # the frame around its page (see presskit.newsroom.release_page)
    item: dict[str, Any]


@dataclass
class Manifest:
    records: dict[str, Record] = field(default_factory=dict)  # by entry key
    files: list[str] = field(default_factory=list)  # every file the build wrote
    trusted: bool = True  # False: there was none, or it could not be read


def read_manifest(site: Path) -> Manifest:
    """The last build's manifest, or an empty, untrusted one."""
    try:
        raw = json.loads((site / MANIFEST_NAME).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return Manifest(trusted=False)
        records = {
            key: Record(str(value["fingerprint"]), str(value["frame"]), dict(value["item"]))
            for key, value in raw["records"].items()
        }
        files = [name for name in raw["files"] if isinstance(name, str) and is_site_name(name)]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest(trusted=False)
    return Manifest(records, files)


def manifest_bytes(manifest: Manifest) -> bytes:
    data = {
        "format": FORMAT,
        "generator": f"Presskit {__version__}",
        "records": {
            key: {"fingerprint": r.fingerprint, "frame": r.frame, "item": r.item}
            for key, r in sorted(manifest.records.items())
        },
        "files": sorted(manifest.files),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
