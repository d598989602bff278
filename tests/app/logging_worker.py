"""The real render worker, logging each request it starts and finishes, for the abuse tests.

Run as a script (``python tests/app/logging_worker.py``) with ``PRESSKIT_WORKER_LOG`` naming a
file: it gets lines ``start 7 pdf 4242`` and ``done 7 pdf 4242`` (the request, its kind and the
worker's process id), flushed at once, so a test can see what each worker process really
rendered and kill it at a known moment in the middle of a render.

``PRESSKIT_WORKER_NOISE`` makes it write a line to file descriptor 1, as a C library's
printf would: ``render`` during every render, ``startup`` once before the worker starts.
``garble`` writes a frame that does not unpickle before the worker starts, and ``garble-once``
does so only in the first worker process of a test (it leaves a mark next to the log).
"""

from __future__ import annotations

import os
import resource
import struct
from pathlib import Path
from typing import Any

from presskit.outputs import worker
from presskit.render import framing

NOISE = b"(process:1): Pango-WARNING **: a C library writing to stdout\n"
GARBLE = b"\x80\x05not a pickle at all"


def main() -> None:
    # The tests kill this process with SIGSEGV: no core file in the developer's folder.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    noise = os.environ.get("PRESSKIT_WORKER_NOISE", "")
    log = open(os.environ["PRESSKIT_WORKER_LOG"], "a", buffering=1, encoding="utf-8")  # noqa: SIM115
    handle = worker.Worker.handle

    def logged(self: worker.Worker, request: dict[str, Any]) -> dict[str, Any]:
        log.write(f"start {request['id']} {request['kind']} {os.getpid()}\n")
        if noise == "render":
            os.write(1, NOISE)
        reply = handle(self, request)
        log.write(f"done {request['id']} {request['kind']} {os.getpid()}\n")
        return reply

    worker.Worker.handle = logged  # type: ignore[method-assign]
    if noise == "startup":
        os.write(1, NOISE)
    mark = Path(os.environ["PRESSKIT_WORKER_LOG"] + ".garbled")
    if noise == "garble" or (noise == "garble-once" and not mark.exists()):
        mark.touch()
        os.write(1, framing.MAGIC + struct.pack(">I", len(GARBLE)) + GARBLE)
    worker.main()


if __name__ == "__main__":
    main()
