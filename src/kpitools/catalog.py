"""The metric catalog: what each metric code means, in Vietnamese and English."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from kpitools.errors import DataIssue, KpiDataError, KpiToolsError
from kpitools.vocab import check_lang

KINDS = ("count", "coverage")
_REQUIRED = ("code", "label_vi", "label_en", "unit_vi", "unit_en", "kind")


class UnknownMetricError(KpiToolsError, KeyError):
    """A metric code or label that the catalog does not know.

    Also a ``KeyError``; ``suggestions`` holds the closest metric codes.

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


@dataclass(frozen=True)
class MetricCatalog:
    """Metric definitions; one row per metric code.

    Columns: ``code``, ``label_vi``, ``label_en``, ``unit_vi``, ``unit_en``, ``kind``
    (``count``: actual against a target; ``coverage``: part of a whole, with the whole
    in the ``target`` column when it is known) and ``breakdown_of`` (the metric this one
    is a part of, e.g. business owners among admissions in non-state enterprises).

    Examples
    --------
    >>> cat = MetricCatalog.from_frame(pl.DataFrame({
    ...     "code": ["admissions"], "label_vi": ["Kết nạp đảng viên mới"],
    ...     "label_en": ["New Party members admitted"], "unit_vi": ["đảng viên"],
    ...     "unit_en": ["members"], "kind": ["count"]}))
    >>> cat.label("admissions", lang="en")
    'New Party members admitted'
    >>> cat.resolve("kết nạp đảng viên mới")
    'admissions'
    """

    metrics: pl.DataFrame
    _by_key: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _rows: dict[str, dict[str, str | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        from kpitools.textfold import name_key

        for row in self.metrics.iter_rows(named=True):
            code = row["code"]
            self._rows[code] = row
            for text in (code, row["label_vi"], row["label_en"]):
                for key in (name_key(text), name_key(text, diacritics=False)):
                    self._by_key.setdefault(key, code)

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
        if "breakdown_of" not in df.columns:
            df = df.with_columns(breakdown_of=pl.lit(None, pl.String))
        df = df.select(*_REQUIRED, "breakdown_of").cast(pl.String)
        seen: dict[str, int] = {}
        codes = set(df["code"].drop_nulls())
        for i, row in enumerate(df.iter_rows(named=True), start=2):
            issues += _row_issues(row, i, source, seen, codes)
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
        """Return the metric code for a code or a Vietnamese / English label."""
        from kpitools.textfold import name_key

        if text in self._rows:
            return text
        for key in (name_key(text), name_key(text, diacritics=False)):
            if key in self._by_key:
                return self._by_key[key]
        keys = {name_key(k, diacritics=False): c for k, c in self._by_key.items()}
        close = difflib.get_close_matches(name_key(text, diacritics=False), list(keys), n=3)
        raise UnknownMetricError(text, sorted({keys[k] for k in close}))

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
