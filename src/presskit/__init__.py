"""Presskit: a desktop editor for press releases.

A release is one Markdown file with YAML front matter (see docs/file-format.md). The package is
layered: ``model`` (plain data) <- ``storage`` (files) <- ``render``/``checks`` <- ``app`` (Qt
glue) <- ``ui`` (widgets). Only ``app`` and ``ui`` may import Qt.
"""

__version__ = "0.1.0"
