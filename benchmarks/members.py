"""Benchmark: KPIs from a member export in kpitools, DuckDB SQL and pandas, in one run.

The same computation three ways, from Parquet and from CSV, on the synthetic national export
of ``scripts/make_member_export.py`` (made first if missing):

* check every row: member id present and not duplicated, unit code in the registry, dates
  readable, admission not after the export date (2025-12-31) nor before 1930-02-03, age at
  admission 18–100, sex and status known, a status date for those who left, not before
  admission nor after the export date — and count the bad rows (the export has none);
* per district and per province, for every year 1950–2024 (kpitools counts 2025 by period):
  admissions, of them in non-state enterprises, business owners, upper-secondary students,
  women, men, and by age band (< 30, 30–44, 45–59, 60+); deaths, removals, transfers out
  (by the year they happened); members at year end;
* as the long table: ``unit_code, year, metric, actual``, sorted.

kpitools runs its public :func:`kpitools.members.member_kpis` (polars lazy queries reading only
the needed columns); DuckDB and pandas run hand-written code for this file's layout (the
synthetic registry gives every unit an open lifetime, so they skip that step). Each engine
runs in its own subprocess, so its peak memory (maximum resident set size, interpreter and
libraries included) is its own. The three results must be identical; the script prints
times (wall, and CPU over all threads, which a busy machine disturbs less), ratios against
kpitools and peak memory, and fails if the results differ.

    python benchmarks/members.py                        # 500 000 and 5 500 000 rows
    python benchmarks/members.py --rows 500000 --repeat 3 --out build/members-bench

Needs the ``bench`` extra (``pip install -e ".[bench]"``: duckdb, pandas, pyarrow).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "scripts" / "make_member_export.py"
ENGINES = ("kpitools", "duckdb", "pandas")
FORMATS = ("parquet", "csv")
EXPORTED = "2025-12-31"
# 2025 is left out: the synthetic registry ends its districts on 2025-06-30, so kpitools
# counts 2025 by period (1/1–30/6, 1/7–31/12), which the hand-written engines do not model
FIRST, LAST = 1950, 2024
EDGES = (30, 45, 60)
BANDS = (
    "admissions_age_under_30",
    "admissions_age_30_44",
    "admissions_age_45_59",
    "admissions_age_60_plus",
)
METRICS = (
    "admissions",
    "admissions_nonstate",
    "admissions_business_owners",
    "admissions_hs_students",
    "admissions_female",
    "admissions_male",
    *BANDS,
    "members",
    "deaths",
    "removals",
    "transfers_out",
)


def _generator() -> Any:
    """The export generator, for the words its CSV uses (one definition, not two)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_member_export", ROOT / "scripts" / "make_member_export.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_GEN = _generator()
# The CSV's Vietnamese headers and status words, as the generator writes them.
VI = {k: v for k, v in _GEN.HEADERS_VI.items() if k != "source"}
STATUS_VI = {v: k for k, v in _GEN.STATUS_VI.items()}


# --------------------------------------------------------------------------- engines


SPLITS: dict[str, float] = {}  # parts of an engine's time worth printing on their own


def run_kpitools(export: Path, units: Path) -> object:
    from kpitools.members import member_kpis
    from kpitools.registry import read_registry

    start = time.perf_counter()
    registry = read_registry(units)  # part of the timed work, as for a user
    SPLITS["registry"] = time.perf_counter() - start
    out = member_kpis(
        export,
        registry=registry,
        exported=EXPORTED,
        levels=("district", "city"),
        years=range(FIRST, LAST + 1),
    )
    return out.kpis.select("unit_code", "year", "metric", "actual")


def _duckdb_sql(export: Path, units: Path) -> str:
    if export.suffix == ".parquet":
        source = f"read_parquet('{export}')"
        cols = {c: c for c in VI}
        adm, born, when = "admission_date", "birth_date", "status_date"
        female = "sex = 'F'"
        sex_ok = "sex IN ('F', 'M')"
        flags = {c: c for c in ("business_owner", "hs_student", "nonstate")}
        status = "status"
    else:
        source = f"read_csv('{export}', all_varchar = true, header = true)"
        cols = {c: f'"{h}"' for c, h in VI.items()}
        adm = f"try_strptime({cols['admission_date']}, '%d/%m/%Y')::DATE"
        born = f"try_strptime({cols['birth_date']}, '%d/%m/%Y')::DATE"
        when = f"try_strptime({cols['status_date']}, '%d/%m/%Y')::DATE"
        female = f"{cols['sex']} = 'Nữ'"
        sex_ok = f"{cols['sex']} IN ('Nữ', 'Nam')"
        flags = {
            c: f"coalesce({cols[c]} = 'x', false)"
            for c in ("business_owner", "hs_student", "nonstate")
        }
        cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in STATUS_VI.items())
        status = f"CASE {cols['status']} {cases} END"
    bands = "CASE WHEN age < 30 THEN 0 WHEN age < 45 THEN 1 WHEN age < 60 THEN 2 ELSE 3 END"
    adm_metrics = ",\n".join(
        [
            "count(*) AS admissions",
            "count(*) FILTER (nonstate) AS admissions_nonstate",
            "count(*) FILTER (business_owner) AS admissions_business_owners",
            "count(*) FILTER (hs_student) AS admissions_hs_students",
            "count(*) FILTER (female) AS admissions_female",
            "count(*) FILTER (NOT female) AS admissions_male",
            *[f"count(*) FILTER (band = {i}) AS {b}" for i, b in enumerate(BANDS)],
        ]
    )
    years = f"range({FIRST}, {LAST + 1})"
    return f"""
WITH units AS (SELECT * FROM read_csv('{units}', all_varchar = true, header = true)),
raw AS (
  SELECT {cols["member_id"]} AS id, {cols["unit_code"]} AS unit_code, {adm} AS a, {born} AS b,
         {female} AS female, {sex_ok} AS sex_ok,
         {flags["business_owner"]} AS business_owner, {flags["hs_student"]} AS hs_student,
         {flags["nonstate"]} AS nonstate, {status} AS status, {when} AS s
  FROM {source}),
checked AS (
  SELECT raw.*, u.parent AS district,
         (year(a) * 10000 + month(a) * 100 + day(a)
          - year(b) * 10000 - month(b) * 100 - day(b)) // 10000 AS age
  FROM raw LEFT JOIN units u ON u.code = raw.unit_code),
flagged AS (
  SELECT *, {bands} AS band,
    (id IS NULL OR district IS NULL OR a IS NULL OR a > DATE '{EXPORTED}'
     OR a < DATE '1930-02-03' OR b IS NULL OR age < 18 OR age > 100 OR NOT sex_ok
     OR status IS NULL
     OR (status <> 'active' AND (s IS NULL OR s < a OR s > DATE '{EXPORTED}'))) AS bad
  FROM checked),
dups AS (SELECT count(*) - count(DISTINCT id) AS n FROM raw),
good AS (SELECT * FROM flagged WHERE NOT bad),
adm AS (
  SELECT district, year(a) AS year, {adm_metrics}
  FROM good GROUP BY district, year(a)),
ex AS (
  SELECT district, year(s) AS year,
         count(*) FILTER (status = 'deceased') AS deaths,
         count(*) FILTER (status = 'removed') AS removals,
         count(*) FILTER (status = 'transferred') AS transfers_out
  FROM good WHERE status <> 'active' GROUP BY district, year(s)),
grid AS (
  SELECT code AS district, y.range AS year FROM units, {years} y WHERE level = 'district'),
by_district AS (
  SELECT g.district, g.year,
         {", ".join(f"coalesce(adm.{m}, 0) AS {m}" for m in METRICS[:10])},
         coalesce(ex.deaths, 0) AS deaths, coalesce(ex.removals, 0) AS removals,
         coalesce(ex.transfers_out, 0) AS transfers_out,
         sum(coalesce(adm.admissions, 0) - coalesce(ex.deaths, 0) - coalesce(ex.removals, 0)
             - coalesce(ex.transfers_out, 0))
           OVER (PARTITION BY g.district ORDER BY g.year) AS members
  FROM grid g LEFT JOIN adm USING (district, year) LEFT JOIN ex USING (district, year)),
both_levels AS (
  SELECT district AS unit_code, year, {", ".join(METRICS)} FROM by_district
  UNION ALL
  SELECT u.parent AS unit_code, year, {", ".join(f"sum({m}) AS {m}" for m in METRICS)}
  FROM by_district JOIN units u ON u.code = by_district.district
  GROUP BY u.parent, year),
long AS (UNPIVOT both_levels ON {", ".join(METRICS)} INTO NAME metric VALUE actual)
SELECT unit_code, year::INTEGER AS year, metric, actual::DOUBLE AS actual,
       (SELECT n FROM dups) AS duplicates,
       (SELECT count(*) FROM flagged WHERE bad) AS bad_rows
FROM long ORDER BY year, metric, unit_code
"""


def run_duckdb(export: Path, units: Path) -> object:
    import duckdb

    con = duckdb.connect()
    frame = con.sql(_duckdb_sql(export, units)).pl()
    _no_bad_rows(int(frame["duplicates"][0]), int(frame["bad_rows"][0]))
    return frame.drop("duplicates", "bad_rows")


def _no_bad_rows(duplicates: int, bad: int) -> None:
    if duplicates or bad:
        raise SystemExit(f"the export has {duplicates} duplicate ids and {bad} bad rows")


def run_pandas(export: Path, units_path: Path) -> object:
    import pandas as pd

    units = pd.read_csv(units_path, dtype=str, keep_default_na=False)
    if export.suffix == ".parquet":
        df = pd.read_parquet(export, columns=list(VI))
        df["female"] = df["sex"] == "F"
        df["sex_ok"] = df["sex"].isin(["F", "M"])
    else:
        df = pd.read_csv(
            export, dtype=str, usecols=list(VI.values()), keep_default_na=False, na_values=[""]
        )
        df = df.rename(columns={v: k for k, v in VI.items()})
        for c in ("admission_date", "birth_date", "status_date"):
            df[c] = pd.to_datetime(df[c], format="%d/%m/%Y", errors="coerce")
        df["female"] = df["sex"] == "Nữ"
        df["sex_ok"] = df["sex"].isin(["Nữ", "Nam"])
        for c in ("business_owner", "hs_student", "nonstate"):
            df[c] = df[c] == "x"
        df["status"] = df["status"].map(STATUS_VI)
    a = pd.to_datetime(df["admission_date"])
    b = pd.to_datetime(df["birth_date"])
    s = pd.to_datetime(df["status_date"])
    parent = dict(zip(units["code"], units["parent"], strict=True))
    df["district"] = df["unit_code"].map(parent)
    ymd_a = a.dt.year * 10000 + a.dt.month * 100 + a.dt.day
    ymd_b = b.dt.year * 10000 + b.dt.month * 100 + b.dt.day
    df["age"] = (ymd_a - ymd_b) // 10000
    exported = pd.Timestamp(EXPORTED)
    leaving = df["status"].notna() & (df["status"] != "active")
    bad = (
        df["member_id"].isna()
        | df["district"].isna()
        | a.isna()
        | (a > exported)
        | (a < pd.Timestamp("1930-02-03"))
        | b.isna()
        | (df["age"] < 18)
        | (df["age"] > 100)
        | ~df["sex_ok"]
        | df["status"].isna()
        | (leaving & (s.isna() | (s < a) | (s > exported)))
    )
    _no_bad_rows(int(df["member_id"].duplicated().sum()), int(bad.sum()))
    good = df[~bad].assign(year=a[~bad].dt.year, exit_year=s[~bad].dt.year)
    good["band"] = pd.cut(good["age"], [-1, 29, 44, 59, 1000], labels=False)
    for i, name in enumerate(BANDS):
        good[name] = good["band"] == i
    good["admissions_male"] = ~good["female"]
    adm = good.groupby(["district", "year"]).agg(
        admissions=("female", "size"),
        admissions_nonstate=("nonstate", "sum"),
        admissions_business_owners=("business_owner", "sum"),
        admissions_hs_students=("hs_student", "sum"),
        admissions_female=("female", "sum"),
        admissions_male=("admissions_male", "sum"),
        **{name: (name, "sum") for name in BANDS},
    )
    left = good[good["status"] != "active"]
    ex = (
        pd.crosstab([left["district"], left["exit_year"].astype(int)], left["status"])
        .rename(
            columns={"deceased": "deaths", "removed": "removals", "transferred": "transfers_out"}
        )
        .rename_axis(index=["district", "year"], columns=None)
    )
    districts = units.loc[units["level"] == "district", "code"]
    grid = pd.MultiIndex.from_product(
        [districts, range(FIRST, LAST + 1)], names=["district", "year"]
    )
    wide = adm.reindex(grid, fill_value=0).join(ex.reindex(grid, fill_value=0))
    for m in ("deaths", "removals", "transfers_out"):
        if m not in wide:
            wide[m] = 0
    flow = wide["admissions"] - wide["deaths"] - wide["removals"] - wide["transfers_out"]
    wide["members"] = flow.groupby(level="district").cumsum()
    wide = wide[list(METRICS)].astype("int64")
    provinces = wide.groupby(
        [wide.index.get_level_values("district").map(parent), wide.index.get_level_values("year")]
    ).sum()
    provinces.index.names = ["district", "year"]
    both = pd.concat([wide, provinces]).reset_index().rename(columns={"district": "unit_code"})
    long = both.melt(id_vars=["unit_code", "year"], var_name="metric", value_name="actual")
    long["year"] = long["year"].astype("int32")
    long["actual"] = long["actual"].astype("float64")
    return long.sort_values(["year", "metric", "unit_code"], ignore_index=True)


RUNNERS = {"kpitools": run_kpitools, "duckdb": run_duckdb, "pandas": run_pandas}


def worker(engine: str, export: Path, units: Path, result: Path) -> None:
    """Run one engine in this process and print its time and peak memory as JSON."""
    import polars as pl

    if engine == "kpitools":
        import kpitools.members  # noqa: F401  (imports are not timed, for any engine)
    if engine == "duckdb":
        import duckdb  # noqa: F401
    if engine == "pandas":
        import pandas  # noqa: F401
    start, cpu = time.perf_counter(), time.process_time()
    frame = RUNNERS[engine](export, units)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    if not isinstance(frame, pl.DataFrame):
        frame = pl.from_pandas(frame)  # type: ignore[arg-type]
    frame.write_parquet(result)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "peak_mb": peak, **SPLITS}))


# --------------------------------------------------------------------------- driver


def ensure_export(out: Path, rows: int) -> Path:
    folder = out / f"members-{rows}"
    if not (folder / "members.parquet").exists() or not (folder / "members.csv").exists():
        print(f"generating {rows:,} synthetic members in {folder} ...", flush=True)
        subprocess.run(
            [sys.executable, str(GENERATOR), "--rows", str(rows), "--out", str(folder)], check=True
        )
    return folder


def measure(engine: str, export: Path, units: Path, result: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", engine, str(export), str(units), str(result)],
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        raise SystemExit(f"{engine} failed on {export}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(results: dict[str, Path]) -> None:
    import polars as pl
    from polars.testing import assert_frame_equal

    frames = {
        e: pl.read_parquet(p).cast({"year": pl.Int32, "actual": pl.Float64})
        for e, p in results.items()
    }
    base = frames["kpitools"].sort("year", "metric", "unit_code")
    for engine, frame in frames.items():
        try:
            assert_frame_equal(base, frame.sort("year", "metric", "unit_code"))
        except AssertionError as exc:
            raise AssertionError(f"{engine} differs from kpitools: {exc}") from None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="500000,5500000", help="comma-separated export sizes")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument(
        "--repeat", type=int, default=3, help="rounds of runs of every engine; the fastest counts"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "build", help="where exports are made")
    ap.add_argument(
        "--worker", nargs=4, metavar=("ENGINE", "EXPORT", "UNITS", "RESULT"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.worker:
        engine, export, units, result = args.worker
        worker(engine, Path(export), Path(units), Path(result))
        return
    engines = [e.strip() for e in args.engines.split(",")]
    if engines[0] != "kpitools":
        raise SystemExit("kpitools must be the first engine (the others are compared with it)")
    failed = []
    header = (
        f"{'rows':>10} {'format':8} {'engine':9} {'wall s':>8} {'cpu s':>8} "
        f"{'peak MB':>8} {'kpitools/engine wall':>21} {'cpu':>6} {'memory':>7}"
    )
    print(header)
    print("-" * len(header))
    for rows in (int(r) for r in args.rows.split(",")):
        folder = ensure_export(args.out, rows)
        for fmt in (f.strip() for f in args.formats.split(",")):
            export = folder / f"members.{fmt}"
            with tempfile.TemporaryDirectory() as tmp:
                best: dict[str, dict[str, float]] = {}
                paths = {e: Path(tmp) / f"{e}.parquet" for e in engines}
                # Round after round of every engine, so that a slow spell of a shared
                # machine falls on all of them, not on one.
                rounds = [
                    {e: measure(e, export, folder / "units.csv", paths[e]) for e in engines}
                    for _ in range(args.repeat)
                ]
                for engine in engines:
                    runs = [r[engine] for r in rounds]
                    best[engine] = {
                        "seconds": min(r["seconds"] for r in runs),
                        "cpu": min(r["cpu"] for r in runs),
                        "peak_mb": max(r["peak_mb"] for r in runs),
                        "registry": min(r.get("registry", 0.0) for r in runs),
                    }
                try:
                    compare(paths)
                    same = "identical results"
                except AssertionError as exc:
                    same = f"RESULTS DIFFER: {str(exc).splitlines()[0]}"
                    failed.append(f"{rows} {fmt}")
                k = best["kpitools"]
                for engine in engines:
                    b = best[engine]
                    print(
                        f"{rows:>10,} {fmt:8} {engine:9} {b['seconds']:8.3f} {b['cpu']:8.3f} "
                        f"{b['peak_mb']:8.0f} {k['seconds'] / b['seconds']:20.2f}x "
                        f"{k['cpu'] / b['cpu']:5.2f}x {k['peak_mb'] / b['peak_mb']:6.2f}x"
                    )
                print(
                    f"{'':>10} {fmt:8} {same}; kpitools' time includes "
                    f"{k['registry']:.3f} s reading the unit registry",
                    flush=True,
                )
    targets = (
        "targets: kpitools/duckdb wall ≤ 0.60x, kpitools/pandas wall ≤ 0.10x, "
        "kpitools/duckdb memory ≤ 1.00x"
    )
    print(targets)
    if failed:
        raise SystemExit(f"results differ for: {', '.join(failed)}")


if __name__ == "__main__":
    main()
