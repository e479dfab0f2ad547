"""Percentages of a plan named by what it counts, given the result they are of.

:func:`link_named_plans` gives a percentage of a named plan (``đạt 46% mục tiêu doanh thu``)
the result before it that names the same measure: a count or a money amount of its clause, of
the plan's kind and period, not supposed (``nếu``), not of another quarter or currency, not a
foreign amount its sentence also gives in đồng (``64 triệu USD …, quy đổi là 1.540 tỷ
đồng``); or a plan's amount named before it, its result taken from the text after.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from kpitools.extract.amounts import (
    APART_KINDS,
    BACK_REFERENCE,
    CLAUSE_MARKS,
    FULL_STOP,
    MEASURE_KIND,
    MEASURE_NAMES,
    MEASURE_NAMES_RX,
    MONEY_WORDS,
    NOUN_STOP,
    PART_OF_YEAR,
    PLAN_CUE,
    Amount,
    amounts_in,
    as_result,
    clause_head,
    clause_names,
    compared_with,
    head_of_sentence,
    last_end,
    measure_completed,
    measure_of_amount,
    noun_of,
    noun_pattern,
    same_period,
    sets_out_plan,
    shifted,
)
from kpitools.extract.continued_plans import PLAN_SET_OUT
from kpitools.extract.linking import (
    covering_statement,
    with_result,
)
from kpitools.extract.periods import MONTHS_COUNTED, one_part_named
from kpitools.extract.result_kinds import other_kind_before
from kpitools.extract.result_periods import (
    LATER_QUARTER,
    MONTHS_TO_DATE,
    QUARTER,
    quarter_before_months,
    year_figure_for_part,
)
from kpitools.extract.target_words import AIM_WORDS
from kpitools.extract.text import NUM, PLAN_NOUNS
from kpitools.numbers import try_parse_number
from kpitools.textfold import fold, fold_pattern, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


# --------------------------------------------------------------------------- named plans

PLAN_RESULTS = 8
"""How many statements before a percentage of a named plan are looked at for its result."""

PLAN_WINDOW = 800
"""How far (characters) before a percentage of a named plan its result may be."""

_PLAN_END = rx(rf"(?<!\w){PLAN_NOUNS}\s*$")
# "61% kế hoạch năm về doanh thu": the year's plan, its measure after ``về``
_PLAN_YEAR_END = rx(rf"(?<!\w){PLAN_NOUNS}\s+(?:cả\s+)?năm\s*$")

_BRACKET_AMOUNT = rx(
    rf"^\s*\(\s*(?P<a>{NUM})\s*(?:(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?)?"
    r"\s*(?P<cur>đồng|đ|usd)?\s*\)"
)

_AMOUNT_IN_WORDS = (
    rf"(?:{NUM})\s*(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?:tỷ|tỉ))?)?\s*(?:đồng|đ|usd)?"
)

# "14% kế hoạch doanh thu và 16% kế hoạch lợi nhuận năm (2.450 tỷ đồng và 180 tỷ đồng)": the
# plans of two percentages in one bracket after the second, in their order; the second's
_SECOND_PLAN_PERCENT = rx(
    rf"%\s*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)(?:\s+[^\W\d_]+){{1,3}}\s+và\s+(?:{NUM})\s*%"
    r"\s*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)\s*$"
)

_BRACKET_SECOND_AMOUNT = rx(
    r"^(?:\s+(?:cả\s+)?năm(?:\s+(?:19|20)\d\d)?)?"
    rf"\s*\(\s*{_AMOUNT_IN_WORDS}\s+và\s+(?P<a>{NUM})\s*"
    r"(?:(?P<mag>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<mag2>tỷ|tỉ))?)?\s*(?P<cur>đồng|đ|usd)?\s*\)"
)

# "kế hoạch lợi nhuận cả năm (439 tỷ đồng), đạt tới 274%": the plan named before its amount
_PLAN_BEFORE = rx(
    rf"(?<!\w){PLAN_NOUNS}\s+(?P<words>[^\W\d_]+"
    r"(?:\s+[^\W\d_]+){0,3})\s*\(\s*$"
)


def _plan_before(s: LinkableStatement, text: str) -> str | None:
    """What the plan whose amount opens ``s`` is of ("kế hoạch lợi nhuận cả năm (439 …")."""
    m = _PLAN_BEFORE.search(fold(text[max(0, s.start - 100) : s.start]))
    return noun_of(m.group("words")) if m else None


def _plan_noun(s: LinkableStatement, text: str) -> tuple[str, Decimal | None, str | None] | None:
    """What a percentage's plan is of, named after it ("46% mục tiêu doanh thu").

    With the amount in brackets after that name if any ("(38.185 tỷ đồng)") and its
    currency; after the second of two percentages of plans, the second amount of a bracket
    holding two (:data:`_BRACKET_SECOND_AMOUNT`).
    """
    after = fold(text[s.end : s.end + 120])
    if not (
        _PLAN_END.search(fold(s.text))
        or measure_completed(s, after)
        or (_PLAN_YEAR_END.search(fold(s.text)) and _about_measure(after))
    ):
        before = _measure_before(s)
        return None if before is None else (before, None, None)
    words: list[str] = []
    pos, end = _about_measure(after), 0
    for m in re.finditer(r"\S+", after[pos:]):
        word = m.group().rstrip(".,;:…")  # "… 66% kế hoạch lợi nhuận.": the sentence ends
        if len(words) == 2 or not word.isalpha() or word in NOUN_STOP:
            break
        words.append(word)
        end = m.start() + len(word)
        if word != m.group():
            break
    pos += end
    before = _measure_before(s) if _names_no_measure(words) else None
    if before is not None or not words:
        # "tổng thu đạt 60% dự toán tỉnh giao": the plan's giver after it, the measure before
        return None if before is None else (before, None, None)
    b = _BRACKET_AMOUNT.match(after[pos:])
    if b is None and _SECOND_PLAN_PERCENT.search(fold(s.text)):
        b = _BRACKET_SECOND_AMOUNT.match(after[pos:])
    if b is None:
        return " ".join(words), None, None
    value = try_parse_number(b.group("a") + (f" {b.group('mag')}" if b.group("mag") else ""))
    if value is None:  # "(1700.000 tỷ đồng)": in no number format, no amount
        return " ".join(words), None, None
    if b.group("mag2"):
        value *= 10**9
    return " ".join(words), value, (b.group("cur") or "").replace("usd", "USD") or None


# "hoàn thành 44% mục tiêu về doanh thu", "61% kế hoạch năm về lợi nhuận": the plan's
# measure named after ``về`` (about), as ``mục tiêu doanh thu`` names it
_ABOUT = rx(r"^\s+về\s+(?=\S)")


def _about_measure(after: str) -> int:
    """Where the measure after a plan's name starts past ``về`` (0 when none is so named).

    ``after`` is the folded text after the plan's name; ``về`` must be followed by a
    measure (:data:`MEASURE_NAMES_RX`): ``kế hoạch về đích`` names none.
    """
    m = _ABOUT.match(after)
    if m is None or MEASURE_NAMES_RX.match(after, m.end()) is None:
        return 0
    return m.end() - 1


def _names_no_measure(words: list[str]) -> bool:
    """Whether the words after a plan's name are no measure (none, or who gave the plan)."""
    return not words or MEASURE_NAMES_RX.match(" ".join(words)) is None


# "… trong khi lợi nhuận ròng vượt 20% kế hoạch năm": the measure named right before the
# verb and the percentage of a plan that names none after it
_MEASURE_BEFORE = re.compile(
    rf"(?P<m>{MEASURE_NAMES_RX.pattern})"
    + fold_pattern(
        r"(?:\s+(?P<k>(?:trước|sau)\s+thuế|ròng|thuần|gộp))?\s+(?:đã\s+|cũng\s+)?"
        r"(?:vượt|đạt|hoàn\s+thành|bằng)(?:\s+(?:mức|khoảng|gần|hơn|trên))?\s*$"
    )
)


# "… 20% kế hoạch năm", "… 20% chỉ tiêu năm 2025", "… 20% dự toán tỉnh giao": the plan's
# word, its year and who gave it, no measure
_PLAN_OF_YEAR_END = rx(
    rf"\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}"
    r"(?:\s+(?:cả\s+)?năm(?:\s+\d{4})?)?(?:(?:\s+[^\W\d_]+){0,2}?\s+giao)?\s*$"
)


def _measure_before(s: LinkableStatement) -> str | None:
    """The measure named right before the verb of ``s``'s percentage, or None.

    The percentage is of a plan that names none after it (``lợi nhuận ròng vượt 20% kế
    hoạch năm``), the measure one of :data:`MEASURE_NAMES` in ``s``'s own words, and not a
    rate of it (``tỷ lệ giải ngân đạt 30% kế hoạch``: see
    :func:`~kpitools.extract.referred.link_referred_results`).
    """
    m = _before_match(s)
    return None if m is None else MEASURE_NAMES.get(" ".join(m.group("m").split()))


def _kind_before(s: LinkableStatement) -> str | None:
    """The kind written with the measure :func:`_measure_before` finds (``sau thuế``)."""
    m = _before_match(s)
    return None if m is None or m.group("k") is None else " ".join(m.group("k").split())


_RATE_BEFORE = rx(r"(?<!\w)(?:tỷ|tỉ)\s+lệ\s*$")


# "vượt chỉ tiêu lợi nhuận sau thuế 20%": the plan named by its measure before the percentage
_PLAN_MEASURE_BEFORE = re.compile(
    fold_pattern(
        r"(?<!\w)(?:vượt|đạt|hoàn\s+thành|bằng)\s+(?:mức\s+)?"
        rf"{PLAN_NOUNS}\s+"
    )
    + rf"(?P<m>{MEASURE_NAMES_RX.pattern})"
    + fold_pattern(r"(?:\s+(?P<k>(?:trước|sau)\s+thuế|ròng|thuần|gộp|hợp\s+nhất))?\s*$")
)

_NOTHING_AFTER = re.compile(r"\s*$")


def _before_match(s: LinkableStatement) -> re.Match[str] | None:
    folded = fold(s.text)
    at = folded.find(fold(s.stated)) if s.stated else -1
    after = at + len(fold(s.stated or ""))
    if at > 0 and _NOTHING_AFTER.match(folded, after):
        named = _PLAN_MEASURE_BEFORE.search(folded, 0, at)
        if named is not None:
            return named
    if at <= 0 or not _PLAN_OF_YEAR_END.match(folded, after):
        return None
    m = _MEASURE_BEFORE.search(folded, 0, at)
    return None if m is None or _RATE_BEFORE.search(folded, 0, m.start()) else m


def names(text: str, s: LinkableStatement, noun: str) -> bool:
    """Whether the clause that opens with ``s``'s figure names ``noun`` before it.

    Or a label does: ``- Doanh thu: hơn 900 tỷ đồng``, the measure before a colon that opens
    the figure's line (an item of a list).
    """
    if clause_names(text, s.start, noun):
        return True
    low = max(0, s.start - _LABEL_REACH)
    line = text.rfind("\n", low, s.start) + 1
    if line == 0 and low > 0:
        return False  # the line opens further back than a label reaches
    head = fold(text[line : s.start])
    m = _LABEL.match(head)
    return m is not None and noun_pattern(noun).fullmatch(" ".join(m.group(1).split())) is not None


# "- Doanh thu: hơn 900 tỷ đồng": a measure labelling the figure of its line
_LABEL = rx(r"^[\s\-–•*+]*([^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*:\s*(?:khoảng|gần|hơn|trên|đạt)?\s*$")

_LABEL_REACH = 60


def _plan_result(
    statements: Sequence[LinkableStatement],
    i: int,
    noun: str,
    text: str,
    kind: str | None = None,
    naming: Callable[[str, LinkableStatement, str], bool] | None = None,
) -> LinkableStatement | None:
    """The one result before ``statements[i]`` naming ``noun`` (no target of its own).

    None when there is none, or two with different figures (a quarter's and the year's).
    When none is named in its clause before it, one whose amount the noun follows (``đạt
    900 tỷ đồng doanh thu``) is taken, on the same terms.
    """
    if naming is None:
        named = _plan_result(statements, i, noun, text, kind, names)
        return named or _plan_result(statements, i, noun, text, kind, _named_right_after)
    s = statements[i]
    found: list[LinkableStatement] = []
    for c in statements[max(0, i - PLAN_RESULTS) : i][::-1]:
        if s.start - c.end > PLAN_WINDOW or _attained_apart(text, c, s):
            break
        if (
            isinstance(c.actual, Decimal)
            and c.target is None
            and c.stated_kind in (None, "growth")
            and naming(text, c, noun)
            and kind_fits(text, c, noun, kind)
            and _of_no_other(text, c, noun)
            and not _supposed(text, c.start)
            and not _plan_continued(text, c)
        ):
            found.append(c)
    if not found or not (len({c.actual for c in found}) == 1 or _cumulative_last(text, found)):
        return None
    return None if _other_kind_between(text, found[0], s, noun, kind) else found[0]


# "Năm 2041, công ty đặt mục tiêu doanh thu 900 tỷ đồng. Lợi nhuận trước thuế đạt 60 tỷ
# đồng, tăng 20% so với thực hiện năm 2040.": a plan set out, then a figure compared with a
# past year's result in the next sentence: the plan goes on, no result is stated
_OVER_DONE = rx(r"(?<!\w)so\s+với\s+(?:kết\s+quả\s+)?thực\s+hiện(?!\w)")
_SENTENCE_REACH = 400


def _plan_continued(text: str, c: LinkableStatement) -> bool:
    """Whether the figure of ``c`` goes on with a plan set out in the sentence before it.

    Its sentence compares it with a past result (``so với thực hiện năm 2040``) and the
    sentence before sets out a plan (``đặt mục tiêu``, ``lập kế hoạch``:
    :data:`~kpitools.extract.continued_plans.PLAN_SET_OUT`): a plan's figure, no result.
    """
    head = last_end(FULL_STOP, text, c.start, max(0, c.start - _SENTENCE_REACH))
    stop = FULL_STOP.search(text, c.end, c.end + _SENTENCE_REACH)
    if _OVER_DONE.search(fold(text[c.end : stop.start() if stop else c.end + 120])) is None:
        return False
    before = last_end(FULL_STOP, text, max(0, head - 1), max(0, head - _SENTENCE_REACH))
    return head > 0 and PLAN_SET_OUT.search(fold(text[before:head])) is not None


# "Nếu cộng cả khoản thu từ bán dự án, doanh thu đạt …": a sentence that opens on a condition
_IF_OPENS = rx(r"\W*nếu(?!\w)")

_SUPPOSED_WINDOW = 300


def _supposed(text: str, pos: int) -> bool:
    """Whether the sentence around ``pos`` opens on ``nếu``.

    A figure adjusted or supposed, not the result as reported (the opening looked for up to
    :data:`_SUPPOSED_WINDOW` characters back).
    """
    low = max(0, pos - _SUPPOSED_WINDOW)
    lead = fold(text[low:pos])
    head = clause_head(lead, len(lead), 0)
    return (head > 0 or low == 0) and _IF_OPENS.match(lead, head) is not None


# "Lũy kế 9 tháng, …", "Tính chung cả năm, …": a paragraph of cumulative figures
_CUMULATIVE_OPENING = rx(r"\W*(?:lũy\s+kế|luỹ\s+kế|tính\s+chung|cộng\s+dồn)(?!\w)")


def _cumulative_last(text: str, found: list[LinkableStatement]) -> bool:
    """Whether the nearest result ``found[0]`` is a cumulative one, the others before it.

    Its paragraph opens on cumulative figures (:data:`_CUMULATIVE_OPENING`) and the others,
    which differ, are all in paragraphs before it: ``Quý III, công ty lãi 40 tỷ đồng. ⏎ Lũy
    kế 9 tháng, … lợi nhuận đạt 95 tỷ đồng. … đạt 80% kế hoạch lợi nhuận năm``: the months to
    date meet the year's plan, not the quarter.
    """
    low = max(0, found[0].start - PLAN_WINDOW)  # a bounded look back: linear in the text
    para = text.rfind("\n", low, found[0].start) + 1
    if (para == 0 and low > 0) or not _CUMULATIVE_OPENING.match(fold(text[para : para + 40])):
        return False
    return all(c.end < para for c in found[1:])


def _attained_apart(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether ``c`` is a percentage of a plan in a paragraph before ``s``'s.

    ``… doanh nghiệp A đã hoàn thành 58% kế hoạch.`` and, a paragraph later, ``… doanh
    nghiệp B … hoàn thành 190% kế hoạch lợi nhuận``: the results written before the first
    paragraph's percentage are its, and a percentage of a later paragraph looks no further
    back.
    """
    return (
        c.stated_kind in ("attainment", "excess")
        and c.stated_percent is not None
        and "\n" in text[c.end : s.start]
    )


def _named_right_after(text: str, c: LinkableStatement, noun: str) -> bool:
    """Whether the money amount of ``c`` is followed by ``noun``.

    ``đạt 900 tỷ đồng doanh thu``: the measure the amount is of, though its clause names none
    before it.
    """
    low = max(0, c.start - 200)
    folded = fold(text[low : c.end + 60])
    a = next((x for x in amounts_in(folded, c.start - low, c.end - low)), None)
    if a is None or a.unit[1] not in MONEY_WORDS or folded[a.end : a.end + 1] != " ":
        return False
    named = MEASURE_NAMES_RX.match(folded, a.end + 1)
    return named is not None and noun_pattern(noun).match(named.group()) is not None


def _of_no_other(text: str, c: LinkableStatement, noun: str) -> bool:
    """Whether the result ``c``'s money amount is of no measure other than ``noun``.

    ``ghi nhận 120 tỷ đồng doanh thu và 9 tỷ đồng lợi nhuận``: the clause of 9 names
    ``doanh thu`` before it, but 9 is the profit named right after it.
    """
    low = max(0, c.start - 200)
    folded = fold(text[low : c.end + 60])
    a = next((x for x in amounts_in(folded, c.start - low, c.end - low)), None)
    return a is None or a.unit[1] not in MONEY_WORDS or _not_of_another(folded, a, noun)


def _other_kind_between(
    text: str, c: LinkableStatement, s: LinkableStatement, noun: str, kind: str | None
) -> bool:
    """Whether a plan of another kind may be meant than the result's.

    A plan of ``noun`` naming no kind sees, between the result ``c`` of one kind and
    itself, ``noun`` named with another kind (``doanh thu tài chính … 120 tỷ đồng …
    doanh thu thuần … hoàn thành 80% kế hoạch doanh thu``): which result the plan is of is
    then uncertain, and none is taken.
    """
    own = _clause_kind(text, c.start, noun)
    if kind is not None or own is None:
        return False
    between = fold(text[c.end : s.start])
    for m in noun_pattern(noun).finditer(between):
        k = MEASURE_KIND.match(between, m.end())
        if k is not None and " ".join(k.group(1).split()) != own:
            return True
    return False


def link_named_plans(
    statements: Sequence[LinkableStatement], text: str, *, money: bool = True
) -> list[LinkableStatement]:
    """The statements, each percentage of a named plan given the result it is of.

    A percentage of a plan named by what it counts ("đã thực hiện được 42% kế hoạch doanh
    thu"), without a result of its own, takes the result stated before it that names the
    same thing ("đạt doanh thu thuần gần 6.095 tỷ đồng"); the amount in brackets after the
    plan's name is its target ("46% mục tiêu doanh thu (38.185 tỷ đồng)").

    Only the nearest result (up to :data:`PLAN_RESULTS` statements and
    :data:`PLAN_WINDOW` characters before) whose own clause names the thing is taken; a
    result with a target or an attainment of its own is not. With ``money`` (the reading
    of money amounts, as in :func:`~kpitools.extract.extract_statements`), a money amount
    that is in no statement is taken too when it is the only one its clause names.
    """
    out = list(statements)
    ordered = sorted(statements, key=lambda c: c.start)
    scope = (ordered, [c.start for c in ordered])
    for i, s in enumerate(statements):
        if s.actual is not None or s.stated_kind not in ("attainment", "excess"):
            continue
        if isinstance(s.target, Decimal):  # the plan's amount, its name before it
            out[i] = _linked_to_amount(statements, i, text)
            bare = _bare_of_plan(s) if out[i] is s else None
            found = _named_link(statements, i, bare, text, scope, money) if bare else None
            if found is not None:
                out[i] = _agreeing(s, with_result(s, found[0], s.target))
            continue
        found = _named_link(statements, i, s, text, scope, money)
        if found is not None:
            out[i] = _agreeing(s, with_result(s, *found))
    return out


def _named_link(
    statements: Sequence[LinkableStatement],
    i: int,
    s: LinkableStatement,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    money: bool,
) -> tuple[LinkableStatement, Decimal | None] | None:
    """The result of ``s``, a percentage of a plan named by what it counts, or None.

    With the plan's amount in brackets after the name, if any (see :func:`link_named_plans`);
    ``s`` stands at ``statements[i]``.
    """
    named = _plan_noun(s, text)
    if named is None:
        return None
    noun, target, currency = named
    kind = (
        _kind_after(text, s.end, noun)
        or _written_plan_kind(statements, i, noun, text)
        or _kind_before(s)
    )
    c = _plan_result(statements, i, noun, text, kind)
    if c is not None and money:
        later = _later_result(s, c, noun, text, kind)
        c = None if later is c and _in_later_quarter(text, c, s) else later
    if c is None and money:
        c = _amount_result(s, noun, text, scope, kind)
        c = None if c is None or _of_later_quarter(text, c, s) else c
    if c is None or _done_of_other(text, c, s) or _converted_after(text, c):
        return None
    if _other_year_named(s, c) or _other_period(text, c, s):
        return None
    if kind is None and other_kind_before(text, c, s, noun):
        return None
    if target is not None and not same_currency(c.measure, f"x {currency or 'đồng'}"):
        target = None  # an amount of another currency, or for a count: not its target
    return c, target


def _other_period(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether the result ``c`` is of a period other than the percentage ``s``'s.

    A figure of the whole year for some months (:func:`~kpitools.extract.result_periods.
    year_figure_for_part`), one later quarter's for the months to date
    (:func:`~kpitools.extract.result_periods.quarter_before_months`).
    """
    return year_figure_for_part(text, c, s) or quarter_before_months(text, c, s)


def _other_year_named(s: LinkableStatement, c: LinkableStatement) -> bool:
    """Whether the words of the percentage ``s`` name a year other than its result ``c``'s.

    ``Theo đó, dù thấp hơn năm 2039, công ty vẫn vượt 28% mục tiêu doanh thu``: the year
    read for ``s`` is written in its own words and differs from the result's; which year the
    percentage is of is then uncertain, and no result is taken. A year the document gives
    both (none written in ``s``) keeps the link.
    """
    return (
        s.year is not None
        and c.year is not None
        and s.year != c.year
        and re.search(rf"(?<!\d){s.year}(?!\d)", s.text) is not None
    )


# "doanh thu hơn 81 triệu USD …, quy đổi … là 1.860 tỷ đồng", "116,3 triệu USD (~2.824 tỷ
# đồng)": a foreign amount, then the same in đồng in its sentence
_TO_DONG = rx(
    r"(?:(?<!\w)(?:tương\s+(?:đương|ứng)|quy\s+đổi)(?!\w)|\(\s*~)[^.;\n]{0,80}?"
    rf"(?:{NUM})\s*(?:nghìn\s+|ngàn\s+|triệu\s+)?(?:tỷ|tỉ)\s+đồng"
)
_CONVERSION_REACH = 160
"""How far (characters) after a foreign amount its value in đồng is looked for."""


def _converted_after(text: str, c: LinkableStatement) -> bool:
    """Whether ``c`` is a foreign amount whose value in đồng its sentence writes after it.

    Which of the two a plan's percentage is of is not said (precision first: neither).
    """
    if c.measure is None or c.measure.split()[-1] != "USD":
        return False
    after = text[c.end : c.end + _CONVERSION_REACH]
    stop = FULL_STOP.search(after)
    return _TO_DONG.search(fold(after[: stop.start() if stop else len(after)])) is not None


# "tỷ lệ giải ngân đạt", "khối lượng thực hiện đạt": what is done of a capital plan (the
# money paid out, the work done), named as the percentage's subject
_DONE_SUBJECT = rx(r"(?<!\w)(giải\s+ngân|khối\s+lượng)(?:\s+[^\W\d_]+){0,3}\s+(?:đạt|bằng)(?!\w)")


def _done_of_other(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether ``s`` is said of what is done of a plan that ``c``'s clause does not name.

    ``tỷ lệ giải ngân đạt 76,2% kế hoạch vốn``, ``khối lượng thực hiện ước đạt 100% kế
    hoạch vốn`` after ``có 37 tỷ đồng vốn đầu tư công``: the amount ``c`` is the capital, not
    the money paid out or the work done, whose amount is not written.
    """
    subjects = list(_DONE_SUBJECT.finditer(fold(s.text)))
    if not subjects:
        return False
    m = subjects[-1]  # the subject nearest the percentage
    low = max(0, c.start - 200)  # bounded looks back: linear in the text
    head = max(text.rfind(mark, low, c.start) + 1 for mark in (". ", ";", "\n"))
    head = max(head, low)
    return fold(" ".join(m.group(1).split())) not in " ".join(fold(text[head : c.end]).split())


def _in_later_quarter(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether the result ``c`` is one later quarter's and ``s`` is of the months to date.

    ``Riêng quý III, công ty lãi 40 tỷ đồng, tăng 5%. … Sau 9 tháng, công ty đạt 80% kế
    hoạch lợi nhuận``: ``c``'s sentence names a quarter after the first before it, and
    ``s``'s sentence names months to date
    (:data:`~kpitools.extract.result_periods.MONTHS_TO_DATE`) and no quarter. A percentage
    that names no period keeps the quarter's result.
    """
    low = max(0, c.start - 200)  # bounded looks back: linear in the text
    head = max(text.rfind(". ", low, c.start) + 1, text.rfind("\n", low, c.start) + 1, low)
    if not LATER_QUARTER.search(fold(text[head : c.start])):
        return False
    low = max(0, s.start - 200)
    head = max(text.rfind(". ", low, s.start) + 1, text.rfind("\n", low, s.start) + 1, low)
    own = fold(text[head : s.end])
    return bool(MONTHS_TO_DATE.search(own)) and not QUARTER.search(own)


def _of_later_quarter(text: str, c: LinkableStatement, s: LinkableStatement) -> bool:
    """Whether the amount ``c`` is of one quarter after the first, and ``s`` names none.

    ``Hợp tác xã có lãi 50 tỷ đồng quý IV; … lợi nhuận bằng 90% chỉ tiêu``: a percentage of
    a plan that names no part of the year is of the months to date, not of the last quarter
    alone; the quarter is sought in the amount's own clause (cut at ``,;.()`` and lines).
    """
    low = max(0, c.start - 80)
    window = fold(text[low : c.end + 30])
    start = max(0, *(window.rfind(m, 0, c.start - low) + 1 for m in CLAUSE_MARKS))
    ends = [i for i in (window.find(m, c.end - low) for m in CLAUSE_MARKS) if i >= 0]
    clause = window[start : min(ends, default=len(window))]
    return bool(LATER_QUARTER.search(clause)) and not PART_OF_YEAR.search(fold(s.text))


# "… 60% kế hoạch lợi nhuận 2.000 tỷ đồng": the percentage, then the name of its plan
_PERCENT_PLAN_NAME = rx(rf"%\s*(?:so\s+(?:với\s+)?)?{PLAN_NOUNS}(?!\w)")


def _bare_of_plan(s: LinkableStatement) -> LinkableStatement | None:
    """``s`` (a percentage, then its plan's name and amount) cut after the plan's name.

    ``hoàn thành 60% kế hoạch lợi nhuận 2.000 tỷ đồng`` read as ``hoàn thành 60% kế
    hoạch``: the bare percentage whose result :func:`link_named_plans` looks for by the
    measure named after it; None when the plan's amount comes before the percentage.
    """
    m = _PERCENT_PLAN_NAME.search(fold(s.text))
    if m is None or not s.stated or s.text.find(s.stated) > m.start():
        return None
    return dataclasses.replace(s, target=None, text=s.text[: m.end()], end=s.start + m.end())


def _written_plan_kind(
    statements: Sequence[LinkableStatement], i: int, noun: str, text: str
) -> str | None:
    """The kind of the plan of ``noun`` written before ``statements[i]``, when one is.

    ``đặt mục tiêu doanh thu 2.000 tỷ đồng và lợi nhuận trước thuế 300 tỷ đồng. … hoàn
    thành 46% kế hoạch lợi nhuận``: the plan meant is the pre-tax one, so the pre-tax
    result is its result, not the after-tax one beside it. Only when the target statements
    of ``noun`` up to :data:`PLAN_WINDOW` characters before give one kind.
    """
    s = statements[i]
    kinds = {
        _clause_kind(text, c.start, noun)
        for c in statements[max(0, i - PLAN_RESULTS) : i]
        if c.actual is None
        and isinstance(c.target, Decimal)
        and c.start < s.start
        and s.start - c.end <= PLAN_WINDOW
        and clause_names(text, c.start, noun)
    }
    return next(iter(kinds)) if len(kinds) == 1 else None


def _linked_to_amount(
    statements: Sequence[LinkableStatement], i: int, text: str
) -> LinkableStatement:
    """Statement ``i`` (an attainment of a plan amount named before it) with its result.

    The result is the nearest one naming the plan's noun, in the plan's currency; a
    percentage said of another plan ("…(440 tỷ đồng), cao hơn 5% so với kế hoạch") or an
    excess is left as it is.
    """
    s = statements[i]
    assert isinstance(s.target, Decimal)
    if s.stated_kind != "attainment" or _PLAN_END.search(fold(s.text)):
        return s
    noun = _plan_before(s, text)
    c = _plan_result(statements, i, noun, text) if noun else None
    if c is not None and same_currency(c.measure, s.measure):
        return _agreeing(s, with_result(s, c, s.target))
    return s


def _agreeing(s: LinkableStatement, linked: LinkableStatement) -> LinkableStatement:
    """The link, unless its figures disagree with the stated percentage.

    A result found by the word it names is weaker evidence than the report's own
    percentage, so a disagreement more likely means another result (another period) than a
    wrong report: precision first, ``s`` is kept as it was.
    """
    return s if linked.verdict in ("inconsistent", "truncated") else linked


def same_currency(a: str | None, b: str | None) -> bool:
    """Whether two measures are amounts of one currency (``tỷ đồng``, ``nghìn tỷ đồng``)."""
    return a is not None and b is not None and a.split()[-1] == b.split()[-1]


def _kind_after(text: str, pos: int, noun: str) -> str | None:
    """The kind given ``noun`` in the words after ``pos``.

    ``… vượt 5% mục tiêu| lợi nhuận trước thuế``: ``trước thuế``.
    """
    after = fold(text[pos : pos + 120])
    m = noun_pattern(noun).search(after)
    k = MEASURE_KIND.match(after, m.end()) if m else None
    return " ".join(k.group(1).split()) if k else None


def kind_fits(text: str, c: LinkableStatement, noun: str, kind: str | None) -> bool:
    """Whether the result ``c`` may be of a plan of ``noun`` of ``kind``.

    A plan of pre-tax profit takes no gross profit (``lợi nhuận gộp``); a plan or result
    naming no kind fits, but a plan of no kind takes no result of a measure its kind names
    apart (:data:`APART_KINDS`: ``doanh thu tài chính`` is no revenue).
    """
    got = _clause_kind(text, c.start, noun)
    return got is None or got == kind or (kind is None and got not in APART_KINDS)


def _clause_kind(text: str, pos: int, noun: str) -> str | None:
    """The kind the clause that ends at ``pos`` gives ``noun``.

    ``lợi nhuận gộp đạt 2.998 tỷ đồng``: ``gộp``; a result of another kind than the plan's
    is no result of it.
    """
    floor = max(0, pos - 200)
    start = max(floor, *(text.rfind(c, floor, pos) + 1 for c in CLAUSE_MARKS))
    clause = fold(text[start:pos])
    named = list(noun_pattern(noun).finditer(clause))
    k = MEASURE_KIND.match(clause, named[-1].end()) if named else None
    return " ".join(k.group(1).split()) if k else None


# "8.400 tỷ đồng (khoảng 0,33 tỷ USD)": the same amount in another currency, in brackets
_CONVERTED = rx(
    r"(?<!\w)(đồng|usd)\s*\(\s*(?:(?:khoảng|gần|hơn|trên|tương\s+(?:đương|ứng)(?:\s+với)?)\s+)?$"
)


def converted(folded: str, a: Amount) -> bool:
    """Whether the amount ``a`` is the one before it in another currency, in brackets."""
    m = _CONVERTED.search(folded, max(0, a.start - 40), a.start)
    return m is not None and m.group(1) != a.unit[1]


def _amount_result(
    s: LinkableStatement,
    noun: str,
    text: str,
    scope: tuple[Sequence[LinkableStatement], list[int]],
    kind: str | None = None,
) -> LinkableStatement | None:
    """The one money amount before ``s`` whose clause names ``noun``, read as a result.

    For a percentage of a named plan whose result is written with no percentage of its own
    (``lãi trước thuế gần 1.142 tỷ đồng (gấp đôi cùng kỳ). … 66% kế hoạch lợi nhuận``): an
    amount in the paragraph (up to :data:`PLAN_WINDOW` characters before), in no statement,
    not set out as a plan; None when there is none or two differ. Other words for the
    same measure count as its name (:data:`~kpitools.extract.amounts.MEASURE_SYNONYMS`). A
    paragraph that opens by
    referring back (``Với kết quả này, … hoàn thành 80% kế hoạch doanh thu``) reads the
    paragraph before it too; a plan of one kind (``lợi nhuận trước thuế``) takes no amount of
    another (``lợi nhuận sau thuế``).
    """
    floor = max(0, s.start - PLAN_WINDOW)
    low = max(floor, text.rfind("\n", floor, s.start) + 1)
    if low > floor and BACK_REFERENCE.match(fold(text[low : s.start])):
        end = floor + len(text[floor:low].rstrip())  # the paragraph before, past blank lines
        low = max(floor, text.rfind("\n", floor, end) + 1)
    elif _refers_back(text, low, s.start):
        low = floor  # "… Với kết quả đạt được sau 9 tháng, … 66% mục tiêu doanh thu"
    folded = fold(text[low : s.start])  # offsets within the window until the end
    found = [
        a
        for a in amounts_in(folded, 0, len(folded))
        if a.unit[1] in MONEY_WORDS
        and (
            clause_names(text, low + a.start, noun)
            or _named_after(folded, a, noun, kind)
            or _changed_to(text, low + a.start, noun)
        )
        and _not_of_another(folded, a, noun)
        and may_be_result(s, text, (low, folded), a, noun, kind)
        and covering_statement(*scope, shifted(a, low)) is None
    ]
    if len({a.value for a in found}) > 1 and _cumulative_amount_last(text, low, found):
        found = found[-1:]
    if not found or len({a.value for a in found}) != 1:
        return None
    return dataclasses.replace(as_result(s, found[-1], folded, low, text, noun), metric=None)


def may_be_result(
    s: LinkableStatement,
    text: str,
    window: tuple[int, str],
    a: Amount,
    noun: str,
    kind: str | None = None,
) -> bool:
    """Whether the money amount ``a``, of the measure ``noun``, may be ``s``'s result.

    ``window`` is ``(low, folded)``: the text folded from ``low`` up to ``s``'s start, which
    holds ``a``; whether ``a`` is of ``noun`` is the caller's to read (by the name before it,
    :func:`_not_of_another`, or by its place in a list said respectively). Not when of a
    kind that does not fit a plan of ``kind`` (:func:`_kind_fits_amount`: with no kind, none
    named apart, ``doanh thu tài chính``), set out or expected as a plan, expected when
    ``s`` is done (:func:`_expected_for_done`), one quarter's for months counted
    (:func:`_part_for_months`), supposed (``nếu …``), compared with, or of another period
    than the percentage's sentence (:func:`~kpitools.extract.amounts.same_period`).
    """
    low, folded = window
    return (
        _kind_fits_amount(folded, a, noun, kind)
        and not sets_out_plan(folded, a, 0, qualified=True)
        and not expected_in_plan(folded, a)
        and not _expected_for_done(folded, a, s)
        and not _part_for_months(folded, a)
        and not _supposed(text, low + a.start)
        and not compared_with(folded, a)
        and same_period(folded, a, (clause_head(folded, len(folded), 0), len(folded)))
    )


def _part_for_months(folded: str, a: Amount) -> bool:
    """Whether ``a`` is one quarter's or month's amount, the percentage one of months counted.

    ``Trong quý III, hãng ghi nhận doanh thu 410 tỷ đồng. Sau 9 tháng, hãng đã thực hiện được
    66% chỉ tiêu doanh thu năm.``: the percentage's sentence (the window ends at it) names
    months counted before it (``9 tháng``, ``nửa đầu năm``, ``lũy kế``), the amount's names
    one quarter or month before the amount and no months counted: the quarter's amount is no
    result of the nine months' percentage.
    """
    own = head_of_sentence(folded, len(folded))
    if not MONTHS_COUNTED.search(folded, own):
        return False
    head = head_of_sentence(folded, a.start)
    return (
        one_part_named(folded, head, a.start) is not None
        and MONTHS_COUNTED.search(folded, head, a.start) is None
    )


# "Kế hoạch năm 2031 được cổ đông thông qua tháng 4, doanh thu dự kiến đạt 900 tỷ đồng, lãi
# 60 tỷ đồng": a sentence that opens on a plan, its amounts expected
_PLAN_OPENS = rx(r"\W*(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu)(?!\w)")

_EXPECTED = rx(r"(?<!\w)dự\s+kiến(?!\w)")


def expected_in_plan(folded: str, a: Amount) -> bool:
    """Whether ``a`` follows ``dự kiến`` in a sentence that opens on a plan word.

    The plan's amounts, set out after the plan is named and called expected, never a result.
    """
    head = clause_head(folded, a.start, 0)
    return (
        _PLAN_OPENS.match(folded, head) is not None
        and _EXPECTED.search(folded, head, a.start) is not None
    )


# "Lợi nhuận sau thuế dự kiến đạt 90 tỷ đồng": an amount expected, by the verb right before it
_EXPECTED_VERB = rx(
    r"(?<!\w)dự\s+kiến\s+(?:sẽ\s+)?(?:đạt|là|ở\s+mức|lên|thu)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)
# a percentage said of what is to come or estimated ("dự kiến hoàn thành 105% kế hoạch")
_FORESEEN = rx(rf"(?<!\w)(?:{AIM_WORDS}|ước|sẽ)(?!\w)")


def _expected_for_done(folded: str, a: Amount, s: LinkableStatement) -> bool:
    """Whether ``a`` is an amount expected of a plan set out, and ``s`` a percentage done.

    ``Năm nay, hãng đặt mục tiêu doanh thu 4.100 tỷ đồng. Lãi sau thuế dự kiến đạt 150 tỷ
    đồng. Như vậy, sau quý II, hãng hoàn thành 8% kế hoạch lợi nhuận``: an amount expected
    (the verb right before it), in a sentence that goes on from one setting out a plan (a
    plan word in the sentence before it, in its paragraph), is the plan's, not the result
    the percentage is of. With no plan before it, an expected amount is an expected result
    (round 18); a percentage itself expected or estimated (``dự kiến hoàn thành``) may take
    it.
    """
    head = clause_head(folded, a.start, 0)
    if not _EXPECTED_VERB.search(folded, head, a.start) or _FORESEEN.search(fold(s.text)):
        return False
    line = folded.rfind("\n", 0, head) + 1
    before = clause_head(folded, max(line, head - 2), line)
    return head > line and PLAN_CUE.search(folded, before, head) is not None


def _cumulative_amount_last(text: str, low: int, found: list[Amount]) -> bool:
    """Whether the last amount of ``found`` (offsets from ``low``) is a cumulative one.

    As :func:`_cumulative_last` for results: its paragraph opens on cumulative figures and
    the other amounts are all in paragraphs before it.
    """
    last = low + found[-1].start
    floor = max(0, last - PLAN_WINDOW)  # a bounded look back: linear in the text
    para = text.rfind("\n", floor, last) + 1
    if (para == 0 and floor > 0) or not _CUMULATIVE_OPENING.match(fold(text[para : para + 40])):
        return False
    return all(low + a.end < para for a in found[:-1])


# "… giảm 25%, còn 50 tỷ đồng", "tăng mạnh 40% so với cùng kỳ, lên 900 tỷ đồng": the
# amount a measure changed to, in the clause after its change; round 126: or reached
# ("lợi nhuận sau thuế giảm 21%, đạt 134 tỷ đồng")
_CHANGED_TO = rx(
    rf"(?<!\w)(?:tăng|giảm|sụt)(?:\s+[^\W\d_]+)?\s+(?:{NUM})\s*%[^,;.\d]{{0,40}}?,\s*"
    r"(?:lên|xuống|còn|đạt)(?:\s+(?:mức|còn))?(?:\s+(?:khoảng|gần|hơn|trên))?\s*$"
)


def _changed_to(text: str, pos: int, noun: str) -> bool:
    """Whether the amount at ``pos`` is what the measure ``noun`` changed to.

    The measure is named in the clause of the change (``lợi nhuận ròng của xưởng giảm 25%,
    còn 50 tỷ đồng``), and the sentence names no plan before the change (``đặt kế hoạch
    doanh thu tăng 1%, đạt mức 2.900 tỷ đồng``: the plan's amount, round 126).
    """
    low = max(0, pos - 120)  # a bounded look back: linear in the text
    folded = fold(text[low:pos])
    m = _CHANGED_TO.search(folded)
    if m is None or PLAN_CUE.search(folded, head_of_sentence(folded, m.start()), m.start()):
        return False
    return clause_names(text, low + m.start(), noun)


def _named_after(folded: str, a: Amount, noun: str, kind: str | None) -> bool:
    """Whether the money amount ``a`` is followed right after by ``noun`` (or a synonym).

    Of a kind that fits a plan of ``kind`` (``mang về 80 tỷ đồng lợi nhuận sau thuế``), as
    :func:`_kind_fits_amount` fits a name before it.
    """
    m = MEASURE_NAMES_RX.match(folded, a.end + 1) if folded[a.end : a.end + 1] == " " else None
    if m is None or noun_pattern(noun).match(" ".join(m.group().split())) is None:
        return False
    k = MEASURE_KIND.match(folded, m.end())
    got = " ".join(k.group(1).split()) if k else None
    return got not in APART_KINDS if kind is None else got == kind


def _refers_back(text: str, low: int, pos: int) -> bool:
    """Whether the sentence before ``pos`` (in the paragraph from ``low``) refers back.

    A sentence inside a paragraph of plans that opens with ``Với kết quả …`` is about the
    results stated before the paragraph: up to :data:`PLAN_WINDOW` characters are read.
    """
    folded = fold(text[low:pos])
    heads = [m.end() for m in FULL_STOP.finditer(folded)]
    return bool(heads) and BACK_REFERENCE.match(folded[heads[-1] :]) is not None


def _kind_fits_amount(folded: str, a: Amount, noun: str, kind: str | None) -> bool:
    """Whether the amount ``a`` may be of a plan of ``noun`` of ``kind`` (see kind_fits).

    A plan of no kind takes no amount of a measure named apart by its kind
    (:data:`APART_KINDS`: ``doanh thu tài chính`` is financial income, not revenue).
    """
    floor = max(0, a.start - 200)
    start = max(floor, *(folded.rfind(m, floor, a.start) + 1 for m in CLAUSE_MARKS))
    named = list(noun_pattern(noun).finditer(folded, start, a.start))
    k = MEASURE_KIND.match(folded, named[-1].end()) if named else None
    if k is None:
        return True
    got = " ".join(k.group(1).split())
    return got not in APART_KINDS if kind is None else got == kind


def _later_result(
    s: LinkableStatement, c: LinkableStatement, noun: str, text: str, kind: str | None = None
) -> LinkableStatement | None:
    """The result of ``noun`` nearest before the percentage ``s``, when not ``c``.

    ``c`` is the nearest statement naming ``noun``; a money amount written after it that
    names the same measure is a later figure of it (``doanh thu quý IV đạt 120 tỷ đồng …
    Lũy kế cả năm, doanh thu đạt 450 tỷ đồng … hoàn thành 90% kế hoạch doanh thu``: the
    year's plan is met by the cumulative 450, not by the quarter's 120). That amount is the
    result when it is the only value; None when two differ; ``c`` when there is none.
    An amount names the measure written right after it (``450 tỷ đồng doanh thu``), else
    the last measure named before it in its clause.
    """
    folded = fold(text[c.end : s.start])
    found = {
        a.value: a
        for a in amounts_in(folded, 0, len(folded))
        if a.unit[1] in MONEY_WORDS
        and a.value != c.actual
        and _amount_names(folded, a, noun)
        and _kind_fits_amount(folded, a, noun, kind)
        and not sets_out_plan(folded, a, 0, qualified=True)
        and not compared_with(folded, a)
        and not converted(folded, a)
    }
    if not found:
        return c
    if len(found) != 1:
        return None
    a = next(iter(found.values()))
    return dataclasses.replace(as_result(s, a, folded, c.end, text, noun), metric=None)


def _amount_names(folded: str, a: Amount, noun: str) -> bool:
    """Whether the money amount ``a`` of ``folded`` is of the measure ``noun``."""
    named = measure_of_amount(folded, a)
    if named is None:
        return False
    return MEASURE_NAMES.get(" ".join(named.split())) == noun or bool(
        noun_pattern(noun).match(named)
    )  # "tổng doanh thu": another name of the same measure


def _not_of_another(folded: str, a: Amount, noun: str) -> bool:
    """Whether the amount ``a`` is of no measure other than ``noun`` (see above)."""
    named = measure_of_amount(folded, a)
    if named is None or MEASURE_NAMES.get(" ".join(named.split())) == noun:
        return True  # "tổng thu ngân sách": another name of the same measure
    return noun_pattern(noun).match(named) is not None
