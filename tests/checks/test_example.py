"""The bundled example release: what the checks report on a real press release."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from presskit.checks.findings import Severity
from presskit.checks.length import word_count
from presskit.checks.runner import run_checks
from presskit.storage import load_release


def test_the_example_reports_its_five_placeholder_links_and_nothing_else(
    example_path: Path,
) -> None:
    release = load_release(example_path).release
    folder = example_path.parent
    findings = run_checks(
        release,
        page_count=2,  # what the classic theme renders it to
        exists=lambda path: (folder / path).is_file(),
        now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    # The issue says four; the example (like the seed release) has five [text](#) links.
    assert [(f.id, f.severity, f.field, f.body_line) for f in findings] == [
        ("placeholder-link", Severity.WARNING, "body", 1),
        ("placeholder-link", Severity.WARNING, "body", 3),
        ("placeholder-link", Severity.WARNING, "body", 9),
        ("placeholder-link", Severity.WARNING, "body", 11),
        ("placeholder-link", Severity.WARNING, "body", 13),
    ]
    texts = ["announcement", "September 23", "1994 speech", "June 27", "September 12 letter"]
    for finding, text in zip(findings, texts, strict=True):
        assert f'"{text}"' in finding.message


def test_the_example_body_is_of_a_normal_length(example_path: Path) -> None:
    assert 540 <= word_count(load_release(example_path).release.body) <= 580
