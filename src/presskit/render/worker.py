"""The render worker process: renders releases on request, staying warm between requests.

The editor starts ``python -m presskit.render.worker`` once and keeps it: WeasyPrint, the
fonts and the parsed theme stylesheets load once. Requests and replies are frames on stdin and
stdout (see :mod:`presskit.render.framing`). Errors are replies,
not crashes: only a hard crash (Pango has crashed before) ends the process, and the editor
restarts it.

Request:  {"id": int, "kind": "pdf" | "html" | "text" | "email" | "eml" | "kit",
           "source": str, "base_dir": str | None}
Reply:    {"id": int, "kind": ..., "ok": bool, "error": str, "elapsed": float,
           "pdf": bytes, "page_count": int, "html": str, "text": str, "data": bytes,
           "warnings": [str]}
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO

from presskit.render.email import build_eml, email_html
from presskit.render.framing import read_frame, write_frame
from presskit.render.html import render_html
from presskit.render.press_kit import build_press_kit
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
            if request["kind"] == "pdf":
                result = self.renderer.render(release, base_dir)
                reply.update(pdf=result.pdf, page_count=result.page_count, warnings=result.warnings)
            elif request["kind"] == "html":
                rendered = render_html(release, base_dir, purpose="web")
                reply.update(html=rendered.html, warnings=rendered.warnings)
            elif request["kind"] == "eml":
                reply.update(data=build_eml(release, base_dir), warnings=[])
            elif request["kind"] == "kit":
                result = self.renderer.render(release, base_dir)
                kit = build_press_kit(release, base_dir, result.pdf)
                reply.update(data=kit, warnings=result.warnings)
            elif request["kind"] == "email":
                rendered = email_html(release, base_dir)
                reply.update(html=rendered.html, text=render_text(release))
                reply["warnings"] = rendered.warnings
            else:
                reply.update(text=render_text(release), warnings=[])
            reply["ok"] = True
        except (ReleaseFileError, ThemeError, ReleaseTooLarge) as exc:
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
