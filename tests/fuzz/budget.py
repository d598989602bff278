"""How many fuzz cases run, and the Hypothesis settings they run with.

The quick pass runs with the default suite: :data:`DEFAULT_CASES` cases in a few seconds,
derandomized so every run (and CI) sees the same cases. ``PRESSKIT_FUZZ_CASES`` sets the total
for a long run, ``PRESSKIT_FUZZ_PDF_CASES`` the PDF sample, ``PRESSKIT_FUZZ_LARGE`` whether
huge inputs are made; see docs/fuzzing.md.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

DEFAULT_CASES = 150
TOTAL_CASES = int(os.environ.get("PRESSKIT_FUZZ_CASES", DEFAULT_CASES))
PDF_CASES = int(os.environ.get("PRESSKIT_FUZZ_PDF_CASES", "3"))
LARGE_INPUTS = os.environ.get("PRESSKIT_FUZZ_LARGE", str(int(TOTAL_CASES >= 1000))) == "1"
"""Whether the strategies also make the huge inputs (MBs of text, thousands of levels or
rows), which take seconds each: on for long runs, off for the quick pass."""

FUZZ_PROFILE = settings(
    derandomize=True,  # the same cases on every run: CI is reproducible
    database=None,  # nothing remembered between runs, for the same reason
    deadline=None,  # the pipeline bounds processor time itself, ignoring machine noise
    print_blob=True,
    # Not Phase.explain: it replays failing cases under a line tracer, ten times slower, so
    # every case near its time bound then "fails" too and buries the real failure.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)


TEST_TIMEOUT = 300 + 10 * TOTAL_CASES
"""pytest-timeout's limit for one fuzz test: generous, each case has its own CPU bound."""


def cases(share: float) -> settings:
    """Settings for a test that runs ``share`` of the total cases."""
    return settings(FUZZ_PROFILE, max_examples=max(1, round(TOTAL_CASES * share)))


def pdf_cases() -> settings:
    """Settings for the PDF sample: a handful of cases, since a PDF takes a second."""
    return settings(FUZZ_PROFILE, max_examples=max(1, PDF_CASES))
