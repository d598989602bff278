"""The render worker process: renders releases on request, staying warm between requests.

The editor starts ``python -m presskit.outputs.worker`` once and keeps it: WeasyPrint, the
fonts and the parsed theme stylesheets load once. Requests and replies are frames on stdin and
stdout (see :mod:`presskit.render.framing`). Errors are replies,
not crashes: only a hard crash (Pango has crashed before) ends the process, and the editor
restarts it.

Request:  {"id": int, "kind": "email" or a format name of the output registry ("pdf",
           "html", "text", "eml", "kit", ...), "source": str, "base_dir": str | None,
           "path": str | None (the release file: its language versions are found from it)}
Reply:    {"id": int, "kind": ..., "ok": bool, "error": str, "elapsed": float,
           "data": bytes (the output file), "pdf": bytes, "page_count": int (for "pdf"),
           "html": str, "text": str (for "email", Copy for Email), "warnings": [str]}
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO

from presskit.outputs.registry import UnknownFormat, output_format
from presskit.outputs.session import RenderSession
from presskit.render.email import email_html
from presskit.render.framing import read_frame, write_frame
from presskit.render.text import render_text
from presskit.render.themes import ThemeError, load_theme
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import loads_release


class Worker:
    """Handles one request at a time with a warm PDF renderer."""

    def __init__(self) -> None:
        from presskit.render.pdf import PdfRenderer  # noqa: PLC0415 - loads WeasyPrint

        self.renderer = PdfRenderer()

    def warm_up(self) -> None:
        """Parse the default theme's stylesheets and load its fonts before the first request."""
        self.renderer.stylesheets(load_theme("classic"))

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        from presskit.render.pdf import ReleaseTooLarge  # noqa: PLC0415

        start = time.perf_counter()
        reply: dict[str, Any] = {"id": request["id"], "kind": request["kind"], "ok": False}
        base_dir = Path(request["base_dir"]) if request.get("base_dir") else None
        try:
            release = loads_release(request["source"], "release").release
            if request["kind"] == "email":  # Copy for Email: not a file, two clipboard parts
                rendered = email_html(release, base_dir)
                reply.update(html=rendered.html, text=render_text(release))
                reply["warnings"] = rendered.warnings
            else:
                path = Path(request["path"]) if request.get("path") else None
                session = RenderSession(release, base_dir, self.renderer, source_path=path)
                output = output_format(request["kind"]).write(session)
                reply.update(data=output.data, warnings=output.warnings)
                if request["kind"] == "pdf":
                    reply.update(pdf=output.data, page_count=session.pdf().page_count)
            reply["ok"] = True
        except (ReleaseFileError, ThemeError, ReleaseTooLarge, UnknownFormat) as exc:
            reply["error"] = str(exc)
        except Exception as exc:  # any render failure is reported as data; keep serving
            reply["error"] = f"the renderer failed: {type(exc).__name__}: {exc}"
        reply["elapsed"] = time.perf_counter() - start
        return reply


def serve(stdin: BinaryIO, stdout: BinaryIO) -> None:
    worker = Worker()
    write_frame(stdout, {"id": 0, "kind": "ready", "ok": True})
    worker.warm_up()
    while (request := read_frame(stdin)) is not None:
        write_frame(stdout, worker.handle(request))


def main() -> None:
    # Replies go out on a private copy of stdout, and file descriptor 1 itself then leads to
    # stderr: a stray print, or a C library (Pango, fontconfig) writing to stdout, cannot
    # corrupt the reply channel. One such line made the editor wait for a reply forever.
    channel_in = sys.stdin.buffer
    sys.stdout.flush()
    channel_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    serve(channel_in, channel_out)


if __name__ == "__main__":
    main()
