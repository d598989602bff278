"""``presskit kit export``: a kit file to its web page (a folder), its fact sheet (PDF) and one
zip holding everything, with safe ASCII names.

    result = export_kit(Path("kit.md"), html_dir=Path("site"), pdf=Path("facts.pdf"),
                        zip_path=Path("kit.zip"))
    result.written, result.warnings

The zip is built on the release kit's (:mod:`presskit.outputs.release_kit`): the same safe
names, the same fixed timestamps, so the same kit gives the same bytes. Nothing is written
outside the outputs named: the page's folder is written file by file, refusing symbolic
links on the way, and no output may replace the kit file or be the kit's own folder.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from presskit.kit.factsheet import render_fact_sheet
from presskit.kit.file import load_kit
from presskit.kit.model import Kit
from presskit.kit.page import render_page
from presskit.kit.publish import FACT_SHEET_NAME, KitBundle, publish_kit
from presskit.outputs.release_kit import _zip, safe_file_name
from presskit.storage.atomic import OutputRefused, write_output

PAGE_NAME = "index.html"


class KitExportError(Exception):
    """An output that cannot be written; the message names it and says why."""


@dataclass
class KitExport:
    """What an export made: every file of the kit by name, and what it left out."""

    files: dict[str, bytes]
    fact_sheet: bytes
    page_count: int
    warnings: list[str] = field(default_factory=list)

    def zip_bytes(self, kit: Kit) -> bytes:
        stem = f"{safe_file_name(kit.title, 'press')}-press-kit"
        return _zip(stem, self.files)


def build_kit_export(kit: Kit, kit_dir: Path, *, releases: bool = True) -> KitExport:
    """Publish every file of ``kit`` and render the fact sheet and the page."""
    bundle: KitBundle = publish_kit(kit, kit_dir, releases=releases)
    sheet = render_fact_sheet(bundle)
    bundle.files[FACT_SHEET_NAME] = sheet.pdf
    bundle.files[PAGE_NAME] = render_page(bundle).encode("utf-8")
    return KitExport(bundle.files, sheet.pdf, sheet.page_count, bundle.warnings + sheet.warnings)


@dataclass
class KitExportResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def export_kit(
    kit_path: Path,
    *,
    html_dir: Path | None = None,
    pdf: Path | None = None,
    zip_path: Path | None = None,
) -> KitExportResult:
    """Export the kit file at ``kit_path``. Raises ReleaseFileError (the kit cannot be read)
    or KitExportError (an output cannot be written)."""
    loaded = load_kit(kit_path)
    result = write_kit_outputs(loaded.kit, kit_path, html_dir=html_dir, pdf=pdf, zip_path=zip_path)
    result.warnings[:0] = [str(w) for w in loaded.warnings]
    return result


def write_kit_outputs(
    kit: Kit,
    kit_path: Path,
    *,
    html_dir: Path | None = None,
    pdf: Path | None = None,
    zip_path: Path | None = None,
) -> KitExportResult:
    """Export ``kit`` (as the editor holds it) whose file is ``kit_path``. Raises
    KitExportError."""
    kit_dir = Path(os.path.abspath(kit_path)).parent
    _check_outputs(Path(os.path.abspath(kit_path)), html_dir, pdf, zip_path)
    built = build_kit_export(kit, kit_dir, releases=html_dir is not None or bool(zip_path))
    result = KitExportResult(warnings=list(built.warnings))
    if pdf is not None:
        _write(pdf, built.fact_sheet, kit_path)
        result.written.append(pdf)
    if html_dir is not None:
        write_tree(html_dir, built.files, kit_path)
        result.written.append(html_dir / PAGE_NAME)
    if zip_path is not None:
        _write(zip_path, built.zip_bytes(kit), kit_path)
        result.written.append(zip_path)
    return result


def _check_outputs(kit_file: Path, html_dir: Path | None, *files: Path | None) -> None:
    for path in files:
        if path is not None and Path(os.path.abspath(path)) == kit_file:
            raise KitExportError(f"{path}: this is the kit file itself; choose another name")
    if html_dir is not None and Path(os.path.abspath(html_dir)) == kit_file.parent:
        raise KitExportError(
            f"{html_dir}: this is the kit's own folder; export the page into a new folder"
        )


def _write(path: Path, data: bytes, kit_file: Path) -> None:
    try:
        write_output(path, data, sources=(kit_file,))
    except OutputRefused as exc:
        raise KitExportError(str(exc)) from None
    except OSError as exc:
        raise KitExportError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _real_folder(path: Path) -> None:
    """Make ``path`` a folder; refuse a link or a file in its place."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        try:
            path.mkdir()
        except OSError as exc:
            raise KitExportError(f"{path}: cannot be made ({exc.strerror})") from None
        return
    if stat.S_ISLNK(info.st_mode):
        raise KitExportError(f"{path} is a symbolic link; Presskit does not write through links")
    if not stat.S_ISDIR(info.st_mode):
        raise KitExportError(f"{path} is a file, not a folder")


def write_tree(folder: Path, files: dict[str, bytes], kit_file: Path) -> None:
    """Write ``files`` (safe relative names) into ``folder``, never through a link."""
    if not folder.parent.exists():
        raise KitExportError(f"{folder.parent}: no such folder")
    _real_folder(folder)
    for name, data in sorted(files.items()):
        parts = name.split("/")
        if any(p in ("", ".", "..") for p in parts) or name.startswith("/"):
            raise KitExportError(f"{name}: not a safe file name")  # never: names are ours
        target = folder
        for part in parts[:-1]:
            target = target / part
            _real_folder(target)
        target = target / parts[-1]
        _write(target, data, kit_file)
