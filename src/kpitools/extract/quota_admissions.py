"""A quota of places, and how many were admitted, said one after the other with ``nhưng``.

``Năm 2041, ngành Hóa học tuyển 40 chỉ tiêu nhưng hiện mới có 23 thí sinh trúng tuyển``: the
places offered (``tuyển Q chỉ tiêu``, a quota, not a result) and the candidates admitted or
enrolled after ``nhưng`` are a result against its target that the sentence grammar leaves
unread. :func:`link_quota_admissions` runs after its passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kpitools.extract.plans_after import _bare_statement
from kpitools.numbers import parse_number
from kpitools.textfold import rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement

_WHOLE = r"\d{1,3}(?:\.\d{3})*(?![\d.,])"
# "tuyển 40 chỉ tiêu nhưng hiện mới có 23 thí sinh trúng tuyển": a quota, then those
# admitted or enrolled (not those who applied: "có 900 thí sinh đăng ký")
_QUOTA_BUT = rx(
    rf"(?<!\w)tuyển(?:\s+sinh)?\s+(?P<q>{_WHOLE})\s+chỉ\s+tiêu\s*,?\s*nhưng\s+"
    rf"(?:(?:hiện|nay|mới|chỉ|đã)\s+){{0,3}}(?:có|tuyển\s+được)\s+(?P<a>{_WHOLE})\s+"
    r"(?P<noun>thí\s+sinh|ts|sinh\s+viên|học\s+sinh|học\s+viên|em)\s+"
    r"(?:trúng\s+tuyển|(?:xác\s+nhận\s+)?nhập\s+học)(?!\w)"
)


def link_quota_admissions(
    statements: Sequence[Statement], text: str, folded: str, *, end: int, file: str
) -> list[Statement]:
    """The statements, with one for each quota and its admissions read as above.

    Nothing is added where a statement already reads a figure of the two. ``folded`` is
    ``text`` folded; only what starts before ``end`` is read.
    """
    out = list(statements)
    for m in _QUOTA_BUT.finditer(folded, 0, end):
        if any(s.start < m.end() and m.start("q") < s.end for s in out):
            continue
        label = " ".join(text[m.start("noun") : m.end("noun")].split())
        s = _bare_statement(
            file,
            text,
            (m.start("q"), m.end()),
            actual=parse_number(m.group("a")),
            target=parse_number(m.group("q")),
            target_period="annual",
            label=label,
        )
        at = next((i for i, x in enumerate(out) if x.start > s.start), len(out))
        out.insert(at, s)
    return out
