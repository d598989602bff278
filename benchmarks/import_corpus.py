"""Scoring imports against the corpus's hand-checked fields (tests/data/import/expected.json).

Shared by ``benchmarks/bench_import.py`` (the table) and ``tests/importers/test_corpus.py``
(the thresholds). A field is right when:

- headline, subheadline: equal after folding case, quotes and spaces;
- status, end_mark, dateline.date: equal;
- dateline.city: equal after folding case and punctuation;
- body_start / body_end: the body (as plain text) starts / ends with the expected words;
- boilerplate_start: the boilerplate starts with them;
- each expected contact: a contact with its email, or with its name (when it has one) and its
  first phone.

"Clean" means: no expected contact's email inside the body, and neither end of the body
inside the boilerplate.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "import"
FORMAT_OF = {".docx": "word", ".eml": "email", ".html": "web page", ".pdf": "pdf", ".txt": "text"}


def corpus() -> dict[str, dict[str, Any]]:
    return json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def document_path(name: str) -> Path:
    return CORPUS / name if name.startswith("variants/") else CORPUS / "sources" / name


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("\\", "")
    return " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).lower().split())


def _bare(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


@dataclass
class Score:
    name: str
    kind: str
    heldout: bool
    seconds: float = 0.0
    fields: dict[str, bool] = field(default_factory=dict)
    clean: bool = True
    error: str = ""


def score(name: str, expected: dict[str, Any]) -> Score:
    from presskit.importers import ImportFailed, import_file

    path = document_path(name)
    result_score = Score(name, FORMAT_OF.get(path.suffix, "text"), bool(expected.get("heldout")))
    started = time.perf_counter()
    try:
        result = import_file(path)
    except ImportFailed as exc:
        result_score.error = str(exc)
        result_score.fields = {key: False for key in _keys(expected)}
        return result_score
    result_score.seconds = time.perf_counter() - started
    release = result.release
    body, boilerplate = _fold(release.body), _fold(release.boilerplate)
    checks = {
        "headline": lambda v: _fold(release.headline) == _fold(v),
        "subheadline": lambda v: _fold(release.subheadline) == _fold(v),
        "status": lambda v: release.status.value == v,
        "end_mark": lambda v: release.end_mark == v,
        "dateline.date": lambda v: str(release.dateline.date or "") == v,
        "dateline.city": lambda v: _bare(release.dateline.city) == _bare(v),
        "body_start": lambda v: body.startswith(_fold(v)),
        "body_end": lambda v: body.endswith(_fold(v)),
        "boilerplate_start": lambda v: boilerplate.startswith(_fold(v)),
    }
    for key, check in checks.items():
        if key in expected:
            result_score.fields[key] = bool(check(expected[key]))
    for number, contact in enumerate(expected.get("contacts", []), start=1):
        result_score.fields[f"contact {number}"] = any(_same(c, contact) for c in release.contacts)
    emails = [c["email"] for c in expected.get("contacts", []) if c.get("email")]
    ends = [_fold(expected[k]) for k in ("body_start", "body_end") if k in expected]
    result_score.clean = not any(e.lower() in body for e in emails) and not any(
        e and e in boilerplate for e in ends
    )
    return result_score


def _keys(expected: dict[str, Any]) -> list[str]:
    keys = [k for k in expected if k not in ("contacts", "heldout", "complete", "variant_of")]
    return keys + [f"contact {n}" for n in range(1, len(expected.get("contacts", [])) + 1)]


def _same(contact: Any, expected: dict[str, Any]) -> bool:
    if expected.get("email"):
        return contact.email.lower() == expected["email"].lower()
    digits = [re.sub(r"\D", "", p.number) for p in contact.phones]
    phone = re.sub(r"\D", "", (expected.get("phones") or [""])[0])
    wanted = _bare(expected.get("name", ""))  # a press line's number may come with no name
    name_ok = not wanted or wanted in _bare(contact.name) or _bare(contact.name) in wanted
    return name_ok and (not phone or any(phone in d for d in digits))


def score_all(names: list[str] | None = None) -> list[Score]:
    table = corpus()
    return [score(name, table[name]) for name in (names or list(table))]


def summary(scores: list[Score]) -> dict[str, dict[str, float]]:
    """Per format: fields right / fields, headlines right / documents, clean documents."""
    out: dict[str, dict[str, float]] = {}
    for kind in sorted({s.kind for s in scores}):
        mine = [s for s in scores if s.kind == kind]
        fields = [ok for s in mine for ok in s.fields.values()]
        heads = [s.fields["headline"] for s in mine if "headline" in s.fields]
        out[kind] = {
            "documents": len(mine),
            "fields": len(fields),
            "accuracy": sum(fields) / max(len(fields), 1),
            "headlines": sum(heads) / max(len(heads), 1),
            "clean": sum(s.clean for s in mine) / max(len(mine), 1),
            "seconds": sum(s.seconds for s in mine) / max(len(mine), 1),
        }
    return out
