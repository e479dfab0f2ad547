"""The extractor as the extraction tests call it: the repository's registry, catalog and
phrases, read once (imported by name: conftest.py puts this folder on ``sys.path``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kpitools.catalog import read_catalog
from kpitools.extract import Statement, audit_statements, extract_statements, read_phrases
from kpitools.registry import read_registry

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
REGISTRY = read_registry(DATA / "units.csv")
CATALOG = read_catalog(DATA / "metrics.csv")
PHRASES = read_phrases(DATA / "metric_phrases.csv", catalog=CATALOG)


def find(text: str, **options: object) -> list[Statement]:
    """The statements of ``text``, read with the repository's reference data."""
    return extract_statements(
        text,
        registry=REGISTRY,
        phrases=PHRASES,
        catalog=CATALOG,
        **options,  # type: ignore[arg-type]
    )


def is_claim(s: Statement) -> bool:
    """Whether ``s`` claims an attainment or excess, or pairs an actual with a target."""
    return s.stated_kind in ("attainment", "excess", "excess_count") or (
        s.actual is not None and s.target is not None
    )


def claims(text: str, **options: object) -> list[Statement]:
    """The statements of ``text`` that are claims (:func:`is_claim`), read as :func:`find`
    reads them."""
    return [s for s in find(text, **options) if is_claim(s)]


def money_claims(text: str) -> list[Statement]:
    """The claims of ``text`` (:func:`claims`) with money read, as the CLI reads it."""
    return claims(text, money=True)


def read_money(text: str) -> list[tuple[object, object, str | None, str | None]]:
    """(actual, target, stated, stated kind) of every statement of ``text``, money read."""
    return [(s.actual, s.target, s.stated, s.stated_kind) for s in find(text, money=True)]


def target_pairs(text: str) -> list[tuple[object, object]]:
    """(actual, target) of every statement of ``text`` with a target (money not read)."""
    return [(s.actual, s.target) for s in find(text) if s.target is not None]


def attainments(text: str) -> list[tuple[object, object, str | None, str | None]]:
    """(actual, target, stated, verdict) of the attainments and excesses of ``text``, money
    read."""
    return [
        (s.actual, s.target, s.stated, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind in ("attainment", "excess")
    ]


def attained(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percent, verdict) of the attainments of ``text``, money read
    (excesses left out)."""
    return [
        (s.actual, s.target, s.stated_percent, s.verdict)
        for s in find(text, money=True)
        if s.stated_kind == "attainment"
    ]


def claim_rows(text: str) -> list[tuple[object, ...]]:
    """(actual, target, kind, stated percent, verdict) of the claims of ``text``
    (:func:`claims`), money read: what the probes of rounds 46 and 49 pin."""
    return [
        (s.actual, s.target, s.stated_kind, s.stated_percent, s.verdict)
        for s in claims(text, money=True)
    ]


def claimed_pairs(text: str) -> list[tuple[object, object]]:
    """(actual, target) of the claims of ``text`` (:func:`claims`), money read."""
    return [(s.actual, s.target) for s in claims(text, money=True)]


def checked(text: str) -> list[tuple[object, object, object, str | None]]:
    """(actual, target, stated percent, verdict) of every statement of ``text`` with both an
    actual and a target, money read."""
    return [
        (s.actual, s.target, s.stated_percent, s.verdict)
        for s in find(text, money=True)
        if s.target is not None and s.actual is not None
    ]


def claimed_figures(text: str) -> list[tuple[object, object, object, object]]:
    """(actual, target, stated percent, stated kind) of the statements of ``text`` that pair
    figures or state a percentage, money read."""
    return [
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.actual is not None and (s.target is not None or s.stated_percent is not None)
    ]


def figure_set(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, stated kind) of every statement of ``text``, money
    read, as a set: what the probes of rounds 108 to 114 pin."""
    return {(s.actual, s.target, s.stated_percent, s.stated_kind) for s in find(text, money=True)}


def paired_or_attained(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, stated kind) of the statements of ``text`` that pair an
    actual with a target or state an attainment, money read, as a set."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if (s.actual is not None and s.target is not None) or s.stated_kind == "attainment"
    }


def audit_rows(text: str, check: str = "attainment") -> list[tuple[str, str, float | None]]:
    """(stated, verdict, expected) of the audit's rows of ``check`` in ``text``."""
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [(r["stated"], r["verdict"], r["expected"]) for r in rows if r["check"] == check]


def flagged(text: str) -> list[str]:
    """The verdicts of the statements of ``text`` that the audit flags (inconsistent or
    truncated), read as :func:`find` reads them."""
    found = find(text)
    rows = audit_statements(found).to_dicts() if found else []
    return [r["verdict"] for r in rows if r["verdict"] in ("inconsistent", "truncated")]


def bare_pairs(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, stated kind) of every statement of ``text`` with an
    actual and a target, read with no reference data."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in extract_statements(text)
        if s.actual is not None and s.target is not None
    }


def money_pairs(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, stated kind) of each statement of ``text`` with an
    actual and a target, money read, as a set: what rounds 128 and 130 pin."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if s.actual is not None and s.target is not None
    }


def claim_set(text: str) -> set[tuple[object, object, object, object]]:
    """(actual, target, stated percent, kind) of each claim (:func:`is_claim`) of ``text``
    with an actual, money read: what the probes of rounds 117 and 120 pin."""
    return {
        (s.actual, s.target, s.stated_percent, s.stated_kind)
        for s in find(text, money=True)
        if is_claim(s) and s.actual is not None
    }


def each_reads(cases: Mapping[str, tuple[object, object, str]]) -> None:
    """Each text gives exactly its one claim (actual, percent, kind), no target written."""
    for text, (actual, percent, kind) in cases.items():
        assert claim_set(text) == {(actual, None, percent, kind)}, text


def none_reads(*texts: str) -> None:
    """No text gives a claim with an actual."""
    for text in texts:
        assert claim_set(text) == set(), text


# a long stretch of a report that names no amount of any kind (rounds 110 and 116)
FILLER = (
    "Các đơn vị được hướng dẫn kỹ năng, nghiệp vụ và quy định mới trước khi triển khai; sở "
    "phối hợp với các địa phương tuyên truyền tại từng khu dân cư, tổ dân phố. "
) * 4


def far_apart(first: str, second: str, filler: str = FILLER) -> str:
    """``first`` and ``second`` two paragraphs of ``filler`` apart (a plan written far away)."""
    return f"{first}\n\n{filler}\n\n{filler}\n\n{second}"
