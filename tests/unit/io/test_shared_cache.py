"""The datasets a batch run's kernels share through a folder (kpitools.io.dataset)."""

from __future__ import annotations

import os
import shutil

import pytest

import kpitools as kt
from kpitools.io import dataset as dataset_module


@pytest.fixture
def shared(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setenv(dataset_module.SHARED_CACHE_ENV, str(folder))
    monkeypatch.setattr(dataset_module, "_LOADED", {})
    return folder


def _load(path):
    return kt.load_dataset([path], units="data/units.csv", catalog="data/metrics.csv")


def test_a_dataset_read_once_is_loaded_by_the_next_process_without_reading(
    tmp_path, shared, monkeypatch
):
    data = tmp_path / "panel.csv"
    shutil.copy("data/demo_panel.csv", data)
    first = _load(data)
    assert len(list(shared.glob("*.pickle"))) == 1
    # the next process: nothing in memory, and reading the files would fail
    monkeypatch.setattr(dataset_module, "_LOADED", {})

    def no_reading(*args, **kwargs):
        raise AssertionError("read again")

    monkeypatch.setattr(dataset_module, "read_entries", no_reading)
    again = _load(data)
    assert again.kpis.equals(first.kpis)
    assert again.notes == first.notes and again.files == first.files
    assert again.registry.unit("017").name == first.registry.unit("017").name


def test_a_changed_file_is_read_again(tmp_path, shared, monkeypatch):
    data = tmp_path / "panel.csv"
    shutil.copy("data/demo_panel.csv", data)
    before = _load(data)
    monkeypatch.setattr(dataset_module, "_LOADED", {})
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    data.write_text("".join(lines[:-1]), encoding="utf-8")  # one row fewer
    os.utime(data, ns=(1, 1))  # even with an old modification time: the size differs
    after = _load(data)
    assert after.kpis.height == before.kpis.height - 1
    assert len(list(shared.glob("*.pickle"))) == 2


def test_a_broken_cache_file_is_ignored_and_replaced(tmp_path, shared, monkeypatch):
    data = tmp_path / "panel.csv"
    shutil.copy("data/demo_panel.csv", data)
    expected = _load(data)
    (cached,) = shared.glob("*.pickle")
    cached.write_bytes(b"not a pickle")
    monkeypatch.setattr(dataset_module, "_LOADED", {})
    assert _load(data).kpis.equals(expected.kpis)
    assert cached.read_bytes() != b"not a pickle"


def test_without_the_folder_nothing_is_kept(tmp_path, monkeypatch):
    monkeypatch.delenv(dataset_module.SHARED_CACHE_ENV, raising=False)
    monkeypatch.setattr(dataset_module, "_LOADED", {})
    data = tmp_path / "panel.csv"
    shutil.copy("data/demo_panel.csv", data)
    _load(data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["panel.csv"]


_CHILD = """
import sys, time
from kpitools.io import dataset
read = dataset.read_entries

def slow_read(*args, **kwargs):  # long enough for every process to reach the files
    with open(sys.argv[2], "a") as f:
        f.write("read\\n")
    time.sleep(1.5)
    return read(*args, **kwargs)

dataset.read_entries = slow_read
import kpitools as kt
ds = kt.load_dataset([sys.argv[1]], units="data/units.csv", catalog="data/metrics.csv")
print(ds.kpis.height)
"""


def test_processes_that_start_together_read_the_files_once(tmp_path, shared):
    import subprocess
    import sys

    data = tmp_path / "panel.csv"
    shutil.copy("data/demo_panel.csv", data)
    reads = tmp_path / "reads.txt"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(data), str(reads)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, dataset_module.SHARED_CACHE_ENV: str(shared)},
        )
        for _ in range(3)
    ]
    heights = [int(p.communicate(timeout=120)[0]) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0]
    assert heights == [_load(data).kpis.height] * 3
    # one process read the files; the two others waited for its copy and loaded it
    assert reads.read_text().splitlines() == ["read"]
    assert len(list(shared.glob("*.pickle"))) == 1
