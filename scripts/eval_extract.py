"""Score ``kpitools.extract`` on the hand-annotated evaluation set (tests/eval/extract/).

Runs the extractor on each passage and prints, per part, recall and precision on
target-versus-result statements, and the audit's findings against the ones annotated by hand.
The ``dev`` part is scored by default; ``--heldout`` adds the held-out part, which is scored
only at the end of the work it measures (see tests/eval/extract/README.md).

    python scripts/eval_extract.py              # dev only
    python scripts/eval_extract.py --verbose    # and every miss, false positive and false alarm
    python scripts/eval_extract.py --no-money   # leave money amounts out (as kpitools --no-money)
    python scripts/eval_extract.py --heldout    # dev and heldout (at the end only)
    python scripts/eval_extract.py --heldout --without 2026-12-03d   # all but a batch kept aside
    python scripts/eval_extract.py --heldout --by-class   # and precision by kind of claim
    python scripts/eval_extract.py --batch 2026-12-05a -v  # one batch, both parts together
    python scripts/eval_extract.py --older      # dev and the reports published before 2025

Passages added in a later batch carry ``"added": "<batch>"``; each batch is also scored on its
own, after its part (``heldout, added 2026-12-03c (never seen by tuning)``), from the same run.

A match is exact on the figures: see ``match_statements`` and ``match_findings``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "tests" / "eval" / "extract"
PARTS = ("dev", "heldout")
OLDER = "older"
"""Passages published before 2025 (``older.jsonl``): not part of the set issue 17 asks for,
scored with ``--older`` as a measure of their own (the set's README, "Older reports")."""
HELDOUT_SHARE = 0.30
SCORED_TYPE = "result_vs_target"
STATEMENT_TYPES = ("result_vs_target", "result", "target", "coverage", "share", "growth", "count")
PERCENT_KINDS = ("attainment", "excess", "growth", "share")
TARGET_KINDS = ("annual", "term", "derived", "whole")
AUDIT_KINDS = (
    "inconsistent_percent",
    "rounding",
    "contradicted_qualifier",
    "parts_exceed_whole",
    "parts_sum_mismatch",
    "implied_target_not_whole",
)
FLAGGED = ("inconsistent", "truncated")
"""Verdicts of ``audit_statements`` that count as a finding."""
DERIVED_TOLERANCE = 0.01
"""A found target matches a derived (unwritten) target within 1 %."""


# --------------------------------------------------------------------------- the set


def site_of(url: str) -> str:
    """The site a passage comes from: the host, without ``www.`` or ``m.``.

    >>> site_of("https://www.sggp.org.vn/a-post1.html"), site_of("https://m.baohaiduong.vn/x")
    ('sggp.org.vn', 'baohaiduong.vn')
    """
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


FIRST_SPLIT: dict[str, frozenset[str]] = {
    "dev": frozenset(
        {
            "baogialai.com.vn",
            "baophutho.vn",
            "dantri.com.vn",
            "dientuungdung.vn",
            "sggp.org.vn",
            "tienphong.vn",
        }
    ),
    "heldout": frozenset(
        {
            "dongthanh.vinhlong.gov.vn",
            "huengaynay.vn",
            "huulien.langson.gov.vn",
            "nld.com.vn",
            "thanhuyhue.vn",
            "vietnamplus.vn",
            "vneconomy.vn",
            "vtcnews.vn",
        }
    ),
}
"""The sites of the first set (2026-12-03, 61 passages), as :func:`greedy_split` put them;
they keep their part whatever is added later."""


def greedy_split(sites: Sequence[str], share: float = HELDOUT_SHARE) -> set[str]:
    """How the first set was split: the held-out sites.

    ``sites`` has one entry per passage. Sites are taken in the order of the SHA-256 of their
    name; each goes to heldout when its passages still fit in ``round(share × passages)``.
    It depends on the whole set, so it is not used for sites added later
    (:func:`part_of_site`).

    >>> sorted(greedy_split(["a.vn"] * 7 + ["b.vn"] * 3))
    ['b.vn']
    """
    counts: dict[str, int] = {}
    for s in sites:
        counts[s] = counts.get(s, 0) + 1
    budget = round(share * len(sites))
    held: set[str] = set()
    used = 0
    for s in sorted(counts, key=lambda s: hashlib.sha256(s.encode()).hexdigest()):
        if used + counts[s] <= budget:
            held.add(s)
            used += counts[s]
    return held


def part_of_site(site: str) -> str:
    """The split rule, fixed before any scoring: the part a site's passages go to.

    A site of the first set keeps its part (:data:`FIRST_SPLIT`); any other site goes to
    heldout when the SHA-256 of its name is 0, 1 or 2 modulo 10 (about 30 % of new sites),
    so adding passages never moves a site from one part to the other.

    >>> part_of_site("huengaynay.vn"), part_of_site("baothanhhoa.vn"), part_of_site("tienphong.vn")
    ('heldout', 'dev', 'dev')
    """
    for part, sites in FIRST_SPLIT.items():
        if site in sites:
            return part
    return "heldout" if int(hashlib.sha256(site.encode()).hexdigest(), 16) % 10 < 3 else "dev"


def heldout_sites(sites: Iterable[str]) -> set[str]:
    """The held-out sites among ``sites`` (:func:`part_of_site`)."""
    return {s for s in sites if part_of_site(s) == "heldout"}


def load_part(part: str, directory: Path = EVAL_DIR) -> list[dict[str, Any]]:
    """The passages of one part (``dev`` or ``heldout``), one JSON object a line."""
    path = directory / f"{part}.jsonl"
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --------------------------------------------------------------------------- matching


def _num(x: Any) -> Decimal | tuple[Decimal, ...] | None:
    if x is None:
        return None
    if isinstance(x, list | tuple):
        return tuple(Decimal(repr(float(v))) for v in x)
    return Decimal(repr(float(x)))


def _same(a: Any, b: Any) -> bool:
    return _num(a) == _num(b)


def gold_key_target_ok(gold: dict[str, Any], found_target: Any) -> bool:
    """A found target against the annotated one.

    A written target (annual, term) must be equal; a derived one (not written: actual /
    percent) matches no target found, or one within 1 % of it.
    """
    if gold.get("target_kind") == "derived":
        if found_target is None:
            return True
        if isinstance(found_target, list | tuple):
            return False
        g = float(gold["target"])
        return abs(float(found_target) - g) <= DERIVED_TOLERANCE * abs(g)
    return _same(found_target, gold.get("target"))


def is_candidate(found: dict[str, Any]) -> bool:
    """A found statement that claims a target-versus-result reading: an actual with a target,
    or with an attainment or excess percentage (coverage, share, growth and rate are not)."""
    if found.get("actual") is None:
        return False
    kind = found.get("stated_kind")
    if kind in ("coverage", "share", "growth", "rate", "target"):
        return False
    return found.get("target") is not None or kind in ("attainment", "excess")


SCALE_WORDS = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
"""Number words that open the unit of a metric label (``free:thu ngân sách (nghìn tỷ đồng)``)."""


def unit_scale(metric: str) -> int | None:
    """The factor of the unit a metric is annotated in, when it opens with number words.

    Figures are annotated in the unit written (``1,635 triệu lượt`` → 1.635 with the label
    ``(triệu lượt)``); an extractor may give them in units (1.635.000) or, for money, in đồng.

    >>> unit_scale("free:thu ngân sách (tỷ đồng)"), unit_scale("free:thu (nghìn tỷ đồng)")
    (1000000000, 1000000000000)
    >>> unit_scale("free:thu ngân sách (tỉ đồng)")  # tỉ is tỷ as some papers spell it
    1000000000
    >>> unit_scale("free:khách quốc tế (triệu lượt)"), unit_scale("admissions")
    (1000000, None)
    >>> unit_scale("free:giá trị sản xuất (giá so sánh 2010, tỷ đồng)")  # the unit is last
    1000000000
    """
    metric = str(metric)
    if not metric.endswith(")") or "(" not in metric:
        return None
    scale = 1
    unit = re.split(r"[,;]", metric[metric.rindex("(") + 1 : -1])[-1]
    for word in unit.split():
        if word not in SCALE_WORDS:
            break
        scale *= SCALE_WORDS[word]
    return scale if scale > 1 else None


def _times(value: Any, scale: int) -> float:
    """``value × scale`` without a binary-float tail (1.635 × 10⁶ is 1635000.0)."""
    return float(Decimal(repr(float(value))) * scale)


def _scaled(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotated statement, and the same figures in units (money: in đồng)."""
    out = [gold]
    scale = unit_scale(gold.get("metric", ""))
    if scale is not None and gold.get("actual") is not None:
        t = gold.get("target")
        out.append(
            {
                **gold,
                "actual": _times(gold["actual"], scale),
                "target": None
                if t is None
                else (
                    [_times(v, scale) for v in t]
                    if isinstance(t, list | tuple)
                    else _times(t, scale)
                ),
            }
        )
    return out


def statement_matches(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    """Same actual, same target (see :func:`gold_key_target_ok`), same stated percent.

    Numbers compare as decimals of their float value: 1.770 read as 1770 matches 1770; a
    percentage stated but not found (or found but not stated) is no match. Figures match in
    the unit written or in units (:func:`unit_scale`; money in đồng).
    """
    return any(
        _same(found.get("actual"), g.get("actual"))
        and gold_key_target_ok(g, found.get("target"))
        and _same(found.get("stated_percent"), g.get("percent"))
        for g in _scaled(gold)
    )


def right_but_unlinked(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    """A claim right in all but its link to a target written elsewhere.

    The claim has the annotated actual and stated percent but no target, while the annotated
    target is written in the passage (not ``derived``), and the target the claim implies
    (actual / percent, :attr:`Statement.implied_target`) is within 1 % of it: its numbers are
    the report's, only the link to where the report writes the target is missing. The strict
    score counts such a claim wrong and its statement missed; the report names how many.

    >>> gold = {"actual": 110, "target": 100, "target_kind": "annual", "percent": 110}
    >>> right_but_unlinked(gold, {"actual": 110, "target": None, "stated_percent": 110,
    ...                           "implied_target": 100})
    True
    >>> right_but_unlinked(gold, {"actual": 110, "target": None, "stated_percent": 110,
    ...                           "implied_target": 95})
    False
    """
    implied = found.get("implied_target")
    if found.get("target") is not None or implied is None or gold.get("target_kind") == "derived":
        return False
    for g in _scaled(gold):
        t = g.get("target")
        if t is None or isinstance(t, list | tuple) or not float(t):
            continue
        if (
            _same(found.get("actual"), g.get("actual"))
            and _same(found.get("stated_percent"), g.get("percent"))
            and abs(float(implied) - float(t)) <= DERIVED_TOLERANCE * abs(float(t))
        ):
            return True
    return False


def _neutral(gold_other: Iterable[dict[str, Any]], found: dict[str, Any]) -> bool:
    """A candidate that reads an annotated non-scored statement (a fraction of a whole such
    as ``16/19 chỉ tiêu``) with its own figures is neither right nor wrong here."""
    return any(
        _same(found.get("actual"), g.get("actual"))
        and g.get("target") is not None
        and _same(found.get("target"), g.get("target"))
        for g in gold_other
    )


CLAIM_CLASSES = (
    "checked (percent agrees with its figures)",
    "percent off its figures or unchecked",
    "target, nothing stated",
    "percent only (target implied)",
)
"""The kinds of claim :func:`claim_class` tells apart, from the most supported to the least."""


def claim_class(found: dict[str, Any]) -> tuple[str, str]:
    """What supports a claim: its kind (:data:`CLAIM_CLASSES`) and where its target is.

    A claim whose stated percentage agrees with its own actual and target carries its own
    check; one with a target and no percentage, or a percentage and no target, does not.

    >>> claim_class({"target": 150, "stated": "92%", "stated_percent": 92, "consistent": True})
    ('checked (percent agrees with its figures)', 'in its sentence')
    >>> claim_class({"target": None, "stated_percent": 92, "link_start": None})
    ('percent only (target implied)', 'in its sentence')
    >>> claim_class({"target": 150, "stated": None, "link_start": 41})[1]
    'linked from another sentence'
    """
    if found.get("target") is None:
        kind = CLAIM_CLASSES[3]
    elif found.get("stated") is None:
        kind = CLAIM_CLASSES[2]
    elif found.get("consistent") is True:
        kind = CLAIM_CLASSES[0]
    else:
        kind = CLAIM_CLASSES[1]
    where = "in its sentence" if found.get("link_start") is None else "linked from another sentence"
    return kind, where


@dataclass
class StatementScore:
    gold: int = 0
    found: int = 0
    matched: int = 0
    neutral: int = 0
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    wrong: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    by_class: dict[str, list[int]] = field(default_factory=dict)
    """Claims found and claims right, by :func:`claim_class` (each of its two parts)."""
    unlinked: int = 0
    """Wrong claims that are :func:`right_but_unlinked` to a missed statement (one to one)."""

    def count(self, found: dict[str, Any], right: bool) -> None:
        for name in claim_class(found):
            tally = self.by_class.setdefault(name, [0, 0])
            tally[0] += 1
            tally[1] += right

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else math.nan

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else math.nan

    def unlinked_line(self) -> str:
        """How many wrong claims are right but unlinked, and the scores if they counted."""
        both = self.matched + self.unlinked
        recall = both / self.gold if self.gold else math.nan
        precision = both / self.found if self.found else math.nan
        return (
            f"  of the wrong, right but unlinked {self.unlinked} (actual and percent right, the "
            f"written target not linked); counted right: recall {_pct(recall)}  precision "
            f"{_pct(precision)}"
        )


def match_statements(
    passage: dict[str, Any], found: Sequence[dict[str, Any]], score: StatementScore
) -> None:
    """Match one passage's found statements to its annotated target-versus-result ones.

    Each annotated statement is matched at most once, by the first unmatched candidate that
    :func:`statement_matches` it. Candidates (:func:`is_candidate`) that match none count
    against precision, unless they read a non-scored annotated fraction (neutral).
    """
    gold = [s for s in passage["statements"] if s["type"] == SCORED_TYPE]
    other = [s for s in passage["statements"] if s["type"] != SCORED_TYPE]
    cands = [f for f in found if is_candidate(f)]
    score.gold += len(gold)
    used: set[int] = set()
    missed = []
    for g in gold:
        for i, f in enumerate(cands):
            if i not in used and statement_matches(g, f):
                used.add(i)
                score.matched += 1
                break
        else:
            score.misses.append((passage["id"], g))
            missed.append(g)
    wrong = []
    for i, f in enumerate(cands):
        if i in used:
            score.found += 1
            score.count(f, True)
        elif _neutral(other, f):
            score.neutral += 1
        else:
            score.found += 1
            score.count(f, False)
            score.wrong.append((passage["id"], f))
            wrong.append(f)
    for f in wrong:
        for j, g in enumerate(missed):
            if right_but_unlinked(g, f):
                score.unlinked += 1
                del missed[j]
                break


@dataclass
class AuditScore:
    gold: int = 0
    found: int = 0
    matched: int = 0
    false_alarms: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else math.nan


def _overlap(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_findings(
    passage: dict[str, Any], found: Sequence[dict[str, Any]], score: AuditScore
) -> None:
    """An annotated finding is found when a flagged check (verdict ``inconsistent`` or
    ``truncated``) of the same passage overlaps its evidence span; a flagged check that
    overlaps none is a false alarm."""
    gold = passage.get("audit", [])
    flagged = [f for f in found if f.get("verdict") in FLAGGED]
    score.gold += len(gold)
    score.found += len(flagged)
    for g in gold:
        span = g["evidence"]["span"]
        if any(_overlap(span, (f["start"], f["end"])) for f in flagged):
            score.matched += 1
        else:
            score.misses.append((passage["id"], g))
    for f in flagged:
        if not any(_overlap(g["evidence"]["span"], (f["start"], f["end"])) for g in gold):
            score.false_alarms.append((passage["id"], f))


# --------------------------------------------------------------------------- running


def run_extractor(
    passages: Sequence[dict[str, Any]],
    data: Path = ROOT / "data",
    *,
    money: bool = True,
    reference: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Statements and audit rows of each passage, as dicts, from the extractor importable here.

    ``reference``: the registry, catalog and wording to pass (an older extractor takes fewer:
    ``eval_history``); by default they are read from ``data``.
    """
    from kpitools.extract import audit_statements, extract_statements

    if reference is None:
        from kpitools.catalog import read_catalog
        from kpitools.extract import read_phrases
        from kpitools.registry import read_registry

        catalog = read_catalog(data / "metrics.csv")
        reference = {
            "registry": read_registry(data / "units.csv"),
            "catalog": catalog,
            "phrases": read_phrases(data / "metric_phrases.csv", catalog=catalog),
            "money": money,
        }
    out: dict[str, Any] = {}
    for p in passages:
        try:
            found = extract_statements(p["text"], file=p["id"], **reference)
        except Exception as exc:  # a failure reads nothing: its statements are misses
            print(
                f"eval: {p['id']}: the extractor failed ({exc}); scored as reading nothing",
                file=sys.stderr,
            )
            found = []
        out[p["id"]] = (
            [s.to_dict() for s in found],
            audit_statements(found).to_dicts() if found else [],
        )
    return out


def score_part(
    passages: Sequence[dict[str, Any]], results: dict[str, Any]
) -> tuple[StatementScore, AuditScore]:
    st, au = StatementScore(), AuditScore()
    for p in passages:
        found, audit = results[p["id"]]
        match_statements(p, found, st)
        match_findings(p, audit, au)
    return st, au


def batches(passages: Sequence[dict[str, Any]]) -> list[str]:
    """The batches (``added``) the passages of a part come from, in order; the first set has none.

    >>> batches([{"id": "a"}, {"id": "b", "added": "2026-12-03c"}])
    ['2026-12-03c']
    """
    return sorted({p["added"] for p in passages if p.get("added")})


#: Batches whose held-out passages were tuned on after they were scored unseen (add a batch
#: here as soon as work starts on what its scoring showed): no longer a measure of unseen text.
TUNED_AFTER_SCORING = frozenset(
    {
        "2026-12-03c",
        "2026-12-03d",
        "2026-12-03e",
        "2026-12-03f",
        "2026-12-03g",
        "2026-12-03h",
        "2026-12-03i",
        "2026-12-03j",
        "2026-12-04a",
        "2026-12-04b",
        "2026-12-04c",
        "2026-12-04d",
        "2026-12-04e",
        "2026-12-04f",
        "2026-12-04g",
        "2026-12-04h",
        "2026-12-04i",
        "2026-12-04j",
        "2026-12-04k",
        "2026-12-04l",
        "2026-12-05a",
        "2026-12-05b",
        "2026-12-05c",
        "2026-12-05d",
        "2026-12-05e",
        "2026-12-05f",
        "2026-12-05g",
        "2026-12-05h",
        "2026-12-05i",
        "2026-12-05j",
        "2026-12-05k",
        "2026-12-05l",
        "2026-12-05m",
        "2026-12-05n",
        "2026-12-05p",
        "2026-12-05q",
        "2026-12-05o",
        "2026-12-05r",
        "2026-12-05s",
        "2026-12-05t",
        "2026-12-05u",
        "2026-12-05v",
        "2026-12-05w",
        "2026-12-05x",
        "2026-12-05y",
        "2026-12-05z",
        "2026-12-05za",
        "2026-12-05zb",
        "2026-12-05zc",
        "2026-12-05zd",
        "2026-12-05ze",
        "2026-12-05zf",
        "2026-12-05zg",
        "2026-12-05zh",
        "2026-12-05zi",
        "2026-12-05zj",
        "2026-12-05zk",
        "2026-12-05zl",
        "2026-12-05zm",
        "2026-12-05zn",
        "2026-12-05zo",
        "2026-12-05zp",
        "2026-12-05zq",
        "2026-12-05zr",
        "2026-12-05zs",
        "2026-12-05zt",
        "2026-12-05zu",
        "2026-12-05zv",
        "2026-12-05zy",
        "2026-12-05zz",
        "2026-12-05zw",
        "2026-12-05zx",
        "2026-12-05zza",
        "2026-12-05zzb",
        "2026-12-05zzc",
        "2026-12-05zzd",
        "2026-12-05zze",
        "2026-12-05zzf",
        "2026-12-05zzh",
        "2026-12-05zzg",
        "2026-12-05zzi",
        "2026-12-05zzj",
        "2026-12-05zzk",
        "2026-12-05zzl",
        "2026-12-05zzm",
        "2026-12-05zzn",
        "2026-12-05zzo",
        "2026-12-05zzp",
        "2026-12-05zzq",
        "2026-12-05zzr",
        "2026-12-05zzs",
        "2026-12-05zzt",
        "2026-12-05zzu",
        "2026-12-05zzv",
        "2026-12-05zzw",
        "2026-12-05zzx",
        "2026-12-05zzy",
        "2026-12-05zzz",
        "2026-12-05zzza",
        "2026-12-05zzzb",
        "2026-12-05zzzc",
        "2026-12-05zzzd",
        "2026-12-05zzze",
        "2026-12-05zzzf",
        "2026-12-05zzzg",
        "2026-12-05zzzh",
        "2026-12-05zzzi",
        "2026-12-05zzzj",
        "2026-12-05zzzk",
        "2026-12-05zzzl",
        "2026-12-05zzzm",
        "2026-12-05zzzo",
        "2026-12-05zzzt",
        "2026-12-05zzzq",
        "2026-12-05zzzp",
        "2026-12-05zzzr",
        "2026-12-05zzzn",
        "2026-12-05zzzs",
        "2026-12-05zzzv",
        "2026-12-05zzzu",
        "2026-12-05zzzw",
        "2026-12-05zzzx",
        "2026-12-05zzzy",
        "2026-12-06a",
        "2026-12-06c",
        "2026-12-06d",
        "2026-12-06e",
        "2026-12-06f",
        "2026-12-06h",
        "2026-12-06g",
        "2026-12-06i",
        "2026-12-06j",
        "2026-12-06k",
        "2026-12-06l",
        "2026-12-06m",
        "2026-12-06n",
        "2026-12-06o",
        "2026-12-06p",
        "2026-12-06q",
        "2026-12-06r",
        "2026-12-06s",
        "2026-12-06t",
        "2026-12-06u",
        "2026-12-06v",
        "2026-12-06w",
        "2026-12-06x",
        "2026-12-06y",
        "2026-12-06z",
        "2026-12-06za",
        "2026-12-06zb",
        "2026-12-06zc",
        "2026-12-06zf",
        "2026-12-06zg",
        "2026-12-06zh",
        "2026-12-06zi",
        "2026-12-06zj",
        "2026-12-06zn",
        "2026-12-06zd",
        "2026-12-06ze",
        "2026-12-06zk",
        "2026-12-06zl",
        "2026-12-06zm",
        "2026-12-06zo",
        "2026-12-06zp",
        "2026-12-06zq",
        "2026-12-06zr",
        "2026-12-06zs",
        "2026-12-06zt",
        "2026-12-06zu",
        "2026-12-06zv",
        "2026-12-06zw",
        "2026-12-06zx",
        "2026-12-06zy",
        "2026-12-06zz",
        "2026-12-06zza",
        "2026-12-06zzb",
        "2026-12-06zzc",
        "2026-12-06zzd",
        "2026-12-06zze",
        "2026-12-06zzf",
        "2026-12-06zzg",
        "2026-12-06zzh",
        "2026-12-06zzi",
        "2026-12-06zzj",
        "2026-12-06zzk",
        "2026-12-06zzl",
        "2026-12-06zzm",
        "2026-12-06zzn",
        "2026-12-06zzo",
        "2026-12-06zzp",
        "2026-12-06zzq",
        "2026-12-06zzr",
        "2026-12-06zzs",
        "2026-12-06zzt",
        "2026-12-06zzu",
        "2026-12-06zzv",
        "2026-12-06zzw",
        "2026-12-07a",
        "2026-12-07b",
        "2026-12-07c",
        "2026-12-07d",
        "2026-12-07e",
        "2026-12-07f",
        "2026-12-07g",
        "2026-12-07h",
        "2026-12-07i",
        "2026-12-07j",
        "2026-12-07k",
        "2026-12-07l",
        "2026-12-07m",
        "2026-12-07n",
        "2026-12-07o",
        "2026-12-07p",
        "2026-12-07q",
        "2026-12-07r",
        "2026-12-07t",
        "2026-12-07u",
        "2026-12-07s",
        "2026-12-07v",
        "2026-12-07w",
        "2026-12-07x",
        "2026-12-07y",
        "2026-12-07z",
        "2026-12-07za",
        "2026-12-07zb",
        "2026-12-07zc",
        "2026-12-07zd",
        "2026-12-07ze",
        "2026-12-07zf",
        "2026-12-07zg",
        "2026-12-07zh",
        "2026-12-07zi",
        "2026-12-07zj",
        "2026-12-07zk",
        "2026-12-07zl",
        "2026-12-07zm",
        "2026-12-07zn",
        "2026-12-07zo",
        "2026-12-07zp",
        "2026-12-07zq",
        "2026-12-07zr",
        "2026-12-07zs",
        "2026-12-07zt",
        "2026-12-07zu",
        "2026-12-07zv",
        "2026-12-07zw",
        "2026-12-07zx",
        "2026-12-07zy",
        "2026-12-07zz",
        "2026-12-07zza",
        "2026-12-07zzb",
        "2026-12-07zzc",
        "2026-12-07zzd",
        "2026-12-07zze",
        "2026-12-07zzf",
        "2026-12-07zzg",
        "2026-12-07zzh",
        "2026-12-07zzi",
        "2026-12-07zzj",
        "2026-12-07zzk",
        "2026-12-07zzm",
        "2026-12-07zzn",
        "2026-12-07zzo",
        "2026-12-07zzp",
        "2026-12-07zzq",
        "2026-12-07zzr",
        "2026-12-07zzs",
        "2026-12-07zzt",
        "2026-12-07zzu",
        "2026-12-07zzv",
        "2026-12-07zzw",
        "2026-12-07zzx",
        "2026-12-07zzy",
        "2026-12-07zzz",
        "2026-12-07zzza",
        "2026-12-07zzzb",
        "2026-12-07zzzc",
        "2026-12-07zzzd",
        "2026-12-07zzze",
        "2026-12-07zzzi",
        "2026-12-07zzzj",
        "2026-12-07zzzk",
        "2026-12-07zzzl",
        "2026-12-07zzzm",
        "2026-12-07zzzn",
        "2026-12-07zzzo",
        "2026-12-07zzzp",
        "2026-12-07zzzq",
        "2026-12-07zzzs",
        "2026-12-07zzzt",
        "2026-12-07zzzu",
        "2026-12-07zzzv",
        "2026-12-08a",
    }
)


def batch_label(part: str, batch: str) -> str:
    """How a batch of a part is named in the output.

    >>> batch_label("heldout", "2026-12-03c")
    'heldout, added 2026-12-03c (scored unseen once, then tuned on)'
    """
    if part == "dev":
        seen = "annotated before tuning on them"
    elif batch in TUNED_AFTER_SCORING:
        seen = "scored unseen once, then tuned on"
    else:
        seen = "never seen by tuning"
    return f"{part}, added {batch} ({seen})"


def _pct(x: float) -> str:
    return "n/a" if math.isnan(x) else f"{x:.2f}"


def class_lines(st: StatementScore) -> list[str]:
    """Precision by kind of claim (:func:`claim_class`): found, right and their ratio."""
    order = [*CLAIM_CLASSES, "in its sentence", "linked from another sentence"]
    return [
        f"    {name}: {st.by_class[name][1]} right of {st.by_class[name][0]} "
        f"(precision {_pct(st.by_class[name][1] / st.by_class[name][0])})"
        for name in order
        if name in st.by_class
    ]


def report(
    part: str,
    passages: Sequence[dict[str, Any]],
    st: StatementScore,
    au: AuditScore,
    *,
    verbose: bool,
    by_class: bool = False,
) -> list[str]:
    lines = [
        f"== {part}: {len(passages)} passages, {len({p['url'] for p in passages})} articles, "
        f"{len({p['site'] for p in passages})} sites",
        f"target-versus-result statements: annotated {st.gold}, found {st.found} "
        f"(+{st.neutral} neutral), matched {st.matched}",
        f"  recall {_pct(st.recall)}  precision {_pct(st.precision)}",
        st.unlinked_line(),
        f"audit findings: annotated {au.gold}, found {au.matched} (recall {_pct(au.recall)}), "
        f"false alarms {len(au.false_alarms)} of {au.found} flagged",
    ]
    if by_class:
        lines += class_lines(st)
    if verbose:
        for pid, g in st.misses:
            lines.append(
                f"  miss   {pid}: actual {g['actual']} target {g['target']} ({g['target_kind']}) "
                f"{g['percent_text'] or ''} — {g['evidence'][0]['text']!r}"
            )
        for pid, f in st.wrong:
            lines.append(
                f"  wrong  {pid}: actual {f['actual']} target {f['target']} "
                f"{f['stated'] or ''} ({f['stated_kind']}) — {f['text']!r}"
            )
        for pid, g in au.misses:
            lines.append(f"  audit miss   {pid}: {g['kind']} — {g['note']}")
        for pid, f in au.false_alarms:
            lines.append(f"  false alarm  {pid}: {f['check']} {f['verdict']} — {f['note']}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--heldout",
        action="store_true",
        help="score the held-out part too (only at the end of the work)",
    )
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and false alarms")
    ap.add_argument(
        "--money",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="read money amounts, as the CLI does by default (--no-money: leave them out)",
    )
    ap.add_argument("--dir", type=Path, default=EVAL_DIR, help="where dev/heldout.jsonl are")
    ap.add_argument(
        "--without",
        metavar="BATCH",
        action="append",
        default=[],
        help="leave out the passages of a batch ('added'), e.g. one kept unseen until the end",
    )
    ap.add_argument(
        "--older",
        action="store_true",
        help="score the reports published before 2025 too (older.jsonl; not part of the set)",
    )
    ap.add_argument(
        "--batch",
        metavar="BATCH",
        action="append",
        default=[],
        help="score only these batches ('added'), both parts together: a batch's once-only "
        "scoring (implies --heldout)",
    )
    ap.add_argument(
        "--by-class",
        action="store_true",
        help="precision by kind of claim: checked by its own percentage, target without a "
        "percentage, percentage without a target; target in its sentence or linked",
    )
    args = ap.parse_args(argv)
    if args.batch:
        return _score_batches(args)
    parts = (*(PARTS if args.heldout else ("dev",)), *((OLDER,) if args.older else ()))
    for part in parts:
        passages = [p for p in load_part(part, args.dir) if p.get("added") not in args.without]
        results = run_extractor(passages, money=args.money)
        st, au = score_part(passages, results)
        print(
            "\n".join(report(part, passages, st, au, verbose=args.verbose, by_class=args.by_class))
        )
        for batch in batches(passages):
            sub = [p for p in passages if p.get("added") == batch]
            bst, bau = score_part(sub, results)
            label = batch_label(part, batch)
            print("\n".join(report(label, sub, bst, bau, verbose=False, by_class=args.by_class)))
    return 0


def _score_batches(args: argparse.Namespace) -> int:
    """The passages of the batches named, from both parts, scored as one."""
    parts = (*PARTS, *((OLDER,) if (args.dir / f"{OLDER}.jsonl").exists() else ()))
    passages = [
        p for part in parts for p in load_part(part, args.dir) if p.get("added") in args.batch
    ]
    missing = sorted(set(args.batch) - {p.get("added") for p in passages})
    if missing:
        print(f"eval_extract: no passage of batch {', '.join(missing)}", file=sys.stderr)
        return 2
    st, au = score_part(passages, run_extractor(passages, money=args.money))
    label = f"batch {' + '.join(args.batch)} (both parts)"
    print("\n".join(report(label, passages, st, au, verbose=args.verbose, by_class=args.by_class)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
