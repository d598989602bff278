"""A TCP proxy that holds every request back a little: a slow network, to stop a sync mid-way."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator


def _pump(source: socket.socket, target: socket.socket, delay: float) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            time.sleep(delay)
            target.sendall(data)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def slow_proxy(port: int, delay: float) -> Iterator[int]:
    """Forward a free local port to ``port``, sleeping ``delay`` s before each request chunk."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", port))
            threading.Thread(target=_pump, args=(client, upstream, delay), daemon=True).start()
            threading.Thread(target=_pump, args=(upstream, client, 0.0), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()
