"""Asset rules: the logo and the images in the body and boilerplate must be files that exist.

The renderer reads only files inside the release's folder and ``data:`` URLs, never the
network, so an image from the web, or from outside the folder, never shows in any output.

Whether a file exists is asked through an ``exists`` callable (a path relative to the
release's folder, as written in the release, in; a bool out), so the rules stay pure and the
editor can answer from its own view of the folder. Without one, existence is not checked.

Rule ids: ``asset-missing``, ``image-not-local``.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from presskit.checks.findings import Finding, error
from presskit.checks.markdown_scan import scan_markdown
from presskit.model.release import Release
from presskit.model.validation import relative_path_problem

Exists = Callable[[str], bool]

_MISSING_HINT = "Put the file in the release's folder (for example assets/), or fix the path"


def asset_findings(release: Release, exists: Exists | None = None) -> list[Finding]:
    """Findings for the logo and for every image of the boilerplate and the body."""
    findings: list[Finding] = []
    logo = release.organization.logo
    # A logo path that is absolute or leaves the folder is the model validation's to report.
    if logo and exists is not None and relative_path_problem(logo) is None and not exists(logo):
        message = f"The logo file '{logo}' does not exist"
        findings.append(error("asset-missing", "organization.logo", message, _MISSING_HINT))
    findings += markdown_image_findings(release.boilerplate, "boilerplate", exists)
    findings += markdown_image_findings(release.body, "body", exists)
    return findings


def markdown_image_findings(markdown: str, field: str, exists: Exists | None) -> list[Finding]:
    """Findings for the images (``![alt](path)``, ``<img src>``) of Markdown in ``field``."""
    findings: list[Finding] = []
    for link in scan_markdown(markdown).links:
        if not link.image:
            continue
        name = f'The image "{link.text}"' if link.text else "An image"
        source = link.target.strip()
        if source.startswith("data:"):
            continue  # embedded in the release itself
        if source in ("", "#"):
            message = f"{name} has no file"
            findings.append(error("asset-missing", field, message, _MISSING_HINT, link.line))
        elif why := relative_path_problem(source):
            findings.append(
                error(
                    "image-not-local",
                    field,
                    f"{name} will not show: {why}",
                    "Save the image in the release's folder and use its relative path, "
                    "such as assets/photo.jpg",
                    link.line,
                )
            )
        elif exists is not None and not exists(unquote(source)):
            message = f"{name}: the file '{source}' does not exist"
            findings.append(error("asset-missing", field, message, _MISSING_HINT, link.line))
    return findings
