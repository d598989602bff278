"""One rendering path for every output: release -> HTML -> PDF bytes, and release -> text.

No Qt here. The editor's preview and every export call these same functions:
:func:`presskit.render.html.render_html`, :func:`presskit.render.pdf.render_pdf` (through
a warm :class:`~presskit.render.pdf.PdfRenderer` in the worker process) and
:func:`presskit.render.text.render_text`. Import the submodules directly: this package
imports nothing, so the editor can use its light parts (framing, themes) without loading
Jinja2, Markdown or WeasyPrint.
"""
