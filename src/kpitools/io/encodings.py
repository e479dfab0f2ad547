"""Text files in the legacy Vietnamese encodings (internal to ``io``).

Before Unicode, Vietnamese offices wrote with fonts that drew Vietnamese letters on the
glyphs of Latin-1 bytes: **TCVN3** (ABC, the ``.VnTime`` fonts: one byte per letter) and
**VNI** (``VNI-Times``: a base letter followed by bytes for its marks). Windows-1258
(cp1258) writes tones as combining marks. The tables below are the public character tables
of these encodings, as data. :func:`decode_text` tells them apart by which reading gives
plausible Vietnamese words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from kpitools.textfold import nfc

#: TCVN3 (ABC): each Unicode letter of the first string is the byte (as Latin-1) below it.
#: Capitals with tones have no code (the ``.VnTimeH`` fonts drew them from the small ones).
_TCVN3_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3_BYTES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"

#: VNI Windows: each entry is a Unicode letter followed by its VNI bytes (as Latin-1).
_VNI_TABLE = """
áaù ÁAÙ àaø ÀAØ ảaû ẢAÛ ãaõ ÃAÕ ạaï ẠAÏ éeù ÉEÙ èeø ÈEØ ẻeû ẺEÛ ẽeõ ẼEÕ ẹeï ẸEÏ óoù ÓOÙ
òoø ÒOØ ỏoû ỎOÛ õoõ ÕOÕ ọoï ỌOÏ úuù ÚUÙ ùuø ÙUØ ủuû ỦUÛ ũuõ ŨUÕ ụuï ỤUÏ ýyù ÝYÙ ỳyø ỲYØ
ỷyû ỶYÛ ỹyõ ỸYÕ ỵî ỴÎ âaâ ÂAÂ ấaá ẤAÁ ầaà ẦAÀ ẩaå ẨAÅ ẫaã ẪAÃ ậaä ẬAÄ êeâ ÊEÂ ếeá ẾEÁ
ềeà ỀEÀ ểeå ỂEÅ ễeã ỄEÃ ệeä ỆEÄ ôoâ ÔOÂ ốoá ỐOÁ ồoà ỒOÀ ổoå ỔOÅ ỗoã ỖOÃ ộoä ỘOÄ ăaê ĂAÊ
ắaé ẮAÉ ằaè ẰAÈ ẳaú ẲAÚ ẵaü ẴAÜ ặaë ẶAË ơô ƠÔ ưö ƯÖ ớôù ỚÔÙ ứöù ỨÖÙ ờôø ỜÔØ ừöø ỪÖØ ởôû
ỞÔÛ ửöû ỬÖÛ ỡôõ ỠÔÕ ữöõ ỮÖÕ ợôï ỢÔÏ ựöï ỰÖÏ íí ÍÍ ìì ÌÌ ỉæ ỈÆ ĩó ĨÓ ịò ỊÒ đñ ĐÑ
"""

#: The names shown in notes and errors.
NAMES = {"cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC, .VnTime)", "vni": "VNI Windows"}

_TCVN3_DECODE = str.maketrans(_TCVN3_BYTES, _TCVN3_UNICODE)
_TCVN3_ENCODE = str.maketrans(_TCVN3_UNICODE, _TCVN3_BYTES)
_VNI_ENCODE = {entry[0]: entry[1:] for entry in _VNI_TABLE.split()}
_VNI_DECODE = {bytes_: letter for letter, bytes_ in _VNI_ENCODE.items()}
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))

#: Every Vietnamese letter that is not ASCII, in NFC.
VIETNAMESE_LETTERS = frozenset(_VNI_ENCODE)
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Bytes of the legacy encodings that show as symbols when read as Latin-1.
_SYMBOLS = frozenset(chr(c) for c in range(0xA1, 0xC0)) | {"×", "÷", "\xad"}
_SYMBOL_RE = re.compile(f"[{re.escape(''.join(sorted(_SYMBOLS)))}\ufffd]")


def encode_text(text: str, encoding: str) -> bytes:
    r"""``text`` in a legacy encoding (for tests and fixtures).

    Raises ``UnicodeEncodeError`` for a letter the encoding has no code for (TCVN3 has no
    capitals with tones).

    Examples
    --------
    >>> encode_text("Đông Anh", "vni"), encode_text("Đông Anh", "tcvn3")
    (b'\xd1o\xe2ng Anh', b'\xa7\xabng Anh')
    """
    text = nfc(text)
    if encoding == "cp1258":
        return "".join(_cp1258_char(c) for c in text).encode("cp1258")
    if encoding == "tcvn3":
        converted = text.translate(_TCVN3_ENCODE)
    elif encoding == "vni":
        converted = "".join(_VNI_ENCODE.get(c, c) for c in text)
    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    return converted.encode("latin-1")


def _cp1258_char(char: str) -> str:
    """A letter as cp1258 writes it.

    Precomposed when it has a code, else a base letter (with its vowel mark) followed by
    the combining tone.
    """
    try:
        char.encode("cp1258")
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        return base + tones
    return char


def _decode_cp1258(data: bytes) -> str:
    return nfc(data.decode("cp1258", errors="replace"))


def _decode_tcvn3(data: bytes) -> str:
    return data.decode("latin-1").translate(_TCVN3_DECODE)


def _decode_vni(data: bytes) -> str:
    return _VNI_RE.sub(lambda m: _VNI_DECODE[m.group()], data.decode("latin-1"))


DECODERS: dict[str, Callable[[bytes], str]] = {
    "cp1258": _decode_cp1258,
    "tcvn3": _decode_tcvn3,
    "vni": _decode_vni,
}


def decode_legacy(data: bytes, encoding: str) -> str:
    r"""Bytes of a legacy encoding as Unicode (NFC).

    Examples
    --------
    >>> decode_legacy(b"\xd1o\xe2ng Anh", "vni"), decode_legacy(b"Ba \xa7\xd7nh", "tcvn3")
    ('Đông Anh', 'Ba Đình')
    """
    return nfc(DECODERS[encoding](data))


def plausibility(text: str) -> int:
    """How much ``text`` reads as Vietnamese.

    +1 per word with Vietnamese letters and at most one tone, -2 per word with another
    letter or two tones and per stray symbol.
    """
    score = -2 * len(_SYMBOL_RE.findall(text))
    for word, times in Counter(_WORD_RE.findall(text)).items():  # each word scored once
        if word.isascii():
            continue
        letters_ok = all(c.isascii() or c in VIETNAMESE_LETTERS for c in word)
        tones = sum(c in _TONES for c in unicodedata.normalize("NFD", word))
        score += times if letters_ok and tones <= 1 else -2 * times
    return score


#: Said before the problems of a file with unknown unit names when its text looks garbled.
GARBLED_HINT = (
    "the text looks garbled (letters of a TCVN3 or VNI font?): the encoding is the "
    "likely cause of the unknown names; save the file as 'CSV UTF-8'"
)


def looks_garbled(text: str) -> bool:
    """Whether Unicode ``text`` shows the signs of a legacy encoding read as Latin-1."""
    return plausibility(text) < 0


def best_legacy(data: bytes) -> tuple[str, str, int]:
    """The legacy encoding that reads ``data`` most plausibly: (encoding, text, score)."""
    read = [(name, decode_legacy(data, name)) for name in DECODERS]
    scored = [(name, text, plausibility(text)) for name, text in read]
    return max(scored, key=lambda found: found[2])


def fix_latin1_text(text: str) -> tuple[str, str] | None:
    """Convert text typed with a TCVN3 or VNI font but stored as Latin-1 characters.

    An Excel cell in ``.VnTime`` holds such text. Returns ``(encoding, text)``, or ``None``
    when the text is not of that kind.
    """
    try:
        data = text.encode("latin-1")  # Vietnamese text in Unicode is not: this is quick
    except UnicodeEncodeError:
        return None
    if text.isascii() or not looks_garbled(text):
        return None
    candidates = [(name, decode_legacy(data, name)) for name in ("tcvn3", "vni")]
    name, fixed = max(candidates, key=lambda found: plausibility(found[1]))
    return (name, fixed) if plausibility(fixed) > max(0, plausibility(text)) else None
