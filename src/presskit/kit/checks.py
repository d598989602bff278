"""The press kit's preflight checks: findings, like a release's (docs/checks.md).

Rule ids: ``image-alt-missing`` (warning: a gallery photo or a person's photo without alt
text excludes blind readers), ``image-credit-missing`` (warning), ``image-low-resolution``
(warning: under :data:`~presskit.kit.images.PRINT_LONG_SIDE` px on the long side),
``image-original-published`` (info: the author asked for the untouched file too),
``asset-unusable`` (error: a photo, logo or release that cannot be read or is refused, with
the reason), ``kit-organization-missing``, ``kit-contact-missing``, ``unsafe-link`` and the
release's contact rules for the kit's contacts.

Rules read the disk only through the ``probe`` the caller passes (:func:`disk_probe` reads
the kit's folder), so the editor can cache what it learned about each file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from presskit.checks.contacts import contact_findings
from presskit.checks.findings import Finding, error, info, warning
from presskit.kit.assets import AssetRefused, read_asset
from presskit.kit.images import PRINT_LONG_SIDE, ImageInfo, ImageRefused, check_svg, inspect_image
from presskit.kit.model import Kit
from presskit.model.release import Release
from presskit.model.urls import WEB_SCHEMES, url_problem
from presskit.model.validation import item_path

Probe = Callable[[str, str], ImageInfo | str | None]
"""``probe(path, kind)``: what the file at ``path`` (relative to the kit) is. ``kind`` is
"image", "logo" or "release". Returns the image's size, a message saying why it cannot be
used, or None (usable, or not looked at)."""


def disk_probe(kit_dir: Path) -> Probe:
    """A probe reading the kit's folder (each file once)."""

    @cache
    def probe(path: str, kind: str) -> ImageInfo | str | None:
        try:
            data = read_asset(kit_dir, path)
            if kind == "release":
                return _release_problem(data, path)
            if kind == "logo" and path.lower().endswith(".svg"):
                check_svg(data, path)
                return None
            return inspect_image(data, path)
        except (AssetRefused, ImageRefused) as exc:
            return str(exc)

    return probe


def _release_problem(data: bytes, path: str) -> str | None:
    from presskit.storage import ReleaseFileError, loads_release  # noqa: PLC0415

    try:
        loads_release(data, path)
    except ReleaseFileError as exc:
        return exc.problems[0].message if exc.problems else "cannot be read"
    return None


def kit_findings(kit: Kit, probe: Probe | None = None) -> list[Finding]:
    """Every finding for ``kit``, in the order of the file."""
    findings = _organization_findings(kit)
    for i, person in enumerate(kit.people):
        if person.photo.strip():
            findings += _photo_findings(person.photo, item_path("people", i, "photo"), probe)
            if not person.photo_alt.strip():
                findings.append(
                    _alt_missing(
                        item_path("people", i, "photo_alt"),
                        f"The photo of {person.name.strip() or 'a person'}",
                    )
                )
    for i in range(len(kit.images)):
        findings += _image_findings(kit, i, probe)
    for i, logo in enumerate(kit.logos):
        findings += _file_findings(logo.file, item_path("logos", i, "file"), "logo", probe)
    findings += _link_findings(kit)
    for i, release in enumerate(kit.releases):
        findings += _file_findings(release, item_path("releases", i), "release", probe)
    findings += _contact_findings(kit)
    return findings


def _organization_findings(kit: Kit) -> list[Finding]:
    if kit.organization.name.strip():
        return []
    return [warning("kit-organization-missing", "organization.name",
                    "The kit does not name the organization it is about",
                    "Fill in the organization's name; the page and the fact sheet are titled "
                    "with it")]  # fmt: skip


def _alt_missing(field: str, what: str) -> Finding:
    return warning(
        "image-alt-missing", field, f"{what} has no alt text, so blind readers miss it",
        "Describe what the image shows in a sentence (not its caption or credit)",
    )  # fmt: skip


def _image_findings(kit: Kit, index: int, probe: Probe | None) -> list[Finding]:
    image = kit.images[index]
    label = f"Photo {index + 1}" + (f" ({image.file.strip()})" if image.file.strip() else "")
    findings = _photo_findings(image.file, item_path("images", index, "file"), probe)
    if not image.alt.strip():
        findings.append(_alt_missing(item_path("images", index, "alt"), label))
    if image.publishes_original:
        findings.append(info(
            "image-original-published", item_path("images", index, "keep_original"),
            f"{label} is also published as it is, with whatever its camera recorded "
            "(GPS position, camera serial number, owner)",
            "Leave keep_original out unless publishers need the untouched file",
        ))  # fmt: skip
    if not image.credit.strip():
        findings.append(warning(
            "image-credit-missing", item_path("images", index, "credit"),
            f"{label} has no credit; publishers must print who took it",
            "Add the photographer or the rights holder, e.g. 'Photo: Jane Doe / Example'",
        ))  # fmt: skip
    return findings


def _photo_findings(path: str, field: str, probe: Probe | None) -> list[Finding]:
    if not path.strip():
        return [error("asset-unusable", field, "No file is named", "Choose the image file")]
    found = probe(path, "image") if probe is not None else None
    if isinstance(found, str):
        return [error("asset-unusable", field, _sentence(found), "Choose another file")]
    if (
        isinstance(found, ImageInfo)
        and field.startswith("images")
        and (found.long_side < PRINT_LONG_SIDE)
    ):
        return [warning(
            "image-low-resolution", field,
            f"{path} is {found.width} × {found.height} px; print needs at least "
            f"{PRINT_LONG_SIDE} px on the long side",
            "Use the original file from the camera or the photographer",
        )]  # fmt: skip
    return []


def _file_findings(path: str, field: str, kind: str, probe: Probe | None) -> list[Finding]:
    if not path.strip():
        return [error("asset-unusable", field, "No file is named", f"Choose the {kind} file")]
    found = probe(path, kind) if probe is not None else None
    if isinstance(found, str):
        return [error("asset-unusable", field, _sentence(found), f"Choose another {kind} file")]
    return []


def _link_findings(kit: Kit) -> list[Finding]:
    findings: list[Finding] = []
    urls = [("organization.website", kit.organization.website)]
    urls += [(item_path("videos", i, "url"), v.url) for i, v in enumerate(kit.videos)]
    urls += [(item_path("quotes", i, "url"), q.url) for i, q in enumerate(kit.quotes)]
    for field, url in urls:
        problem = url_problem(url.strip(), WEB_SCHEMES) if url.strip() else None
        if problem is not None:
            findings.append(
                error("unsafe-link", field, _sentence(problem), "Use an address like https://…")
            )
    return findings


def _contact_findings(kit: Kit) -> list[Finding]:
    if not kit.contacts:
        return [
            warning(
                "kit-contact-missing",
                "contacts",
                "The kit has no press contact, so journalists cannot follow up",
                "Add at least one press contact, or insert one from the library",
            )
        ]
    return contact_findings(Release(contacts=kit.contacts, language=kit.language))


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]
