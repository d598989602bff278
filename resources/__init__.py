"""Bundled data files (themes, fonts, examples, icons), shipped as ``presskit.resources``.

Never build paths to these by hand: use :mod:`presskit.bundled`.
"""
