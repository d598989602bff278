"""Linked language versions: making a translation, XLIFF out and back, reading its source."""
