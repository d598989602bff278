"""The render service's own behaviour that the editor relies on."""

from __future__ import annotations

import sys

from presskit.app.render_service import MAX_EARLY_DEATHS, RenderResult, RenderService


def test_a_worker_that_cannot_start_is_not_restarted_in_a_loop(qtbot) -> None:
    broken = [sys.executable, "-c", "import sys; sys.exit(3)"]  # dies before "ready"
    service = RenderService(command=broken)
    restarts: list[str] = []
    results: list[RenderResult] = []
    service.workerRestarted.connect(restarts.append)
    service.finished.connect(results.append)
    service.request("pdf", "---\nheadline: x\n---\n", None, preview=True)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    assert not results[0].ok
    assert f"{MAX_EARLY_DEATHS} times" in results[0].error
    assert len(restarts) == MAX_EARLY_DEATHS - 1
    qtbot.wait(500)
    assert len(restarts) == MAX_EARLY_DEATHS - 1  # it stopped trying
    service.request("text", "---\nheadline: x\n---\n", None, preview=False)  # a new request
    qtbot.waitUntil(lambda: len(results) == 2, timeout=20_000)  # tries again, fails again
    assert not results[1].ok
    service.shutdown()
