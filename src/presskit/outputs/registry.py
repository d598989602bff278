"""Every output format Presskit writes, one entry each.

The CLI makes its ``--pdf``/``--html``/… options from this list, the editor its Export menu
and file-dialog filters, the render worker its request kinds, and the press kit the files it
holds. A writer is named as ``"module:function"`` and imported on first use, so reading the
list (the editor does at start-up) loads nothing heavy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from presskit.outputs.session import Output, RenderSession

Writer = Callable[[RenderSession], Output]


@dataclass(frozen=True)
class OutputFormat:
    """One output: its name (the CLI option and the worker's request kind) and its writer."""

    name: str  # "pdf": --pdf on the command line
    extension: str  # ".pdf"
    noun: str  # "PDF", as in "Exporting PDF…" and "Export PDF"
    menu_text: str  # "Export &PDF…"
    file_filter: str  # "PDF document (*.pdf)"
    cli_help: str  # "the PDF", as in "write the PDF"
    writer: str  # "presskit.outputs.writers:write_pdf"
    shortcut: str = ""  # "Ctrl+E"
    in_kit: bool = False  # the release's press kit (.zip) holds this output

    def write(self, session: RenderSession) -> Output:
        """Render this output for ``session``'s release."""
        return self.writer_function()(session)

    def writer_function(self) -> Writer:
        module, _, function = self.writer.partition(":")
        return getattr(importlib.import_module(module), function)


FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat(
        "pdf", ".pdf", "PDF", "Export &PDF…", "PDF document (*.pdf)", "the PDF",
        "presskit.outputs.writers:write_pdf", shortcut="Ctrl+E", in_kit=True,
    ),
    OutputFormat(
        "html", ".html", "web page", "Export &HTML…", "Web page (*.html)",
        "the web page (HTML)", "presskit.outputs.writers:write_html", in_kit=True,
    ),
    OutputFormat(
        "text", ".txt", "plain text", "Export &Text…", "Plain text (*.txt)", "plain text",
        "presskit.outputs.writers:write_text", in_kit=True,
    ),
    OutputFormat(
        "eml", ".eml", "email draft", "Export Email &Draft…", "Email message (*.eml)",
        "an email draft (.eml: text and HTML, no recipients)",
        "presskit.outputs.writers:write_eml", in_kit=True,
    ),
    OutputFormat(
        "docx", ".docx", "Word document", "Export &Word Document…",
        "Word document (*.docx)", "a Word document for review (.docx: named styles per part)",
        "presskit.outputs.writers:write_docx",
    ),
    OutputFormat(
        "xliff", ".xlf", "XLIFF file", "Export &XLIFF for Translators…",
        "XLIFF 1.2 (*.xlf *.xliff)", "XLIFF 1.2 for translators' CAT tools (beside the release)",
        "presskit.outputs.writers:write_xliff",
    ),
    OutputFormat(
        "kit", ".zip", "press kit", "Export Press &Kit…", "Zip archive (*.zip)",
        "the press kit (.zip: PDF, HTML, text, images, contacts, index)",
        "presskit.outputs.release_kit:write_kit",
    ),
)  # fmt: skip

_BY_NAME = {fmt.name: fmt for fmt in FORMATS}


class UnknownFormat(LookupError):
    """A format name that is not in the registry."""


def output_format(name: str) -> OutputFormat:
    """The format called ``name``; raises UnknownFormat naming the formats that exist."""
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(_BY_NAME)
        raise UnknownFormat(f"there is no output format '{name}' (known: {known})") from None


def format_names() -> tuple[str, ...]:
    return tuple(_BY_NAME)
