"""Frames on a pipe between the editor and its render worker.

A frame is a 4-byte big-endian length and a pickled dict of plain values (str, bytes, int,
float, lists). Both ends are Presskit's own processes; nothing from a release is unpickled.
This module is tiny on purpose: the editor imports it without loading any renderer.
"""

from __future__ import annotations

import pickle
import struct
from typing import Any, BinaryIO

_HEADER = struct.Struct(">I")
MAX_FRAME = 256 * 1024 * 1024


def encode_frame(message: dict[str, Any]) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def write_frame(stream: BinaryIO, message: dict[str, Any]) -> None:
    stream.write(encode_frame(message))
    stream.flush()


def read_frame(stream: BinaryIO) -> dict[str, Any] | None:
    """The next message from a blocking stream, or None at end of input."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    if size > MAX_FRAME:
        raise ValueError(f"frame of {size} bytes is too large")
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # noqa: S301 - frames come from our own editor process


def decode_frames(buffer: bytearray) -> list[dict[str, Any]]:
    """Take every complete frame off the front of ``buffer`` (which keeps the rest)."""
    messages = []
    while len(buffer) >= _HEADER.size:
        (size,) = _HEADER.unpack_from(buffer)
        if len(buffer) < _HEADER.size + size:
            break
        data = bytes(buffer[_HEADER.size : _HEADER.size + size])
        del buffer[: _HEADER.size + size]
        messages.append(pickle.loads(data))  # noqa: S301 - from our own worker process
    return messages
