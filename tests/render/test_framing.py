"""Frames between the editor and the render worker: round trips, noise, corruption."""

from __future__ import annotations

import io
import pickle
import struct

import pytest

from presskit.render.framing import (
    MAGIC,
    MAX_FRAME,
    FrameError,
    decode_frames,
    encode_frame,
    read_frame,
)


def test_frames_round_trip_through_a_stream_and_a_buffer() -> None:
    messages = [{"id": 1, "kind": "pdf", "pdf": b"%PDF\x00\xff"}, {"id": 2, "text": "é – ü"}]
    data = b"".join(encode_frame(m) for m in messages)
    stream = io.BytesIO(data)
    assert [read_frame(stream), read_frame(stream), read_frame(stream)] == [*messages, None]
    assert decode_frames(bytearray(data)) == messages


def test_a_frame_arriving_in_pieces_is_decoded_once_complete() -> None:
    data = encode_frame({"id": 7, "html": "x" * 5000})
    buffer = bytearray()
    decoded = []
    for start in range(0, len(data), 333):
        buffer.extend(data[start : start + 333])
        decoded += decode_frames(buffer)
    assert decoded == [{"id": 7, "html": "x" * 5000}]
    assert buffer == bytearray()


def test_noise_before_and_between_frames_is_skipped_and_reported() -> None:
    noise = b"(process:1): Pango-WARNING **: hello\n"
    buffer = bytearray(noise + encode_frame({"id": 1}) + b"PK" + encode_frame({"id": 2}))
    heard: list[bytes] = []
    assert decode_frames(buffer, on_noise=heard.append) == [{"id": 1}, {"id": 2}]
    assert b"".join(heard) == noise + b"PK"


def test_noise_ending_in_part_of_a_marker_waits_for_the_rest() -> None:
    frame = encode_frame({"id": 3})
    buffer = bytearray(b"noise" + frame[:2])
    assert decode_frames(buffer) == []
    buffer.extend(frame[2:])
    assert decode_frames(buffer) == [{"id": 3}]


def test_a_frame_that_does_not_unpickle_is_an_error() -> None:
    garbled = MAGIC + struct.pack(">I", 10) + b"not pickle"
    with pytest.raises(FrameError, match="does not unpickle"):
        decode_frames(bytearray(garbled))
    with pytest.raises(FrameError):
        read_frame(io.BytesIO(garbled))


def test_a_frame_that_is_not_a_message_is_an_error() -> None:
    data = pickle.dumps([1, 2])
    with pytest.raises(FrameError, match="no message"):
        decode_frames(bytearray(MAGIC + struct.pack(">I", len(data)) + data))


def test_an_absurd_length_is_an_error_not_a_wait() -> None:
    with pytest.raises(FrameError, match="too large"):
        decode_frames(bytearray(MAGIC + struct.pack(">I", MAX_FRAME + 1)))
    with pytest.raises(FrameError, match="not made of Presskit frames"):
        read_frame(io.BytesIO(b"garbage!" + encode_frame({"id": 1})))
