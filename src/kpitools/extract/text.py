"""Text preparation for :mod:`kpitools.extract`: normalization that keeps offsets, folding,
the document's structure (body, paragraphs, sentences, clauses), masked spans (document
numbers, dates, money), time phrases and unit mentions.

Everything here works on one normalized string (NFC, ``\\n`` line ends, one space for any run
of spaces) and a *folded* copy of the same length (lower case, each tone mark in one place)
that the patterns search, so "Thành ủy" and "thành uỷ" read alike and every offset is shared.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import operator
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.textfold import (
    INVISIBLE,
    LINE_BREAKS,
    LOOKALIKES,
    SPACE_LIKE,
    fold,
    fold_pattern,
    rx,
    spaced,
    words_rx,
)

if TYPE_CHECKING:
    from kpitools.registry import Unit, UnitRegistry


#: A number as reports write it, well or badly: grouped thousands and an optional decimal
#: part. The figure reader (``numerals``) reads it and notes those in no number format
#: (``12.723.4``, ``1700.000``), or reads their one reading (``1,591,3``).
WRITTEN_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
#: A number in a number format (:func:`~kpitools.numbers.parse_number` reads every match):
#: thousands grouped by one mark, the decimal part after the other, or digits with no point
#: and three digits after them (``1700.000`` is none). The passes that read a figure again
#: use it: one in no number format is no figure to them, as to the figure reader.
NUM = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+(?!\d)(?!\.\d{3}(?!\d))(?:[.,]\d+)?"
)
#: a year named after ``năm`` (``kế hoạch năm 2041``; group 1 the year): the passes that
#: compare the years two phrases name read them with it
NAMED_YEAR = rx(r"(?<!\w)năm\s+((?:19|20)\d\d)(?!\d)")


def years_named(folded: str, start: int, end: int) -> set[str]:
    """The years ``folded[start:end]`` names after ``năm`` (:data:`NAMED_YEAR`)."""
    return {m.group(1) for m in NAMED_YEAR.finditer(folded, start, end)}


#: a rise or fall said right before a figure (``tăng``, ``giảm``, a hedge between), to
#: search in the text that leads up to it
GROWTH_VERB_END = rx(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
#: the nouns a plan is named by ("kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu"), for patterns
PLAN_NOUNS = r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)"
#: nouns of people counted, after which a four-digit number is a count, never a year
#: ("kết nạp 1900 đảng viên", "2050 người tham gia")
COUNTED_NOUNS = r"(?:đảng|hội|đoàn)\s+viên|người|tân\s+binh|học\s+sinh|sinh\s+viên|thành\s+viên"


# --------------------------------------------------------------------------- normalization


@dataclass(frozen=True)
class Normalized:
    """Normalized text and, per character, the span of the original text it came from.

    Most characters come one for one from the original, so the map is kept as pieces: from
    ``keys[i]`` on, character ``k`` came from ``k + shifts[i]`` up to ``k + shifts[i] + 1 +
    extras[i]`` (a composed letter, a CRLF or a run of spaces is a piece of its own).
    """

    text: str
    length: int  # of the original
    keys: array[int] = field(repr=False)
    shifts: array[int] = field(repr=False)
    extras: array[int] = field(repr=False)
    # where blank lines were joined: after normalized offset ``joined_at[i]``, the original
    # had ``lines_joined[i]`` more line ends than the normalized text, all told
    joined_at: array[int] = field(default_factory=lambda: array("q"), repr=False)
    lines_joined: array[int] = field(default_factory=lambda: array("q"), repr=False)

    def _piece(self, k: int) -> int:
        return bisect.bisect_right(self.keys, k) - 1

    def same_offsets(self) -> bool:
        """Whether every normalized character is where it was in the original."""
        return not any(self.shifts) and not any(self.extras)

    def start_of(self, k: int) -> int:
        """Where normalized character ``k`` begins in the original."""
        return k + self.shifts[self._piece(k)]

    def end_of(self, k: int) -> int:
        """Where normalized character ``k`` ends in the original."""
        i = self._piece(k)
        return k + self.shifts[i] + 1 + self.extras[i]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        if start >= end:
            at = self.start_of(start) if start < len(self.text) else self.length
            return at, at
        return self.start_of(start), self.end_of(end - 1)

    def line(self, k: int) -> int:
        """The line (from 1) normalized offset ``k`` is on, blank lines joined counted.

        >>> norm = normalize("Kết nạp 5 đảng viên.\\n\\n\\n\\nĐạt 100%.")
        >>> norm.text.count("\\n"), norm.line(norm.text.index("Đạt"))
        (2, 5)
        """
        i = bisect.bisect_right(self.joined_at, k) - 1
        return self.text.count("\n", 0, k) + 1 + (self.lines_joined[i] if i >= 0 else 0)

    def position(self, original: int) -> int:
        """The first normalized offset at or after an offset of the original text."""
        return bisect.bisect_left(range(len(self.text)), original, key=self.start_of)


class _OffsetMap:
    """Builds the pieces of :class:`Normalized` as characters are written."""

    def __init__(self) -> None:
        self.keys: array[int] = array("q")
        self.shifts: array[int] = array("q")
        self.extras: array[int] = array("q")

    def write(self, k: int, start: int, end: int) -> None:
        """Normalized characters from ``k`` on come one for one from ``start`` on, each
        ``end - start`` characters long (1 but for the last character of a piece)."""
        shift, extra = start - k, end - start - 1
        if self.keys and self.keys[-1] == k:
            self.shifts[-1], self.extras[-1] = shift, extra
        elif not self.keys or (self.shifts[-1], self.extras[-1]) != (shift, extra):
            self.keys.append(k)
            self.shifts.append(shift)
            self.extras.append(extra)

    def stretch(self, k: int, end: int) -> None:
        """Normalized character ``k`` (the last written) now ends at ``end``."""
        start = k + self.shifts[-1]
        self.write(k, start, end)


def _ordinary(char: str) -> bool:
    """Whether ``char`` is written as it is, one for one (a space only when single)."""
    if char == " " or char == "\n":
        return True
    if unicodedata.combining(char) or char in INVISIBLE or char in LINE_BREAKS or char == "\r":
        return False
    if char in SPACE_LIKE or char.isspace():
        return False
    return unicodedata.normalize("NFC", LOOKALIKES.get(char, char)) == char


# Latin letters (Vietnamese included), digits, punctuation, quotes and dashes: the characters
# of a report that normalization keeps; a run of them is copied whole (a line end is left to
# the loop, which joins blank lines).
_KEPT = "".join(
    re.escape(c)
    for c in map(
        chr, itertools.chain(range(0x0A, 0x250), range(0x1E00, 0x1F00), range(0x2010, 0x2070))
    )
    if c not in " \n" and _ordinary(c)
)
_RUN = re.compile(rf"(?:[{_KEPT}](?=[ \n{_KEPT}]|\Z)|(?!(?<=\d,) 0\d) (?=[{_KEPT}]))+")
# two line ends or more with only spaces between (blank lines, "\n \n \n", "\r\n\t\r\n\r\n"):
# one bare blank line, the group ``last`` the last line end. Runs of white space are then four
# characters at most in the normalized text, so no pattern's "\s*" can take time on them.
_BREAK = r"(?:\r\n|\r(?!\n)|[\n\u2028\u2029\x85])"
_BLANK = rf"(?:[^\S\r\n\u2028\u2029\x85]|[{''.join(sorted(INVISIBLE))}])"
_BLANK_LINES = re.compile(rf"{_BREAK}(?:{_BLANK}*{_BREAK})*{_BLANK}*(?P<last>{_BREAK})")
_LINE_END = re.compile(_BREAK)
# a decimal printed with a space after its comma ("2, 05 triệu tấn"): a group with a leading
# zero is never a number of its own, so the space is dropped and the decimal read whole
_DECIMAL_SPACE = re.compile(r"\d, 0\d")
# thousands grouped with spaces ("1 250 đảng viên", "2 400 000 đồng", a no-break or thin space
# too): the spaces are dropped and the number read whole, only when a word or a closing
# mark follows (never a percent, a decimal or another number: a row of figures stays apart)
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"
_THOUSANDS_SPACED = re.compile(
    rf"(?<![\w.,/\-–])(?<!\d{_GROUP_SPACE})\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+"
    rf"(?![.,]\d)(?={_GROUP_SPACE}?[^\W\d_]|[,;:)])"
)


def _thousands_spaces(text: str) -> list[int]:
    """The offsets, in order, of the spaces that group the thousands of a number."""
    return [
        m.start() + k
        for m in _THOUSANDS_SPACED.finditer(text)
        for k, c in enumerate(m.group())
        if not c.isdigit()
    ]


# a row of a table pasted with tabs: a line with two tabs at least, each between the end of
# a cell (a letter, a figure, a percent or a closing bracket) and the start of the next (a
# letter, a figure or an opening bracket), no comma of prose in it; a stray tab in a sentence
# is a space
_TAB_CELL = r"(?:[^\n\t,]|,(?!\s))*"  # no comma then a space: a cell, not prose
_TAB_ROW = re.compile(rf"(?m)^{_TAB_CELL}(?:(?:[^\W_]|[%)])\t(?=[^\W_]|\(){_TAB_CELL}){{2,}}$")


def _table_tabs(text: str) -> set[int]:
    """The offsets of the tabs between the cells of the rows of a table (each a line break)."""
    return {
        m.start() + k for m in _TAB_ROW.finditer(text) for k, c in enumerate(m.group()) if c == "\t"
    }


def _chunk(text: str, i: int) -> tuple[str | None, int]:
    """What the character at ``i`` (with the marks after it) becomes, and where it ends."""
    n = len(text)
    char = text[i]
    j = i + 1
    if char == "\r":
        if j < n and text[j] == "\n":
            j += 1
        return "\n", j
    if char in LINE_BREAKS:
        return "\n", j
    while j < n and unicodedata.combining(text[j]):
        j += 1
    if char in INVISIBLE:
        return None, j
    if char in SPACE_LIKE or (char.isspace() and char not in LINE_BREAKS):
        return " ", j
    return unicodedata.normalize("NFC", LOOKALIKES.get(char, char) + text[i + 1 : j]), j


def normalize(text: str) -> Normalized:
    """NFC, ``\\n`` for every line end, one space for runs of spaces, one blank line for runs of
    blank lines (the spaces on them dropped: a run of white space is then four characters at
    most, so no pattern's ``\\s*`` takes time on one), no invisible characters, no space after
    a decimal comma before a group with a leading zero (``2, 05`` is ``2,05``), no colon in a
    company's ticker (``(HOSE: ABC)`` is ``(HOSE  ABC)``), ASCII digits for
    those of other scripts (``１２`` is ``12``).

    Composition is done per base character and its combining marks, so each normalized
    character maps back to the original characters it came from. Runs of characters that
    stay as they are are copied whole.
    """
    pieces: list[str] = []
    offsets = _OffsetMap()
    k = 0  # the length written
    last = ""
    i, n = 0, len(text)
    joined_at, lines_joined = array("q"), array("q")
    tabs = _table_tabs(text) if "\t" in text else set()
    drops = iter(_thousands_spaces(text))
    drop = next(drops, n)  # the next space that groups thousands (dropped)
    while i < n:
        if drop < i:
            drop = next(drops, n)
        if last != " " and i < drop and (run := _RUN.match(text, i, drop)):
            offsets.write(k, i, i + 1)
            pieces.append(run.group())
            k += run.end() - i
            i, last = run.end(), text[run.end() - 1]
            continue
        chunk, j = _chunk(text, i)
        if chunk == "\n" and (blank := _BLANK_LINES.match(text, i)):
            # blank lines (spaces on them or not) are one blank line: the first line end
            # stands for them all but the last
            offsets.write(k, i, blank.start("last"))
            offsets.write(k + 1, blank.start("last"), blank.end())
            pieces.append("\n\n")
            k += 2
            joined_at.append(k)
            ends = len(_LINE_END.findall(text, i, blank.end()))
            lines_joined.append((lines_joined[-1] if lines_joined else 0) + ends - 2)
            i, last = blank.end(), "\n"
            continue
        if i in tabs:
            chunk = "\n"  # a tab between two cells of a row: one cell a line, as tables come
        if chunk == " " and (last == " " or i == drop or _DECIMAL_SPACE.match(text, max(0, i - 2))):
            # a run of spaces is one space; "2, 05" is "2,05"; "1 250" is "1250"
            offsets.stretch(k - 1, j)
        elif chunk:
            for _ in chunk:
                offsets.write(k, i, j)
                k += 1
            pieces.append(chunk)
            last = chunk[-1]
        i = j
    joined = _TICKER.sub(lambda m: m.group().replace(":", " "), "".join(pieces))
    joined = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), joined)
    return Normalized(
        joined, n, offsets.keys, offsets.shifts, offsets.extras, joined_at, lines_joined
    )


# "１２", "٣": a digit of another script is the ASCII digit (the patterns' \d matches it,
# and a number is read in ASCII digits only), one character for one
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")

# "Công ty CP ABC (HOSE: ABC)": a company's ticker; its colon ends no clause (the colon
# becomes a space, offsets kept)
_TICKER = re.compile(r"\((?:HOSE|HSX|HNX|UPCoM|UPCOM)\s*:\s*[A-Z0-9]{2,5}\)")


# --------------------------------------------------------------------------- structure

# News pages end with related stories and comments: nothing after these headings is read.
_STOP_HEADINGS = words_rx(
    (
        "tin cùng chuyên mục",
        "tin liên quan",
        "bài liên quan",
        "bài viết liên quan",
        "tin khác",
        "các tin khác",
        "tin mới nhất",
        "tin đọc nhiều",
        "ý kiến bạn đọc",
        "bình luận",
        "xem thêm",
    )
)
_PHOTO_LINE = rx(r"(?:^|\s)[-–]\s*ảnh\s*\d+\s*$")
_CAPTION_LINE = rx(r"^\s*\(?\s*(?:ảnh|nguồn ảnh|video|clip)\s*:")
_ABBREVIATIONS = frozenset(
    fold(a) for a in ("tp", "q", "h", "tx", "v.v", "ths", "ts", "gs", "pgs", "đ/c", "th", "st")
)
# a stop, or a full stop glued to the next sentence's first word ("(46.455 tỷ đồng).Trong đó")
_SENTENCE_END = re.compile(
    # a run of stops is read once, from its first stop: a run of leader dots (``Kết quả
    # ........ 92%``) tried from each of its dots would cost the square of its length
    r"(?<![.!?…])[.!?…]++[\"”’»)]*+(?=\s)"
    r"|(?:(?<=[^\W\d_]{3})|(?<=\))|(?<=(?:19|20)\d\d)(?<![\d.,]\d{4}))\.(?=[^\W\d_]{2})"
)
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|(?<!\d),|,(?!\d)|…|(?<=[^\W\d_]\s)[–—](?=\s)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class TimePhrase:
    start: int
    end: int
    year: int | None
    as_of: dt.date | None
    month: int | None  # an as-of month whose year the context gives ("đến hết tháng 11")
    comparison: bool  # "so với cùng kỳ năm 2022": the base of a comparison, not the figure's time
    fronted: bool  # "Năm 2023, …": sets the year of what follows


@dataclass(frozen=True)
class UnitMention:
    """A unit named in the text.

    ``units`` are the registry rows of that name (of the type the text gives, if any): a
    name may be that of units of different periods ("Đông Anh": district 017 to 2025-06-30,
    xã 00454 from 2025-07-01), so ``code`` is None until the statement's date picks one
    (:func:`dated_code`); ``code`` is set when every row is of one code.
    """

    start: int
    end: int
    text: str
    code: str | None
    units: tuple[Unit, ...] = ()


@dataclass(frozen=True)
class Stop:
    """Where reading stopped: the heading of a news page's trailer (``Ý kiến bạn đọc``,
    ``Tin cùng chuyên mục`` …), after which nothing is the report's body.

    Examples
    --------
    >>> stop = prepare("Kết nạp 10/8 đảng viên.\\n\\nÝ kiến bạn đọc\\nHay quá: 5/5.").stopped_at
    >>> stop.offset, stop.line, stop.heading
    (25, 3, 'Ý kiến bạn đọc')
    >>> str(stop)
    "line 3 (offset 25): read up to the heading 'Ý kiến bạn đọc'; nothing after it is read"
    """

    offset: int
    """Where the heading begins in the text as given (a ``str`` index)."""
    line: int
    """Its line, from 1."""
    heading: str
    """The heading as written (normalized)."""

    def __str__(self) -> str:
        return (
            f"line {self.line} (offset {self.offset}): read up to the heading "
            f"{self.heading!r}; nothing after it is read"
        )


@dataclass(frozen=True)
class Unread:
    """A figure written in no number format (``12.723.4``, ``1,2.5``): not read, so no
    statement rests on it, and said where it is rather than failing the whole text.

    Examples
    --------
    >>> u = Unread(40, 2, "12.723.4", "a group of 1 digit")
    >>> print(u)
    line 2 (offset 40): '12.723.4' is not a number (a group of 1 digit); not read
    """

    offset: int
    """Where the figure begins in the text as given (a ``str`` index)."""
    line: int
    """Its line, from 1."""
    written: str
    """The figure as written."""
    reason: str
    """Why it is no number (English)."""
    read_as: str | None = None
    """The one number it can be read as, when there is one (``1,591,3``: ``1.591,3``), and
    then it is read so."""

    def __str__(self) -> str:
        done = "not read" if self.read_as is None else f"read as {self.read_as!r}, its one reading"
        return (
            f"line {self.line} (offset {self.offset}): {self.written!r} is not a number "
            f"({self.reason}); {done}"
        )


_START = operator.attrgetter("start")


@dataclass
class Doc:
    """A prepared text: normalized, folded, split, with masks, times and units."""

    norm: Normalized
    fold: str
    limit: int
    paragraphs: list[tuple[int, int]]
    sentences: list[Sentence]
    breaks: list[int]
    masks: list[tuple[int, int]] = field(default_factory=list)
    times: list[TimePhrase] = field(default_factory=list)
    report_years: list[tuple[int, int]] = field(default_factory=list)  # (position, year)
    units: list[UnitMention] = field(default_factory=list)
    money: bool = False
    stopped_at: Stop | None = None
    unread: list[Unread] = field(default_factory=list)  # figures in no number format
    # abbreviations the text defines ("đảng viên (ĐV)"): folded abbreviation → folded words
    abbreviations: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.norm.text

    def note_unread(
        self, start: int, end: int, written: str, reason: str, read_as: str | None = None
    ) -> None:
        """Note ``written``, found in ``[start, end)`` of the normalized text, as a figure in
        no number format (:class:`Unread`), or read as ``read_as``, its one reading."""
        at = self.norm.text.find(written, start, end)
        at = start if at < 0 else at
        self.unread.append(
            Unread(self.norm.original(at, at)[0], self.norm.line(at), written, reason, read_as)
        )

    def masked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a masked span (``masks`` is merged and sorted)."""
        i = bisect.bisect_right(self.masks, (end, -1)) - 1
        return i >= 0 and self.masks[i][1] > start

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence holding ``pos``; ``ValueError`` outside every sentence."""
        i = bisect.bisect_right(self.sentences, pos, key=_START) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        raise ValueError(pos)

    def units_in(self, start: int, end: int) -> list[UnitMention]:
        """The units named from ``start`` up to ``end`` (``units`` is sorted)."""
        lo = bisect.bisect_left(self.units, start, key=_START)
        return self.units[lo : bisect.bisect_left(self.units, end, lo, key=_START)]

    def times_in(self, start: int, end: int) -> list[TimePhrase]:
        """The time phrases from ``start`` up to ``end`` (``times`` is sorted)."""
        lo = bisect.bisect_left(self.times, start, key=_START)
        return self.times[lo : bisect.bisect_left(self.times, end, lo, key=_START)]

    def clause_start(self, pos: int, floor: int) -> int:
        """Where the clause holding ``pos`` begins (after the last break, not before floor)."""
        i = bisect.bisect_left(self.breaks, pos) - 1
        return max(floor, self.breaks[i] + 1) if i >= 0 else floor

    def clause_end(self, pos: int, ceiling: int) -> int:
        """Where the clause holding ``pos`` ends (the next break, not after ceiling)."""
        i = bisect.bisect_left(self.breaks, pos)
        return min(ceiling, self.breaks[i]) if i < len(self.breaks) else ceiling


# numbers with a comma (not part of a longer number) and numbers grouped by dots
_COMMA_NUMBER = re.compile(r"(?<![\d.,])\d+(?:,\d+)+(?![\d]|[.,]\d)")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")
# a percentage with a decimal point ("62.3%"): the text writes decimals with points
_POINT_DECIMAL_PERCENT = re.compile(r"(?<![\d.,])\d{1,3}\.\d{1,2}\s*%")
# a figure with a point before one or two digits and its unit or scale ("118.32 tỷ", "3.6
# lần", "7.6%"): no thousands grouping can end so, the point is the text's decimal mark
_POINT_DECIMAL = re.compile(
    r"(?<![\d.,])\d+\.\d{1,2}(?![\d]|[.,]\d)\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn|lần)(?!\w)",
    re.IGNORECASE,
)
#: how many such figures say that a text writes its decimals with points
_POINT_DECIMALS = 2


# a number before the word of its scale ("491,571 tỷ đồng", "145 tỷ đồng")
_SCALED = re.compile(r"(?<![\d.,])(\d+(?:,\d+)?)\s*(tỷ|tỉ|triệu|nghìn|ngàn)(?!\w)", re.IGNORECASE)
#: how far from the text's plain amounts of one scale a comma's reading may stand
_SCALE_SPREAD = 10


def _decimals_among_plain(text: str) -> bool:
    """Whether the numbers with a comma before a scale word, read with a decimal comma,
    stand among the plain amounts the text writes before that word (``491,571 tỷ đồng``
    beside ``145 tỷ đồng`` and ``500 tỷ đồng``: 491,571 within ten times them, 491.571
    hundreds of times over), as a padded zero alone cannot outweigh."""
    plain: dict[str, list[Decimal]] = {}
    comma: dict[str, list[Decimal]] = {}
    for m in _SCALED.finditer(text):
        number, scale = m.group(1), m.group(2).lower().replace("tỉ", "tỷ")
        into = comma if "," in number else plain
        into.setdefault(scale, []).append(Decimal(number.replace(",", ".")))
    shared = [s for s in comma if plain.get(s)]
    return bool(shared) and all(
        max(plain[s]) / _SCALE_SPREAD <= v <= max(plain[s]) * _SCALE_SPREAD
        for s in shared
        for v in comma[s]
    )


def _thousands_commas(text: str) -> str:
    """``text`` with commas written as thousands separators turned into dots, when the text
    writes every number so: at least two numbers with a comma, each in groups of three
    digits (``1,250``, ``12,480``), one of them ending in a zero (a decimal is not padded
    with one: ``1,250 tỷ đồng`` is 1.250 billion) or a percentage written with a decimal
    point (``+21.4%``: decimals with points), no decimal comma (``4,5``) and no number grouped
    by dots (``1.250``) but those :func:`_points_beside_commas` allows. A text that writes
    its decimals with points (at least :data:`_POINT_DECIMALS` figures such as ``118.32 tỷ``,
    ``3.6 lần``, ``7.6%``) groups thousands with commas even in its one number with a comma
    (``2,881 tỷ đồng``). Lengths are kept, so offsets hold."""
    commas = _COMMA_NUMBER.findall(text)
    padded = any(c.endswith("0") for c in commas)
    points = len(_POINT_DECIMAL.findall(text)) >= _POINT_DECIMALS
    if not commas or (len(commas) < 2 and not points):
        return text
    if not (padded or points or _POINT_DECIMAL_PERCENT.search(text)):
        return text
    if not (points or _POINT_DECIMAL_PERCENT.search(text)) and _decimals_among_plain(text):
        return text
    if any(not _COMMA_THOUSANDS.fullmatch(c) for c in commas):
        return text
    if _DOT_THOUSANDS.search(text) and not _points_beside_commas(text, commas):
        return text
    return _COMMA_NUMBER.sub(lambda m: m.group().replace(",", "."), text)


def _points_beside_commas(text: str, commas: list[str]) -> bool:
    """Whether the numbers grouped by dots of a text that groups thousands with commas are
    thousands written by another hand (a headline's ``8.400 tấn`` over a body's ``8,412
    tấn``): the text writes at least two percentages with a decimal point (``4.35%``,
    ``61.2%``: decimals with points, no decimal comma), and every number grouped by dots
    rounds a number with commas read whole, of the same unit and within a twentieth of it.
    Ordinary text grouped by dots beside decimal commas (``1.200 tấn`` beside ``2,125 tỷ
    đồng``) matches none and keeps the Vietnamese reading. Linear: each unit's whole comma
    numbers are sorted once and each dotted number is looked up by bisection."""
    if len(_POINT_DECIMAL_PERCENT.findall(text)) < 2:
        return False
    wholes: dict[str, list[Decimal]] = {}
    for m in _COMMA_UNIT.finditer(text):
        wholes.setdefault(m.group(2).lower(), []).append(Decimal(m.group(1).replace(",", "")))
    for values in wholes.values():
        values.sort()
    dotted = _DOT_UNIT.findall(text)
    return len(dotted) == len(_DOT_THOUSANDS.findall(text)) and all(
        _near(wholes.get(unit.lower(), []), Decimal(d.replace(".", ""))) for d, unit in dotted
    )


# a number grouped by commas / by dots and the word right after it (its unit)
_COMMA_UNIT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?![\d]|[.,]\d)\s*([^\W\d_]+)")
_DOT_UNIT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?![\d]|[.,]\d)\s*([^\W\d_]+)")
#: how far a dotted headline figure may round the body's figure (a twentieth)
_ROUNDING = Decimal("0.05")


def _near(values: list[Decimal], d: Decimal) -> bool:
    """Whether the sorted ``values`` hold one within :data:`_ROUNDING` of ``d``."""
    i = bisect.bisect_left(values, d * (1 - _ROUNDING))
    return i < len(values) and values[i] <= d * (1 + _ROUNDING)


def prepare(text: str, *, money: bool = False) -> Doc:
    """Normalize and split ``text``; find masked spans and time phrases."""
    norm = normalize(text)
    if (grouped := _thousands_commas(norm.text)) is not norm.text:
        norm = dataclasses.replace(norm, text=grouped)
    folded = _fold(norm.text)
    lines = _lines(folded)
    boxes = _inline_boxes(folded, lines)
    stop = _stop(norm, folded, lines, boxes)
    limit = norm.position(stop.offset) if stop else len(folded)
    paragraphs = _rewrapped(norm.text, _paragraphs(folded, lines, limit, boxes))
    sentences = [
        Sentence(s, e, index)
        for index, (ps, pe) in enumerate(paragraphs)
        for s, e in _split_sentences(norm.text, folded, ps, pe)
    ]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(norm.text)]
    doc = Doc(norm, folded, limit, paragraphs, sentences, breaks, money=money, stopped_at=stop)
    doc.masks = _masks(folded, norm.text, money=money)
    doc.times, doc.report_years = _times(doc)
    doc.masks = _merge([*doc.masks, *((t.start, t.end) for t in doc.times)])
    doc.abbreviations = _abbreviations(norm.text, folded)
    return doc


# "… kết nạp được 150 đảng viên (ĐV) trong quý": words, then their initials in capitals in brackets
# (read from a word's first letter, each word whole: a run of letters with no space, such as
# pasted image data, tried from each of its letters would cost the square of its length)
_DEFINED = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]++\s+){1,5})\(\s*([A-ZĐ]{2,5})\s*\)")


def _abbreviations(text: str, folded: str) -> dict[str, str]:
    """The abbreviations ``text`` defines, folded, each with the words it stands for.

    ``đảng viên (ĐV)``, ``công đoàn cơ sở (CĐCS)``: the last words before the bracket whose
    initials spell the capitals (the first definition of each wins).
    """
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        abbr = m.group(2)
        words = m.group(1).split()[-len(abbr) :]
        if len(words) != len(abbr) or fold(abbr) in out:
            continue
        if all(w[0].upper() == c for w, c in zip(words, abbr, strict=True)):
            out[fold(abbr)] = " ".join(folded[m.start(1) : m.end(1)].split()[-len(abbr) :])
    return out


def _fold(text: str, size: int = 1 << 16) -> str:
    """:func:`kpitools.textfold.fold` piece by piece, cut after a space or a line end (where
    no tone moves), so that folding a long text holds one piece's characters at a time."""
    pieces = []
    start = 0
    while start < len(text):
        end = start + size
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        pieces.append(fold(text[start:end]))
        start = end
    return _READ_ALIKE.sub(_read_alike, "".join(pieces))


# "xấp xỉ 60%" hedges a figure as "khoảng 60%" does; the folded text reads it so (the same
# six characters, offsets kept), so every pattern that knows "khoảng" knows it too. A
# qualifier written to a statement is taken from the text, which still says "xấp xỉ".
_AS_ABOUT = fold("khoảng")

# The plan's noun misspelt as reports do, "kế hoach" (no tone), "kế họach" (the tone on the
# first vowel), "kết hoạch" (a "t" too many; no word of its own): the folded text reads "kế
# hoạch", of the same length ("kế  hoạch", two spaces, for "kết hoạch"), so every pattern
# that knows the plan knows it too. Right after a percentage, "dự toàn" and "tự toán" are the
# estimate ("101,3% dự toàn thành phố giao"), elsewhere words of their own ("tham dự toàn …"),
# and so before the second half of a word of "toàn" ("98% dự toàn bộ các phiên họp": attended).
# One substitution for both ("xấp xỉ" and the plan's noun): one copy of the folded text.
_READ_ALIKE = rx(
    r"(?P<about>(?<!\w)xấp xỉ(?!\w))"
    r"|(?<!\w)(?:kế(?P<plan>\s+)(?:hoach|họach)|kết(?P<plan_t>\s+)hoạch)(?!\w)"
    r"|(?<=%\s)(?:dự(?P<estimate>\s+)toàn|tự(?P<estimate_t>\s+)toán)(?!\w)"
    r"(?!\s+(?:bộ|thể|diện|quốc|cầu|văn|khóa|thời|phần)(?!\w))"
)


def _read_alike(m: re.Match[str]) -> str:
    if m.group("about") is not None:
        return _AS_ABOUT
    if m.group("plan") is not None:
        return f"kế{m.group('plan')}hoạch"
    if m.group("plan_t") is not None:
        return f"kế {m.group('plan_t')}hoạch"
    return f"dự{m.group('estimate') or m.group('estimate_t')}toán"


def written_qualifier(
    text: str, m: re.Match[str] | None, group: int | str = 1, at: int = 0
) -> str | None:
    """The qualifier ``m`` read in folded text (its ``group``, the text's offset ``at``), as
    ``text`` writes it, folded: ``xấp xỉ`` where the document's folded text reads ``khoảng``.
    """
    if m is None or m.start(group) < 0:
        return None
    return fold(text[at + m.start(group) : at + m.end(group)])


def _lines(folded: str) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in folded.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return lines


_BULLET_LINE = re.compile(r"\s*[•●▪◦]\s")  # used with match()
INLINE_BOX_BODY = 100
"""How long (characters) the first line after a box of linked stories must be for the box to
sit inside the article (the article goes on), not at its end."""


def _inline_boxes(folded: str, lines: list[tuple[int, int]]) -> frozenset[int]:
    """The indexes of the lines of boxes of linked stories set inside the article.

    A trailer heading (``Tin liên quan``) followed by bulleted titles only, and then by a
    line of prose of at least :data:`INLINE_BOX_BODY` characters that is no heading: the
    article goes on after the box, so the heading and its titles are left out and reading
    goes on.
    """
    box: list[int] = []
    for i, (s, e) in enumerate(lines):
        if not _STOP_HEADINGS.fullmatch(folded[s:e].strip(" .:")):
            continue
        j, titles = i + 1, []
        while j < len(lines) and (
            not folded[lines[j][0] : lines[j][1]].strip()
            or _BULLET_LINE.match(folded, lines[j][0], lines[j][1])
        ):
            titles.append(j)
            j += 1
        if j < len(lines) and _box_body(folded, lines[j], has_titles=len(titles) > 0):
            box.extend([i, *titles])
    return frozenset(box)


def _box_body(folded: str, line: tuple[int, int], *, has_titles: bool) -> bool:
    """Whether ``line``, after a box's titles, is prose of the article going on."""
    content = folded[line[0] : line[1]].strip()
    return (
        has_titles
        and len(content) >= INLINE_BOX_BODY
        and not _STOP_HEADINGS.fullmatch(content.strip(" .:"))
    )


def _stop(
    norm: Normalized, folded: str, lines: list[tuple[int, int]], boxes: frozenset[int]
) -> Stop | None:
    """The first line that is a trailer heading (not of a box inside the article), if any."""
    for number, (s, e) in enumerate(lines):
        if number not in boxes and _STOP_HEADINGS.fullmatch(folded[s:e].strip(" .:")):
            return Stop(norm.original(s, s)[0], norm.line(s), norm.text[s:e].strip())
    return None


def _paragraphs(
    folded: str, lines: list[tuple[int, int]], limit: int, boxes: frozenset[int]
) -> list[tuple[int, int]]:
    """The lines of the body that hold text: not empty, not a photo line or its caption, not
    a box of linked stories (:func:`_inline_boxes`)."""
    paragraphs: list[tuple[int, int]] = []
    skip_next = False
    for i, (s, e) in enumerate(lines):
        if s >= limit:
            break
        content = folded[s:e].strip()
        if not content or i in boxes:
            continue
        if skip_next:  # the caption under a photo
            skip_next = False
            continue
        if _PHOTO_LINE.search(content):
            skip_next = True
            continue
        if _CAPTION_LINE.search(content):
            continue
        paragraphs.append((s, e))
    return paragraphs


_LINE_GOES_ON = re.compile(r"[^\W\d_]|[,\d%]")  # a line that ends in a word, a comma, a figure


def _rewrapped(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs with hard-wrapped lines joined again.

    A line that ends in a word, a comma or a figure, followed right away by a line that
    opens with a lower-case letter, is one paragraph with it (text copied from a PDF or a
    narrow column: ``… cho 230.763 lao động,\\nđạt 109,88% kế hoạch``). A heading ends with
    no stop but the next line opens with a capital, so it stays apart.

    Examples
    --------
    >>> _rewrapped("Kết nạp 12 đảng viên,\\nđạt 120% kế hoạch.", [(0, 21), (22, 41)])
    [(0, 41)]
    >>> _rewrapped("Tin mới\\nKết nạp 12 đảng viên.", [(0, 7), (8, 29)])
    [(0, 7), (8, 29)]
    """
    out: list[tuple[int, int]] = []
    for s, e in paragraphs:
        if out and out[-1][1] + 1 == s and e > s:
            last = text[out[-1][1] - 1]
            tail = text[max(out[-1][0], out[-1][1] - 8) : out[-1][1]].rstrip()
            listed = _list_goes_on(text, tail[-1:], s)
            if (_LINE_GOES_ON.match(last) and text[s].islower()) or listed:
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


_BULLET = re.compile(r"[-+•–]\s")


def _list_goes_on(text: str, last: str, start: int) -> bool:
    """Whether the line at ``start`` is the next item of a list laid out in lines: the line
    before ends in ``:`` or ``;`` and this one opens with a bullet (``-``, ``+``, ``•``) or a
    lower-case letter (``trong đó:\\n- xã A kết nạp 14;\\n- xã B …`` is one sentence).

    >>> _rewrapped("Trong đó:\\n- xã A 14;\\n+ xã B 9.", [(0, 9), (10, 20), (21, 30)])
    [(0, 30)]
    """
    return last in ":;" and (text[start].islower() or _BULLET.match(text, start) is not None)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _split_sentences(text: str, folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences end at . ! ? … followed by a space and a capital letter, digit or quote."""
    out: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt] in ' "“‘«(':
            nxt += 1
        if nxt >= end or not (text[nxt].isupper() or text[nxt].isdigit()):
            continue
        if nxt == m.end() and not _glued_stop(text, m.start(), nxt):
            continue
        if m.group().startswith(".") and _last_word(folded, begin, m.start()) in _ABBREVIATIONS:
            continue
        out.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin] == " ":
            begin += 1
    if begin < end:
        out.append((begin, end))
    return [piece for s, e in out for piece in _bounded(text, s, e)]


MAX_SENTENCE_CHARS = 2000
"""The longest run of text read as one sentence; a longer one is read in pieces."""
MAX_SENTENCE_NUMBERS = 120
"""The most numbers read in one sentence; a sentence with more is read in pieces."""
_NUMBER_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` in pieces of at most :data:`MAX_SENTENCE_CHARS` characters and
    :data:`MAX_SENTENCE_NUMBERS` numbers, each cut at the last space before its bound.

    A table or a list run together on one line with no sentence end (hundreds of figures)
    would otherwise be read as one sentence, whose reading grows with the square of its
    figures; the longest sentences of real reports (about 1 100 characters and 40 numbers
    in the evaluation set) are far below both bounds, and stay whole.
    """
    while start < end:
        bound = min(end, start + MAX_SENTENCE_CHARS)
        numbers = _NUMBER_RUN.finditer(text, start, bound)
        over = next(itertools.islice(numbers, MAX_SENTENCE_NUMBERS, None), None)
        if over is None and bound == end:
            yield start, end  # within both bounds: the rest is one piece
            return
        if over is not None:
            bound = over.start()
        cut = max(text.rfind(" ", start, bound), text.rfind("\n", start, bound))
        if cut <= start:
            cut = bound  # no space to cut at: cut where the bound falls
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1


def _glued_stop(text: str, stop: int, nxt: int) -> bool:
    """Whether the full stop at ``stop``, with no space after it, ends a sentence: a word
    in lower case (or a bracket, or a year: ``… trong năm 2041.Thu ngân sách``) before it, a
    capital and a lower-case letter after it (``… kế hoạch năm.Trong đó``; not ``TP.HCM``,
    not ``baolaocai.vn``)."""
    before = text[stop - 1]
    year = _YEAR_BEFORE.search(text, max(0, stop - 6), stop) is not None
    return (before == ")" or before.islower() or year) and text[nxt + 1 : nxt + 2].islower()


_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d$")


def _last_word(folded: str, begin: int, end: int) -> str | None:
    """The word that ends at ``end`` (not before ``begin``) without its opening brackets,
    None when a space is there; looks back over that word only."""
    start = end
    while start > begin and not folded[start - 1].isspace():
        start -= 1
    return folded[start:end].strip("(") if start < end else None


# --------------------------------------------------------------------------- masks

_DOC_WORDS = (
    "nghị quyết|chỉ thị|đề án|quyết định|kết luận|quy định|thông báo|công văn|thông tư|"
    "nghị định|luật|tờ trình|điều|khoản|phụ lục|chương|hướng dẫn số|kế hoạch số|"
    "chương trình số|báo cáo số|văn bản số|quy chế"
)
_MASKS = [
    # document numbers: Nghị quyết 15, Đề án 11, Chỉ thị số 24-CT/TU, Kế hoạch số 05/KH-TU
    rx(rf"(?<!\w)(?:{_DOC_WORDS})\s+(?:số\s*)?\d[\w/.\-]*"),
    rx(r"(?<![\w.,])\d+\s*[-/]\s*[a-zđ][a-zđ0-9]*(?:\s*[-/]\s*[a-zđ0-9]+)*(?!\w)"),
    # dates and periods
    rx(r"(?<![\d/])\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}(?!\d)"),
    rx(r"(?<!\w)ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)?(?:\s+tháng\s+\d{1,2})?"),
    # days listed before their month: "ngày 12 và 13/6", "ngày 8, 9/10", "ngày 20-21/11"
    rx(
        r"(?<!\w)ngày\s+\d{1,2}(?:\s*(?:,|và|-|–|đến)\s*\d{1,2})+\s*/\s*(?:0?[1-9]|1[0-2])"
        r"(?:\s*/\s*\d{2,4})?(?![\d/])"
    ),
    # "tháng 9", "quý 3/2024"; not the amount after a duration ("9 tháng 31,4 tỷ đồng")
    rx(r"(?<!\w)(?:tháng|quý)\s+\d{1,2}(?:\s*[/.]\s*\d{4})?(?!\d|[.,]\d)"),
    # a day and month alone in brackets after words of a day or time, a few words back:
    # "hội nghị hôm qua (14/3)", "trong ngày thi đấu cuối của giải (20/11)" (never a fraction;
    # "quận A (1/3)", "đạt 100% (9/9)" keep their pairs)
    rx(
        r"(?<!\w)(?:ngày|hôm|sáng|trưa|chiều|tối|đêm)(?:\s+[^\W\d_]+){0,8}(?:\s+\d+)?\s*"
        r"\(\s*(?:0?[1-9]|[12]\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])\s*\)"
    ),
    # a day and month a few words after "ngày", days listed before it, the clause ending
    # there: "ngày thi đấu cuối cùng 14/8, …", "hai ngày thi đấu 11 và 12/9, …" (a fraction
    # has a noun after it: "ngày làm việc 20/22 xã" keeps its pair)
    rx(
        r"(?<!\w)ngày(?:\s+[^\W\d_]+){1,4}\s+(?:\d{1,2}\s*(?:,|và|-|–)\s*)*"
        r"(?:0?[1-9]|[12]\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])(?:\s*/\s*\d{4})?"
        r"(?=\s*(?:[,.;:)]|$))"
    ),
    # a day after the time of day: "đến sáng 29/12", "Chiều 15/10, …" (never a fraction)
    rx(
        r"(?<!\w)(?:sáng|trưa|chiều|tối|đêm|hôm)\s+(?:nay\s+)?(?:ngày\s+)?"
        r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?(?![\d/])"
    ),
    # a span of days after a holiday or an opening word: "dịp lễ 2/9 – 3/9", "từ 2/9 - 5/9"
    rx(
        r"(?<!\w)(?:lễ|dịp|từ|ngày|nghỉ|đợt)\s+\d{1,2}\s*/\s*\d{1,2}\s*[-–—]\s*"
        r"(?:0?[1-9]|[12]\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])(?![\d/])"
    ),
    rx(r"(?<!\w)năm\s+\d{4}(?!\d)"),
    rx(r"(?<![\d.,])(?:19|20)\d{2}\s*[-–—/]\s*(?:19|20)\d{2}(?![\d.,])"),
    # a plain 4-digit 19xx/20xx is a year, also before a comma or a full stop ("so với cùng
    # kỳ 2024, đạt 101,8%"), not before a decimal ("2024,5") nor before a counted noun
    # ("kết nạp 1900 đảng viên": a count)
    rx(rf"(?<![\d.,])(?:19|20)\d{{2}}(?![\d%]|[.,]\d|\s+(?:{COUNTED_NOUNS})(?!\w))"),
    rx(r"(?<!\w)(?:nhiệm kỳ|giai đoạn)\s+(?:\d{4}\s*[-–—]\s*\d{4}|[ivxlc]+(?!\w))"),
    rx(r"(?<!\w)(?:khóa|khoá|lần thứ|đại hội)\s+(?:\d+|[ivxlc]+)(?!\w)"),
    rx(r"(?<![\w.,])\d+\s+(?:năm|tháng|ngày|tuần|giờ|phút|tuổi|lần)(?!\w)"),
    rx(r"(?<!\w)(?:thứ|lần thứ|lần|số thứ tự|stt|ảnh|hình|bảng|biểu|trang|phụ lục)\s+\d+"),
    rx(r"(?<!\w)(?:điện thoại|đt|hotline|fax)\s*:?\s*[\d .]+"),
]
_MONEY = re.compile(
    rf"(?<![\w.,])(?:{NUM})(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?:tỷ|tỉ))?)?"
    r"\s*(?:đồng|đ|vnđ|vnd|usd|\$|đô\s+la)(?!\w)"
)


def _masks(folded: str, text: str, *, money: bool) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in _MASKS for m in pattern.finditer(folded)]
    if not money:
        # on the lower-case text with its tone marks: "đồng" (money), not "Đông" (a name)
        spans.extend(m.span() for m in _MONEY.finditer(text.lower()))
    return spans


# --------------------------------------------------------------------------- times

_DATE = rx(
    r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})"
    r"(?:\s*/\s*(\d{4}))?(?![\d/])"
)
_DATE_WORDS = rx(
    r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})"
    r"(?:\s+năm\s+(\d{4}))?"
)
# "tính đến hết tháng 9/2041", "kết thúc tháng 6.2041" (the year after a dot)
_MONTH_END = rx(
    r"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|kết\s+thúc\s+)tháng\s+(\d{1,2})"
    r"(?:(?:\s*/\s*|\.)(\d{4})|\s+năm\s+(\d{4}))?(?!\d)"
)
_MONTHS = rx(r"(\d{1,2}|ba|sáu|chín)\s+tháng\s+(?:đầu\s+năm|năm)(?:\s+(\d{4}))?")
_QUARTER = rx(r"quý\s+(iv|i{1,3}|[1-4])(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?(?!\w)")
_YEAR = rx(
    r"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?|trong\s+|tính\s+riêng\s+|riêng\s+|cả\s+)?"
    r"năm\s+(\d{4})(?!\d)"
)
_REPORT_YEAR = rx(r"(?:tổng kết|sơ kết|báo cáo kết quả)[^.\n]{0,90}?năm\s+(\d{4})(?!\d)")
_COMPARISON = rx(r"(?:so\s+với|so(?=\s+năm)|cùng\s+kỳ|trước(?!\s+thuế))(?:\s+\w+){0,3}\s*$")
_QUARTERS = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}
_MONTH_WORDS = {fold("ba"): 3, fold("sáu"): 6, fold("chín"): 9}


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _year(value: str | None) -> int | None:
    return int(value) if value else None


_Span = tuple[int, int, int | None, dt.date | None, int | None]
_Found = tuple[re.Match[str], int | None, dt.date | None, int | None]


def _times(doc: Doc) -> tuple[list[TimePhrase], list[tuple[int, int]]]:
    folded = doc.fold
    found: list[_Span] = []
    taken = bytearray(len(folded) + 1)  # the spans found so far, which never overlap
    for m, year, as_of, month in itertools.chain(_days_found(folded), _periods_found(folded)):
        if taken.find(1, m.start(), m.end()) < 0:
            found.append((m.start(), m.end(), year, as_of, month))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    times = [t for span in sorted(found) if (t := _time_phrase(doc, *span)) is not None]
    report_years = [(t.start, t.year) for t in times if t.fronted and t.year and not t.comparison]
    report_years += [
        (m.start(), int(m.group(1))) for m in _REPORT_YEAR.finditer(folded) if m.start() < doc.limit
    ]
    return times, sorted(report_years)


def _days_found(folded: str) -> Iterator[_Found]:
    """Dates up to which figures are counted ("đến ngày 30/11/2023", "đến 30 tháng 11"):
    each match with its year, date and, without a year, its month * 100 + day."""
    for m in _DATE.finditer(folded):
        day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        try:
            as_of = dt.date(year, month, day) if year else None
        except ValueError:
            continue
        yield m, year, as_of, None if year else month * 100 + day
    for m in _DATE_WORDS.finditer(folded):
        day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            try:
                as_of = dt.date(year, month, day) if year else None
            except ValueError:
                continue
            yield m, year, as_of, month * 100 + day


def _periods_found(folded: str) -> Iterator[_Found]:
    """Months, quarters and years ("đến hết tháng 9", "9 tháng đầu năm", "quý III/2024",
    "năm 2023"): each match with its year, its last day and, without a year, its month."""
    for m in _MONTH_END.finditer(folded):
        month, year = int(m.group(1)), _year(m.group(2) or m.group(3))
        if 1 <= month <= 12:
            yield m, year, month_end(year, month) if year else None, None if year else month
    for m in _MONTHS.finditer(folded):
        word = m.group(1)
        month = _MONTH_WORDS.get(word) or (int(word) if word.isdigit() else 0)
        year = _year(m.group(2))
        if 1 <= month <= 12:
            yield m, year, month_end(year, month) if year else None, None if year else month
    for m in _QUARTER.finditer(folded):
        month, year = _QUARTERS[m.group(1)], _year(m.group(2) or m.group(3))
        yield m, year, month_end(year, month) if year else None, None if year else month
    for m in _YEAR.finditer(folded):
        yield m, int(m.group(1)), None, None


# "Năm 2041 công ty đặt kế hoạch …": a sentence opening with its year, no comma after it
# (only a sentence's opening: "…, năm 2041 dự kiến …" is a clause's own)
_OPENING_YEAR = re.compile(r"năm\s+(?:19|20)\d\d")


def _time_phrase(
    doc: Doc, start: int, end: int, year: int | None, as_of: dt.date | None, month: int | None
) -> TimePhrase | None:
    """The time phrase found at ``start:end`` (None outside the body or any sentence)."""
    if start >= doc.limit:
        return None
    try:
        sentence = doc.sentence_at(start)
    except ValueError:
        return None
    folded = doc.fold
    lead = folded[sentence.start : start]
    comparison = bool(_COMPARISON.search(lead))
    clause = doc.clause_start(start, sentence.start)
    fronted = not folded[clause:start].strip() and (
        doc.text[end : end + 1] == ","
        or (not lead.strip() and _OPENING_YEAR.fullmatch(folded, start, end) is not None)
    )
    # a phrase without a year keeps its month (month * 100 + day for a date) until the
    # context gives the year
    month_only = month if as_of is None else None
    return TimePhrase(start, end, year, as_of, month_only, comparison, fronted)


def resolve_month(phrase: TimePhrase, year: int) -> dt.date | None:
    """The as-of date of a month-only phrase once the year is known."""
    if phrase.month is None:
        return phrase.as_of
    if phrase.month > 12:  # month * 100 + day
        month, day = divmod(phrase.month, 100)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return month_end(year, phrase.month)


# --------------------------------------------------------------------------- units

#: Words that name the city as a whole in a city report (resolved to the registry's city).
#: A bare "thành phố" is not one: "Đảng bộ Khối các cơ quan thành phố" is another committee.
#: The city's abbreviation reads as the word ("Đảng bộ TP", "Đảng bộ T.P", "toàn TP").
CITY_WORDS: tuple[str, ...] = (
    "toàn thành phố",
    "đảng bộ thành phố",
    "thành ủy",
    "toàn tp",
    "đảng bộ tp",
    "đảng bộ t.p",
)
_PREFIX = (
    r"(?:(?P<type>quận|huyện|thị\s+xã|thành\s+phố|tp\.?|q\.|h\.|tx\.?"
    r"|xã|phường|thị\s+trấn|đặc\s+khu)\s*)?"
)
#: The unit type each prefix gives (folded, spaces single, no final dot).
_PREFIX_TYPES = {
    fold(k): v
    for k, v in {
        "quận": "quận",
        "q": "quận",
        "huyện": "huyện",
        "h": "huyện",
        "thị xã": "thị xã",
        "tx": "thị xã",
        "thành phố": "thành phố",
        "tp": "thành phố",
        "xã": "xã",
        "phường": "phường",
        "thị trấn": "thị trấn",
        "đặc khu": "đặc khu",
    }.items()
}
#: Prefixes that name a place, not a unit, when no unit of that name has the type
#: ("thị trấn Đông Anh" is the town, not the district).
_PLACE_TYPES = frozenset(fold(t) for t in ("xã", "phường", "thị trấn", "đặc khu"))
# "phố Hai Bà Trưng", "hồ Hoàn Kiếm" are places, not the units
_PLACE_BEFORE = rx(
    r"(?:thị\s+trấn|xã|phường|phố|đường|hồ|cụm|thôn|khu|làng|ngõ|chợ|sông|núi|bến\s+xe)\s*$"
)


def _unit_names(registry: UnitRegistry) -> dict[str, tuple[Unit, ...]]:
    """Every name a unit of the registry has had (folded), with the rows that have it."""
    names: dict[str, list[Unit]] = {}
    for code in registry.codes():
        for unit in registry.versions(code):
            # keyed as a match is looked up: any run of spaces, tabs or newlines is one space
            names.setdefault(re.sub(r"\s+", " ", fold(unit.name)), []).append(unit)
    return {k: tuple(v) for k, v in names.items()}


def _typed(units: tuple[Unit, ...], prefix: str | None) -> tuple[Unit, ...]:
    """The rows of the type a prefix gives; none for a place word no unit has as its type."""
    if prefix is None:
        return units
    wanted = _PREFIX_TYPES.get(re.sub(r"\s+", " ", prefix).rstrip("."))
    typed = tuple(u for u in units if u.type is not None and fold(u.type) == fold(wanted or ""))
    if typed:
        return typed
    return () if fold(prefix) in _PLACE_TYPES else units


def _mention(doc: Doc, m: re.Match[str], units: tuple[Unit, ...]) -> UnitMention | None:
    """The mention a match of a unit name is, or None (a place, a lower-case word)."""
    text, folded = doc.text, doc.fold
    words = re.finditer(r"\w+", text[m.start("name") : m.end()])
    if not all(w.group()[0].isupper() for w in words):
        return None
    if _PLACE_BEFORE.search(folded[max(0, m.start() - 12) : m.start()]):
        return None
    units = _typed(units, m.group("type"))
    if not units:
        return None
    codes = {u.code for u in units}
    code = units[0].code if len(codes) == 1 else None
    return UnitMention(m.start(), m.end(), text[m.start() : m.end()], code, units)


def dated_code(
    units: Sequence[Unit],
    code: str | None,
    year: int | None,
    as_of: dt.date | None,
    registry: UnitRegistry | None = None,
) -> str | None:
    """The code of the unit a mention names on a statement's date.

    The row in force on ``as_of`` (else 31 December of ``year``), else in ``year``; when
    the name is of no unit then, ``code`` (the one code of the name, which the statement
    then reports as not existing that year), or None when that code was another unit's
    then (by ``registry``: a code reused for another unit); None as well when several units
    of the name were in force.

    Examples
    --------
    >>> from kpitools.registry import Unit
    >>> old = Unit("017", "Đông Anh", "district", "huyện", "01", None, dt.date(2025, 6, 30))
    >>> new = Unit("00454", "Đông Anh", "commune", "xã", "01", dt.date(2025, 7, 1), None)
    >>> dated_code([old, new], None, 2023, None), dated_code([old, new], None, 2026, None)
    ('017', '00454')
    """
    if not units or year is None:
        return code
    day = as_of or dt.date(year, 12, 31)
    for test in (lambda u: u.valid_on(day), lambda u: u.overlaps_year(year)):
        found = {u.code for u in units if test(u)}
        if found:
            return found.pop() if len(found) == 1 else None
    if code is not None and registry is not None and registry.exists(code, year):
        return None  # the code was another unit's then
    return code


def find_units(
    doc: Doc, registry: UnitRegistry | None, city_words: Sequence[str] = CITY_WORDS
) -> list[UnitMention]:
    """Every unit the text names: registry names (capitalized) and the city's own words.

    A name is looked up among every name the registry's units have had; which unit it is
    depends on the statement's date (see :class:`UnitMention`). A type before the name
    (``huyện``, ``xã``, ``phường`` …) keeps the units of that type.
    """
    text, folded = doc.text, doc.fold
    mentions: list[UnitMention] = []
    taken: list[tuple[int, int]] = []
    if registry is not None:
        names = _unit_names(registry)
        alternatives = sorted(names, key=len, reverse=True)
        pattern = re.compile(
            r"(?<!\w)"
            + fold_pattern(_PREFIX)
            + r"(?P<name>"
            + "|".join(spaced(a) for a in alternatives)
            + r")(?!\w)"
        )
        for m in pattern.finditer(folded, 0, doc.limit):
            found = _mention(doc, m, names[re.sub(r"\s+", " ", m.group("name"))])
            if found is not None:
                mentions.append(found)
                taken.append(m.span())
    city = None
    if registry is not None:
        top = registry.codes(level="city")
        city = top[0] if len(top) == 1 else None
    for m in words_rx(city_words).finditer(folded, 0, doc.limit):
        # the names taken are sorted and apart: only the last that begins before m.end()
        i = bisect.bisect_left(taken, (m.end(), -1)) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue
        mentions.append(UnitMention(m.start(), m.end(), text[m.start() : m.end()], city))
    return sorted(mentions, key=lambda u: u.start)
