"""An import described as plain data: what the command line prints with ``--format json``
and what tests and the benchmark compare.

    {"file": "draft.docx", "format": "docx", "language": "en-US",
     "fields": {"headline": {"value": "...", "lines": [[3, 3]], "confidence": 0.97}, ...},
     "not_placed": [{"lines": [12, 12], "text": "..."}], "chrome_lines": 0,
     "warnings": ["..."]}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from presskit.importers.model import ImportResult
from presskit.model.paths import get_at, parse_path_text


def plain(value: Any) -> Any:
    """A field's value as JSON-ready data (dataclasses as dicts without empty parts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {k: v for k, v in items.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def field_value(result: ImportResult, name: str) -> Any:
    """The imported value of a field named like ``contacts[1]`` or ``dateline``."""
    try:
        return plain(get_at(result.release, parse_path_text(name)))
    except (AttributeError, IndexError):
        return None


def describe(result: ImportResult) -> dict[str, Any]:
    """The import as JSON-ready data: fields with lines and confidence, what was not placed."""
    fields = {
        name: {
            "value": field_value(result, name),
            "lines": [list(r) for r in source.lines],
            "confidence": source.confidence,
        }
        for name, source in result.fields.items()
    }
    fields["language"] = {"value": result.release.language, "lines": [], "confidence": 1.0}
    return {
        "file": result.document.name,
        "format": result.document.format,
        "language": result.release.language,
        "fields": fields,
        "not_placed": [
            {"lines": list(block.lines), "text": block.text} for block in result.not_placed()
        ],
        "chrome_lines": len(result.chrome()),
        "warnings": list(result.warnings),
    }
