"""``kpitools run`` on a real full or read-only disk: a tiny tmpfs.

Mounting needs root (CI runs as root, as does the dev container); elsewhere the tmpfs tests
are skipped, and the unit tests (tests/unit/report/test_batch.py, test_worker.py) simulate the
same errors.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

KPITOOLS = Path(sys.executable).parent / "kpitools"
ROOT = os.geteuid() == 0


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    """A tmpfs mounted at ``where`` for the block (skips the test when it cannot be)."""
    if not ROOT:
        pytest.skip("mounting a tmpfs needs root; the unit tests simulate a full disk")
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], check=True)


def project(tmp: Path, names: list[str], *, chart: bool = False) -> list[str]:
    """A probe notebook and one parameter file per name: the arguments of ``kpitools run``.

    With ``chart`` the probe draws an Altair chart, so its page carries the packed Vega
    library (some 400 kB), which the index does not.
    """
    nbs, pars = tmp / "notebooks", tmp / "parameters"
    nbs.mkdir()
    pars.mkdir()
    nb = new_notebook(
        cells=[
            new_code_cell("step: str = 'x'  # a step", metadata={"tags": ["parameters"]}),
            new_code_cell("print('probe', step)"),
            *(
                [
                    new_code_cell(
                        "import altair as alt\n"
                        "alt.Chart(alt.Data(values=[{'x': 1}])).mark_bar().encode(x='x:Q')"
                    )
                ]
                if chart
                else []
            ),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "kpitools": {"report": "probe", "title": "Probe"},
        },
    )
    nbformat.write(nb, nbs / "probe.ipynb")
    for name in names:
        (pars / f"{name}.yaml").write_text("step: y\n")
    return ["run", "--parameters", str(pars), "--notebooks", str(nbs), "--workers", "1"]


def kpitools(args: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(KPITOOLS), *args, "--out", str(out)], capture_output=True, text=True, timeout=300
    )


def fill(folder: Path) -> None:
    """Write into ``folder`` until the disk is full."""
    with open(folder / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"x" * 1024)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_a_read_only_output_folder_stops_before_any_kernel(tmp_path: Path) -> None:
    args = project(tmp_path, ["probe-a"])
    if ROOT:  # root writes anywhere: only a read-only mount stops it
        context = tmpfs(tmp_path / "ro", "ro,size=64k")
        reason = "Read-only file system"
    else:
        (tmp_path / "ro").mkdir(mode=0o500)
        context = contextlib.nullcontext(tmp_path / "ro")
        reason = "Permission denied"
    with context as ro:
        done = kpitools(args, ro / "reports")
    assert done.returncode == 2
    assert done.stderr == f"kpitools run: cannot write to {ro / 'reports'}/: {reason}\n"
    assert done.stdout == ""  # not even the line announcing the batch


@pytest.mark.slow
def test_pages_a_full_disk_refuses_fail_alone(tmp_path: Path) -> None:
    # a page carries the packed Vega bundle (some 400 kB); notebooks and the index are small
    args = project(tmp_path, ["probe-a", "probe-b"], chart=True)
    with tmpfs(tmp_path / "disk", "size=256k") as disk:
        done = kpitools(args, disk)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
        for name in ("probe-a", "probe-b"):
            line = next(x for x in done.stdout.splitlines() if x.startswith(f"{name}  failed"))
            assert line.endswith(f"no space left on device writing {disk / name}.html")
            assert not (disk / f"{name}.html").exists()
            nbformat.read(disk / "notebooks" / f"{name}.ipynb", as_version=4)  # whole
        assert done.stdout.rstrip().endswith(f"2 failed, 0 invalid; index: {disk / 'index.html'}")
        index = (disk / "index.html").read_text(encoding="utf-8")
        assert index.count("no space left on device writing") == 2
        assert not [p for p in disk.rglob("*") if ".part" in p.name]


@pytest.mark.slow
def test_a_disk_full_from_the_start_leaves_no_half_notebook(tmp_path: Path) -> None:
    args = project(tmp_path, ["probe-a"])
    with tmpfs(tmp_path / "disk", "size=256k") as disk:
        (disk / "notebooks").mkdir()
        fill(disk)
        done = kpitools(args, disk)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
        executed = disk / "notebooks" / "probe-a.ipynb"
        assert f"no space left on device writing {executed}" in done.stdout
        assert not executed.exists()
        assert f"kpitools run: no space left on device writing {disk / 'index.html'}" in (
            done.stderr
        )
        assert done.stdout.rstrip().endswith("index: not written")
        assert not [p for p in disk.rglob("*") if ".part" in p.name]
