"""Frames on a pipe between the editor and its render worker.

A frame is a 4-byte marker, a 4-byte big-endian length and a pickled dict of plain values
(str, bytes, int, float, lists). Both ends are Presskit's own processes; nothing from a
release is unpickled. The marker lets the reader skip bytes that are not ours (a library
that prints to stdout before the worker has redirected it) instead of reading them as a
length and then waiting forever for a frame that never comes. This module is tiny on
purpose: the editor imports it without loading any renderer.
"""

from __future__ import annotations

import pickle
import struct
from collections.abc import Callable
from typing import Any, BinaryIO

MAGIC = b"PKf1"
_HEADER = struct.Struct(">4sI")
MAX_FRAME = 256 * 1024 * 1024


class FrameError(ValueError):
    """The stream is corrupt: a frame too large or one that does not unpickle."""


def encode_frame(message: dict[str, Any]) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(MAGIC, len(data)) + data


def write_frame(stream: BinaryIO, message: dict[str, Any]) -> None:
    stream.write(encode_frame(message))
    stream.flush()


def read_frame(stream: BinaryIO) -> dict[str, Any] | None:
    """The next message from a blocking stream, or None at end of input."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    magic, size = _HEADER.unpack(header)
    if magic != MAGIC:
        raise FrameError("the stream is not made of Presskit frames")
    if size > MAX_FRAME:
        raise FrameError(f"frame of {size} bytes is too large")
    data = stream.read(size)
    if len(data) < size:
        return None
    return _unpickle(data)


def decode_frames(
    buffer: bytearray, on_noise: Callable[[bytes], None] | None = None
) -> list[dict[str, Any]]:
    """Take every complete frame off the front of ``buffer`` (which keeps the rest).

    Bytes before a frame's marker are noise: they are removed and passed to ``on_noise``.
    Raises :class:`FrameError` when a frame is too large or does not unpickle.
    """
    messages = []
    while True:
        _skip_noise(buffer, on_noise)
        if len(buffer) < _HEADER.size:
            return messages
        _magic, size = _HEADER.unpack_from(buffer)
        if size > MAX_FRAME:
            raise FrameError(f"frame of {size} bytes is too large")
        if len(buffer) < _HEADER.size + size:
            return messages
        data = bytes(buffer[_HEADER.size : _HEADER.size + size])
        del buffer[: _HEADER.size + size]
        messages.append(_unpickle(data))


def _skip_noise(buffer: bytearray, on_noise: Callable[[bytes], None] | None) -> None:
    start = buffer.find(MAGIC)
    if start < 0:
        # Keep a tail that may be the start of a marker still arriving.
        start = max(0, len(buffer) - len(MAGIC) + 1)
    if start and on_noise is not None:
        on_noise(bytes(buffer[:start]))
    del buffer[:start]


def _unpickle(data: bytes) -> dict[str, Any]:
    try:
        message = pickle.loads(data)  # noqa: S301 - frames come from our own processes
    except Exception as error:  # a truncated or garbled pickle raises almost anything
        raise FrameError(f"a frame does not unpickle: {error}") from error
    if not isinstance(message, dict):
        raise FrameError("a frame holds no message")
    return message
