"""Plans written in the sentence after their results, with both percentages said in turn.

``Năm 2041, công ty đạt doanh thu 512 tỷ đồng, lợi nhuận 37 tỷ đồng. So với kế hoạch năm
2041 là doanh thu 600 tỷ đồng và lợi nhuận 40 tỷ đồng, công ty hoàn thành lần lượt 85% và
93%.``: the sentence after the results opens on ``So với kế hoạch``, names two plans by their
measures and gives two percentages ``lần lượt`` (respectively); each plan, its percentage in
its place, is set against the amount of the same measure (and kind) in the sentence before.
:func:`link_plans_after_results` runs in :func:`kpitools.extract.document.link_document`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    FULL_STOP,
    MONEY_WORDS,
    Amount,
    amounts_in,
    as_result,
    measure_kind,
)
from kpitools.extract.linking import agrees, with_result
from kpitools.extract.targets import linked_to
from kpitools.extract.text import NUM
from kpitools.numbers import parse_percent
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "So với kế hoạch năm 2041 là doanh thu A và lợi nhuận B, công ty (đã) hoàn thành lần lượt
# X% và Y% (kế hoạch)": two plans (within 300 characters: a long sentence of many "so với
# kế hoạch" is read in linear time), a comma, a subject, then two percentages said in turn
# and nothing after them but the sentence's end, a comma or a plan's noun (not "so với cùng
# kỳ")
_PLANS_THEN_PERCENTS = rx(
    r"so\s+với\s+(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)"
    r"(?P<plans>(?:[^.;!?\n%]|\.(?=\d)){0,300}?),"
    r"(?P<subject>[^.;!?\n,%]*?)(?<!\w)(?:(?:hoàn\s+thành|đạt|thực\s+hiện)(?:\s+được)?\s+lần"
    r"\s+lượt|lần\s+lượt\s+(?:hoàn\s+thành|đạt|thực\s+hiện)(?:\s+được)?)\s+"
    rf"(?P<p1>{NUM})\s*%\s+và\s+(?P<p2>{NUM})\s*%"
    r"(?=\s*(?:[.;\n]|$|,(?!\s*(?:so\s+với|bằng))"
    r"|(?:các\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?!\s+\w+\s+\d)))"
)
# the subject's words that say nothing of whose percentages they are
_SUBJECT_FILLER = rx(r"(?<!\w)(?:đã|mới|chỉ|cơ\s+bản|đều)(?!\w)")
_OPENS = re.compile(r"\W*$")
_REACH = 600
"""How far (characters) before its ``So với`` the sentence of the results may start."""

Named = tuple[str | None, str | None]
"""A measure (:data:`~kpitools.extract.amounts.MEASURE_NAMES`) and its kind, each if named."""


def money_named(folded: str, start: int, end: int) -> list[tuple[Amount, Named]]:
    """The money amounts of ``folded[start:end]``, each with the measure and kind it is of."""
    return [
        (a, measure_kind(folded, a))
        for a in amounts_in(folded, start, end)
        if a.unit[1] in MONEY_WORDS
    ]


def same_measure(plan: Named, result: Named) -> bool:
    """Whether a result of the measure ``result`` may be of the plan ``plan`` (kinds agree)."""
    if plan[0] is None or plan[0] != result[0]:
        return False
    return plan[1] is None or result[1] is None or plan[1] == result[1]


def _results_of(folded: str, head: int, plans: list[tuple[Amount, Named]]) -> list[Amount] | None:
    """The amount of each plan's measure in the sentence that ends at ``head``, in order."""
    low = max(0, head - _REACH)
    stops = [m.end() for m in FULL_STOP.finditer(folded, low, head - 1)]
    if not stops and low > 0:
        return None  # the sentence before is not wholly in the reach
    found = money_named(folded, stops[-1] if stops else 0, head)
    out = []
    for _, named in plans:
        same = [a for a, n in found if same_measure(named, n)]
        if len({a.value for a in same}) != 1:
            return None
        out.append(same[0])
    return out if out[0] != out[1] else None


def _subject_of_results(folded: str, m: re.Match[str], head: int) -> bool:
    """Whether the percentages' subject is none or one the text before names.

    ``công ty`` named with the results is theirs; measures in another order (``lợi nhuận và
    doanh thu``) or other bodies are not.
    """
    subject = " ".join(_SUBJECT_FILLER.sub(" ", m.group("subject")).split())
    if not subject:
        return True
    before = " ".join(folded[max(0, head - _REACH) : head].split())
    return re.search(rf"(?<!\w){re.escape(subject)}(?!\w)", before) is not None


def _pair(folded: str, m: re.Match[str]) -> list[tuple[Amount, Amount, tuple[int, int]]] | None:
    """Each (plan, result, percentage's span) of one match, or None when it is no such pair."""
    head = m.start()
    stop = FULL_STOP.search(folded, max(0, head - 2), head)
    if head > 0 and (stop is None or not _OPENS.match(folded, stop.end(), head)):
        return None  # "So với" opens no sentence
    plans = money_named(folded, m.start("plans"), m.end("plans"))
    if len(plans) != 2 or plans[0][1][0] is None or plans[0][1][0] == plans[1][1][0]:
        return None
    if not _subject_of_results(folded, m, head):
        return None
    results = _results_of(folded, stop.start() + 1 if stop else 0, plans)
    if results is None:
        return None
    spans = [(m.start("p1"), m.end("p1")), (m.start("p2"), m.end("p2"))]
    return [(p, r, s) for (p, _), r, s in zip(plans, results, spans, strict=True)]


def link_plans_after_results(
    statements: Sequence[LinkableStatement], text: str, folded: str, *, end: int, file: str
) -> list[LinkableStatement]:
    """The statements, with a statement for each plan named after its result (see above).

    The new statement is the plan's amount with the percentage in its place, its result the
    amount of the same measure in the sentence before (linked). Nothing is added when a
    statement already reads a figure of the two sentences as a result, or when the sentence
    before names a measure's amount twice with two values; a statement that reads a plan as
    a target alone gives way. ``folded`` is ``text`` folded; only what starts before ``end``
    is read.
    """
    out = list(statements)
    for m in _PLANS_THEN_PERCENTS.finditer(folded, 0, end):
        pairs = _pair(folded, m)
        if pairs is None:
            continue
        low = min(r.start for _, r, _ in pairs)
        if any(c.actual is not None and low <= c.start < m.end() for c in out):
            continue
        plan_spans = {(p.start, p.end) for p, _, _ in pairs}
        out = [c for c in out if (c.start, c.end) not in plan_spans]
        for plan, result, (p0, p1) in pairs:
            p = parse_percent(text[p0:p1])
            s = bare_statement(
                file,
                text,
                (plan.start, plan.end),
                target=plan.value,
                stated_percent=p.value,
                stated_kind="attainment",
                stated=p.text + "%",
            )
            noun = " ".join(w for w in measure_kind(folded, result) if w)
            c = as_result(s, result, folded, 0, text, noun)
            linked = with_result(s, c, plan.value)
            at = next((i for i, x in enumerate(out) if x.start > plan.start), len(out))
            out.insert(at, linked)
    return out


def bare_statement(
    file: str, text: str, span: tuple[int, int], **fields: object
) -> LinkableStatement:
    """A statement of ``text[span]`` with ``fields`` and nothing else read."""
    from kpitools.extract.statements import Statement

    given: dict[str, object] = {f.name: None for f in dataclasses.fields(Statement)}
    given.update(
        file=file,
        start=span[0],
        end=span[1],
        text=" ".join(text[span[0] : span[1]].split()),
        label="",
        exact=True,
        truncated=False,
    )
    given.update(fields)
    return Statement(**given)  # type: ignore[arg-type]


# "… xuất khẩu 12.400 tấn gạo, bằng 62% kế hoạch năm; ước tính sẽ đạt 100% chỉ tiêu (chỉ
# tiêu: 20.000 tấn)": the clause right after a result's percentage of the plan forecasts the
# plan met in full and gives the plan's figure in brackets
_FORECAST_MET = rx(
    r"^\s*\)?\s*[;,]\s*(?:dự\s+kiến|ước(?:\s+tính)?|phấn\s+đấu)"
    r"(?:\s+(?:cả\s+)?năm(?:\s+(?:19|20)\d\d)?)?\s+(?:sẽ\s+)?(?:đạt|hoàn\s+thành)\s+100\s*%\s*"
    r"(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán)(?:\s+(?:cả\s+)?năm)?"
    r"(?:\s+(?:được\s+)?giao)?\s*\(\s*(?:(?:kh|kế\s+hoạch|chỉ\s+tiêu|dự\s+toán)\s*(?:là|:)?\s*)?$"
)
_FORECAST_REACH = 160
"""How far (characters) after a result's percentage the forecast's plan may start."""


def link_forecast_plans(
    statements: Sequence[LinkableStatement], text: str
) -> list[LinkableStatement]:
    """The statements, each result's percentage of a plan linked to the forecast's plan.

    A result with no target whose percentage of a plan is followed by a forecast that the
    plan will be met in full, its figure in brackets (:data:`_FORECAST_MET`), takes that
    figure when it is of the result's unit and the percentage fits it. A figure the
    percentage does not fit is another plan's (or a misprint) and is not linked.
    """
    out = list(statements)
    for i, s in enumerate(statements):
        if (
            s.stated_kind != "attainment"
            or s.target is not None
            or not isinstance(s.actual, Decimal)
            or s.stated_percent is None
        ):
            continue
        later = statements[i + 1 : i + 3]
        t = next((c for c in later if c.actual is None and c.target is not None), None)
        if (
            t is None
            or not isinstance(t.target, Decimal)
            or t.unit != s.unit
            or not s.end <= t.start <= s.end + _FORECAST_REACH
            or not _FORECAST_MET.match(fold(text[s.end : t.start]))
            or not agrees(s, t.target)
        ):
            continue
        out[i] = linked_to(s, t)
    return out
