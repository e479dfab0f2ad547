"""kpitools outside its repository: the built wheel, in a new virtual environment, in an
empty folder.

The wheel is built from this tree (``python -m build --wheel``) and installed with its
dependencies from the package index into a fresh virtual environment; then, from an empty
folder, ``kpitools init my-reports && cd my-reports && kpitools run`` must write every example
report and the index, and the library must find its reference data without the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _env(bin_dir: Path) -> dict[str, str]:
    """A clean environment: the new venv first on PATH, nothing pointing at this tree."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KPITOOLS"))}
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> str:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """(the venv's bin folder, its environment, the wheel) with the wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("kpitools-*.whl")
    venv.create(base / "venv", with_pip=True, symlinks=True)
    bin_dir = base / "venv" / "bin"
    env = _env(bin_dir)
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], base, env)
    return bin_dir, env, wheel


def test_the_wheel_carries_data_notebooks_parameters_and_licences(
    installed: tuple[Path, dict[str, str], Path],
) -> None:
    _, _, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(
        ["git", "ls-files", "data", "notebooks", "parameters"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked
    assert {f"kpitools/_resources/{path}" for path in tracked} <= names
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert f"{info}/licenses/LICENSE" in names
    assert {
        f"{info}/licenses/data/reference/licenses/{p.name}"
        for p in (ROOT / "data" / "reference" / "licenses").iterdir()
    } <= names
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert f"Version: {version}\n" in metadata


def test_init_then_run_in_an_empty_folder_writes_every_example_report(
    installed: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    bin_dir, env, _ = installed
    kpitools = str(bin_dir / "kpitools")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert _run([kpitools, "--version"], tmp_path, env).strip() == f"kpitools {version}"

    _run([kpitools, "init", "my-reports"], tmp_path, env)
    project = tmp_path / "my-reports"
    out = _run([kpitools, "run", "--workers", "2"], project, env)
    assert "not in a kpitools project" not in out
    examples = sorted(p.stem for p in (project / "parameters").glob("*.yaml"))
    assert "batch" in examples
    written = sorted(p.stem for p in (project / "reports").glob("*.html"))
    assert "index" in written
    manifest = json.loads((project / "reports" / ".kpitools-manifest.json").read_text())
    assert all(entry["status"] == "ok" for entry in manifest.values()), manifest
    singles = [e for e in examples if e != "batch"]
    assert set(singles) <= set(manifest)
    assert len(manifest) > len(singles)  # and the reports of batch.yaml
    assert sorted(manifest) == [w for w in written if w != "index"]
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    assert all(f"{name}.html" in index for name in manifest)

    # from a folder inside the project, nothing to do: every report is up to date
    again = _run([kpitools, "run"], project / "data" / "seed", env)
    assert f"0 written, {len(manifest)} unchanged" in again


def test_the_installed_library_finds_its_reference_data_outside_any_project(
    installed: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    bin_dir, env, _ = installed
    code = (
        "import kpitools as kt, kpitools.project as p\n"
        "ds = kt.load_dataset('data/demo_panel.csv', units='data/units.csv',"
        " catalog='data/metrics.csv')\n"
        "print(ds.kpis.height, ds.synthetic, p.packaged().name)\n"
        "print(str(ds.files[0]).startswith(str(p.packaged())))\n"
    )
    done = subprocess.run(
        [str(bin_dir / "python"), "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    height, synthetic, folder, inside = done.stdout.split()
    assert int(height) > 2000 and synthetic == "True" and folder == "_resources"
    assert inside == "True"
    assert "data/units.csv: not in this project; using the copy installed" in done.stderr
    text = _run(
        [
            str(bin_dir / "kpitools"),
            "extract",
            "--format",
            "json",
            "data/seed/000_75537393c0b30eb1.txt",
        ],
        tmp_path,
        env,
    )
    assert "not in a kpitools project" in text and '"metric": "admissions_nonstate"' in text
