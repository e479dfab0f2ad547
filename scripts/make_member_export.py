"""Generate a SYNTHETIC national member export (one row per Party member), for scale tests.

Every row is invented: pseudonymous ids, units, dates, sex and groups are drawn from a fixed
seed, so the export stands for no person. It has the shape of a member-management export:

* ``members.parquet`` -- English headers, typed columns (dates as dates, flags as booleans),
  and ``source = synthetic`` on every row, so KPIs counted from it say they are invented;
* ``members.csv`` -- the same rows with Vietnamese headers as a Vietnamese file has them:
  dates ``30/11/2023``, sex ``Nam`` / ``Nữ``, flags ``x`` or empty, statuses in words;
* ``units.csv`` -- the unit registry the export refers to: Hà Nội (code ``01``) with its 30
  real district-level units and ``01-K`` from ``data/units.csv``, 62 invented provinces
  ``S02``…``S63``, about 700 district-level units in all, and invented basic organizations
  under each (``017-C01``…; 8, or in Hà Nội as many as the new units the district's area
  went into when that is more); members belong to basic organizations. Unit lifetimes are
  simplified: every unit exists from before 1950, districts until 2025-06-30 (the district
  level was abolished on 2025-07-01). Hà Nội's 126 real new commune-level units (from
  2025-07-01) are copied from ``data/units.csv``; an invented basic organization formed
  later takes members only through ``data/crosswalk_example.csv``;
* ``org_map.csv`` -- the organization map of a backcast (``kpitools members --org-map
  org_map.csv --backcast``): each invented basic organization of Hà Nội's 30 districts and
  the real new unit it belongs to from 2025-07-01, always one that its district's area went
  into (``data/links.csv``); a few move again on 2026-01-01. Every row is invented
  (``source = synthetic``): the real map comes from the city committee's transfer
  decisions;
* ``targets.csv`` -- invented targets (long layout, ``source = synthetic``) for admissions
  and admissions in non-state enterprises, 2019–2025 (districts: to 2024, their last whole
  year), per district and province: last year's result times a factor drawn in 0.9–1.2.

Members were admitted 1950–2025 (the export is dated 2025-12-31); some have since died, been
removed from the Party or transferred out, with the date. The random numbers are a
counter-based generator (splitmix64) computed with polars' integer arithmetic, so 5,5 million
rows take seconds on two cores and the output is the same on every machine for a seed.
Files are written under temporary names and moved into place when complete.

Usage::

    python scripts/make_member_export.py                        # 5,5 M rows → build/members/
    python scripts/make_member_export.py --rows 500000 --out /tmp/m500k
    python scripts/make_member_export.py --formats csv --rows 20000 --out /tmp/small
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parent.parent
UNITS_CSV = REPO / "data" / "units.csv"
DEFAULT_OUT = REPO / "build" / "members"
DEFAULT_ROWS = 5_500_000
DEFAULT_SEED = 20251231
FORMATS = ("parquet", "csv")

FIRST_YEAR, LAST_YEAR = 1950, 2025
EXPORTED = dt.date(2025, 12, 31)
DISTRICTS_END = "2025-06-30"
N_PROVINCES = 63
N_DISTRICTS = 700  # district-level units in all, Hà Nội's 31 included
BASIC_PER_DISTRICT = 8
HANOI_SHARE = 0.082  # ~451.750 of 5,5 million members
TARGET_YEARS = range(2019, LAST_YEAR + 1)
LINKS_CSV = REPO / "data" / "links.csv"
REFORM = "2025-07-01"
MOVED_AGAIN = "2026-01-01"
MOVE_AGAIN_EVERY = 40  # one Hà Nội organization in 40 moves again (an org can move twice)
# A unit that only the example crosswalk (data/crosswalk_example.csv) hands members to: a
# basic organization that took over another's code. No member is recorded in it.
NEW_UNITS = [
    {
        "code": "005-C50",
        "name": "Đảng bộ cơ sở mô phỏng 005-C50",
        "level": "basic",
        "type": "cơ sở",
        "parent": "005",
        "valid_from": "2023-01-01",
        "valid_to": "",
        "note": "synthetic; the new code of 005-C08 (see data/crosswalk_example.csv)",
    },
]
TARGET_STRETCH = (0.9, 1.2)

#: Parquet column -> CSV header (Vietnamese, as the member-management system writes them).
HEADERS_VI = {
    "member_id": "Mã đảng viên",
    "unit_code": "Mã tổ chức đảng",
    "admission_date": "Ngày vào Đảng",
    "birth_date": "Ngày sinh",
    "sex": "Giới tính",
    "business_owner": "Chủ doanh nghiệp",
    "hs_student": "Học sinh THPT",
    "nonstate": "Làm việc trong DN ngoài nhà nước",
    "status": "Tình trạng",
    "status_date": "Ngày thay đổi",
    "source": "Nguồn",
}
STATUS_VI = {
    "active": "Đang sinh hoạt",
    "deceased": "Từ trần",
    "removed": "Xóa tên",
    "transferred": "Chuyển sinh hoạt đi",
}

# 64-bit constants of splitmix64 (Steele, Lea & Flood 2014).
_GOLDEN = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
_MASK = (1 << 64) - 1


def _u64(value: int) -> pl.Expr:
    return pl.lit(value & _MASK, dtype=pl.UInt64)


def _mix(z: pl.Expr) -> pl.Expr:
    """splitmix64's finalizer; ``x // 2**k`` is the right shift polars lacks."""
    z = (z.xor(z // _u64(1 << 30))) * _u64(_MIX1)
    z = (z.xor(z // _u64(1 << 27))) * _u64(_MIX2)
    return z.xor(z // _u64(1 << 31))


def uniform(seed: int, stream: int) -> pl.Expr:
    """One uniform number in [0, 1) per row (row index ``i``), independent per stream.

    Exact integer arithmetic, then a 53-bit integer divided by 2**53: the same bits on
    every machine.
    """
    key = _mix(_u64(seed * 1_000_003 + stream * 7_919 + 1))
    z = _mix(pl.col("i") * _u64(_GOLDEN) + key)
    return (z // _u64(1 << 11)).cast(pl.Float64) / float(1 << 53)


def member_ids(seed: int) -> pl.Expr:
    """Pseudonymous ids ``DV`` + 20 digits: a bijection of the row index, so all distinct."""
    z = _mix(pl.col("i") + _u64(seed * _GOLDEN))
    return pl.concat_str(pl.lit("DV"), z.cast(pl.String).str.zfill(20))


# --------------------------------------------------------------------------- units


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: _nfc(v or "") for k, v in row.items()} for row in csv.DictReader(fh)]


def new_units(units_csv: Path = UNITS_CSV) -> list[dict[str, str]]:
    """Hà Nội's commune-level units formed on 2025-07-01, as ``units_csv`` lists them."""
    return [
        row
        for row in _read_csv(units_csv)
        if row["level"] in ("commune", "ward") and row["valid_from"] == REFORM
    ]


def district_links(links_csv: Path = LINKS_CSV) -> dict[str, list[str]]:
    """District → the new units its area went into (all of it or a part), from ``links_csv``."""
    links: dict[str, list[str]] = {}
    if links_csv.is_file():
        for row in _read_csv(links_csv):
            links.setdefault(row["old_code"], []).append(row["new_code"])
    return {d: sorted(set(units)) for d, units in links.items()}


def make_units(
    seed: int, units_csv: Path = UNITS_CSV, links_csv: Path = LINKS_CSV
) -> tuple[list[dict[str, str]], list[float]]:
    """The registry rows, and each basic organization's share of the members."""
    rng = random.Random(seed)
    source = _read_csv(units_csv)
    hanoi = [r for r in source if r["level"] in ("city", "district", "affiliated")]
    links = district_links(links_csv)
    rows: list[dict[str, str]] = []
    districts: list[tuple[str, str]] = []  # (code, province)
    for row in hanoi:
        level = row["level"]
        rows.append(
            {
                "code": row["code"],
                "name": row["name"],
                "level": "city" if level == "city" else "district",
                "type": row["type"],
                "parent": row["parent"],
                "valid_from": "",
                # the other affiliated committees (01-K) go on after the reform
                "valid_to": "" if level == "city" else row["valid_to"] or "",
                "note": "real code and name; lifetime simplified for the synthetic export",
            }
        )
        if level != "city":
            districts.append((row["code"], "01"))
    provinces = [f"S{n:02d}" for n in range(2, N_PROVINCES + 1)]
    # Split the remaining district-level units over the invented provinces (6 to 15 each).
    left = N_DISTRICTS - len(districts)
    sizes = [6] * len(provinces)
    for _ in range(left - sum(sizes)):
        i = rng.randrange(len(provinces))
        while sizes[i] >= 15:
            i = rng.randrange(len(provinces))
        sizes[i] += 1
    kinds = ("huyện", "huyện", "huyện", "quận", "thị xã", "thành phố")
    for province, size in zip(provinces, sizes, strict=True):
        rows.append(
            {
                "code": province,
                "name": f"Tỉnh mô phỏng {province}",
                "level": "city",
                "type": "tỉnh",
                "parent": "",
                "valid_from": "",
                "valid_to": "",
                "note": "synthetic",
            }
        )
        for d in range(1, size + 1):
            code = f"{province}-{d:02d}"
            rows.append(
                {
                    "code": code,
                    "name": f"Huyện mô phỏng {code}",
                    "level": "district",
                    "type": rng.choice(kinds),
                    "parent": province,
                    "valid_from": "",
                    "valid_to": DISTRICTS_END,
                    "note": "synthetic",
                }
            )
            districts.append((code, province))
    province_weight = {p: rng.uniform(0.5, 1.5) for p in provinces}
    scale = (1 - HANOI_SHARE) / sum(province_weight.values())
    province_weight = {p: w * scale for p, w in province_weight.items()} | {"01": HANOI_SHARE}
    per_province = {p: sum(1 for _, q in districts if q == p) for p in province_weight}
    weights: list[float] = []
    for code, province in districts:
        district_weight = province_weight[province] / per_province[province]
        n_basic = max(BASIC_PER_DISTRICT, len(links.get(code, ())))  # one at least per unit
        parts = [rng.uniform(0.3, 1.7) for _ in range(n_basic)]
        for b, part in enumerate(parts, start=1):
            rows.append(
                {
                    "code": f"{code}-C{b:02d}",
                    "name": f"Đảng bộ cơ sở mô phỏng {code}-C{b:02d}",
                    "level": "basic",
                    "type": "cơ sở",
                    "parent": code,
                    "valid_from": "",
                    "valid_to": "",
                    "note": "synthetic",
                }
            )
            weights.append(district_weight * part / sum(parts))
    formed = [
        {
            **{k: row[k] for k in ("code", "name", "level", "type", "parent", "valid_from")},
            "valid_to": row["valid_to"],
            "note": "real code and name (formed 2025-07-01)",
        }
        for row in source
        if row["level"] in ("commune", "ward") and row["valid_from"] == REFORM
    ]
    return [*rows, *formed, *NEW_UNITS], weights


def make_org_map(
    units: list[dict[str, str]], seed: int, links_csv: Path = LINKS_CSV
) -> list[dict[str, str]]:
    """Each basic organization of Hà Nội's districts and the new unit it joins (invented).

    An organization joins one of the new units that its district's area went into (the
    district's links), so the map could be true; the organizations of a district are dealt
    out over those units in turn, and one in :data:`MOVE_AGAIN_EVERY` moves again, on
    2026-01-01, to another of them. Empty without links (no new units known).
    """
    links = district_links(links_csv)
    formed = {u["code"] for u in units if u["valid_from"] == REFORM}
    rng = random.Random(seed + 1)
    parent = {u["code"]: u["parent"] for u in units}
    rows: list[dict[str, str]] = []
    note = "invented; the real map comes from the city committee's transfer decisions"
    for org in sorted(u["code"] for u in units if u["level"] == "basic"):
        targets = [t for t in links.get(parent[org], ()) if t in formed]
        if not targets:
            continue  # outside Hà Nội's districts, or an affiliated committee that goes on
        k = int(org.rsplit("-C", 1)[1]) - 1
        first = targets[k % len(targets)]
        rows.append(_org_row(org, first, REFORM, note if not rows else ""))
        if len(targets) > 1 and rng.randrange(MOVE_AGAIN_EVERY) == 0:
            again = rng.choice([t for t in targets if t != first])
            rows.append(_org_row(org, again, MOVED_AGAIN, "invented: moves a second time"))
    return rows


def _org_row(org: str, unit: str, effective: str, note: str) -> dict[str, str]:
    return {
        "org_code": org,
        "new_unit_code": unit,
        "effective": effective,
        "source": "synthetic",
        "note": note,
    }


# --------------------------------------------------------------------------- members


def _pick(cumulative: list[float], u: pl.Expr, n: int) -> pl.Expr:
    """Index of the bucket of each uniform draw (inverse CDF over ``cumulative``)."""
    edges = pl.Series(cumulative, dtype=pl.Float64)
    return pl.lit(edges).search_sorted(u * cumulative[-1], side="right").clip(0, n - 1)


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def make_members(
    rows: int, seed: int, basic_codes: list[str], weights: list[float]
) -> pl.DataFrame:
    """The export as typed columns (the Parquet form)."""
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    year_weights = [1.0 + 0.06 * (y - FIRST_YEAR) for y in years]
    u = {k: uniform(seed, s) for s, k in enumerate(("unit", "year", "day", "age", "birth", "sex"))}
    u |= {k: uniform(seed, 10 + s) for s, k in enumerate(("nonstate", "owner", "student"))}
    u |= {k: uniform(seed, 20 + s) for s, k in enumerate(("status", "when"))}
    epoch = dt.date(1970, 1, 1)
    last_day = (EXPORTED - epoch).days
    frame = pl.select(pl.int_range(rows, dtype=pl.UInt64).alias("i")).with_columns(
        unit=_pick(_cumulative(weights), u["unit"], len(weights)),
        year=_pick(_cumulative(year_weights), u["year"], len(years)).cast(pl.Int32) + FIRST_YEAR,
    )
    year = pl.col("year")
    frame = frame.with_columns(
        admission_date=(
            pl.date(year, 1, 1)
            + pl.duration(
                days=(u["day"] * (pl.date(year, 12, 31) - pl.date(year, 1, 1)).dt.total_days())
                .floor()
                .cast(pl.Int64)
            )
        ),
        hs_student=(year >= 2012) & (u["student"] < 0.008),
        female=u["sex"] < 0.30 + 0.15 * (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR),
        nonstate=u["nonstate"] < (0.10 * ((year - 1990).clip(0, 20) / 20)),
    ).with_columns(
        nonstate=pl.col("nonstate") & ~pl.col("hs_student"),
        age=pl.when(pl.col("hs_student"))
        .then(18)
        .otherwise(18 + (42 * u["age"] * u["age"]).floor().cast(pl.Int32)),
    )
    # Age in completed years at admission is ``age``: born 1 to 364 days after the day
    # ``age + 1`` years before admission (365.25 days a year, rounded towards the safe side).
    adm_days = (pl.col("admission_date") - pl.lit(epoch)).dt.total_days()
    status = u["status"]
    old = ((LAST_YEAR - year) / (LAST_YEAR - FIRST_YEAR)).cast(pl.Float64)
    p_dead = 0.75 * old * old
    frame = frame.with_columns(
        birth_days=adm_days
        - ((pl.col("age") + 1) * 365.25).floor().cast(pl.Int64)
        + 2
        + (u["birth"] * 362).floor().cast(pl.Int64),
        business_owner=pl.col("nonstate") & (u["owner"] < 0.02),
        status=pl.when(status < p_dead)
        .then(pl.lit("deceased"))
        .when(status < p_dead + 0.012)
        .then(pl.lit("removed"))
        .when(status < p_dead + 0.032)
        .then(pl.lit("transferred"))
        .otherwise(pl.lit("active")),
        status_days=adm_days + 1 + (u["when"] * (last_day - adm_days - 1)).floor().cast(pl.Int64),
    )
    codes = pl.Series(basic_codes, dtype=pl.String)
    return frame.select(
        member_ids(seed).alias("member_id"),
        pl.lit(codes).gather(pl.col("unit")).alias("unit_code"),
        "admission_date",
        (pl.lit(epoch) + pl.duration(days=pl.col("birth_days"))).alias("birth_date"),
        pl.when(pl.col("female")).then(pl.lit("F")).otherwise(pl.lit("M")).alias("sex"),
        "business_owner",
        "hs_student",
        "nonstate",
        "status",
        pl.when(pl.col("status") != "active")
        .then(pl.lit(epoch) + pl.duration(days=pl.col("status_days")))
        .alias("status_date"),
        pl.lit("synthetic").alias("source"),  # every row says it is invented
    )


def vietnamese(members: pl.DataFrame) -> pl.DataFrame:
    """The CSV form: Vietnamese headers, ``dd/mm/yyyy`` dates, words and ``x`` flags."""

    def day(c: str) -> pl.Expr:
        return pl.col(c).dt.strftime("%d/%m/%Y")

    def flag(c: str) -> pl.Expr:
        return pl.when(pl.col(c)).then(pl.lit("x")).alias(c)  # empty when not

    return members.select(
        "member_id",
        "unit_code",
        day("admission_date"),
        day("birth_date"),
        pl.col("sex").replace_strict({"M": "Nam", "F": "Nữ"}),
        flag("business_owner"),
        flag("hs_student"),
        flag("nonstate"),
        pl.col("status").replace_strict(STATUS_VI),
        day("status_date"),
        "source",
    ).rename(HEADERS_VI)


# --------------------------------------------------------------------------- targets


def make_targets(members: pl.DataFrame, units: list[dict[str, str]], seed: int) -> pl.DataFrame:
    """Invented targets near last year's result for districts and provinces, 2019–2025."""
    parent = {u["code"]: u["parent"] for u in units}
    basic = [u["code"] for u in units if u["level"] == "basic" and u not in NEW_UNITS]
    lookup = pl.DataFrame(
        {
            "unit_code": basic,
            "district": [parent[b] for b in basic],
            "province": [parent[parent[b]] for b in basic],
        }
    )
    counts = (
        members.lazy()
        .filter(pl.col("admission_date").dt.year().is_between(TARGET_YEARS[0] - 1, LAST_YEAR - 1))
        .join(lookup.lazy(), on="unit_code")
        .with_columns(year=pl.col("admission_date").dt.year() + 1)
    )
    frames = []
    for level in ("district", "province"):
        for metric, keep in (("admissions", True), ("admissions_nonstate", pl.col("nonstate"))):
            frames.append(
                counts.filter(keep)
                .group_by(pl.col(level).alias("unit_code"), "year")
                .agg(pl.len().alias("previous"))
                .with_columns(metric=pl.lit(metric))
            )
    previous = pl.concat(frames).collect().sort("unit_code", "year", "metric")
    grid = pl.DataFrame(
        {
            "unit_code": [
                u["code"]
                for u in units
                if u["level"] in ("city", "district")
                for _ in TARGET_YEARS
                for _ in range(2)
            ],
        }
    )
    n_units = grid.height // (len(TARGET_YEARS) * 2)
    grid = grid.with_columns(
        year=pl.Series([y for _ in range(n_units) for y in TARGET_YEARS for _ in range(2)]).cast(
            pl.Int32
        ),
        metric=pl.Series(["admissions", "admissions_nonstate"] * (n_units * len(TARGET_YEARS))),
    )
    lo, hi = TARGET_STRETCH
    return (
        grid.join(previous, on=["unit_code", "year", "metric"], how="left")
        .with_row_index("i")
        .with_columns(pl.col("i").cast(pl.UInt64))
        .select(
            "unit_code",
            "year",
            "metric",
            (pl.col("previous").fill_null(0) * (lo + (hi - lo) * uniform(seed, 99)))
            .round(0)
            .clip(1)
            .cast(pl.Int64)
            .alias("target"),
            pl.lit("synthetic").alias("source"),
        )
        # A district has targets for the years it existed whole (to 2024, not 2025's half).
        .filter(pl.col("year") <= pl.col("unit_code").replace_strict(_last_whole_years(units)))
    )


def _last_whole_years(units: list[dict[str, str]]) -> dict[str, int]:
    """Per unit, the last calendar year it existed to 31 December (9999: it goes on)."""
    out = {}
    for u in units:
        end = u["valid_to"]
        out[u["code"]] = 9999 if not end else int(end[:4]) - (not end.endswith("-12-31"))
    return out


# --------------------------------------------------------------------------- writing


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_units(units: list[dict[str, str]], path: Path) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(units[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(units)

    _atomic(path, write)


def generate(
    out: Path, *, rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED, formats=FORMATS
) -> dict[str, Path]:
    """Write the export, its registry and its targets to ``out``; return the paths."""
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ValueError(f"formats must be among {', '.join(FORMATS)}, not {sorted(unknown)}")
    if rows < 1:
        raise ValueError("rows must be at least 1")
    units, weights = make_units(seed)
    basic = [u["code"] for u in units if u["level"] == "basic" and u not in NEW_UNITS]
    members = make_members(rows, seed, basic, weights)
    paths = {"units": out / "units.csv", "targets": out / "targets.csv"}
    write_units(units, paths["units"])
    org_map = make_org_map(units, seed)
    if org_map:
        paths["org_map"] = out / "org_map.csv"
        write_units(org_map, paths["org_map"])
    targets = make_targets(members, units, seed)
    _atomic(paths["targets"], targets.write_csv)
    if "parquet" in formats:
        paths["parquet"] = out / "members.parquet"
        _atomic(paths["parquet"], lambda tmp: members.write_parquet(tmp, statistics=True))
    if "csv" in formats:
        paths["csv"] = out / "members.csv"
        _atomic(paths["csv"], vietnamese(members).write_csv)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="folder (default: %(default)s)"
    )
    parser.add_argument(
        "--rows", type=int, default=DEFAULT_ROWS, help="members (default: %(default)s)"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="seed (default: %(default)s)"
    )
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help="comma-separated: parquet, csv (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    try:
        paths = generate(args.out, rows=args.rows, seed=args.seed, formats=formats)
    except ValueError as exc:
        parser.error(str(exc))
    took = time.perf_counter() - start
    print(f"wrote {args.rows:,} synthetic members in {took:.1f} s:", file=sys.stderr)
    for path in paths.values():
        print(f"  {path}  ({path.stat().st_size / 1e6:,.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
