"""The press kit: one Markdown file with YAML front matter (``presskit_kit: 1``) holding the
organization's facts, people, photos with captions and credits, logos, quotes, awards and
recent releases, exported to a kit web page, a fact-sheet PDF and one zip (docs/kit.md).

Images are published only through :mod:`presskit.kit.images`, which strips location and
device data, applies the orientation and converts to sRGB; every path a kit names is read
through :mod:`presskit.kit.assets`, which refuses anything outside the kit's folder.
"""
