"""Vietnamese text folding: NFC, diacritics, tone placement, name keys, folded patterns."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl


# Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng); vowel-quality marks (circumflex,
# breve, horn) stay where they are.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Ð/ð (Icelandic eth): what old VNI/TCVN conversions often leave in place of Đ/đ.
LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
#: Invisible format characters that come in with copy-paste: soft hyphen, zero-width space
#: and joiners, word joiner, byte order mark.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
#: Characters that stand for a space (no-break, thin, ideographic, ...) besides " ".
SPACE_LIKE = frozenset(
    "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000"
)
#: Characters that end a line.
LINE_BREAKS = frozenset("\n\u2028\u2029\x85")
_CLEAN = str.maketrans({**LOOKALIKES, **dict.fromkeys(INVISIBLE)})
_PLAIN_D = str.maketrans({"đ": "d", "Đ": "D", "\u00f0": "d", "\u00d0": "D"})
_COMBINING = re.compile("[\u0300-\u036f]+")  # all of category Mn
_TONE = re.compile("[" + "".join(sorted(_TONES)) + "]")
_SYLLABLE = re.compile("[0-9A-Za-z\u0300-\u036fđĐðÐ]+")  # where every character is one
DIGITS = re.compile(r"[0-9]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normalization form NFC.

    Examples
    --------
    >>> import unicodedata
    >>> nfc(unicodedata.normalize("NFD", "Đông Anh")) == "Đông Anh"
    True
    """
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """Remove every diacritic, turning đ/Đ into d/D; case and spacing are kept.

    Examples
    --------
    >>> strip_diacritics("Đông Anh")
    'Dong Anh'
    >>> strip_diacritics("Ứng Hòa")
    'Ung Hoa'
    """
    decomposed = unicodedata.normalize("NFD", text).translate(_PLAIN_D)
    plain = _COMBINING.sub("", decomposed)
    if plain.isascii():  # Vietnamese and ASCII: only the common combining marks to drop
        return plain
    return _strip_each(decomposed)


def _strip_each(decomposed: str) -> str:
    """:func:`strip_diacritics` of any text, character by character."""
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept)


def name_key(text: str, *, diacritics: bool = True) -> str:
    r"""Return the key under which two spellings of a unit name compare equal.

    The text is NFC-normalized and case-folded, whitespace (including no-break space) is
    collapsed, punctuation around it trimmed, and one leading administrative prefix is
    removed: quận, huyện, thị xã, thành phố, xã, phường, thị trấn, đặc khu, tỉnh, TP, TP.,
    Q., H., TX., P., TT. (any case, with full diacritics or none; "Quân" is a word, not
    "quận", and "Phương" is not "phường": they are kept). With ``diacritics=True``
    each syllable's tone mark is moved to the syllable's end, so the old and new placements
    ("Hòa"/"Hoà", "Thủy"/"Thuỷ") give one key while vowel marks (â, ă, ơ, ư) still count.
    With ``diacritics=False`` every mark is removed and the prefix is recognized without them.

    The key is for comparing, not for display.

    Parameters
    ----------
    text
        A unit name as written anywhere.
    diacritics
        Keep diacritics in the key (default) or remove them all.

    Examples
    --------
    >>> name_key("Ứng Hòa") == name_key("ứng hoà")
    True
    >>> name_key("  Huyện\u00a0Đông   Anh. ", diacritics=False)
    'dong anh'
    >>> name_key("Q. Ba Đình") == name_key("Ba Đình")
    True
    """
    return _key(text, diacritics=diacritics, drop_prefix=True)


def _words(text: str) -> list[str]:
    cleaned = unicodedata.normalize("NFC", nfc(text).translate(_CLEAN).casefold())
    return _trim(cleaned).split()


def _key(text: str, *, diacritics: bool, drop_prefix: bool) -> str:
    words = _words(text)
    if drop_prefix:
        words = _drop_prefix(words, loose=not diacritics)
    joined = _trim(" ".join(words))
    return _move_tones(joined) if diacritics else strip_diacritics(joined)


def _plain_edge(char: str) -> bool:
    """A letter or digit (the usual edge of a name): not junk, told without a lookup."""
    return char.isalnum()


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PS"


def _trim(text: str) -> str:
    if not text or (_plain_edge(text[0]) and _plain_edge(text[-1])):
        return text
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def _move_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    if _COMBINING.sub("", decomposed).translate(_PLAIN_D).isascii():  # letters, marks and đ
        moved = _SYLLABLE.sub(_tones_last, decomposed) if _TONE.search(decomposed) else decomposed
        return unicodedata.normalize("NFC", moved)
    return _move_each(decomposed)


def _move_each(decomposed: str) -> str:
    """:func:`_move_tones` of any text, character by character."""
    out: list[str] = []
    tones: list[str] = []
    for char in decomposed:
        if char.isalnum() or unicodedata.category(char)[0] == "M":
            if char in _TONES:
                tones.append(char)
            else:
                out.append(char)
        else:
            out.extend(tones)
            tones.clear()
            out.append(char)
    out.extend(tones)
    return unicodedata.normalize("NFC", "".join(out))


def _tones_last(syllable: re.Match[str]) -> str:
    text = syllable.group()
    tones = _TONE.findall(text)
    return _TONE.sub("", text) + "".join(tones) if tones else text


#: The administrative prefixes, each with the unit type it names (see :func:`name_prefix`).
_PREFIX_TYPES = {
    "quận": "quận", "huyện": "huyện", "xã": "xã", "phường": "phường", "tỉnh": "tỉnh",
    "tp": "thành phố", "tx": "thị xã", "thị xã": "thị xã", "thành phố": "thành phố",
    "thị trấn": "thị trấn", "đặc khu": "đặc khu",
    "tp.": "thành phố", "tx.": "thị xã", "q.": "quận", "h.": "huyện", "p.": "phường",
    "tt.": "thị trấn",
}  # fmt: skip
_ABBREVIATIONS = ("tp.", "tx.", "q.", "h.", "p.", "tt.")
# A prefix is matched with its marks (tone placement aside) or with none; without
# diacritics, quận and huyện are also taken under any marks ("Quân" → "quan") as before,
# but xã, phường and tỉnh only with their own marks or none, since "Phương", "Tính" and
# "Xá" are words of names and headers.
_STRICT_WORDS = {
    _move_tones(w): t
    for k, t in _PREFIX_TYPES.items()
    if " " not in k and "." not in k
    for w in (k, strip_diacritics(k))
}
_STRICT_PAIRS = {
    tuple(_move_tones(p) for p in w.split()): t
    for k, t in _PREFIX_TYPES.items()
    if " " in k
    for w in (k, strip_diacritics(k))
}
_LOOSE_WORDS = {"quan": "quận", "huyen": "huyện", "tp": "thành phố", "tx": "thị xã"}
_LOOSE_MARKED = {"xa": "xã", "phuong": "phường", "tinh": "tỉnh"}
_LOOSE_PAIRS = {tuple(strip_diacritics(k).split()): t for k, t in _PREFIX_TYPES.items() if " " in k}


@functools.lru_cache(maxsize=1 << 16)
def _word_forms(word: str) -> tuple[str, str]:
    """A word of a name with its tone marks last, and without diacritics."""
    return _move_tones(word), strip_diacritics(word)


_TYPE_KEYS = {t: strip_diacritics(t) for t in _PREFIX_TYPES.values()}


def _prefix(words: list[str], *, loose: bool) -> tuple[int, str | None]:
    """How many leading words are an administrative prefix (0, 1 or 2), and its type.

    A prefix glued to the name ("Q.Ba Đình") counts as -1: the first word loses it.
    """
    if len(words) < 2:
        return _attached(words)
    first = _trim(words[0])
    first_tones, first_plain = _word_forms(first)
    if len(words) >= 3:
        second_tones, second_plain = _word_forms(_trim(words[1]))
        pair = (
            _LOOSE_PAIRS.get((first_plain, second_plain))
            if loose
            else _STRICT_PAIRS.get((first_tones, second_tones))
        )
        if pair is not None:
            return 2, pair
    if words[0] in _ABBREVIATIONS:
        return 1, _PREFIX_TYPES[words[0]]
    if loose:
        found = _LOOSE_WORDS.get(first_plain)
        marked = first_plain == first or first_tones in _STRICT_WORDS
        if found is None and first_plain in _LOOSE_MARKED and marked:
            found = _LOOSE_MARKED[first_plain]
    else:
        found = _STRICT_WORDS.get(first_tones)
    if found is not None:
        return 1, found
    return _attached(words)


def _attached(words: list[str]) -> tuple[int, str | None]:
    # "TP.Hà Nội", "Q.Ba Đình": the abbreviation glued to the name.
    if words and "." in words[0]:
        for abbreviation in _ABBREVIATIONS:
            if words[0].startswith(abbreviation) and len(words[0]) > len(abbreviation):
                return -1, _PREFIX_TYPES[abbreviation]
    return 0, None


def _drop_prefix(words: list[str], *, loose: bool) -> list[str]:
    """Drop one administrative prefix from case-folded words, if a name remains after it."""
    count, _ = _prefix(words, loose=loose)
    if count == -1:
        glued = next(a for a in _ABBREVIATIONS if words[0].startswith(a))
        return [words[0][len(glued) :], *words[1:]]
    return words[count:]


def name_prefix(text: str) -> str | None:
    """The unit type that ``text`` begins with, as :func:`name_key` removes it, or None.

    Examples
    --------
    >>> [name_prefix(t) for t in ["Huyện Đông Anh", "xa Dong Anh", "TP.Hà Nội", "Đông Anh"]]
    ['huyện', 'xã', 'thành phố', None]
    >>> name_prefix("Phương Liệt"), name_prefix("Phường Phương Liệt")
    (None, 'phường')
    """
    words = _words(text)
    found = _prefix(words, loose=False)[1]
    return found if found is not None else _prefix(words, loose=True)[1]


def type_key(text: str | None) -> str | None:
    """A unit type (``huyện``, ``Thị xã``, ``thi xa``…) as compared with a prefix.

    Examples
    --------
    >>> type_key("Thị xã") == type_key("thi xa") == type_key(name_prefix("TX. Sơn Tây"))
    True
    """
    if text is None:
        return None
    return strip_diacritics(" ".join(_words(text)))


def _joined_key(kept: list[str], diacritics: bool) -> str:
    """``_key`` of words already cleaned.

    Word by word (each word's forms are cached) when there is nothing to trim at the ends,
    which is almost always.
    """
    if kept and kept[0][0].isalnum() and kept[-1][-1].isalnum():
        form = 0 if diacritics else 1
        return " ".join([_word_forms(w)[form] for w in kept])
    joined = _trim(" ".join(kept))
    return _move_tones(joined) if diacritics else strip_diacritics(joined)


def name_keys(text: str) -> tuple[str, str, str, str]:
    """Lookup keys, most specific first: full and prefix-free, with and without diacritics.

    They are those of :func:`_key`, sharing the cleaning.
    """
    return name_keys_typed(text)[0]


def name_keys_typed(text: str) -> tuple[tuple[str, str, str, str], str | None]:
    """:func:`name_keys` and the :func:`type_key` of :func:`name_prefix`, at once.

    The type is that of a prefix that can only be one: None for ``xa``, ``phuong`` and
    ``tinh`` written without marks (the prefix is still dropped from the keys).
    """
    words = _words(text)
    if not words or "." in words[0] or not all(w[0].isalnum() and w[-1].isalnum() for w in words):
        keys = (
            _joined_key(words, True),
            _joined_key(_drop_prefix(words, loose=False), True),
            _joined_key(words, False),
            _joined_key(_drop_prefix(words, loose=True), False),
        )
        found = _prefix(words, loose=False)[1]
        found = found if found is not None else _prefix(words, loose=True)[1]
        return keys, _type_of(found, words)
    # Words of letters and digits at both ends, no abbreviation (nothing to trim): each
    # word's forms once, the prefix told from them.
    forms = [_word_forms(w) for w in words]
    tones = [f[0] for f in forms]
    plain = [f[1] for f in forms]
    strict = loose = 0
    found = None
    if len(words) >= 2:
        if len(words) >= 3 and (tones[0], tones[1]) in _STRICT_PAIRS:
            strict, found = 2, _STRICT_PAIRS[tones[0], tones[1]]
        elif tones[0] in _STRICT_WORDS:
            strict, found = 1, _STRICT_WORDS[tones[0]]
        if len(words) >= 3 and (plain[0], plain[1]) in _LOOSE_PAIRS:
            loose, found = 2, found or _LOOSE_PAIRS[plain[0], plain[1]]
        elif plain[0] in _LOOSE_WORDS:
            loose, found = 1, found or _LOOSE_WORDS[plain[0]]
        elif plain[0] in _LOOSE_MARKED and (plain[0] == words[0] or tones[0] in _STRICT_WORDS):
            loose, found = 1, found or _LOOSE_MARKED[plain[0]]
    keys = (" ".join(tones), " ".join(tones[strict:]), " ".join(plain), " ".join(plain[loose:]))
    return keys, _type_of(found, words)


def _type_of(found: str | None, words: list[str]) -> str | None:
    """The type key of a prefix; None for ``xa``, ``phuong``, ``tinh`` without marks.

    Those may as well be the first word of a name (Phương Dực written plain).
    """
    if found is None or (words and words[0] in _LOOSE_MARKED):
        return None
    return _TYPE_KEYS[found]


@functools.lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One character in lower case; always one character."""
    low = char.lower()
    return low if len(low) == 1 else char


# Where the tone of an open "oa", "oe", "uy" sits varies (hòa / hoà, ủy / uỷ, hóa / hoá):
# folded text puts it on the second vowel. Only the tone moves, so lengths are kept.
_OLD_TONE = re.compile(r"([òóỏõọ])([ae])(?![^\W\d_])|([ùúủũụ])(y)(?![^\W\d_])")


def _move_tone(m: re.Match[str]) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    decomposed = unicodedata.normalize("NFD", first)
    return decomposed[0] + unicodedata.normalize("NFC", second + decomposed[1:])


def fold(text: str) -> str:
    """``text`` in lower case with tone marks in one place, of the same length.

    Patterns search the folded text, so "Thành ủy" and "thành uỷ" read alike, while words
    that differ only by a mark stay apart ("đạt" reach, "đặt" install; "ảnh" photo, "Anh").
    """
    return _OLD_TONE.sub(_move_tone, "".join(map(fold_char, text)))


def fold_pattern(pattern: str) -> str:
    r"""Fold a regular expression written in lower case (its ASCII is left alone)."""
    return _OLD_TONE.sub(_move_tone, unicodedata.normalize("NFC", pattern))


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Vietnamese for searching folded text."""
    return re.compile(fold_pattern(pattern))


def words_rx(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words of folded text, longest first; spaces match any run."""
    alternatives = sorted({fold(w.strip()) for w in words if w.strip()}, key=len, reverse=True)
    parts = [
        r"\s*[-–]\s*".join(spaced(p) for p in re.split(r"\s*[-–]\s*", a)) for a in alternatives
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def spaced(text: str) -> str:
    """A pattern of ``text``'s words, escaped, with any run of spaces between them."""
    return r"\s+".join(re.escape(w) for w in text.split())


# ---------------------------------------------------------------- many texts at once

_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _plain_letter(char: str) -> bool:
    """Tell whether ``char`` is a letter whose every form agrees.

    NFC, a one-character lower case that is its case fold, an ASCII base with only
    Vietnamese marks (or đ/Đ).
    """
    low = char.lower()
    if unicodedata.normalize("NFC", char) != char or len(low) != 1 or char.casefold() != low:
        return False
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    ascii_base = (base.isascii() and base.isalpha()) or char in "đĐ"
    return ascii_base and all(m in _VIETNAMESE_MARKS for m in marks)


#: The characters of a text keyed by :func:`name_keys_frame` without Python: ASCII letters
#: and digits, the space, and the precomposed Vietnamese letters (any case).
_PLAIN_CHARS = "".join(
    c for c in map(chr, [*range(0x30, 0x3A), *range(0x41, 0x7B), *range(0xC0, 0x1F00)])
    if (c.isascii() and c.isdigit()) or _plain_letter(c)
)  # fmt: skip
PLAIN_TEXT = "^ *[" + re.escape(_PLAIN_CHARS) + "][ " + re.escape(_PLAIN_CHARS) + "]*$"
_STRIP_TABLE = {c: strip_diacritics(c) for c in _PLAIN_CHARS.lower() if not c.isascii()}
_KEY_COLUMNS = ("full", "bare", "plain_full", "plain_bare")


def name_keys_frame(texts: pl.Series) -> pl.DataFrame:
    """:func:`name_keys_typed` of every text of a column, in polars where it can.

    Texts of ASCII letters and digits, spaces and precomposed Vietnamese letters (nearly
    every name as written) are cleaned, split and stripped of their diacritics by
    polars; the tone placement of each *distinct word* is :func:`_move_tones`'s and the
    prefix rules are those of :func:`name_keys_typed`, as joins. Any other text (other
    scripts, punctuation, decomposed marks, an empty text) is keyed by
    :func:`name_keys_typed` itself. The answer is the same either way.

    Parameters
    ----------
    texts
        A String column (nulls give null keys).

    Returns
    -------
    polars.DataFrame
        One row per text, in order: ``full``, ``bare``, ``plain_full``, ``plain_bare``
        (the four keys of :func:`name_keys`) and ``type`` (the type key of the prefix).

    Examples
    --------
    >>> import polars as pl
    >>> frame = name_keys_frame(pl.Series(["Huyện Đông Anh", "XA HOA AN", "Ba Đình!"]))
    >>> frame.rows() == [(*name_keys_typed(t)[0], name_keys_typed(t)[1])
    ...                  for t in ["Huyện Đông Anh", "XA HOA AN", "Ba Đình!"]]
    True
    >>> frame["type"].to_list()
    ['huyen', None, None]
    """
    import polars as pl

    source = pl.DataFrame({"text": texts.cast(pl.String)})
    keyed = keys_of_distinct(source.get_column("text").unique().drop_nulls())
    joined = source.join(keyed, on="text", how="left", maintain_order="left")
    return joined.select(*_KEY_COLUMNS, "type")


def keys_of_distinct(texts: pl.Series) -> pl.DataFrame:
    """``text`` and its keys (see :func:`name_keys_frame`) for distinct non-null texts.

    The rows are in no particular order.

    Examples
    --------
    >>> import polars as pl
    >>> keys_of_distinct(pl.Series(["Xã Hòa An"])).row(0)
    ('Xã Hòa An', 'xã hoà an', 'hoà an', 'xa hoa an', 'hoa an', 'xa')
    """
    import polars as pl

    distinct = texts.cast(pl.String).to_frame("text")
    plain = pl.col("text").str.contains(PLAIN_TEXT)
    fast = _keys_in_polars(distinct.filter(plain))
    slow = distinct.filter(~plain)["text"].to_list()
    rest = [(t, *k, kind) for t in slow for k, kind in (name_keys_typed(t),)]
    schema = {"text": pl.String, **dict.fromkeys(_KEY_COLUMNS, pl.String), "type": pl.String}
    return pl.concat([fast, pl.DataFrame(rest, schema=schema, orient="row")])


def _keys_in_polars(distinct: pl.DataFrame) -> pl.DataFrame:
    """The keys of texts of :data:`_PLAIN_CHARS` (see :func:`name_keys_frame`)."""
    import polars as pl

    low = pl.col("text").str.to_lowercase()
    frame = distinct.with_columns(
        words=low.str.split(" ").list.eval(pl.element().filter(pl.element() != "")),
        plain=low.str.replace_many(_STRIP_TABLE).str.split(" ")
        .list.eval(pl.element().filter(pl.element() != "")),
    )  # fmt: skip
    words = frame["words"].explode().unique().to_list()
    tones = [_word_forms(w)[0] for w in words]
    frame = frame.with_columns(
        tones=pl.col("words").list.eval(
            pl.element().replace_strict(words, tones, return_dtype=pl.String)
        )
    )
    return _prefixed(frame).select(
        "text",
        full=pl.col("tones").list.join(" "),
        bare=pl.col("tones").list.slice(pl.col("strict")).list.join(" "),
        plain_full=pl.col("plain").list.join(" "),
        plain_bare=pl.col("plain").list.slice(pl.col("loose")).list.join(" "),
        type=pl.when(pl.col("words").list.get(0).is_in(list(_LOOSE_MARKED)).not_())
        .then(pl.col("found").replace_strict(_TYPE_KEYS, default=None)),
    )  # fmt: skip


def _prefixed(frame: pl.DataFrame) -> pl.DataFrame:
    """``strict`` and ``loose`` (words of prefix: 0, 1 or 2) and ``found`` (its type)."""
    import polars as pl

    size = pl.col("words").list.len()
    t0, p0 = pl.col("tones").list.get(0), pl.col("plain").list.get(0)
    t1 = pl.col("tones").list.get(1, null_on_oob=True)
    p1 = pl.col("plain").list.get(1, null_on_oob=True)
    strict_pairs = {" ".join(k): v for k, v in _STRICT_PAIRS.items()}
    loose_pairs = {" ".join(k): v for k, v in _LOOSE_PAIRS.items()}
    marked = pl.when(p0.eq(pl.col("words").list.get(0)) | t0.is_in(list(_STRICT_WORDS)))
    frame = frame.with_columns(
        sp=pl.when(size >= 3).then(pl.concat_str(t0, t1, separator=" ")
                                   .replace_strict(strict_pairs, default=None)),
        sw=pl.when(size >= 2).then(t0.replace_strict(_STRICT_WORDS, default=None)),
        lp=pl.when(size >= 3).then(pl.concat_str(p0, p1, separator=" ")
                                   .replace_strict(loose_pairs, default=None)),
        lw=pl.when(size >= 2).then(p0.replace_strict(_LOOSE_WORDS, default=None)),
        lm=pl.when(size >= 2).then(marked.then(p0.replace_strict(_LOOSE_MARKED, default=None))),
    )  # fmt: skip
    return frame.with_columns(
        strict=pl.when(pl.col("sp").is_not_null()).then(2)
        .when(pl.col("sw").is_not_null()).then(1).otherwise(0),
        loose=pl.when(pl.col("lp").is_not_null()).then(2)
        .when(pl.col("lw").is_not_null() | pl.col("lm").is_not_null()).then(1).otherwise(0),
        found=pl.coalesce("sp", "sw", pl.coalesce("lp", "lw", "lm")),
    )  # fmt: skip
