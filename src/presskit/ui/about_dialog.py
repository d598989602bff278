"""Help > About: the app's icon, name, version and purpose, and the licences of what it ships.

    AboutDialog(parent).exec()     # or show_about(parent)

The Python libraries' licences are read from their installed metadata (the desktop bundle
carries that metadata too), with the names below as a fallback and as a more precise name
when the metadata only says "BSD" or "Apache". The native libraries have no such metadata,
so theirs are written here. The fonts' licence, the SIL Open Font License, can be read in
full inside the dialog (resources/fonts/noto/OFL.txt).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presskit import __version__
from presskit.bundled import resource_path
from presskit.ui.icons import app_icon

__all__ = ["AboutDialog", "Library", "app_icon", "licence_of", "show_about"]

DESCRIPTION = (
    "Write press releases, watch the real pages take shape, and export PDF, HTML and text."
)
FONT_LICENCE = "SIL Open Font License 1.1"
_SHOW_OFL, _BACK = QUrl("presskit:fonts-licence"), QUrl("presskit:about")


@dataclass(frozen=True)
class Library:
    """A bundled library: its name, its distribution on PyPI (if any), and its licence."""

    name: str
    distribution: str | None
    licence: str  # SPDX; the fallback for a Python package, the licence for a native one


PYTHON_LIBRARIES = (
    Library("Qt for Python (PySide6)", "PySide6-Essentials", "LGPL-3.0-only"),
    Library("Qt PDF for Python", "PySide6-Pdf", "LGPL-3.0-only"),
    Library("WeasyPrint", "weasyprint", "BSD-3-Clause"),
    Library("pydyf", "pydyf", "BSD-3-Clause"),
    Library("tinycss2", "tinycss2", "BSD-3-Clause"),
    Library("fontTools", "fonttools", "MIT"),
    Library("Pillow", "pillow", "MIT-CMU"),
    Library("Pyphen", "pyphen", "GPL-2.0-or-later OR LGPL-2.1-or-later OR MPL-1.1"),
    Library("Python-Markdown", "Markdown", "BSD-3-Clause"),
    Library("Jinja2", "Jinja2", "BSD-3-Clause"),
    Library("nh3 (ammonia)", "nh3", "MIT"),
    Library("css-inline", "css-inline", "MIT"),
    Library("PyYAML", "PyYAML", "MIT"),
    Library("pypdf", "pypdf", "BSD-3-Clause"),
    Library("vobject", "vobject", "Apache-2.0"),
    Library("phonenumbers", "phonenumbers", "Apache-2.0"),
    Library("email-validator", "email-validator", "Unlicense"),
    Library("Babel", "babel", "BSD-3-Clause"),
    Library("pyspellchecker", "pyspellchecker", "MIT"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("tzdata", "tzdata", "Apache-2.0"),
    Library("python-docx", "python-docx", "MIT"),
    Library("lxml", "lxml", "BSD-3-Clause"),
    Library("lxml-html-clean", "lxml_html_clean", "BSD-3-Clause"),
    Library("trafilatura", "trafilatura", "Apache-2.0"),
    Library("htmldate", "htmldate", "Apache-2.0"),
    Library("courlan", "courlan", "Apache-2.0"),
    Library("jusText", "jusText", "BSD-2-Clause"),
    Library("dateparser", "dateparser", "BSD-3-Clause"),
    Library("regex", "regex", "Apache-2.0 AND CNRI-Python"),
    Library("tld", "tld", "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later"),
    Library("charset-normalizer", "charset-normalizer", "MIT"),
    Library("certifi", "certifi", "MPL-2.0"),
    Library("urllib3", "urllib3", "MIT"),
    Library("tzlocal", "tzlocal", "MIT"),
    Library("quotequail", "quotequail", "MIT"),
    Library("pypdfium2 (PDFium)", "pypdfium2", "Apache-2.0 OR BSD-3-Clause"),
    Library("feedgen", "feedgen", "BSD-2-Clause OR LGPL-3.0-or-later"),
    Library("keyring", "keyring", "MIT"),
    Library("SecretStorage", "SecretStorage", "BSD-3-Clause"),
    Library("jeepney", "jeepney", "MIT"),
    Library("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Library("jaraco.classes, .context, .functools", "jaraco.functools", "MIT"),
    Library("more-itertools", "more-itertools", "MIT"),
    Library("importlib-metadata, zipp", "importlib_metadata", "Apache-2.0 AND MIT"),
)

NATIVE_LIBRARIES = (
    Library(f"Qt {qVersion()}", None, "LGPL-3.0-only"),
    Library("ICU (with Qt)", None, "Unicode-DFS-2016"),
    Library("Pango", None, "LGPL-2.0-or-later"),
    Library("HarfBuzz", None, "MIT"),
    Library("fontconfig", None, "MIT"),
    Library("FreeType", None, "FTL OR GPL-2.0-or-later"),
    Library("GLib, GObject, GIO", None, "LGPL-2.1-or-later"),
    Library("FriBidi", None, "LGPL-2.1-or-later"),
    Library("libxml2, libxslt (with lxml)", None, "MIT"),
    Library("Python", None, "PSF-2.0"),
)


def licence_of(library: Library) -> str:
    """The licence the installed metadata gives, or the library's own when there is none.

    Metadata is read in PEP 639 order: License-Expression, then a short License field
    (some packages put the whole text there), then the License :: classifiers. A vague
    answer ("BSD License", "Apache") of the same family as ours gives way to ours.
    """
    if library.distribution is None:
        return library.licence
    try:
        meta = metadata.metadata(library.distribution)
    except metadata.PackageNotFoundError:
        return library.licence
    found = (meta.get("License-Expression") or "").strip()
    if not found:
        text = (meta.get("License") or "").strip()
        found = text if text and "\n" not in text and len(text) <= 60 else ""
    if not found:
        classifiers = meta.get_all("Classifier") or []
        names = [_classifier_name(c) for c in classifiers if c.startswith("License :: ")]
        found = " OR ".join(names)
    if not found:
        return library.licence
    family = re.split(r"[\s\-(]", found, maxsplit=1)[0].lower()
    vague = found.lower() == family or (" " in found and " OR " not in found)
    if vague and library.licence.lower().startswith(family):
        return library.licence  # "BSD License" -> "BSD-3-Clause", "Apache" -> "Apache-2.0"
    return found


def _classifier_name(classifier: str) -> str:
    """ "License :: OSI Approved :: GNU ... v2 or later (LGPLv2+)" -> "LGPLv2+"."""
    name = classifier.rsplit(" :: ", 1)[-1]
    short = re.search(r"\(([^()]+)\)$", name)
    return short.group(1) if short else name


def _version_of(library: Library) -> str:
    if library.distribution is None:
        return ""
    try:
        return metadata.version(library.distribution)
    except metadata.PackageNotFoundError:
        return ""


def _table(libraries: tuple[Library, ...], versions: bool = True) -> str:
    columns = ("Name", "Version", "Licence") if versions else ("Name", "Licence")
    head = "".join(f"<th align='left'>{column}</th>" for column in columns)
    rows = "".join(
        "<tr>"
        + f"<td>{html.escape(lib.name)}</td>"
        + (f"<td>{html.escape(_version_of(lib))}</td>" if versions else "")
        + f"<td>{html.escape(licence_of(lib))}</td></tr>"
        for lib in libraries
    )
    return f"<table cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{rows}</table>"


def about_html() -> str:
    """The scrolling part of the dialog: fonts and libraries with their licences."""
    presskit = licence_of(Library("Presskit", "presskit", "MIT"))
    return (
        f"<p>Presskit is free software under the {html.escape(presskit)} licence.</p>"
        "<h3>Fonts</h3>"
        f"<p>Noto Serif and Noto Sans, by the Noto Project Authors, under the "
        f"{FONT_LICENCE}. <a href='{_SHOW_OFL.toString()}'>Read the licence</a>.</p>"
        f"<h3>Libraries</h3>{_table(PYTHON_LIBRARIES)}"
        f"<h3>Native libraries</h3>{_table(NATIVE_LIBRARIES, versions=False)}"
        "<p>Each library's licence text comes with it: in the installed Python packages, "
        "and in the <i>licenses</i> folder of the desktop app.</p>"
    )


def _font_licence_html() -> str:
    path = resource_path("fonts", "noto", "OFL.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        text = f"The licence text could not be read from {path}: {exc.strerror or exc}"
    return (
        f"<p><a href='{_BACK.toString()}'>Back</a></p>"
        f"<pre style='white-space: pre-wrap'>{html.escape(text)}</pre>"
    )


class AboutDialog(QDialog):
    """Presskit's name, version and purpose, and the licences of its fonts and libraries."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Presskit")
        self.setWindowIcon(app_icon())
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAccessibleName("Presskit icon")
        title = QLabel(
            f"<h2 style='margin:0'>Presskit</h2><p>Version {html.escape(__version__)}</p>"
            f"<p>{html.escape(DESCRIPTION)}</p>"
        )
        title.setWordWrap(True)
        title.setObjectName("about-title")
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setObjectName("about-details")
        self.details.setAccessibleName("Licences")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._follow)
        self.details.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _follow(self, url: QUrl) -> None:
        """The two links inside: the fonts' licence text, and back."""
        if url == _SHOW_OFL:
            self.details.setHtml(_font_licence_html())
        elif url == _BACK:
            self.details.setHtml(about_html())


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog and wait until it is closed."""
    AboutDialog(parent).exec()
