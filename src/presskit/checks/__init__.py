"""Preflight checks over a release: pure functions returning findings (no Qt, no I/O)."""
