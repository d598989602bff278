"""Fuzzing: hostile, broken and random release files through every stage (docs/fuzzing.md)."""
