"""Benchmark: `kpitools extract` on lines with no sentence end, of growing length.

A table flattened onto one line, or a list run together, can put thousands of figures in one
"sentence". Each shape below is built at 2 000, 4 000 and 8 000 items and extracted with
:func:`kpitools.extract.extract_statements`; the script prints each time and the ratios of the
doubled and quadrupled line to the first (linear: about 2× and 4×), and exits with 1 when a
quadrupled line takes more than 6× the time. Before the bound on a sentence's size
(``MAX_SENTENCE_CHARS``, ``MAX_SENTENCE_NUMBERS``) and on a table row written a line, 4 000
figures on one line took 59 s (2026-12-06, before the bound); 8 000 now take about 3 s. The
check of shares against a written whole of classes read each share's line to its end until a
review of round 73 bounded it (38,000 characters of such lists: 5.8 s before, 1.9 s after).
The quotas set against their admissions were linked in a pass quadratic in their number until
a review of round 83 (8,000 of them, 600,000 characters: 8.3 s before, 4.8 s after).

No other tool reads KPI statements out of Vietnamese prose, so there is no alternative to
compare with: the benchmark measures kpitools against linear growth only.

    python benchmarks/extract_long_lines.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from kpitools.extract import extract_statements

SHAPES: dict[str, Callable[[int], str]] = {
    "numbers on one line": lambda n: "Số hộ " + "1 " * n + "x\n",
    "a table row a line, one long row": lambda n: (
        "Chỉ tiêu\nKế hoạch\nThực hiện\nSố hộ " + "1 " * n + "x\n"
    ),
    "a list of units run together": lambda n: (
        "Tổng thu "
        + ", ".join(f"huyện A{i} {i * 7 + 3} tỷ đồng, đạt {90 + i % 20}%" for i in range(n // 4))
        + ".\n"
    ),
    "fractions on one line": lambda n: "Các xã " + "12/15, " * n + ".\n",
    "lists of classes with their whole, run together": lambda n: (
        "Năm 2041, "
        + ", ".join(
            "trong tổng số 150 HTX, có 40 HTX khá (chiếm 26,7%), 90 HTX trung bình (chiếm 60%)"
            for _ in range(n // 6)
        )
        + "\n"
    ),
    # a review of rounds 77–78: each statement's sentence (or line) was looked for from the
    # paragraph's start, or the text's when no line ended near it
    "sentences of a population's rate run together": lambda n: (
        " ".join(
            "Năm 2041, xã có 92% hộ gia đình đạt danh hiệu văn hóa, đạt 105% chỉ tiêu huyện giao."
            for _ in range(n // 10)
        )
        + "\n"
    ),
    "one sentence of population rates, items joined by ;": lambda n: (
        "Năm 2041, huyện "
        + "; ".join(
            "có 92% hộ gia đình đạt danh hiệu văn hóa, đạt 105% chỉ tiêu huyện giao"
            for _ in range(n // 10)
        )
        + ".\n"
    ),
    "one sentence of amounts' attainments, items joined by ;": lambda n: (
        "Năm 2041, huyện "
        + "; ".join(
            f"thu ngân sách xã A{i} đạt {i % 50 + 10} tỷ đồng, đạt {95 + i % 20}% dự toán"
            for i in range(n // 10)
        )
        + ".\n"
    ),
    # a review of rounds 80–81: plans named after "so với kế hoạch" were looked for up to every
    # later comma of the sentence (regex alone at 160,000 characters: 17 s before the bound)
    "one sentence of plans after 'so với kế hoạch', run together": lambda n: (
        "Năm 2041, "
        + ", ".join(
            f"so với kế hoạch năm doanh thu {i % 90 + 10} tỷ đồng, lợi nhuận {i % 9 + 1} tỷ đồng"
            for i in range(n // 20)
        )
        + ".\n"
    ),
    # a review of round 83: each quota set against its admissions looked over every statement
    # and inserted itself into the list (8,000 such sentences: 4.3 s in that pass before
    # bisect, 0.2 s after)
    "sentences of a quota and its admissions, five a line": lambda n: (
        "\n".join(
            " ".join(
                f"Ngành N{i} tuyển 40 chỉ tiêu nhưng hiện mới có 23 thí sinh trúng tuyển."
                for i in range(k, min(k + 5, n))
            )
            for k in range(0, n, 5)
        )
        + "\n"
    ),
}
SIZES = (2_000, 4_000, 8_000)
GOAL = 6.0  # the quadrupled line, × the time of the first


def main() -> int:
    worst = 0.0
    for name, make in SHAPES.items():
        times = []
        for n in SIZES:
            text = make(n)
            start = time.perf_counter()
            extract_statements(text)
            times.append(time.perf_counter() - start)
        ratios = [t / times[0] for t in times[1:]]
        worst = max(worst, ratios[-1])
        print(
            f"{name}: "
            + ", ".join(f"{n} items {t:.2f} s" for n, t in zip(SIZES, times, strict=True))
            + f"; doubled {ratios[0]:.2f}×, quadrupled {ratios[1]:.2f}×"
        )
    print(f"worst quadrupled ratio {worst:.2f}× (goal ≤ {GOAL}×)")
    return 0 if worst <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
