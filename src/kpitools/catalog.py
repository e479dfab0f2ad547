"""The metric catalog: what each metric code means, in Vietnamese and English."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from kpitools.errors import DataIssue, KpiDataError, KpiToolsError
from kpitools.textfold import name_key
from kpitools.vocab import check_lang

KINDS = ("count", "coverage")
_REQUIRED = ("code", "label_vi", "label_en", "unit_vi", "unit_en", "kind")
_OPTIONAL = ("breakdown_of", "aliases")

#: Abbreviations of Party reports, written out before wordings of metrics are compared.
ABBREVIATIONS = {
    "ĐV": "đảng viên",
    "TCĐ": "tổ chức đảng",
    "TCCS": "tổ chức cơ sở",
    "DN": "doanh nghiệp",
    "KH": "kế hoạch",
    "THPT": "trung học phổ thông",
    "CT-XH": "chính trị - xã hội",
    "BTV": "Ban Thường vụ",
}
#: Phrases that mean the same, compared as the second (after abbreviations are written out).
SAME_PHRASES = {
    "ngoài khu vực nhà nước": "ngoài nhà nước",
    "khu vực ngoài nhà nước": "ngoài nhà nước",
    "ngoài quốc doanh": "ngoài nhà nước",
    "tổ chức cơ sở đảng": "tổ chức cơ sở",
}
_SEPARATORS = re.compile(r"\s*[-–—,;]\s*|\s+")  # "chính trị - xã hội" = "chính trị-xã hội"
_CACHED = 65_536  # distinct texts remembered by MetricCatalog.resolve


class UnknownMetricError(KpiToolsError, KeyError):
    """A metric code or label that the catalog does not know.

    Also a ``KeyError``; ``suggestions`` holds the codes of the metrics whose code, label or
    alias is closest to the text.

    Examples
    --------
    >>> cat = read_catalog("data/metrics.csv")
    >>> try:
    ...     cat.resolve("admision")
    ... except UnknownMetricError as exc:
    ...     print(exc)
    unknown metric 'admision'; did you mean admissions or admissions_female or admissions_male?
    """

    def __init__(self, text: str, suggestions: list[str]):
        self.text = text
        self.suggestions = suggestions
        super().__init__(text)

    def __str__(self) -> str:
        msg = f"unknown metric {self.text!r}"
        if self.suggestions:
            msg += "; did you mean " + " or ".join(self.suggestions) + "?"
        return msg


def metric_key(text: str, *, diacritics: bool = True) -> str:
    """The key under which two wordings of a metric compare equal.

    The folding of unit names (:func:`kpitools.textfold.name_key`: case, spacing, where the
    tone mark sits, or no diacritics at all), dashes and commas read as spaces, the
    :data:`ABBREVIATIONS` written out and the :data:`SAME_PHRASES` made one.

    Examples
    --------
    >>> metric_key("Thành lập TCĐ trong DN ngoài khu vực nhà nước", diacritics=False)
    'thanh lap to chuc dang trong doanh nghiep ngoai nha nuoc'
    >>> metric_key("kết nạp ĐV") == metric_key("Kết nạp  đảng viên")
    True
    """
    words, phrases = _EXPAND[diacritics]
    return phrases(words(_fold(text, diacritics=diacritics)))


def _fold(text: str, *, diacritics: bool) -> str:
    return " ".join(w for w in _SEPARATORS.split(name_key(text, diacritics=diacritics)) if w)


def _replacer(table: dict[str, str], *, diacritics: bool) -> Callable[[str], str]:
    """Replace the whole words of folded text that are keys of ``table`` by their values."""
    folded = {
        _fold(k, diacritics=diacritics): _fold(v, diacritics=diacritics) for k, v in table.items()
    }
    alternatives = "|".join(re.escape(k) for k in sorted(folded, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return lambda text: pattern.sub(lambda m: folded[m.group()], text)


_EXPAND = {
    d: (_replacer(ABBREVIATIONS, diacritics=d), _replacer(SAME_PHRASES, diacritics=d))
    for d in (True, False)
}


def split_aliases(cell: str | None) -> list[str]:
    """The wordings of an ``aliases`` cell (``|`` between them), stripped; ``""`` for a gap."""
    return [] if cell is None or not cell.strip() else [a.strip() for a in cell.split("|")]


@dataclass(frozen=True)
class MetricCatalog:
    """Metric definitions; one row per metric code.

    Columns: ``code``, ``label_vi``, ``label_en``, ``unit_vi``, ``unit_en``, ``kind``
    (``count``: actual against a target; ``coverage``: part of a whole, with the whole
    in the ``target`` column when it is known), ``breakdown_of`` (the metric this one
    is a part of, e.g. business owners among admissions in non-state enterprises) and
    ``aliases`` (other wordings and abbreviations of the metric, ``|`` between them).

    A metric is found by its code, its labels or an alias, compared by :func:`metric_key`.

    Examples
    --------
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({
    ...     "code": ["admissions"], "label_vi": ["Kết nạp đảng viên mới"],
    ...     "label_en": ["New Party members admitted"], "unit_vi": ["đảng viên"],
    ...     "unit_en": ["members"], "kind": ["count"],
    ...     "aliases": ["Phát triển đảng viên|kết nạp ĐV"]}))
    >>> cat.label("admissions", lang="en")
    'New Party members admitted'
    >>> cat.resolve("kết nạp đảng viên mới"), cat.resolve("Ket nap dang vien")
    ('admissions', 'admissions')
    """

    metrics: pl.DataFrame
    _by_key: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _plain: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _rows: dict[str, dict[str, str | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # text -> its code, or the suggestions for it when it names no metric
    _resolved: dict[str, str | tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for row in self.metrics.iter_rows(named=True):
            code = row["code"]
            self._rows[code] = row
            for text in _wordings(row):
                self._by_key.setdefault(metric_key(text), code)
                self._plain.setdefault(metric_key(text, diacritics=False), code)

    @classmethod
    def from_frame(cls, df: pl.DataFrame, *, source: str = "<frame>") -> MetricCatalog:
        """Validate a catalog frame and wrap it."""
        issues = [
            DataIssue("missing required column", file=source, column=c)
            for c in _REQUIRED
            if c not in df.columns
        ]
        if issues:
            raise KpiDataError(issues)
        missing = [c for c in _OPTIONAL if c not in df.columns]
        df = df.with_columns(pl.lit(None, pl.String).alias(c) for c in missing)
        df = df.select(*_REQUIRED, *_OPTIONAL).cast(pl.String)
        seen: dict[str, int] = {}
        codes = set(df["code"].drop_nulls())
        for i, row in enumerate(df.iter_rows(named=True), start=2):
            issues += _row_issues(row, i, source, seen, codes)
        issues += _alias_issues(df, source)
        if issues:
            raise KpiDataError(issues)
        return cls(df)

    @property
    def codes(self) -> list[str]:
        """Metric codes in catalog order."""
        return self.metrics["code"].to_list()

    def __contains__(self, code: object) -> bool:
        return code in self._rows

    def resolve(self, text: str) -> str:
        """Return the metric code for a code, a Vietnamese / English label or an alias.

        Raises :class:`UnknownMetricError`, with the closest metrics, for any other text.
        Each distinct text is looked up once; later calls answer from memory.
        """
        found = self._resolved.get(text)
        if found is None:
            found = self._lookup(text)
            if len(self._resolved) >= _CACHED:
                self._resolved.clear()
            self._resolved[text] = found
        if isinstance(found, str):
            return found
        raise UnknownMetricError(text, list(found))

    def _lookup(self, text: str) -> str | tuple[str, ...]:
        """The code ``text`` names, else the codes of the closest wordings."""
        if text in self._rows:
            return text
        key = metric_key(text)
        if key in self._by_key:
            return self._by_key[key]
        plain = metric_key(text, diacritics=False)
        return self._plain.get(plain) or self._suggest(plain)

    def _suggest(self, plain: str) -> tuple[str, ...]:
        """The (up to 3) metrics whose code, label or alias is closest to the key ``plain``."""
        close = difflib.get_close_matches(plain, self._plain, n=6)
        codes = list(dict.fromkeys(self._plain[k] for k in close))[:3]
        return tuple(sorted(codes))

    def label(self, code: str, *, lang: str = "vi") -> str:
        """The metric's display label in ``lang``; unknown codes are shown as they are."""
        row = self._rows.get(code)
        return code if row is None else str(row[f"label_{check_lang(lang)}"])

    def unit(self, code: str, *, lang: str = "vi") -> str:
        """What the metric counts (``đảng viên`` / ``members``)."""
        row = self._rows.get(code)
        return "" if row is None else str(row[f"unit_{check_lang(lang)}"])

    def kind(self, code: str) -> str:
        """``count`` or ``coverage``."""
        return str(self._rows[code]["kind"])


def _row_issues(
    row: dict[str, str | None], i: int, source: str, seen: dict[str, int], codes: set[str]
) -> list[DataIssue]:
    """The problems of catalog row ``i`` (the header is row 1); ``seen`` records its code."""
    issues: list[DataIssue] = []
    code = row["code"]
    if not code:
        issues.append(DataIssue("empty metric code", file=source, row=i, column="code"))
    elif code in seen:
        issues.append(
            DataIssue(
                f"duplicate metric code (first on row {seen[code]})",
                file=source,
                row=i,
                column="code",
                value=code,
            )
        )
    else:
        seen[code] = i
    if row["kind"] not in KINDS:
        issues.append(
            DataIssue(
                f"kind must be one of {', '.join(KINDS)}",
                file=source,
                row=i,
                column="kind",
                value=row["kind"],
            )
        )
    for col in ("label_vi", "label_en"):
        if not row[col]:
            issues.append(DataIssue("empty label", file=source, row=i, column=col))
    parent = row["breakdown_of"]
    if parent and parent not in codes:
        issues.append(
            DataIssue(
                "breakdown_of names no metric code of this catalog",
                file=source,
                row=i,
                column="breakdown_of",
                value=parent,
            )
        )
    return issues


def _wordings(row: dict[str, str | None]) -> Iterator[str]:
    """Every text that names the metric of a catalog row: code, labels, aliases."""
    for col in ("code", "label_vi", "label_en"):
        if row[col]:
            yield str(row[col])
    yield from (a for a in split_aliases(row["aliases"]) if a)


def _alias_issues(df: pl.DataFrame, source: str) -> list[DataIssue]:
    """Aliases that are empty or that also name another metric (with or without diacritics)."""
    owner: dict[str, tuple[str, int]] = {}  # key -> (code, row) of the first text with it
    rows = list(enumerate(df.iter_rows(named=True), start=2))
    for i, row in rows:
        for col in ("code", "label_vi", "label_en"):
            for key in _keys(row[col]):
                owner.setdefault(key, (str(row["code"]), i))
    issues = []
    for i, row in rows:
        for alias in dict.fromkeys(split_aliases(row["aliases"])):
            problem = _alias_problem(alias, str(row["code"]), i, owner)
            if problem:
                issues.append(DataIssue(problem, file=source, row=i, column="aliases", value=alias))
    return issues


def _keys(text: str | None) -> tuple[str, ...]:
    return () if not text else (metric_key(text), "\0" + metric_key(text, diacritics=False))


def _alias_problem(alias: str, code: str, row: int, owner: dict[str, tuple[str, int]]) -> str:
    """Why ``alias`` of metric ``code`` (catalog row ``row``) cannot be used; "" if it can."""
    if not alias:
        return "empty alias (two | in a row, or one at an end)"
    for key in _keys(alias):
        other, at = owner.setdefault(key, (code, row))
        if other != code:
            return f"alias also names metric {other} (row {at})"
    return ""


def read_catalog(path: str | os.PathLike[str]) -> MetricCatalog:
    """Read a metric catalog CSV (see ``data/README.md`` for its columns).

    Raises ``KpiDataError`` listing every problem when the file cannot be used.

    Examples
    --------
    >>> cat = read_catalog("data/metrics.csv")
    >>> cat.codes[:3]
    ['admissions', 'admissions_nonstate', 'admissions_business_owners']
    >>> cat.label("admissions_female", lang="en"), cat.kind("members_app")
    ('Women admitted', 'coverage')
    """
    path = Path(path)
    try:
        df = pl.read_csv(path, infer_schema=False)
    except (OSError, pl.exceptions.ComputeError) as exc:
        raise KpiDataError(DataIssue(f"cannot read metric catalog: {exc}", file=str(path))) from exc
    return MetricCatalog.from_frame(df, source=str(path))
