"""Every report as if alone: what one report changes, the next in the same worker never sees.

A probe notebook prints what a fresh kernel would show (warnings, filters, logging, modules,
the environment, the working directory, history, threads...); the first report then changes
all of it and leaves by ``exit()``; the second, run next in the same worker, must print what
the first printed before it changed anything, and what plain papermill prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from kpitools.report import discover, notebooks_by_kind, run_batch
from kpitools.report.discovery import Report

HELPER = """
import warnings
CACHE = {}

def warn():
    warnings.warn("probe warning", UserWarning)
"""

INSPECT = """
import builtins, decimal, importlib.util, json, logging, math, os, random, sys, threading, warnings
import altair as alt, polars as pl
from jsonschema import FormatChecker
import probe_lib
probe_lib.warn()
ip = get_ipython()
state = {
    # jsonschema checks IRIs with rfc3987-syntax when installed (the template defers it)
    "iri": [FormatChecker().conforms(x, "iri") for x in ("http://example.com/ä", "no iri")],
    "rfc3987": importlib.util.find_spec("rfc3987_syntax") is None
    or hasattr(__import__("rfc3987_syntax"), "syntax_parser"),
    "pi": math.pi,
    "filters": [f[0] for f in warnings.filters[:3]],
    "handlers": len(logging.getLogger().handlers),
    "level": logging.getLogger().level,
    "env": "KT_PROBE" in os.environ,
    "tz": os.environ.get("TZ"),
    "cwd": os.getcwd(),
    "path": "/kt-probe-nowhere" in sys.path,
    "builtins": hasattr(builtins, "kt_probe"),
    "decimal": decimal.getcontext().prec,
    "recursion": sys.getrecursionlimit(),
    "seeded": random.random() == random.Random(1).random(),
    "interactivity": ip.ast_node_interactivity,
    "cache": dict(probe_lib.CACHE),
    "history": len(In) > 0 and "probe_lib.warn()" in In[-1],
    "threads": sorted(t.name for t in threading.enumerate()),
    "rows": pl.Config.state().get("POLARS_FMT_MAX_ROWS"),
    "renderer": alt.renderers.active,
    "leaked": "LEAK" in globals(),
    "modules": "probe_dirty_module" in sys.modules,
}
print("STATE " + json.dumps(state, sort_keys=True))
"""

DIRTY = """
if step == "dirty":
    import builtins, decimal, io, logging, math, os, random, sys, threading, time, types
    import warnings
    warnings.filterwarnings("error")
    logging.basicConfig(level=logging.DEBUG)
    logging.getLogger().addHandler(logging.StreamHandler())
    math.pi = 3
    os.environ["KT_PROBE"] = "1"
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    os.chdir("/")
    sys.path.append("/kt-probe-nowhere")
    builtins.kt_probe = 1
    decimal.getcontext().prec = 5
    sys.setrecursionlimit(500)
    random.seed(1)
    get_ipython().ast_node_interactivity = "all"
    probe_lib.CACHE["x"] = 1
    sys.modules["probe_dirty_module"] = types.ModuleType("probe_dirty_module")
    LEAK = 1
    pl.Config.set_tbl_rows(3)
    alt.renderers.enable("json")

    def chatter():
        while True:
            print("THREAD LEFT RUNNING", flush=True)
            time.sleep(0.02)

    threading.Thread(target=chatter, daemon=True, name="chatter").start()
    time.sleep(0.1)
    sys.stdout = io.StringIO()
"""

LAST = """
if step == "dirty":
    exit()
"""


def make_project(tmp: Path) -> tuple[Path, Path]:
    nbs, pars = tmp / "notebooks", tmp / "parameters"
    nbs.mkdir()
    pars.mkdir()
    (nbs / "probe_lib.py").write_text(HELPER, encoding="utf-8")
    nb = new_notebook(
        cells=[
            new_code_cell(
                'step: str = "inspect"  # what the probe does', metadata={"tags": ["parameters"]}
            ),
            new_code_cell(INSPECT),
            new_code_cell(DIRTY),
            new_code_cell(LAST),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "kpitools": {"report": "probe", "title": "Probe"},
        },
    )
    nbformat.write(nb, nbs / "probe.ipynb")
    (pars / "probe-1-dirty.yaml").write_text("step: dirty\n", encoding="utf-8")
    (pars / "probe-2-after.yaml").write_text("step: inspect\n", encoding="utf-8")
    return nbs, pars


def seen(path: Path) -> tuple[dict, str, list]:
    """The state a report printed, all its text, and its code cells' execution counts."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    text, state = "", None
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            chunk = "".join(o.get("text", ""))
            text += chunk
            for line in chunk.splitlines():
                if line.startswith("STATE "):
                    state = json.loads(line[6:])
    assert state is not None, f"no state printed in {path.name}:\n{text}"
    counts = [c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"]
    return state, text, counts


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fresh kernels, the default, whatever the environment running the tests says."""
    monkeypatch.delenv("KPITOOLS_FRESH_KERNELS", raising=False)


@pytest.mark.slow
def test_a_report_sees_a_fresh_kernel_whatever_ran_before_it(tmp_path: Path, fresh) -> None:
    import papermill as pm

    nbs, pars = make_project(tmp_path)
    out = tmp_path / "out"
    reports = discover(pars, nbs)
    outcomes = run_batch(reports, out, notebooks=notebooks_by_kind(nbs), workers=1)
    statuses = {o.report.name: (o.status, o.error) for o in outcomes}
    assert statuses["probe-2-after"] == ("ok", None), statuses
    first, _, _ = seen(out / "notebooks" / "probe-1-dirty.ipynb")
    after, after_text, counts = seen(out / "notebooks" / "probe-2-after.ipynb")
    # plain papermill: a kernel of its own for the one report
    plain_nb = tmp_path / "plain.ipynb"
    pm.execute_notebook(
        str(nbs / "probe.ipynb"),
        str(plain_nb),
        parameters={"step": "inspect"},
        cwd=str(nbs),
        progress_bar=False,
    )
    plain, plain_text, plain_counts = seen(plain_nb)
    assert after == first == plain
    assert after["pi"] == pytest.approx(3.141592653589793)
    assert after["threads"] == plain["threads"]
    assert "probe warning" in after_text and "probe warning" in plain_text
    assert "THREAD LEFT RUNNING" not in after_text
    assert counts == plain_counts and counts[0] == 1


@pytest.mark.slow
def test_the_kernel_is_forked_from_a_template_that_has_no_threads(tmp_path: Path, fresh) -> None:
    from kpitools.report import Worker
    from kpitools.report.forkserver import fork_unavailable

    if fork_unavailable():
        pytest.skip(fork_unavailable())
    worker = Worker()
    worker.start()
    try:
        assert worker.mode == "forked"
        assert worker.template is not None
        # the template imported polars and never started its thread pool
        threads = Path(f"/proc/{worker.template.process.pid}/task")
        names = sorted((t / "comm").read_text().strip() for t in threads.iterdir())
        assert [n for n in names if n.startswith(("polars-", "tokio", "jemalloc"))] == [
            "polars-ooc-clea"
        ], names
        # a report's kernel is a child of the template (forked), not a new Python
        notebook = tmp_path / "k.ipynb"
        nbformat.write(new_notebook(cells=[new_code_cell("1")]), notebook)
        worker._kernel_for(Report("k", "k", notebook, {}, notebook))
        pid = worker.km.provisioner.pid
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        assert parent == worker.template.process.pid
    finally:
        worker.stop()


STOPPING = """
import os, time
if step == "die":
    os._exit(3)
elif step == "sleep":
    time.sleep(120)
"""


@pytest.mark.slow
def test_a_dead_kernel_or_a_report_out_of_time_names_its_cell(tmp_path: Path, fresh) -> None:
    nbs, pars = tmp_path / "notebooks", tmp_path / "parameters"
    nbs.mkdir()
    pars.mkdir()
    nb = new_notebook(
        cells=[
            new_code_cell(
                'step: str = "ok"  # what the probe does', metadata={"tags": ["parameters"]}
            ),
            new_code_cell('print("BEFORE", step)'),
            new_code_cell(STOPPING),
            new_code_cell('print("AFTER")'),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "kpitools": {"report": "stop", "title": "Stop"},
        },
    )
    nbformat.write(nb, nbs / "stop.ipynb")
    for step in ("die", "sleep", "ok"):
        (pars / f"stop-{step}.yaml").write_text(f"step: {step}\n", encoding="utf-8")
    out = tmp_path / "out"
    outcomes = run_batch(
        discover(pars, nbs), out, notebooks=notebooks_by_kind(nbs), workers=1, report_timeout=8
    )
    result = {o.report.name: o for o in outcomes}
    died, slow, ok = result["stop-die"], result["stop-sleep"], result["stop-ok"]
    assert died.status == "failed" and died.error.startswith(
        "cell 3 of stop.ipynb: DeadKernelError"
    ), died.error
    assert slow.status == "failed" and slow.error == (
        "cell 3 of stop.ipynb: the report ran longer than its time limit (8 s) and was stopped"
    )
    assert slow.seconds < 30
    assert ok.status == "ok", ok.error
    for name in ("stop-die", "stop-sleep"):  # kept up to the cell it stopped in
        kept = json.loads((out / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        printed = ["".join(o.get("text", "")) for c in kept["cells"] for o in c.get("outputs", [])]
        assert printed == [f"BEFORE {name[5:]}\n"], printed


PARENTS = """
import os
print("PIDS", os.getpid(), os.getppid())
"""


@pytest.mark.slow
def test_the_workers_of_a_run_fork_their_kernels_from_one_template(tmp_path: Path, fresh) -> None:
    from kpitools.report.forkserver import fork_unavailable

    if fork_unavailable():
        pytest.skip(fork_unavailable())
    nbs, pars = tmp_path / "notebooks", tmp_path / "parameters"
    nbs.mkdir()
    pars.mkdir()
    nb = new_notebook(
        cells=[
            new_code_cell("n: int = 0  # which report", metadata={"tags": ["parameters"]}),
            new_code_cell(PARENTS),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "kpitools": {"report": "pids", "title": "Pids"},
        },
    )
    nbformat.write(nb, nbs / "pids.ipynb")
    for i in range(4):
        (pars / f"pids-{i}.yaml").write_text(f"n: {i}\n", encoding="utf-8")
    out = tmp_path / "out"
    outcomes = run_batch(
        discover(pars, nbs), out, notebooks=notebooks_by_kind(nbs), workers=2, force=True
    )
    assert [o.status for o in outcomes] == ["ok"] * 4
    pids = []
    for o in outcomes:
        executed = json.loads((out / "notebooks" / f"{o.report.name}.ipynb").read_text())
        text = "".join(
            "".join(x.get("text", "")) for c in executed["cells"] for x in c.get("outputs", [])
        )
        kernel, parent = map(int, text.split("PIDS", 1)[1].split()[:2])
        pids.append((kernel, parent))
    assert len({kernel for kernel, _ in pids}) == 4  # a kernel per report
    (template,) = {parent for _, parent in pids}  # all forked from one template
    assert not Path(f"/proc/{template}").exists()  # which ended with the run
