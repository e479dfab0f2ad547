"""Benchmark: how `kpitools extract` grows with the length of the report text.

Report texts of growing size are built from the seed (``data/seed/000_75537393c0b30eb1.txt``):
its body repeated, each copy with its numbers shifted, its city words replaced by a district
of ``data/units.csv`` and its year changed, so that the statements of two copies differ; the
seed's trailer (``Ý kiến bạn đọc``, ``Tin cùng chuyên mục`` …) closes the text, so extraction
reads every copy and stops at the end. Each size is extracted by
:func:`kpitools.extract.extract_file` with the repository's reference data
(``data/units.csv``, ``data/metrics.csv``, ``data/metric_phrases.csv``) in a fresh
subprocess, which measures its wall time (and CPU time, which a busy machine disturbs less)
and its peak resident memory (``resource.getrusage``); the memory the extraction adds is the
peak less the resident memory just before it (interpreter, libraries and reference data
loaded).

Each copy also carries an invented (synthetic) paragraph of the patterns of issue 17 — a
resolution's yearly target, a result stated against it a paragraph later, a list of units with
their figures and a list of fractions, budget amounts against their estimate (one elliptic),
a rate against its target rate and a percentage of a named plan — so that the document-level
passes (targets linked to results, named plans) have work that grows with the text too.

The goals are linear work: 8× the text at most 9× the time, and extraction memory at most 20×
the text (its UTF-8 bytes). The script prints, per size, the time, the statements found and
the memory, then the ratios between the largest size and the size 8× smaller against the goals,
the time of the doubled and quadrupled text against the smallest (linear: about 2× and 4×),
and exits with 1 when a goal is missed.

A hostile text comes last (:func:`hostile_text`): long runs of white space — ``" \\n"``, blank
lines with spaces, tabs, no-break spaces, CRLF — with plan words and figures between them, of
the smallest size and twice it. Its time is printed against the ordinary text's of that size
(goal: at most :data:`HOSTILE_GOAL` times it) and the doubled one's against it (linear: 2×).

There is no alternative a user would pick for this comparison: no other tool reads KPI
statements out of Vietnamese report prose, so the benchmark measures kpitools against its
own goals only.

    python benchmarks/extract.py                      # 0.25, 0.5, 1 and 2 MB
    python benchmarks/extract.py --sizes 0.5 1 2 4    # sizes in MB (10^6 bytes)
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed" / "000_75537393c0b30eb1.txt"
UNITS = ROOT / "data" / "units.csv"
CATALOG = ROOT / "data" / "metrics.csv"
PHRASES = ROOT / "data" / "metric_phrases.csv"
TIME_GOAL = 9.0  # 8× the text
MEMORY_GOAL = 20.0  # × the text's bytes
HOSTILE_GOAL = 2.0  # × the time of ordinary text of the same size

# numbers that are not years (19xx/20xx) nor part of a document number
_NUMBER = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/-]|[.,]\d)")
_YEAR = re.compile(r"(?<!\d)20(2[0-9])(?!\d)")
_CITY = re.compile(r"toàn thành phố|Đảng bộ thành phố")
_TRAILER = re.compile(r"^Ý kiến bạn đọc$", re.MULTILINE)


def _districts() -> list[str]:
    rows = UNITS.read_text(encoding="utf-8").splitlines()[1:]
    return [f"{r.split(',')[3]} {r.split(',')[1]}" for r in rows if ",district," in r]


_SYNTHETIC = (
    "\n\nNghị quyết Đại hội đề ra mỗi năm kết nạp {t} đảng viên.\n\n"
    "Năm {y} toàn Đảng bộ kết nạp {a} đảng viên, đạt {p}% so với nghị quyết, trong đó: "
    "{d1} kết nạp {b} đảng viên, đạt 80%; Đảng bộ Công an kết nạp 12, đạt 100%; riêng {d2} "
    "mới kết nạp 9, đạt 30%. Một số đảng bộ kết nạp cao so với chỉ tiêu: xã Minh Phú 14/12, "
    "xã Bắc Sơn 9/10.\n\n"
    "Năm {y}, tổng thu ngân sách trên địa bàn đạt {m},5 tỷ đồng, bằng 112,4% dự toán, tăng "
    "8,3% so với cùng kỳ. Trong đó, thu nội địa đạt {n} tỷ đồng, bằng 96,1% và tăng 5,2%. "
    "Doanh thu dịch vụ đạt 1.250 tỷ đồng, tăng 12% so với cùng kỳ; tỷ lệ hồ sơ trực tuyến "
    "đạt 95% (mục tiêu đại hội là 90%). Huyện đã hoàn thành 46% mục tiêu doanh thu "
    "(2.717 tỷ đồng), cao hơn 5% so với kế hoạch.\n\n"
    "Quý I, khách quốc tế ước đạt 1,7 triệu lượt, đạt 20% so với kế hoạch năm. Ngành du lịch "
    "đặt mục tiêu đón 8,5 triệu lượt khách quốc tế năm nay. Lũy kế 6 tháng, công ty đạt doanh "
    "thu thuần {n}.000 tỷ đồng (tăng 14%), lãi trước thuế 1.200 tỷ đồng (gấp đôi cùng kỳ). So "
    "với kế hoạch năm, công ty đã thực hiện được 40% kế hoạch doanh thu và 60% kế hoạch lợi "
    "nhuận. Sản lượng đạt 17,7 triệu tấn, vượt 5% so với cùng kỳ năm {y}.\n\n"
)
"""An invented paragraph of the patterns of issue 17 (source: synthetic)."""


def _synthetic(k: int, districts: list[str]) -> str:
    t = 1000 + 10 * (k % 50)
    a = t * 92 // 100
    return _SYNTHETIC.format(
        t=f"{t:,}".replace(",", "."),
        a=f"{a:,}".replace(",", "."),
        p=format(round(100 * a / t)),
        y=2010 + k % 15,
        m=300 + k % 90,
        n=200 + k % 80,
        b=40 + k % 7,
        d1=districts[k % len(districts)],
        d2=districts[(k + 1) % len(districts)],
    )


def _varied(body: str, k: int, districts: list[str]) -> str:
    """Copy ``k`` of the body: numbers shifted by k, city words a district, years moved; the
    synthetic paragraph of issue 17's patterns after it."""

    def number(m: re.Match[str]) -> str:
        value = int(m.group(1).replace(".", "")) + k % 97
        if value >= 1900 and value <= 2099:
            value += 200
        return f"{value:,}".replace(",", ".") if "." in m.group(1) else str(value)

    text = _NUMBER.sub(number, body)
    text = _YEAR.sub(lambda m: f"20{10 + (int(m.group(1)) + k) % 15}", text)
    return _CITY.sub(districts[k % len(districts)], text) + _synthetic(k, districts)


def report_text(size: int, seed: Path = SEED) -> str:
    """A report of about ``size`` UTF-8 bytes: varied copies of the seed's body, then its
    trailer."""
    text = seed.read_text(encoding="utf-8")
    cut = _TRAILER.search(text)
    body, trailer = (text[: cut.start()], text[cut.start() :]) if cut else (text, "")
    districts = _districts()
    parts: list[str] = []
    total = len(trailer.encode())
    k = 0
    while total < size:
        copy = _varied(body, k, districts)
        parts.append(copy)
        total += len(copy.encode())
        k += 1
    return "".join(parts) + trailer


# white space, then leader dots and a run of letters with no space (pasted image data)
_HOSTILE_RUNS = (" \n", "\n \n", " \t", "\u00a0\n", " \r\n", "\n", ".", "x")
_HOSTILE_WORDS = (
    "Năm 2046, sản lượng đạt 5 tấn",
    "kế hoạch",
    "150",
    "đạt",
    "92%",
    "so với kế hoạch, vượt",
    "chỉ tiêu 1.200 đảng viên",
    "(đạt 103%)",
)


def hostile_text(size: int) -> str:
    """About ``size`` UTF-8 bytes of long runs of white space, stops or letters (each of
    about 400 characters, a different kind in turn) with plan words and figures between them
    (invented)."""
    parts: list[str] = []
    total = k = 0
    while total < size:
        run = _HOSTILE_RUNS[k % len(_HOSTILE_RUNS)]
        part = run * (400 // len(run)) + _HOSTILE_WORDS[k % len(_HOSTILE_WORDS)]
        parts.append(part)
        total += len(part.encode())
        k += 1
    return "".join(parts) + "."


def child(path: str) -> None:
    """Extract one file and print its measures as JSON (run in a fresh interpreter)."""
    from kpitools.catalog import read_catalog
    from kpitools.extract import extract_file, read_phrases
    from kpitools.registry import read_registry

    registry = read_registry(UNITS)
    catalog = read_catalog(CATALOG)
    phrases = read_phrases(PHRASES, catalog=catalog)
    base = _rss_now()
    start, cpu = time.perf_counter(), time.process_time()
    ex = extract_file(path, units=registry, catalog=catalog, phrases=phrases)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "peak": peak,
                "base": base,
                "statements": len(ex.statements),
            }
        )
    )


def _rss_now() -> int:
    """Resident memory now, in bytes (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize()


def measure(
    size: int, folder: Path, repeat: int, make: Callable[[int], str] = report_text
) -> dict[str, float]:
    """The measures of the fastest of ``repeat`` runs, each in a fresh interpreter, of the
    text ``make`` builds of about ``size`` bytes."""
    path = folder / f"report_{make.__name__}_{size}.txt"
    text = make(size)
    path.write_bytes(text.encode("utf-8"))  # as built: "\r\n" stays
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(repeat)
    ]
    result = min(runs, key=lambda r: r["seconds"])
    result["bytes"] = len(text.encode())
    result["extra"] = max(0, result["peak"] - result["base"])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the fastest counts)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    sizes = sorted(int(s * 1_000_000) for s in args.sizes)
    results: dict[int, dict[str, float]] = {}
    print(
        f"{'text MB':>8} {'seconds':>8} {'CPU s':>8} {'statements':>10} {'peak MB':>8} "
        f"{'extra MB':>8} ×text"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            r = results[size] = measure(size, Path(tmp), args.repeat)
            print(
                f"{r['bytes'] / 1e6:8.2f} {r['seconds']:8.2f} {r['cpu']:8.2f} "
                f"{r['statements']:10d} "
                f"{r['peak'] / 1e6:8.1f} {r['extra'] / 1e6:8.1f} {r['extra'] / r['bytes']:5.1f}"
            )
        hostile = [measure(f * sizes[0], Path(tmp), args.repeat, hostile_text) for f in (1, 2)]
    largest = sizes[-1]
    smaller = [s for s in sizes if s * 8 <= largest * 1.01]
    ok = True
    if smaller:
        small = smaller[-1]
        big, little = results[largest], results[small]
        ratio = big["seconds"] / little["seconds"]
        scale = big["bytes"] / little["bytes"]
        verdict = "ok" if ratio <= TIME_GOAL * scale / 8 else "MISSED"
        ok = ok and verdict == "ok"
        print(
            f"time: {scale:.1f}× the text ({little['bytes'] / 1e6:.2f} → "
            f"{big['bytes'] / 1e6:.2f} MB) takes {ratio:.2f}× the time "
            f"(goal ≤ {TIME_GOAL * scale / 8:.1f}×): {verdict}; CPU time "
            f"{big['cpu'] / little['cpu']:.2f}×"
        )
    else:
        print("time: no size 8× smaller than the largest; pass --sizes to compare")
    first = results[sizes[0]]
    for factor, name in ((2, "doubled"), (4, "quadrupled")):
        same = [s for s in sizes if abs(s - factor * sizes[0]) <= 0.01 * factor * sizes[0]]
        if same:
            r = results[same[0]]
            print(
                f"{name}: {r['bytes'] / first['bytes']:.2f}× the text takes "
                f"{r['seconds'] / first['seconds']:.2f}× the time "
                f"({r['cpu'] / first['cpu']:.2f}× the CPU time; linear is {factor}×)"
            )
    ordinary = results[sizes[0]]
    per_byte = hostile[0]["cpu"] / hostile[0]["bytes"] / (ordinary["cpu"] / ordinary["bytes"])
    verdict = "ok" if per_byte <= HOSTILE_GOAL else "MISSED"
    ok = ok and verdict == "ok"
    little = hostile[0]
    print(
        f"hostile white space: {little['bytes'] / 1e6:.2f} MB takes {little['seconds']:.2f} s"
        f" ({little['statements']:.0f} statements), {per_byte:.2f}× the CPU time of ordinary"
        f" text per byte (goal ≤ {HOSTILE_GOAL:.0f}×): {verdict}; doubled: "
        f"{hostile[1]['bytes'] / hostile[0]['bytes']:.2f}× the text takes "
        f"{hostile[1]['cpu'] / hostile[0]['cpu']:.2f}× the CPU time (linear is 2×)"
    )
    memory = results[largest]["extra"] / results[largest]["bytes"]
    verdict = "ok" if memory <= MEMORY_GOAL else "MISSED"
    ok = ok and verdict == "ok"
    print(
        f"memory: extraction adds {memory:.1f}× the text at {results[largest]['bytes'] / 1e6:.2f}"
        f" MB (goal ≤ {MEMORY_GOAL:.0f}×): {verdict}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
