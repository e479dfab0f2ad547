"""A worker's faster steps give what the slower ones gave."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CHECKS = textwrap.dedent(
    """
    import copy
    from nbformat.v4 import nbbase
    from nbformat.v4.nbbase import output_from_msg
    from kpitools.report.worker import _fast_output_checks

    original = nbbase.validate
    _fast_output_checks()
    assert nbbase.validate is not original
    good = [
        {"output_type": "stream", "name": "stdout", "text": "a"},
        {"output_type": "display_data", "data": {"text/plain": "x", "text/html": "<b>"},
         "metadata": {}},
        {"output_type": "execute_result", "data": {"text/plain": "1"}, "metadata": {},
         "execution_count": 3},
        {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t"]},
    ]
    bad = [
        {"output_type": "stream", "name": "stdout"},
        {"output_type": "display_data", "data": {"text/plain": 1}, "metadata": {}},
        {"output_type": "nothing"},
        {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t"], "x": 1},
    ]
    good = [(o, "output") for o in good] + [
        ({"cell_type": "code", "source": "x", "metadata": {}, "outputs": [],
          "execution_count": None, "id": "a1"}, "code_cell"),
        ({"cell_type": "markdown", "source": "x", "metadata": {}, "id": "a2"}, "markdown_cell"),
    ]
    bad = [(o, "output") for o in bad] + [
        ({"cell_type": "code", "source": "x", "metadata": {}, "id": "a1"}, "code_cell"),
        ({"cell_type": "markdown", "source": 1, "metadata": {}, "id": "a2"}, "markdown_cell"),
    ]
    for node, ref in good:
        kept = copy.deepcopy(node)
        assert nbbase.validate(node, ref) is None and node == kept
    for node, ref in bad:
        errors = []
        for check in (original, nbbase.validate):
            try:
                check(copy.deepcopy(node), ref)
            except Exception as exc:
                errors.append((type(exc), str(exc)))
        assert len(errors) == 2 and errors[0] == errors[1], errors
    from nbformat.v4 import new_code_cell
    assert new_code_cell("x = 1").source == "x = 1"
    msg = {"header": {"msg_type": "stream"}, "content": {"name": "stdout", "text": "x"}}
    assert output_from_msg(msg) == {"output_type": "stream", "name": "stdout", "text": "x"}
    print("ok")
    """
)


def test_outputs_are_checked_as_nbformat_checks_them() -> None:
    """Valid outputs and cells pass unchanged; an invalid one fails with nbformat's error."""
    # in a process of its own: the check replaces nbformat's for the whole process
    done = subprocess.run(
        [sys.executable, "-c", CHECKS], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


DEFERRED = textwrap.dedent(
    """
    import os, signal
    from kpitools.report.worker import _put

    events = []

    def on_term(signum, frame):
        events.append("signal")
        raise SystemExit(143)

    class Queue:
        def put(self, item):
            os.kill(os.getpid(), signal.SIGTERM)  # arrives while the item is put
            events.append(f"put {item}")

    signal.signal(signal.SIGTERM, on_term)
    try:
        _put(Queue(), 1)
    except SystemExit:
        pass
    print(events)
    """
)


def test_a_sigterm_during_a_put_comes_after_it() -> None:
    """A worker's put to the run's queues is not cut by SIGTERM: a process cut in its first
    put waited at its exit for the queue's thread, for ever."""
    done = subprocess.run(
        [sys.executable, "-c", DEFERRED], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['put 1', 'signal']"


LIGHT = textwrap.dedent(
    """
    import sys
    from kpitools.report import worker

    worker._preload()  # what the workers' parent loads before it forks the workers
    print(sorted(m for m in ("polars", "pyarrow", "pandas") if m in sys.modules))
    import papermill.iorw
    try:
        papermill.iorw.HadoopFileSystem()
    except Exception as exc:  # papermill's own word for an hdfs:// path without pyarrow
        print(type(exc).__name__, "pyarrow" in str(exc))
    import importlib.util
    if importlib.util.find_spec("pyarrow") is None:  # an install without the bench extra
        print("absent")
    else:
        import pyarrow.fs  # hidden only while papermill loaded
        print("pyarrow" in sys.modules)
    """
)


def test_the_workers_parent_loads_neither_polars_nor_pyarrow() -> None:
    """The run's workers need neither (~0.4 s of CPU before the first report); pyarrow is
    hidden from papermill only while it loads, which then says ``hdfs://`` needs it."""
    done = subprocess.run(
        [sys.executable, "-c", LIGHT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    import importlib.util

    importable = "True" if importlib.util.find_spec("pyarrow") is not None else "absent"
    said = ["[]", "PapermillOptionalDependencyException True", importable]
    assert done.stdout.split("\n")[:3] == said


def test_the_batchs_own_digest_and_stylesheet_are_kpitools_displays() -> None:
    """The batch reads them without ``kpitools.display`` (it imports polars)."""
    from pathlib import Path

    from kpitools import display
    from kpitools.io import dataset
    from kpitools.report import batch, html

    notebook = next((Path(__file__).parents[3] / "notebooks").glob("*.ipynb"))
    assert html.file_digest(notebook) == display.file_digest(notebook, length=64)
    assert html.file_digest(notebook, length=12) == display.file_digest(notebook)
    assert html._stylesheet() == display.stylesheet()
    assert batch.SHARED_CACHE_ENV == dataset.SHARED_CACHE_ENV
