"""The template process: what it imports, what it leaves out, and that it serves all the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpitools.report.forkserver import Template, fork_unavailable

pytestmark = pytest.mark.skipif(fork_unavailable() is not None, reason=str(fork_unavailable()))

THREADS = """
import threading, time
threading.Thread(target=time.sleep, args=(600,), daemon=True, name="left-running").start()
"""


@pytest.mark.slow
def test_a_module_that_starts_a_thread_is_left_out_and_the_template_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kt_probe_threads.py").write_text(THREADS, encoding="utf-8")
    (tmp_path / "kt_probe_fine.py").write_text("VALUE = 1\n", encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", path)
    template = Template(["kt_probe_threads", "kt_probe_missing", "kt_probe_fine", "json"])
    try:
        template.start()  # raises if the template kept a thread a fork would lose
        assert template.skipped == ["kt_probe_threads", "kt_probe_missing"]
        assert template.alive()
        process = template.process
    finally:
        template.stop()
    assert process is not None and process.returncode == 0  # ended as it should, at once
