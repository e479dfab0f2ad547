"""A quota of places, and how many were admitted, said one after the other with ``nhưng``.

``Năm 2041, khoa Luật tuyển 60 chỉ tiêu nhưng mới có 35 học viên nhập học``: the
places offered (``tuyển Q chỉ tiêu``, a quota, not a result) and the candidates admitted or
enrolled after ``nhưng`` are a result against its target that the sentence grammar leaves
unread; so are ``chỉ tiêu … là Q nhưng chỉ tuyển được A``. :func:`link_quota_admissions`
runs after its passes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.capital_plans import checked_link
from kpitools.extract.plans_after import bare_statement
from kpitools.numbers import check_percent, parse_number, parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement

_WHOLE = r"\d{1,3}(?:\.\d{3})*(?!\d|[.,]\d)"
# "tuyển 60 chỉ tiêu nhưng mới có 35 học viên nhập học": a quota, then those admitted or
# enrolled (not those who applied, "có 700 thí sinh đăng ký"; nor those admitted who did not
# enrol, "trúng tuyển không nhập học", nor a kind of them, "trúng tuyển thẳng")
_QUOTA_BUT = rx(
    rf"(?<!\w)tuyển(?:\s+sinh)?\s+(?P<q>{_WHOLE})\s+chỉ\s+tiêu\s*,?\s*nhưng\s+"
    rf"(?:(?:hiện|nay|mới|chỉ|đã)\s+){{0,3}}(?:có|tuyển\s+được)\s+(?P<a>{_WHOLE})\s+"
    r"(?P<noun>thí\s+sinh|ts|sinh\s+viên|học\s+sinh|học\s+viên|em)\s+"
    r"(?:trúng\s+tuyển|(?:xác\s+nhận\s+)?nhập\s+học)(?!\w)"
    r"(?!\s+(?:không|chưa|thẳng|bổ\s+sung)(?!\w))"
)

# "chỉ tiêu bồi dưỡng cán bộ là 1.250 nhưng mới tuyển được 1.000": a quota named, then those
# admitted after "nhưng" or "tuy nhiên"
_QUOTA_IS_BUT = rx(
    rf"(?<!\w)chỉ\s+tiêu(?:\s+[^\W\d_]+){{0,8}}\s+là\s+(?P<q>{_WHOLE})\s*,?\s*"
    rf"(?:nhưng|tuy\s+nhiên)\s+(?:(?:hiện|nay|mới|chỉ|đã)\s+){{0,3}}tuyển\s+được\s+"
    rf"(?P<a>{_WHOLE})(?!\s*%)(?:\s+(?P<noun>thí\s+sinh|sinh\s+viên|học\s+viên|người))?"
)


def link_quota_admissions(
    statements: Sequence[Statement], text: str, folded: str, *, end: int, file: str
) -> list[Statement]:
    """The statements, with one for each quota and its admissions read as above.

    Nothing is added where a statement already reads a figure of the two. ``folded`` is
    ``text`` folded; only what starts before ``end`` is read.
    """
    found = [*_QUOTA_BUT.finditer(folded, 0, end), *_QUOTA_IS_BUT.finditer(folded, 0, end)]
    if not found:
        return list(statements)
    # statements sorted by start, with the furthest end up to each: one that overlaps a
    # match starts before its end and ends after its quota (looked up, not scanned)
    ordered = sorted(statements, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    reach = list(itertools.accumulate((s.end for s in ordered), max))
    added: list[Statement] = []
    added_reach = -1  # the furthest end of those added, each starting before a later match
    for m in sorted(found, key=lambda m: m.start()):
        before = bisect.bisect_left(starts, m.end())
        if (before and reach[before - 1] > m.start("q")) or added_reach > m.start("q"):
            continue
        label = " ".join(text[m.start("noun") : m.end("noun")].split()) if m.group("noun") else ""
        added.append(
            bare_statement(
                file,
                text,
                (m.start("q"), m.end()),
                actual=parse_number(m.group("a")),
                target=parse_number(m.group("q")),
                target_period="annual",
                label=label,
            )
        )
        added_reach = max(added_reach, m.end())
    return _merged(statements, sorted(added, key=lambda s: s.start))


def _merged(statements: Sequence[Statement], added: list[Statement]) -> list[Statement]:
    """``statements`` with ``added`` merged in, as inserting them one by one would.

    Each of ``added`` (sorted by start) goes before the first statement that starts after it.
    """
    out: list[Statement] = []
    i = 0
    for s in statements:
        while i < len(added) and s.start > added[i].start:
            out.append(added[i])
            i += 1
        out.append(s)
    return out + added[i:]


# "đạt 115% chỉ tiêu": an attainment of a quota named by that word alone
_OF_QUOTA = rx(r"%\s*(?:so\s+với\s+)?chỉ\s+tiêu\s*$")
# "chỉ tiêu xét tuyển năm 2041 là": a quota named, its figure right after (on one line)
_QUOTA_WORDS = (
    r"(?<!\w)chỉ[^\S\n]+tiêu(?:[^\S\n]+(?:[^\W\d_]+|\d{4}(?!\d))){0,14}[^\S\n]+là[^\S\n]*"
)
QUOTA_IS = rx(_QUOTA_WORDS + "$")
_QUOTA_NAMED = rx(rf"{_QUOTA_WORDS}(?P<q>{_WHOLE})(?!\s*%)")
_OF_WHOLE_QUOTA = rx(r"\s*(?:so\s+với\s+)?tổng\s+chỉ\s+tiêu(?!\w)")
# "chiếm 35% tổng chỉ tiêu của cả nước": a share of a whole larger than the quota named
_OF_SOMEONE = rx(r"\s+của(?!\w)")
_FULL_STOP = rx(r"[.!?](?=\s)")
_QUOTA_REACH = 400
"""How far (characters) before an attainment its quota may stand."""


def link_named_quotas(statements: Sequence[Statement], text: str, folded: str) -> list[Statement]:
    """The statements, each attainment of a bare quota linked to the quota named before it.

    ``Chỉ tiêu tuyển mới là 2.400; riêng chỉ tiêu nghề hàn là 310. Số học viên nhập học là
    2.880, đạt 120% chỉ tiêu``: a quota named (``chỉ tiêu … là Q``, in the attainment's
    sentence or the one before) whose figure and the result give the percentage at its
    written precision; linked only when one quota's value does. A share of the whole quota
    (``mới tuyển được 600 chỉ tiêu (chiếm 40% tổng chỉ tiêu)``) is its attainment.
    ``folded`` is ``text`` folded.
    """
    out = list(statements)
    for i, s in enumerate(out):
        if not _bare_quota_attainment(s, folded):
            continue
        assert isinstance(s.actual, Decimal) and s.stated is not None
        percent = parse_percent(s.stated)
        low = max(0, s.start - _QUOTA_REACH)
        fits = [
            (m.start("q"), m.end("q"), q)
            for m in _QUOTA_NAMED.finditer(folded, low, s.start)
            if (q := parse_number(m.group("q"))) > 0
            and len(_FULL_STOP.findall(folded, m.end(), s.start)) <= 1
            and check_percent(percent, s.actual, q).consistent
            and _same_measure(s, m, folded)
            and not _other_year(m, s.start, folded)
        ]
        if len({q for _, _, q in fits}) != 1:
            continue
        start, end, quota = fits[-1]
        check = check_percent(percent, s.actual, quota)
        fields = {"stated_kind": "attainment", "target_period": "annual"}
        out[i] = checked_link(s, text, (start, end), quota, check, **fields)
    return out


# what the result counts: those admitted to a quota of admissions
_ADMITTED = frozenset(fold("thí sinh ts sinh viên học viên học sinh em người").split())
_ADMISSIONS = rx(r"(?<!\w)tuyển(?!\w)")
_QUOTA_UNIT = rx(r"\s*([^\W\d_]+)")
_YEAR = rx(r"(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)")
_YEAR_REACH = 100
"""How far (characters) before a quota its year may stand."""


def _same_measure(s: Statement, m: re.Match[str], folded: str) -> bool:
    """Whether the result counts what the quota does (``460 ha rừng`` is no recruit).

    A result with no noun, or counted in ``chỉ tiêu``, or whose noun's first word is in the
    quota's name or right after its figure; those admitted against a quota of admissions.
    """
    words = fold(s.label).split()
    if not words or words[:2] == ["chỉ", "tiêu"]:
        return True
    unit = _QUOTA_UNIT.match(folded, m.end("q"))
    named = m.group().split() + ([unit.group(1)] if unit else [])
    if words[0] in named:
        return True
    return words[0] in _ADMITTED and _ADMISSIONS.search(m.group()) is not None


def _other_year(m: re.Match[str], end: int, folded: str) -> bool:
    """Whether a year not the quota's stands between it and the result (a 2040 quota)."""
    own = set(_YEAR.findall(folded, max(0, m.start() - _YEAR_REACH), m.start("q")))
    return any(y not in own for y in _YEAR.findall(folded, m.end("q"), end))


def _bare_quota_attainment(s: Statement, folded: str) -> bool:
    if s.stated is None or s.target is not None or not isinstance(s.actual, Decimal):
        return False
    if s.stated_kind == "share":  # "(chiếm 35% tổng chỉ tiêu)": of the whole quota
        whole = _OF_WHOLE_QUOTA.match(folded, s.end)
        return (
            whole is not None
            and fold(s.label) == "chỉ tiêu"
            and _OF_SOMEONE.match(folded, whole.end()) is None
        )
    return (
        s.stated_kind == "attainment"
        and s.exact
        and s.qualifier is None
        and _OF_QUOTA.search(folded, s.start, s.end) is not None
    )


_LEADING_WHOLE = rx(rf"{_WHOLE}")
# "số chỉ tiêu hoàn thành là 18", "chỉ tiêu … đã thực hiện được là 126": a result of quotas
_RESULT_WORD = rx(r"(?<!\w)(?:hoàn\s+thành|thực\s+hiện|đạt|kết\s+quả)(?!\w)")


def drop_quotas_read_as_results(statements: Sequence[Statement], folded: str) -> list[Statement]:
    """The statements but those whose result is a quota named (``chỉ tiêu … là Q``).

    ``… so với chỉ tiêu đã được phê duyệt là 33; có 95 sinh viên nhập học khoa B nhưng chỉ
    tiêu chỉ là 30``: 33 is the first quota, no result against the second.
    """
    return [s for s in statements if not _quota_as_result(s, folded)]


def _quota_as_result(s: Statement, folded: str) -> bool:
    if not isinstance(s.actual, Decimal) or s.target is None:
        return False
    m = _LEADING_WHOLE.match(folded, s.start)
    if m is None or parse_number(m.group()) != s.actual or folded.startswith("/", m.end()):
        return False
    named = QUOTA_IS.search(folded, max(0, s.start - 120), s.start)
    return named is not None and _RESULT_WORD.search(named.group()) is None
