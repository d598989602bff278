"""The render worker under abuse: a slow render, hard crashes, a flood of edits.

A real RenderService drives a real worker process (the render worker wrapped by
``logging_worker.py``, which logs every request it starts and finishes), so the tests see
what the worker really did, not only what the service reported. Timings print with ``-s``.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer

from presskit.app.render_service import RenderResult, RenderService
from presskit.bundled import example_release_path
from presskit.storage.release_file import dumps_release, load_release
from tests.conftest import pdf_text, squash

LOGGING_WORKER = Path(__file__).with_name("logging_worker.py")
STARTUP_MS = 60_000  # a cold worker imports WeasyPrint and loads fonts: seconds on a busy CI


@dataclass
class Harness:
    """A RenderService with everything it emitted, and the worker's own log."""

    service: RenderService
    log: Path
    results: list[RenderResult] = field(default_factory=list)
    restarts: list[str] = field(default_factory=list)

    def worker_log(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def started(self, request_id: int) -> bool:
        return any(line.startswith(f"start {request_id} ") for line in self.worker_log())

    def rendered(self) -> list[int]:
        """The ids of the requests the worker finished, in order."""
        return [int(line.split()[1]) for line in self.worker_log() if line.startswith("done")]

    def events(self, request_id: int) -> list[tuple[str, int]]:
        """What happened to one request, in order: ("start" or "done", worker process id)."""
        return [
            (line.split()[0], int(line.split()[3]))
            for line in self.worker_log()
            if line.split()[1] == str(request_id)
        ]


@pytest.fixture
def harness(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("PRESSKIT_WORKER_LOG", str(tmp_path / "worker.log"))
    service = RenderService(command=[sys.executable, str(LOGGING_WORKER)])
    harness = Harness(service, tmp_path / "worker.log")
    service.finished.connect(harness.results.append)
    service.workerRestarted.connect(harness.restarts.append)
    # A first render warms the worker up, so every test starts from a ready, idle worker.
    first = service.request("text", example_text(), None, preview=False)
    qtbot.waitUntil(lambda: first in harness.rendered() and not service.busy, timeout=STARTUP_MS)
    harness.results.clear()
    yield harness
    service.shutdown()


def example_text(copies: int = 1, headline: str = "") -> str:
    """The bundled example with its body ``copies`` times over (and another headline)."""
    release = load_release(example_release_path()).release
    release.body = "\n\n".join([release.body] * copies)
    release.headline = headline or release.headline
    return dumps_release(release)


def _results_for(harness: Harness, request_id: int) -> list[RenderResult]:
    return [result for result in harness.results if result.id == request_id]


# -- a slow render ------------------------------------------------------------------------------


def test_a_slow_render_never_freezes_the_gui_thread(harness: Harness, qtbot) -> None:
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    start = time.perf_counter()
    request = harness.service.request(
        "pdf", example_text(copies=50), example_release_path().parent, preview=True
    )
    qtbot.waitUntil(lambda: bool(_results_for(harness, request)), timeout=300_000)
    elapsed = time.perf_counter() - start
    heartbeat.stop()
    result = _results_for(harness, request)[0]
    assert result.ok, result.error
    gaps = [later - earlier for earlier, later in zip([start, *ticks], ticks, strict=False)]
    print(
        f"\n50x example: {result.page_count} pages in {elapsed:.1f} s (worker: "
        f"{result.elapsed:.1f} s); heartbeat ticked {len(ticks)} times every 10 ms, "
        f"longest gap {max(gaps) * 1000:.0f} ms, median "
        f"{sorted(gaps)[len(gaps) // 2] * 1000:.0f} ms"
    )
    assert result.page_count >= 30
    # A GUI thread blocked by the render would not tick at all until it ended. How often it
    # ticked (the printed gaps) is a matter for benchmarks/bench_editor.py, not an assertion.
    assert len(ticks) >= 10


# -- hard crashes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSEGV], ids=["SIGKILL", "SIGSEGV"])
def test_a_worker_killed_while_idle_is_restarted(harness: Harness, qtbot, how: int) -> None:
    old_pid = harness.service.worker_pid()
    os.kill(old_pid, how)
    qtbot.waitUntil(lambda: bool(harness.restarts), timeout=10_000)
    assert harness.restarts == ["the renderer crashed"]
    request = harness.service.request("pdf", example_text(), None, preview=True)
    qtbot.waitUntil(lambda: bool(_results_for(harness, request)), timeout=STARTUP_MS)
    assert _results_for(harness, request)[0].ok
    assert harness.service.worker_pid() not in (0, old_pid)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSEGV], ids=["SIGKILL", "SIGSEGV"])
def test_a_worker_killed_mid_render_is_restarted_and_the_render_done_again(
    harness: Harness, qtbot, how: int
) -> None:
    """The render is really done again, by the new process, and its pages are what arrives:
    the worker's log names the process that started and finished each attempt, and the PDF
    delivered holds this request's own headline."""
    headline = "Generation Two of the Release Killed Mid-Render"
    request = harness.service.request(
        "pdf", example_text(copies=10, headline=headline), None, preview=True
    )
    qtbot.waitUntil(lambda: harness.started(request), timeout=10_000)
    killed = harness.service.worker_pid()
    os.kill(killed, how)  # a 10x example takes a second: mid-render
    qtbot.waitUntil(lambda: bool(_results_for(harness, request)), timeout=STARTUP_MS)
    assert harness.restarts == ["the renderer crashed"]
    restarted = harness.service.worker_pid()
    assert restarted not in (0, killed)
    # started by the killed process, never finished there; started again and finished by
    # the new one
    assert harness.events(request) == [
        ("start", killed), ("start", restarted), ("done", restarted)
    ]  # fmt: skip
    [result] = harness.results  # the resent render, delivered once
    assert result.ok and result.id == request
    assert squash(headline) in squash(pdf_text(result.pdf))
    assert result.page_count == len(PdfReader(io.BytesIO(result.pdf)).pages) >= 5


def test_a_release_that_kills_the_worker_twice_fails_and_the_next_edit_works(
    harness: Harness, qtbot
) -> None:
    request = harness.service.request("pdf", example_text(copies=10), None, preview=True)
    for how in (signal.SIGKILL, signal.SIGSEGV):
        qtbot.waitUntil(lambda: harness.started(request), timeout=STARTUP_MS)
        harness.log.write_text("")  # so that the next "start" is the resent request's
        os.kill(harness.service.worker_pid(), how)
    qtbot.waitUntil(lambda: bool(_results_for(harness, request)), timeout=STARTUP_MS)
    failed = _results_for(harness, request)[0]
    assert not failed.ok and "twice" in failed.error
    following = harness.service.request("pdf", example_text(), None, preview=True)
    qtbot.waitUntil(lambda: bool(_results_for(harness, following)), timeout=STARTUP_MS)
    assert _results_for(harness, following)[0].ok
    assert len(harness.restarts) == 2


# -- a flood of edits -----------------------------------------------------------------------------


def test_fifty_edits_during_a_slow_render_cost_one_more_render(harness: Harness, qtbot) -> None:
    start = time.perf_counter()
    slow = harness.service.request("pdf", example_text(copies=20), None, preview=True)
    qtbot.waitUntil(lambda: harness.started(slow), timeout=10_000)
    edits = [
        harness.service.request("pdf", example_text(headline=f"Edit {n}"), None, preview=True)
        for n in range(1, 51)
    ]
    newest = edits[-1]
    qtbot.waitUntil(lambda: newest in harness.rendered(), timeout=300_000)
    qtbot.wait(300)  # anything else the worker was (wrongly) still going to do shows up now
    elapsed = time.perf_counter() - start
    print(
        f"\n50 edits during a 20x render: the worker rendered {harness.rendered()[1:]} "
        f"(ids) in {elapsed:.1f} s; the service delivered {[r.id for r in harness.results]}"
    )
    assert harness.rendered()[1:] == [slow, newest]  # [0] is the fixture's warm-up
    assert [result.id for result in harness.results] == [newest]  # the slow one was stale
    assert harness.results[0].ok and "Edit 50" in harness.results[0].source
    assert not harness.service.busy


# -- a noisy worker -----------------------------------------------------------------------------


@pytest.fixture
def noisy(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Starts a service whose worker makes noise ``when`` (see logging_worker.py)."""
    started: list[Harness] = []

    def start(when: str) -> Harness:
        monkeypatch.setenv("PRESSKIT_WORKER_LOG", str(tmp_path / "noisy.log"))
        monkeypatch.setenv("PRESSKIT_WORKER_NOISE", when)
        harness = Harness(RenderService(command=[sys.executable, str(LOGGING_WORKER)]), tmp_path)
        harness.service.finished.connect(harness.results.append)
        harness.service.workerRestarted.connect(harness.restarts.append)
        started.append(harness)
        return harness

    yield start
    for harness in started:
        harness.service.shutdown()


def _render_text(harness: Harness, qtbot, *, preview: bool = True) -> RenderResult:
    request = harness.service.request("text", example_text(), None, preview=preview)
    qtbot.waitUntil(lambda: bool(_results_for(harness, request)), timeout=STARTUP_MS)
    return _results_for(harness, request)[0]


def test_a_library_writing_to_stdout_during_a_render_does_not_corrupt_replies(qtbot, noisy) -> None:
    # One such line used to make the service wait for a 678 MB frame: no preview, ever again.
    harness = noisy("render")
    assert _render_text(harness, qtbot, preview=False).ok
    assert _render_text(harness, qtbot, preview=False).ok


def test_noise_before_the_first_frame_is_skipped(qtbot, noisy) -> None:
    # Before the worker redirects fd 1, a library loading can print there: such bytes once
    # read as a frame length, and the service then waited for a frame that never came.
    harness = noisy("startup")
    assert _render_text(harness, qtbot).ok
    assert harness.restarts == []


def test_a_garbled_reply_restarts_the_worker_and_the_render_still_comes(qtbot, noisy) -> None:
    harness = noisy("garble-once")
    assert _render_text(harness, qtbot).ok
    assert harness.restarts == ["the renderer's reply was garbled"]


def test_a_worker_that_always_garbles_fails_the_request_with_a_message(qtbot, noisy) -> None:
    failed = _render_text(noisy("garble"), qtbot)
    assert failed.error == "the renderer's reply was garbled while starting, 3 times"
