"""Reading a member export: header aliases, value vocabularies, dates, and per-row event keys.

The work is one lazy polars query per pass over the export, run by the streaming engine.
Text columns with few distinct values (sex, flags, status) are compared with the spellings
the first rows use (a few comparisons per cell are cheaper than hashing it); unit codes are
cast to an ``Enum`` of every spelling known so far (one hash lookup per cell); dates are
parsed with the format the first rows use. A value that this fast path does not recognize
is not yet an error: the distinct values that failed are read in one more pass, given to
the exact (slow, Python) parsers — :func:`kpitools.io.parse_date`,
:meth:`UnitRegistry.resolve`, the vocabularies below — and the query is run again with what
they recognized. Only what is still unrecognized then is a bad row. Clean exports therefore
cost one pass, and messy ones get the same answers as the exact parsers.

Every row becomes one admission key (or one bad-row key) and, for a member who left, an
exit key; keys are sorted and counted: the only thing kept is counts. Member ids are hashed
for the duplicate check (a sort of the hashes) and never leave it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from kpitools.errors import DataIssue, KpiDataError
from kpitools.textfold import name_key, nfc

#: Header spellings accepted for each column of a member export (compared ignoring case,
#: diacritics and spacing). Columns not named here are never read.
MEMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "member_id": (
        "member_id",
        "member id",
        "id",
        "pseudonym",
        "mã đảng viên",
        "mã số đảng viên",
        "mã định danh",
        "số thẻ đảng viên",
        "số thẻ đảng",
    ),
    "unit_code": (
        "unit_code",
        "unit code",
        "unit",
        "organization_code",
        "mã đơn vị",
        "mã tổ chức đảng",
        "mã tổ chức cơ sở đảng",
        "mã chi bộ",
        "mã đảng bộ",
    ),
    "admission_date": (
        "admission_date",
        "admission date",
        "admitted",
        "date admitted",
        "ngày vào đảng",
        "ngày kết nạp",
        "ngày kết nạp đảng",
        "ngày vào đảng lần đầu",
    ),
    "birth_date": ("birth_date", "date_of_birth", "date of birth", "dob", "ngày sinh"),
    "birth_year": ("birth_year", "year_of_birth", "year of birth", "năm sinh"),
    "sex": ("sex", "gender", "giới tính", "giới"),
    "group": ("group", "occupation", "nghề nghiệp", "đối tượng", "nhóm", "thành phần"),
    "business_owner": (
        "business_owner",
        "business owner",
        "chủ doanh nghiệp",
        "là chủ doanh nghiệp",
    ),
    "hs_student": (
        "hs_student",
        "student",
        "upper-secondary student",
        "học sinh",
        "học sinh thpt",
        "học sinh trung học phổ thông",
    ),
    "nonstate": (
        "nonstate",
        "non_state",
        "non-state enterprise",
        "works in a non-state enterprise",
        "doanh nghiệp ngoài nhà nước",
        "dn ngoài nhà nước",
        "làm việc trong dn ngoài nhà nước",
        "làm việc trong doanh nghiệp ngoài nhà nước",
    ),
    "status": ("status", "tình trạng", "trạng thái", "tình trạng sinh hoạt"),
    "status_date": (
        "status_date",
        "status date",
        "date of change",
        "ngày thay đổi",
        "ngày thay đổi tình trạng",
        "ngày chuyển",
    ),
    "source": ("source", "nguồn", "nguồn dữ liệu"),
}

# Values, by what they mean. Compared like headers (case, diacritics and spacing ignored).
SEX_VALUES: dict[str, tuple[str, ...]] = {
    "F": ("F", "nữ", "female", "woman", "phụ nữ"),
    "M": ("M", "nam", "male", "man"),
}
FLAG_VALUES: dict[bool, tuple[str, ...]] = {
    True: ("x", "1", "true", "yes", "y", "có", "đúng", "✓", "v"),
    False: ("", "0", "false", "no", "n", "không", "-"),
}
STATUS_VALUES: dict[str, tuple[str, ...]] = {
    "active": (
        "active",
        "đang sinh hoạt",
        "sinh hoạt",
        "đang hoạt động",
        "chính thức",
        "dự bị",
        "đảng viên chính thức",
        "đảng viên dự bị",
    ),
    "deceased": ("deceased", "died", "dead", "từ trần", "qua đời", "đã mất", "chết"),
    "removed": (
        "removed",
        "expelled",
        "xóa tên",
        "bị xóa tên",
        "khai trừ",
        "bị khai trừ",
        "đưa ra khỏi đảng",
        "cho ra khỏi đảng",
    ),
    "transferred": (
        "transferred",
        "transferred out",
        "chuyển đi",
        "chuyển sinh hoạt đi",
        "chuyển sinh hoạt",
        "chuyển sinh hoạt đảng đi",
        "chuyển ra ngoài",
    ),
}
GROUP_VALUES: dict[str, tuple[str, ...]] = {
    "business_owner": ("business owner", "chủ doanh nghiệp", "chủ dn"),
    "hs_student": ("upper-secondary student", "student", "học sinh", "học sinh thpt"),
    "nonstate": (
        "non-state enterprise",
        "doanh nghiệp ngoài nhà nước",
        "dn ngoài nhà nước",
        "người lao động trong doanh nghiệp ngoài nhà nước",
    ),
}
EXIT_KINDS = ("deceased", "removed", "transferred")

#: Kinds of bad rows, in the order they are reported, with what each means.
BAD_ROW_KINDS: dict[str, str] = {
    "missing_id": "no member id",
    "duplicate_id": "the member id is on more than one row",
    "missing_unit": "no unit code",
    "unknown_unit": "the unit code is not in the unit registry",
    "unmapped_unit": "the unit no longer exists at the structure date and the crosswalk does "
    "not say where its members went",
    "missing_admission_date": "no admission date",
    "unreadable_admission_date": "the admission date cannot be read",
    "future_admission": "admitted after the export was taken",
    "admission_before_1930": "admitted before the Party was founded (3/2/1930)",
    "missing_birth": "no date or year of birth",
    "unreadable_birth": "the date or year of birth cannot be read",
    "implausible_age": "age at admission under 18 or over 100",
    "bad_sex": "sex missing or not recognized (Nam/Nữ, M/F)",
    "bad_flag": "a yes/no column holds something else (x, 1, có / empty, 0, không)",
    "bad_status": "status not recognized",
    "status_without_date": "left the Party (died, removed, transferred) but no date",
    "unreadable_status_date": "left the Party, but the status date cannot be read",
    "status_before_admission": "the status date is before the admission date",
    "future_status": "the status date is after the export was taken",
}
_BIT = {kind: 1 << i for i, kind in enumerate(BAD_ROW_KINDS)}

PARTY_FOUNDED = dt.date(1930, 2, 3)
FIRST_YEAR = 1930  # year offsets in the keys count from here
MIN_AGE, MAX_AGE = 18, 100
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
_SAMPLE_ROWS = 1000
_CHAIN = 8  # a text column with at most this many spellings seen is read by comparisons

# Key layout (UInt64): bit 63 exit event, 62 bad row, 61 event after as_of.
# Events: slot in bits 16–47, period in bits 8–15, breakdown bits 0–7. The period is
# year - FIRST_YEAR, plus one for each split (Plan.splits) on or before the day.
EXIT = 1 << 63
BAD = 1 << 62
AFTER = 1 << 61
FEMALE, MALE, NONSTATE, OWNER, STUDENT = 1, 2, 4, 8, 16
BAND_SHIFT = 32  # the age band + 1 in bits 5–7 (0: no age)


def _key(text: str) -> str:
    return name_key(text, diacritics=False)


def _alias_of() -> dict[str, str]:
    return {_key(a): col for col, aliases in MEMBER_COLUMNS.items() for a in aliases}


# --------------------------------------------------------------------------- sources


@dataclass
class Source:
    """An export to read: how to scan it, its columns, and the first rows as text."""

    name: str
    kind: str  # csv, parquet, excel, frame
    frame: pl.LazyFrame  # every raw column; rows in file order
    columns: dict[str, str]  # canonical name -> raw column name
    dtypes: dict[str, pl.DataType]  # canonical name -> raw dtype
    sample: pl.DataFrame  # first rows, raw columns
    first_row: int = 2  # the spreadsheet row number of the first data row

    def raw(self, column: str) -> pl.Expr:
        return pl.col(self.columns[column])

    def scan(self, columns: Iterable[str]) -> pl.LazyFrame:
        """The export with only ``columns`` (canonical names that exist)."""
        return self.frame.select(self.columns[c] for c in columns if c in self.columns)


def open_source(export: object, *, sheet: str | int | None = None) -> Source:
    """Open a member export (a path, or a polars frame) without reading its rows."""
    if isinstance(export, pl.DataFrame | pl.LazyFrame):
        return _source("<frame>", "frame", export.lazy())
    path = Path(export)  # type: ignore[arg-type]
    name = str(path)
    if not path.is_file():
        raise KpiDataError(DataIssue("file not found", file=name))
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt", ".tsv"):
            frame = pl.scan_csv(
                path,
                separator="\t" if suffix == ".tsv" else ",",
                infer_schema=False,
                encoding="utf8",
            )
            return _source(name, "csv", frame)
        if suffix == ".parquet":
            return _source(name, "parquet", pl.scan_parquet(path))
        if suffix in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
            return _source(name, "excel", _read_excel(path, sheet).lazy())
    except KpiDataError:
        raise
    except Exception as exc:  # the readers raise many types; all mean "cannot read this file"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KpiDataError(DataIssue(f"cannot read the export: {first}", file=name)) from exc
    raise KpiDataError(
        DataIssue(f"unsupported file type {suffix!r}; use .csv, .parquet or .xlsx", file=name)
    )


def _read_excel(path: Path, sheet: str | int | None) -> pl.DataFrame:
    from kpitools.io.sheets import open_sheet

    reader, which = open_sheet(path, sheet)
    # Every cell as text, so codes keep their zeros and dates go through one parser.
    loaded = reader.load_sheet(which, header_row=0, dtypes="string")
    return loaded.to_polars()


def _source(name: str, kind: str, frame: pl.LazyFrame) -> Source:
    try:
        schema = frame.collect_schema()
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KpiDataError(DataIssue(f"cannot read the export: {first}", file=name)) from exc
    alias_of = _alias_of()
    columns: dict[str, str] = {}
    issues: list[DataIssue] = []
    for raw in schema.names():
        canonical = alias_of.get(_key(nfc(raw).lstrip("\ufeff")))
        if canonical is None:
            continue  # other columns (names, addresses...) are never read
        if canonical in columns:
            issues.append(
                DataIssue(
                    f"two columns for {canonical!r}: {columns[canonical]!r} and this one",
                    file=name,
                    row=1,
                    column=raw,
                )
            )
            continue
        columns[canonical] = raw
    for required in ("member_id", "unit_code", "admission_date"):
        if required not in columns:
            expected = " / ".join(MEMBER_COLUMNS[required][:6])
            issues.append(
                DataIssue(
                    f"missing required column {required!r} (a header such as {expected})",
                    file=name,
                    row=1,
                )
            )
    if issues:
        raise KpiDataError(issues)
    dtypes = {c: schema[raw] for c, raw in columns.items()}
    sample = frame.select(list(columns.values())).head(_SAMPLE_ROWS).collect()
    return Source(name, kind, frame, columns, dtypes, sample)


# --------------------------------------------------------------------------- vocabularies


@dataclass
class Vocab:
    """Spellings of a text column and what each means; grows with what the exact parser finds."""

    values: list[Any]  # what a spelling means, by index
    spellings: dict[str, int] = field(default_factory=dict)  # exact text -> index into values
    by_key: dict[str, int] = field(default_factory=dict)  # normalized text -> index
    seen: dict[str, int] | None = None  # spellings found in the data (see expr)

    @classmethod
    def of(cls, meanings: Mapping[Any, Sequence[str]]) -> Vocab:
        vocab = cls(list(meanings))
        for i, spellings in enumerate(meanings.values()):
            for text in spellings:
                vocab.by_key.setdefault(_key(text) if text else "", i)
                for form in {text, text.lower(), text.upper(), text.capitalize(), text.title()}:
                    vocab.spellings.setdefault(nfc(form), i)
        return vocab

    def learn(self, texts: Iterable[str]) -> int:
        """Add the spellings that normalize to a known value; return how many were new.

        A known spelling the data had not shown yet is new too: it joins :attr:`seen`.
        """
        new = 0
        for text in texts:
            i = self.spellings.get(text)
            fresh = i is None
            if i is None:
                i = self.by_key.get(_key(text) if text.strip() else "")
                if i is None:
                    continue
                self.spellings[text] = i
            if self.seen is not None and text not in self.seen:
                self.seen[text] = i
                fresh = True
            new += fresh
        return new

    def prime(self, texts: Iterable[str]) -> None:
        """Start :attr:`seen` with the spellings of a sample of the column."""
        self.seen = {}
        self.learn(texts)

    def expr(self, raw: pl.Expr, dtype: pl.DataType, into: pl.Series | None = None) -> pl.Expr:
        """The index of each value's meaning (UInt32), null when missing or unknown; with
        ``into``, ``into[index]`` instead (one lookup, not two).

        With a few spellings :attr:`seen` in the data, a chain of comparisons with them
        (several times cheaper than hashing every cell); other cells are then null until
        :meth:`learn` is shown them. Otherwise a cast to an ``Enum`` of every spelling.
        """
        text = raw if dtype == pl.String else raw.cast(pl.String)
        meaning = pl.Series(range(len(self.values)), dtype=pl.UInt32) if into is None else into
        if self.seen and len(self.seen) <= _CHAIN:
            chain: Any = pl
            for spelling, i in self.seen.items():
                chain = chain.when(text == spelling).then(pl.lit(meaning[i], meaning.dtype))
            return chain.otherwise(pl.lit(None, meaning.dtype))
        enum = pl.Enum(list(self.spellings))
        lookup = meaning.gather(list(self.spellings.values()))
        return pl.lit(lookup).gather(text.cast(enum, strict=False).to_physical())


class UnitVocab(Vocab):
    """Unit codes: registry codes, plus spellings that the registry resolves."""

    def __init__(self, codes: Sequence[str], resolve: Any):
        super().__init__(list(codes), {c: i for i, c in enumerate(codes)})
        self._resolve = resolve
        self.unknown: set[str] = set()

    def learn(self, texts: Iterable[str]) -> int:
        new = 0
        index = {c: i for i, c in enumerate(self.values)}
        for text in texts:
            if text in self.spellings or text in self.unknown:
                continue
            try:
                code = self._resolve(text)
            except (KeyError, TypeError):
                self.unknown.add(text)
                continue
            if code in index:
                self.spellings[text] = index[code]
                new += 1
        return new


# --------------------------------------------------------------------------- dates


@dataclass
class DateParser:
    """Parse one text column of dates: a fast format, then exact answers for the rest."""

    fmt: str | None
    known: dict[str, dt.date | None] = field(default_factory=dict)  # text -> date (None: bad)

    @classmethod
    def infer(cls, sample: pl.Series) -> DateParser:
        texts = sample.drop_nulls().cast(pl.String).str.strip_chars()
        texts = texts.filter(texts != "")
        best, hits = None, 0
        for fmt in _DATE_FORMATS:
            n = int(texts.str.to_date(fmt, strict=False).is_not_null().sum())
            if n > hits:
                best, hits = fmt, n
        return cls(best)

    def learn(self, texts: Iterable[str]) -> int:
        from kpitools.io.sheets import parse_date

        new = 0
        for text in texts:
            if text in self.known:
                continue
            try:
                day = parse_date(text.strip())
            except (ValueError, OverflowError):
                day = None
            self.known[text] = day
            new += day is not None
        return new

    def expr(self, raw: pl.Expr, dtype: pl.DataType) -> pl.Expr:
        if dtype == pl.Date:
            return raw
        if isinstance(dtype, pl.Datetime):
            return raw.dt.date()
        if dtype.is_numeric():  # Excel serial day numbers
            serial = raw.cast(pl.Int64, strict=False) - (dt.date(1970, 1, 1) - _EXCEL_EPOCH).days
            return serial.cast(pl.Int32, strict=False).cast(pl.Date)
        text = raw.cast(pl.String) if dtype != pl.String else raw
        # cache=False: parsing every cell is twice as fast as polars' cache of distinct texts
        parsed = (
            text.str.to_date(self.fmt, strict=False, cache=False)
            if self.fmt
            else pl.lit(None, dtype=pl.Date)
        )
        good = {k: v for k, v in self.known.items() if v is not None}
        if good:
            parsed = pl.coalesce(
                parsed, text.replace_strict(good, default=None, return_dtype=pl.Date)
            )
        return parsed


# --------------------------------------------------------------------------- the row query


@dataclass
class Parsers:
    """Everything a pass needs to read values; grows between passes."""

    units: UnitVocab
    sex: Vocab = field(default_factory=lambda: Vocab.of(SEX_VALUES))
    flag: Vocab = field(default_factory=lambda: Vocab.of(FLAG_VALUES))
    status: Vocab = field(default_factory=lambda: Vocab.of(STATUS_VALUES))
    group: Vocab = field(default_factory=lambda: Vocab.of(GROUP_VALUES))
    dates: dict[str, DateParser] = field(default_factory=dict)
    blanks: set[str] = field(default_factory=set)  # texts seen that are only spaces

    @classmethod
    def for_source(cls, src: Source, units: UnitVocab) -> Parsers:
        """Parsers for ``src``; each text column starts with the spellings of its first rows."""
        parsers = cls(units)
        for vocab, columns in (
            (parsers.sex, ("sex",)),
            (parsers.status, ("status",)),
            (parsers.group, ("group",)),
            (parsers.flag, tuple(_FLAGS)),
        ):
            present = [c for c in columns if c in src.columns]
            if not present or any(src.dtypes[c] != pl.String for c in present):
                continue  # other types are read by casting, not by spelling
            texts = {t for c in present for t in src.sample[src.columns[c]].drop_nulls()}
            vocab.prime(t for t in texts if t.strip() or t in vocab.spellings)
            if not vocab.seen:
                vocab.seen = None  # nothing seen: every known spelling stays readable
        return parsers

    def blank(self, raw: pl.Expr, dtype: pl.DataType) -> pl.Expr:
        """True where a cell is empty (null, or a text of spaces seen so far)."""
        if dtype == pl.String and self.blanks:
            return raw.is_null() | raw.is_in(sorted(self.blanks))
        return raw.is_null()


@dataclass(frozen=True)
class Plan:
    """What one pass computes.

    ``slots`` gives, for each unit of the registry (by index), the slot its members are
    counted in (0: outside the chosen units; null: nowhere, the unit is unmapped); ``needs``
    are the column groups read; ``as_of`` and ``exported`` are the cut-off and export date.
    """

    needs: frozenset[str]
    slots: pl.Series  # UInt32 per registry unit index
    as_of: dt.date
    exported: dt.date
    age_edges: tuple[int, ...]
    duplicates: pl.Series | None = None  # 0-based indexes of rows with a duplicated id
    missing_ids: bool = True  # whether some row may lack a member id
    # First days of the periods that start inside a year (a unit that starts or ends
    # mid-year: 2025-07-01), sorted; a key's period part numbers the periods from 1930.
    splits: tuple[dt.date, ...] = ()


# Dates become day numbers (days since 1970-01-01, Int32); the calendar of 1800–2199 as
# yyyymmdd integers turns them into years and completed ages with one lookup each.
_CAL_START = dt.date(1800, 1, 1)
_CAL_OFFSET = (_CAL_START - dt.date(1970, 1, 1)).days


@functools.cache
def _calendar() -> pl.Series:
    days = pl.date_range(_CAL_START, dt.date(2199, 12, 31), eager=True)
    return (
        days.dt.year().cast(pl.Int32) * 10000
        + days.dt.month().cast(pl.Int32) * 100
        + days.dt.day().cast(pl.Int32)
    ).alias("ymd")


def _ymd(day: pl.Expr) -> pl.Expr:
    """yyyymmdd of a day number (null outside 1800–2199)."""
    index = day - _CAL_OFFSET
    n = len(_calendar())
    inside = (index >= 0) & (index < n)
    return pl.lit(_calendar()).gather(pl.when(inside).then(index).cast(pl.UInt32))


def _days(d: dt.date) -> int:
    return (d - dt.date(1970, 1, 1)).days


_FLAGS = {"nonstate": NONSTATE, "business_owner": OWNER, "hs_student": STUDENT}


def _stage(src: Source, parsers: Parsers, plan: Plan) -> list[pl.Expr]:
    """First stage: every value parsed once, as ``_name`` columns."""
    needs = plan.needs
    out = [_blank(src, parsers, "member_id").alias("_id_blank")]
    if plan.duplicates is not None:
        out.append(_duplicate(plan.duplicates).alias("_dup"))
    out += [
        parsers.units.expr(src.raw("unit_code"), src.dtypes["unit_code"]).alias("_unit"),
        _blank(src, parsers, "unit_code").alias("_unit_blank"),
        date_expr(src, parsers, "admission_date").to_physical().alias("_adm"),
        _blank(src, parsers, "admission_date").alias("_adm_blank"),
    ]
    if "age" in needs:
        out += _stage_birth(src, parsers)
    if "sex" in needs:
        out.append(parsers.sex.expr(src.raw("sex"), src.dtypes["sex"]).alias("_sex"))
    if "group" in src.columns and needs & set(_FLAGS):
        out.append(parsers.group.expr(src.raw("group"), src.dtypes["group"]).alias("_group"))
    for column in _FLAGS:
        if column in needs and column in src.columns:
            out += _stage_flag(src, parsers, column)
    if "status" in needs:
        out += _stage_status(src, parsers)
    return out


def _blank(src: Source, parsers: Parsers, column: str) -> pl.Expr:
    return parsers.blank(src.raw(column), src.dtypes[column])


def _duplicate(duplicates: pl.Series) -> pl.Expr:
    """True for the rows (by number) of ``duplicates``."""
    return pl.int_range(pl.len(), dtype=pl.UInt32).is_in(duplicates.cast(pl.UInt32).implode())


def _stage_birth(src: Source, parsers: Parsers) -> list[pl.Expr]:
    if "birth_date" in src.columns:
        return [
            date_expr(src, parsers, "birth_date").to_physical().alias("_born"),
            _blank(src, parsers, "birth_date").alias("_born_blank"),
        ]
    raw, dtype = src.raw("birth_year"), src.dtypes["birth_year"]
    text = raw if dtype.is_numeric() else raw.cast(pl.String).str.strip_chars()
    return [
        text.cast(pl.Int32, strict=False).alias("_born_year"),
        _blank(src, parsers, "birth_year").alias("_born_blank"),
    ]


def _stage_flag(src: Source, parsers: Parsers, column: str) -> list[pl.Expr]:
    raw, dtype = src.raw(column), src.dtypes[column]
    if dtype == pl.Boolean:
        return [raw.cast(pl.UInt32).alias(f"_{column}")]
    if dtype.is_numeric():
        return [(raw != 0).cast(pl.UInt32).alias(f"_{column}")]
    return [
        parsers.flag.expr(raw, dtype).alias(f"_{column}"),
        _blank(src, parsers, column).alias(f"_{column}_blank"),
    ]


def _stage_status(src: Source, parsers: Parsers) -> list[pl.Expr]:
    out = [
        parsers.status.expr(src.raw("status"), src.dtypes["status"]).alias("_status"),
        _blank(src, parsers, "status").alias("_status_blank"),
    ]
    if "status_date" in src.columns:
        out += [
            date_expr(src, parsers, "status_date").to_physical().alias("_when"),
            _blank(src, parsers, "status_date").alias("_when_blank"),
        ]
    return out


def _mask(src: Source, parsers: Parsers, plan: Plan) -> pl.Expr:
    """Second stage, over the ``_name`` columns: a bit per kind of bad row (UInt32)."""
    needs = plan.needs
    c = pl.col
    bits: list[pl.Expr] = []

    def bit(kind: str, condition: pl.Expr) -> None:
        bits.append(condition.fill_null(False).cast(pl.UInt32) * pl.lit(_BIT[kind], pl.UInt32))

    bit("missing_id", c("_id_blank"))
    if plan.duplicates is not None:
        bit("duplicate_id", c("_dup"))
    bit("missing_unit", c("_unit_blank"))
    bit("unknown_unit", c("_unit").is_null() & ~c("_unit_blank"))
    slot = pl.lit(plan.slots).gather(c("_unit"))
    bit("unmapped_unit", c("_unit").is_not_null() & slot.is_null())
    adm = c("_adm")
    bit("missing_admission_date", c("_adm_blank"))
    bit("unreadable_admission_date", adm.is_null() & ~c("_adm_blank"))
    bit("future_admission", adm > _days(plan.exported))
    bit("admission_before_1930", adm < _days(PARTY_FOUNDED))
    if "age" in needs:
        bit("missing_birth", c("_born_blank"))
        if "birth_date" in src.columns:
            bit("unreadable_birth", c("_born").is_null() & ~c("_born_blank"))
            age = (_ymd(adm) - _ymd(c("_born"))) // 10000
        else:
            year = c("_born_year")
            bit("unreadable_birth", (year.is_null() | (year < 1800)) & ~c("_born_blank"))
            age = _ymd(adm) // 10000 - year
        # dates far outside 1800–2199 leave the age unknown: implausible too
        known = c("_born_year" if "birth_date" not in src.columns else "_born").is_not_null()
        bit(
            "implausible_age",
            adm.is_not_null() & known & ((age < MIN_AGE) | (age > MAX_AGE)).fill_null(True),
        )
    if "sex" in needs:
        bit("bad_sex", c("_sex").is_null())
    for column in _FLAGS:
        if column in needs and f"_{column}_blank" in _stage_names(src, parsers, plan):
            bit("bad_flag", c(f"_{column}").is_null() & ~c(f"_{column}_blank"))
    if "status" in needs:
        status = c("_status")
        bit("bad_status", status.is_null() & ~c("_status_blank"))
        leaving = status.is_not_null() & (status != parsers.status.values.index("active"))
        if "status_date" in src.columns:
            when, when_blank = c("_when"), c("_when_blank")
            # only for those who left: an active member's status date is not used
            bit("unreadable_status_date", leaving & when.is_null() & ~when_blank)
        else:
            when, when_blank = pl.lit(None, pl.Int32), pl.lit(True)
        bit("status_without_date", leaving & when_blank)
        bit("status_before_admission", leaving & (when < adm))
        bit("future_status", leaving & (when > _days(plan.exported)))
    return functools.reduce(operator.or_, bits)


def _stage_names(src: Source, parsers: Parsers, plan: Plan) -> set[str]:
    return {e.meta.output_name() for e in _stage(src, parsers, plan)}


def date_expr(src: Source, parsers: Parsers, column: str) -> pl.Expr:
    parser = parsers.dates.get(column)
    if parser is None:
        parser = parsers.dates[column] = DateParser.infer(src.sample[src.columns[column]])
    return parser.expr(src.raw(column), src.dtypes[column])


def _engine(streaming: bool) -> Any:
    return "streaming" if streaming else "auto"


def _day_table(values: Any, dtype: pl.DataType) -> pl.Series:
    """A lookup table over the calendar's days (first and last day: null, for clipped days)."""
    table = pl.Series(values, dtype=dtype)
    return table.scatter([0, len(table) - 1], None)


def _fast_keys(
    src: Source, parsers: Parsers, plan: Plan
) -> tuple[list[pl.Expr], pl.Expr, Exits | None, list[pl.Expr]]:
    """(first stage, admission key, exits, more bad-row tests); a null key is a bad row.

    The clean-data path: every check that can is folded into lookup tables that give null
    for a bad value (a day before 1930-02-03 or after the export date, an unknown unit,
    sex or status, an implausible age), so one null test finds most bad rows; the kinds are
    told apart only when there are bad rows (:func:`bad_rows`).
    """
    needs = plan.needs
    slots = plan.slots.cast(pl.UInt64) * (1 << 16)
    # Values used twice are computed once, as columns of a first stage.
    stage = [
        parsers.units.expr(src.raw("unit_code"), src.dtypes["unit_code"], slots).alias(
            "_slot_base"
        ),
        date_expr(src, parsers, "admission_date").to_physical().alias("_adm"),
    ]
    slot_base, adm = pl.col("_slot_base"), pl.col("_adm")
    adm_day = _day_index(len(_calendar()), adm)
    first = _days(PARTY_FOUNDED) - _CAL_OFFSET
    key = slot_base + pl.lit(_year_keys(first, plan)).gather(adm_day)
    bad: list[pl.Expr] = []
    if plan.missing_ids or parsers.blanks:  # as the detailed check (_stage) tests them
        bad.append(parsers.blank(src.raw("member_id"), src.dtypes["member_id"]))
    if plan.duplicates is not None:
        bad.append(_duplicate(plan.duplicates))
    combo: list[pl.Expr] = []
    if "age" in needs:
        combo.append(_age_band(src, parsers, plan, adm_day))
    if "sex" in needs:
        values = pl.Series([FEMALE if v == "F" else MALE for v in parsers.sex.values])
        combo.append(parsers.sex.expr(src.raw("sex"), src.dtypes["sex"], values.cast(pl.UInt8)))
    for column, value in _FLAGS.items():
        if column in needs:
            _flag_bits(src, parsers, column, value, combo, bad)
    if combo:  # the breakdown bits, a byte
        key = key + functools.reduce(operator.or_, combo).cast(pl.UInt64)
    exits = None
    if "status" in needs:
        exits = _exits(src, parsers, plan, stage, bad)
    return stage, key, exits, bad


def period_index(day: dt.date, splits: tuple[dt.date, ...] = ()) -> int:
    """The period of ``day`` as a key numbers it: years from :data:`FIRST_YEAR`, one more
    for each split on or before the day (a year with a split on 1 July has two periods)."""
    return day.year - FIRST_YEAR + bisect.bisect_right(splits, day)


def _year_keys(lowest: int, plan: Plan) -> pl.Series:
    """The period part of a key by calendar day (as :func:`_day_index` numbers days): null
    before day ``lowest``, after the export date or outside the periods a key holds; the
    AFTER flag after ``as_of``."""
    calendar = _calendar()
    years = calendar // 10000
    exported, as_of = (_days(d) - _CAL_OFFSET for d in (plan.exported, plan.as_of))
    splits = pl.Series([_days(d) - _CAL_OFFSET for d in plan.splits], dtype=pl.Int64)
    index = pl.col("y") - FIRST_YEAR + pl.lit(splits).search_sorted(pl.col("i"), side="right")
    frame = pl.DataFrame({"i": pl.Series(range(len(calendar))), "y": years}).select(
        pl.when(
            (pl.col("i") < lowest)
            | (pl.col("i") > exported)
            | (pl.col("y") < FIRST_YEAR)
            | ~index.is_between(0, 255)
        )
        .then(None)
        .when(pl.col("i") > as_of)
        .then(pl.lit(AFTER, pl.UInt64))
        .otherwise((index.clip(0, 255) * 256).cast(pl.UInt64))
    )
    return _day_table(frame.to_series(), pl.UInt64())


def _age_band(src: Source, parsers: Parsers, plan: Plan, adm_day: pl.Expr) -> pl.Expr:
    """The age band at admission, as the band bits (null for an implausible age)."""
    calendar = _calendar()
    day_index = functools.partial(_day_index, len(calendar))
    ymd = _day_table(calendar, pl.Int32())
    if "birth_date" in src.columns:
        born = date_expr(src, parsers, "birth_date").to_physical()
        age = (pl.lit(ymd).gather(adm_day) - pl.lit(ymd).gather(day_index(born))) // 10000
    else:
        raw, dtype = src.raw("birth_year"), src.dtypes["birth_year"]
        text = raw if dtype.is_numeric() else raw.cast(pl.String).str.strip_chars()
        years = calendar // 10000
        age = pl.lit(years.cast(pl.Int32)).gather(adm_day) - text.cast(pl.Int32, strict=False)
    bands = [
        None
        if not MIN_AGE <= a <= MAX_AGE
        else (1 + sum(a >= e for e in plan.age_edges)) * BAND_SHIFT
        for a in range(MAX_AGE + 2)
    ]
    table = pl.Series(bands, dtype=pl.UInt8)
    return pl.lit(table).gather(age.clip(0, MAX_AGE + 1))


def _flag_bits(
    src: Source,
    parsers: Parsers,
    column: str,
    value: int,
    combo: list[pl.Expr],
    bad: list[pl.Expr],
) -> None:
    """Add the bit ``value`` of a yes/no column (or of the ``group`` column) to ``combo``,
    and the test of an unreadable value to ``bad``."""
    if column in src.columns:
        raw, dtype = src.raw(column), src.dtypes[column]
        if dtype == pl.Boolean or dtype.is_numeric():
            combo.append(
                pl.when(raw.cast(pl.Boolean))
                .then(pl.lit(value, pl.UInt8))
                .otherwise(pl.lit(0, pl.UInt8))
            )
        else:
            truth = pl.Series([value if v else 0 for v in parsers.flag.values], dtype=pl.UInt8)
            flag = parsers.flag.expr(raw, dtype, truth)
            bad.append(flag.is_null() & ~parsers.blank(raw, dtype))
            combo.append(flag.fill_null(0))
    if "group" in src.columns:
        groups = pl.Series([value if v == column else 0 for v in parsers.group.values])
        index = parsers.group.expr(src.raw("group"), src.dtypes["group"], groups.cast(pl.UInt8))
        combo.append(index.fill_null(0))


def _exits(
    src: Source, parsers: Parsers, plan: Plan, stage: list[pl.Expr], bad: list[pl.Expr]
) -> Exits | None:
    """The exits (None without status dates); the kind of exit joins ``stage``, the tests
    of an unknown status and of a bad status date join ``bad``."""
    raw, dtype = src.raw("status"), src.dtypes["status"]
    # One lookup gives both the kind of exit and whether the status is known:
    # null for an unknown status, _STAYS for a member still in the Party.
    kinds = [EXIT_KINDS.index(v) if v in EXIT_KINDS else _STAYS for v in parsers.status.values]
    looked_up = parsers.status.expr(raw, dtype, pl.Series(kinds, dtype=pl.UInt8))
    stage.append(looked_up.alias("_kind"))
    kind = pl.when(pl.col("_kind") != _STAYS).then(pl.col("_kind"))
    bad.append(pl.col("_kind").is_null() & ~parsers.blank(raw, dtype))
    if "status_date" not in src.columns:
        bad.append(kind.is_not_null())
        return None
    when = date_expr(src, parsers, "status_date").to_physical()
    # Left with a date from the admission to the export (so from 1930 on).
    adm = pl.col("_adm")
    bad.append(kind.is_not_null() & (when.is_null() | (when < adm) | (when > _days(plan.exported))))
    return Exits(kind, when, _year_keys(0, plan))


@dataclass(frozen=True)
class Exits:
    """How to make the exit keys: the kind of exit (null: none) and the day, as expressions,
    and the year part of a key by calendar day."""

    kind: pl.Expr
    day: pl.Expr
    years: pl.Series

    def key(self, slot_base: pl.Expr, kind: pl.Expr, day: pl.Expr) -> pl.Expr:
        day_of = _day_index(len(self.years), day)
        years = pl.lit(self.years).gather(day_of)
        return pl.lit(EXIT, pl.UInt64) + slot_base + years + kind.cast(pl.UInt64)


_STAYS = 255  # the exit "kind" of an active member in _fast_keys


def _day_index(n_days: int, day: pl.Expr) -> pl.Expr:
    return (day - _CAL_OFFSET).clip(0, n_days - 1)


def count_keys(
    src: Source,
    parsers: Parsers,
    plan: Plan,
    *,
    streaming: bool,
    ids: ThreadPoolExecutor | None = None,
) -> tuple[pl.DataFrame, Future[tuple[bool, int, bool]] | None]:
    """One pass: how many rows have each key (events, bad rows, events after as_of).

    The keys are computed by the streaming engine (in parallel, batch by batch), then sorted
    and run-length encoded, which is cheaper than hashing half a million groups. With an
    executor as ``ids``, the executor also tells whether two member ids may be equal and
    how many are missing (:func:`check_ids`; from a CSV file, whose parse is the costly
    part, the same pass hashes the ids), while the caller goes on. With ``streaming``
    (memory bounded by the batch size) keys are grouped instead of kept, and ids are not
    checked.
    """
    stage, key, exits, tests = _fast_keys(src, parsers, plan)
    bad = pl.col("_key").is_null()
    if tests:
        bad = pl.any_horizontal(bad, *tests)
    staged = src.frame.with_columns(stage).with_columns(key.alias("_key")).with_columns(_bad=bad)
    key = pl.when(pl.col("_bad")).then(pl.lit(BAD, pl.UInt64)).otherwise(pl.col("_key"))
    if streaming:
        exit_key = pl.lit(None, pl.UInt64)
        if exits is not None:
            exit_key = exits.key(pl.col("_slot_base"), exits.kind, exits.day)
        keys = staged.select(
            key.alias("key"), pl.when(pl.col("_bad")).then(None).otherwise(exit_key).alias("exit")
        )
        lazy = pl.concat(
            [
                keys.group_by("key").agg(pl.len().alias("n")),
                keys.filter(pl.col("exit").is_not_null())
                .group_by(pl.col("exit").alias("key"))
                .agg(pl.len().alias("n")),
            ]
        )
        return lazy.collect(engine="streaming").cast({"n": pl.Int64}), None
    # In memory: the kind and day of each exit leave the pass, and the exit keys are made
    # afterwards for the few rows that have one (most members are still in the Party).
    parts = [key.alias("key")]
    if exits is not None:
        kind = pl.when(pl.col("_bad")).then(None).otherwise(exits.kind)
        parts += [kind.alias("_exit_kind"), exits.day.alias("_exit_day")]
    once = ids is not None and src.kind == "csv"  # a CSV file is parsed once, for both
    found = staged.select(*parts, *(_hashes(src) if once else [])).collect(engine="streaming")
    # The id check starts now, not with the keys: both are CPU-bound and the keys are
    # needed first; it then runs beside the sorts below and the caller's tally.
    checked: Future[tuple[bool, int, bool]] | None = None
    if ids is not None and once:
        checked = ids.submit(_id_verdict, found)
    elif ids is not None:
        checked = ids.submit(check_ids, src, streaming=False)
    # Sorts run on one thread: the id check (or the tally) keeps the other core busy, and
    # a one-thread sort takes a third less CPU time than a parallel one.
    runs = [found["key"].sort(multithreaded=False).rle()]
    if exits is not None:
        slot_base = pl.col("key") % pl.lit(1 << 48, pl.UInt64) // (1 << 16) * (1 << 16)
        exit_keys = found.filter(pl.col("_exit_kind").is_not_null()).select(
            exits.key(slot_base, pl.col("_exit_kind"), pl.col("_exit_day"))
        )
        runs.append(exit_keys.to_series().sort(multithreaded=False).rle())
    counts = (
        pl.concat([r.struct.unnest() for r in runs])
        .select(pl.col("value").alias("key"), pl.col("len").cast(pl.Int64).alias("n"))
        .drop_nulls()
    )
    return counts, checked


def _hashes(src: Source) -> list[pl.Expr]:
    """A hash of each member id (``_hash``, null when missing) and whether the row says it is
    synthetic (``_synthetic``, with a ``source`` column)."""
    ids = src.raw("member_id")
    present = ids.is_not_null()
    if src.dtypes["member_id"] == pl.String:
        present &= ids != ""  # a frame or a sheet may hold empty text where a CSV has null
    out = [pl.when(present).then(ids.hash(2023)).alias("_hash")]
    if "source" in src.columns:
        out.append((src.raw("source").cast(pl.String) == "synthetic").alias("_synthetic"))
    return out


def _id_verdict(found: pl.DataFrame) -> tuple[bool, int, bool]:
    """Whether two ids may be equal (sorted hashes repeat), how many are missing, and
    whether a row is synthetic; from the columns of :func:`_hashes`."""
    hashes = found["_hash"].sort(multithreaded=False)  # the key count uses the other core
    clash = bool((hashes.slice(1) == hashes.head(-1)).any())
    synthetic = "_synthetic" in found.columns and bool(found["_synthetic"].any())
    return clash, hashes.null_count(), synthetic


def bad_rows(src: Source, parsers: Parsers, plan: Plan, *, streaming: bool) -> pl.DataFrame:
    """The bad rows: 0-based ``index`` and ``mask`` (a bit per kind of :data:`BAD_ROW_KINDS`)."""
    return (
        src.frame.select(_stage(src, parsers, plan))
        .select(_mask(src, parsers, plan).alias("mask"))
        .with_row_index("index")
        .filter(pl.col("mask") != 0)
        .collect(engine=_engine(streaming))
    )


def check_ids(src: Source, *, streaming: bool) -> tuple[bool, int, bool]:
    """Whether two member ids may be equal (their hashes are), how many rows lack one, and
    whether a row says it is synthetic.

    A hash per id and a sort of the hashes; ids never leave the query.
    """
    hashed = src.frame.select(_hashes(src))
    if not streaming:
        return _id_verdict(hashed.collect(engine="streaming"))
    # Bounded memory: the same verdict as _id_verdict, inside the query, so that only the
    # sorted hashes are held (not also the unsorted column and its shifted copy).
    h = pl.col("_hash").sort()
    synthetic = pl.col("_synthetic").any() if "source" in src.columns else pl.lit(False)
    found = hashed.select(
        (h == h.shift(1)).any().alias("clash"), pl.col("_hash").null_count(), synthetic
    ).collect(engine="streaming")
    clash, missing, synthetic = found.row(0)
    return bool(clash), int(missing), bool(synthetic)


def duplicate_rows(src: Source) -> pl.Series | None:
    """0-based indexes of the rows whose member id is on another row too (ids compared)."""
    rows = (
        src.frame.select(src.raw("member_id").cast(pl.String).alias("id"))
        .with_row_index("row")
        .filter(pl.col("id").is_not_null() & (pl.col("id") != "") & pl.col("id").is_duplicated())
        .select("row")
        .collect()
    )["row"]
    return rows if len(rows) else None


def failing_values(
    src: Source, parsers: Parsers, plan: Plan, *, streaming: bool
) -> dict[str, list[str]]:
    """For each text column the fast path could not read, its distinct failing values."""
    stage = _stage(src, parsers, plan)
    parsed = {
        "unit_code": "_unit",
        "admission_date": "_adm",
        "birth_date": "_born",
        "status_date": "_when",
        "sex": "_sex",
        "status": "_status",
        **{f: f"_{f}" for f in _FLAGS},
    }
    names = {e.meta.output_name() for e in stage}
    checks = []
    for column, name in parsed.items():
        if name in names and src.dtypes[column] == pl.String:
            raw = pl.col(src.columns[column])
            checks.append(
                raw.filter(pl.col(name).is_null() & raw.is_not_null())
                .unique()
                .implode()
                .alias(column)
            )
    if not checks:
        return {}
    raw_columns = [pl.col(src.columns[c]) for c in parsed if c in src.columns]
    row = (
        src.frame.select(*raw_columns, *stage)
        .select(checks)
        .collect(engine=_engine(streaming))
        .row(0, named=True)
    )
    return {column: [v for v in values if v is not None] for column, values in row.items()}


def learn(parsers: Parsers, failing: Mapping[str, list[str]]) -> int:
    """Teach the parsers what the exact parsers make of the failing values."""
    new = 0
    for column, values in failing.items():
        spaces = {v for v in values if not v.strip()}
        new += len(spaces - parsers.blanks)
        parsers.blanks |= spaces
        values = [v for v in values if v.strip()]
        if column == "unit_code":
            new += parsers.units.learn(values)
        elif column in parsers.dates:
            new += parsers.dates[column].learn(values)
        elif column == "sex":
            new += parsers.sex.learn(values)
        elif column == "status":
            new += parsers.status.learn(values)
        else:
            new += parsers.flag.learn(values)
    return new


def bad_examples(
    src: Source, flagged: pl.DataFrame, *, per_kind: int
) -> dict[str, list[tuple[int, dict[str, object]]]]:
    """The first rows of each bad-row kind: row number and the cells (never the member id)."""
    shown = [c for c in src.columns if c not in ("member_id", "source")]
    picked: dict[str, list[int]] = {}
    for kind, b in _BIT.items():
        rows = flagged.filter((pl.col("mask") & b) != 0)["index"].head(per_kind).to_list()
        if rows:
            picked[kind] = rows
    wanted = sorted({i for rows in picked.values() for i in rows})
    cells = (
        src.frame.with_row_index("_index")
        .filter(pl.col("_index").is_in(wanted))
        .select("_index", *[pl.col(src.columns[c]).alias(c) for c in shown])
        .collect()
    )
    by_index = {r["_index"]: r for r in cells.iter_rows(named=True)}
    return {
        kind: [(i + src.first_row, {c: by_index[i][c] for c in shown}) for i in rows]
        for kind, rows in picked.items()
    }


def kinds_of(mask: int) -> list[str]:
    return [kind for kind, b in _BIT.items() if mask & b]
