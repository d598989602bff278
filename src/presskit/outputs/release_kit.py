"""The release's press kit: one .zip with the release in every format the registry marks
``in_kit`` (PDF, web page, text, email draft), its images, the press contacts as a vCard file,
every other language version in a folder of its own (``de-de/``), and a small index.html that
links them.

File names are safe on every operating system (ASCII, no reserved names, short), and the
archive is the same bytes for the same release, so it can be compared and cached.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath

from markupsafe import escape

from presskit.library.vcard import dumps_vcards
from presskit.model.library import from_release_contact
from presskit.model.release import Release
from presskit.outputs.registry import FORMATS
from presskit.outputs.session import Output, RenderSession
from presskit.render.html import release_base_url
from presskit.render.sandbox import FetchRefused, Sandbox

MAX_STEM = 60
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)
}
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
# Letters that Unicode does not decompose into ASCII ones: spell them out.
_SPELL_OUT = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d",
     "ł": "l", "Ł": "L", "þ": "th", "ð": "d"}
)  # fmt: skip
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def safe_file_name(text: str, fallback: str = "release") -> str:
    """A file-name stem safe on Windows, macOS and Linux: ``us-ban-landmine-use-everywhere``."""
    spelled = text.translate(_SPELL_OUT)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(stem) > MAX_STEM:
        stem = stem[:MAX_STEM].rsplit("-", 1)[0] or stem[:MAX_STEM]
    if not stem or stem in _WINDOWS_RESERVED:
        return fallback
    return stem


def _assets(release: Release, release_dir: Path | None) -> dict[str, bytes]:
    """The release's own images (logo, body images), by their path inside the kit."""
    paths = [release.organization.logo] if release.organization.logo else []
    paths += _MARKDOWN_IMAGE.findall(release.body)
    sandbox = Sandbox(release_dir)
    base = release_base_url(release_dir)
    found: dict[str, bytes] = {}
    for path in paths:
        relative = PurePosixPath(path.replace("\\", "/"))
        if base is None or relative.is_absolute() or ".." in relative.parts or "://" in path:
            continue
        try:
            data, _mime = sandbox.read(base + relative.as_posix())
        except FetchRefused:
            continue  # the PDF and the checks already say what is missing
        found[f"assets/{safe_file_name(relative.stem, 'image')}{relative.suffix.lower()}"] = data
    return found


def _index_html(release: Release, names: list[str]) -> str:
    items = "\n".join(f'    <li><a href="{escape(n)}">{escape(n)}</a></li>' for n in names)
    title = escape(release.headline or "Press kit")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(release.language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Press kit: {title}</title>\n"
        "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;"
        "line-height:1.5}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>{escape(release.organization.name)}</p>\n<ul>\n{items}\n</ul>\n"
        "</body>\n</html>\n"
    )


def write_kit(session: RenderSession) -> Output:
    """The press kit as .zip bytes: every ``in_kit`` format, rendered through ``session``."""
    release, release_dir = session.release, session.release_dir
    stem = safe_file_name(release.headline)
    files: dict[str, bytes] = {}
    warnings: list[str] = []
    for fmt in FORMATS:
        if fmt.in_kit:
            output = fmt.write(session)
            files[f"{stem}{fmt.extension}"] = output.data
            warnings += output.warnings
    contacts = [from_release_contact(c) for c in release.contacts if c.name.strip()]
    if contacts:
        files["press-contacts.vcf"] = dumps_vcards(contacts, "4.0").encode("utf-8")
    files.update(_assets(release, release_dir))
    warnings += _other_versions(session, files)
    files["index.html"] = _index_html(release, sorted(files)).encode("utf-8")
    return Output(_zip(stem, files), list(dict.fromkeys(warnings)))


def _other_versions(session: RenderSession, files: dict[str, bytes]) -> list[str]:
    """Every other language version of the release, in a folder named by its language
    (``de-DE/…``): the kit a journalist gets holds the release in all its languages."""
    warnings: list[str] = []
    own = session.source_path.resolve() if session.source_path else None
    for version in session.versions():
        if version.path == own:
            continue
        folder = safe_file_name(version.language, "version")
        other = RenderSession(version.release, version.path.parent)
        stem = safe_file_name(version.release.headline)
        for fmt in FORMATS:
            if fmt.in_kit:
                output = fmt.write(other)
                files[f"{folder}/{stem}{fmt.extension}"] = output.data
                warnings += [f"{version.language}: {w}" for w in output.warnings]
    return warnings


def _zip(stem: str, files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{stem}/{name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()
