"""Round 27: a second robustness sweep, of the economy and public finance. Each family of
statement that real report text holds most — a company's period result against its year
plan, budget revenue against its estimates, public investment disbursed against its capital
plan, part-year amounts beside the year's plan, rates against target rates, tourism against
the year's plan — is GENERATED here with hypothesis (numbers in Vietnamese formats, money
scales, measures, periods and years, subjects, verbs, where the plan is written, NFC and NFD),
with the statements each case must give, and negative variants that must give no claim (a
plan alone, a growth alone, another measure's amount beside a plan, a share of a total, a
previous year's figure). The cases are read by the real extractor and compared with
``test_round26.mismatch`` (same statements in NFD, no claim beyond the wanted ones, no false
alarm).

All text is invented. The runs are deterministic (``derandomize=True``); to explore with many
more examples set ``KPI_R27_EXAMPLES`` (e.g. ``KPI_R27_EXAMPLES=1000``) and optionally
``KPI_R27_SEED``.

Narrowed on purpose (ambiguous or out of scope, not forced):

* a company is a subject, not a unit of the registry: its statements are checked by their
  figures, year, as-of and measure, not by a unit;
* a plan written in another sentence names the measure its result names (``kế hoạch doanh
  thu``), as the linking rule requires; a plan of a bare ``kế hoạch năm`` with two measures
  in its sentence is not generated;
* a percentage with no plan written (``đạt 69% kế hoạch năm``) wants its implied target only.
"""

from __future__ import annotations

import os
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reading import find
from test_round26 import (
    Case,
    Want,
    fmt_int,
    fmt_pct,
    mismatch,
    percent_of,
    read_right,
    sweep_settings,
)

D = Decimal
EXAMPLES = int(os.environ.get("KPI_R27_EXAMPLES", "0"))
SEED = os.environ.get("KPI_R27_SEED")
BILLION = D(10) ** 9


# --------------------------------------------------------------------------- the pieces


def fmt_dec(x: Decimal, dots: bool = True) -> str:
    """``1.380,5`` (dotted thousands, a decimal comma) or ``1380,5``."""
    whole, _, frac = f"{x:f}".partition(".")
    head = fmt_int(int(whole), dots)
    frac = frac.rstrip("0")
    return f"{head},{frac}" if frac else head


@st.composite
def billions(draw: st.DrawFn, lo: int = 50, hi: int = 60000) -> Decimal:
    """An amount in tỷ đồng, whole or with one decimal."""
    n = D(draw(st.integers(lo, hi)))
    return n + D(draw(st.integers(0, 9))) / 10 if draw(st.booleans()) else n


@st.composite
def written_amount(draw: st.DrawFn, amount: Decimal, usd: bool = False) -> tuple[str, Decimal, str]:
    """(text, value in đồng, measure) of an amount in tỷ đồng: ``1.380 tỷ đồng``, ``1380 tỷ
    đồng`` or, for a whole hundred of billions from a thousand on, ``1,4 nghìn tỷ đồng``;
    with ``usd``, a tenth of it in ``triệu USD`` (value in USD)."""
    if usd:
        return f"{fmt_dec(amount / 10, draw(st.booleans()))} triệu USD", amount * 10**5, "triệu USD"
    if amount >= 1000 and amount % 100 == 0 and draw(st.booleans()):
        return f"{fmt_dec(amount / 1000)} nghìn tỷ đồng", amount * BILLION, "nghìn tỷ đồng"
    return f"{fmt_dec(amount, draw(st.booleans()))} tỷ đồng", amount * BILLION, "tỷ đồng"


def _percent(a: Decimal, t: Decimal, draw: st.DrawFn) -> Decimal:
    return percent_of(a, t, draw(st.sampled_from([0, 1, 1, 2])))  # type: ignore[arg-type]


def _implied(a: Decimal, p: Decimal) -> Decimal:
    return (a * 100 / p).quantize(D("0.01"), rounding=ROUND_HALF_UP)


COMPANIES = st.sampled_from(
    [
        "Công ty CP Vận tải Sao Mai (HOSE: SMV)",
        "Công ty CP Nhựa Tân Tiến (HNX: NTT)",
        "Tập đoàn Đông Dương",
        "Tổng công ty Sông Lam",
        "Công ty cổ phần Thủy sản Bến Hải (UPCoM: BHF)",
        "Ngân hàng TMCP Phú Thịnh",
    ]
)
MEASURES = st.sampled_from(["doanh thu", "lợi nhuận trước thuế", "lợi nhuận sau thuế"])
YEARS = st.sampled_from([2023, 2024, 2025, 2026])
#: (as written, the as-of month, or None for the whole year)
PERIODS = st.sampled_from(
    [
        ("quý III/{y}", 9),
        ("6 tháng đầu năm {y}", 6),
        ("9 tháng năm {y}", 9),
        ("9 tháng đầu năm {y}", 9),
        ("năm {y}", None),
    ]
)
PROVINCES = st.sampled_from(
    ["tỉnh Tân Lập", "tỉnh Đông Khê", "thành phố Hòa Xuân", "tỉnh Kim Đường", "toàn tỉnh"]
)


#: what stands between a plan's sentence and its result's: a space, a paragraph break, a
#: sentence of other matters
GAPS = st.sampled_from(
    [
        " ",
        "\n\n",
        " Công tác an toàn lao động được chú trọng. ",
        "\n\nTình hình thị trường còn nhiều khó khăn.\n\n",
    ]
)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


# --------------------------------------------------------------------------- 1. company results


#: the sentences of a company's result (period, measure, company, amount, the rest)
COMPANY_FORMS = (
    "{P}, {who} đạt {m} {a}, {rest}.",
    "{M} {p} của {who} đạt {a}, {rest}.",
    "Lũy kế {p}, {m} của {who} ước đạt {a}, {rest}.",
    "{who} công bố {m} {p} đạt {a}, {rest}.",
)


@st.composite
def company_result(draw: st.DrawFn) -> Case:
    """A company's period result against its year plan: the plan in brackets, in the
    sentence before, or only implied by the percentage; ``hoàn thành``, ``thực hiện được``,
    ``đạt``, ``vượt`` (an excess); a growth over the same period beside it or not."""
    who, measure, year = draw(COMPANIES), draw(MEASURES), draw(YEARS)
    period, month = draw(PERIODS)
    period = period.format(y=year)
    t = draw(billions(100, 50000))
    excess = month is None and draw(st.booleans())
    lo = t * D("1.01") if excess else t * D("0.2")
    a = (t * D(draw(st.integers(int(lo * 100 / t), 250 if excess else 140))) / 100).quantize(
        D("0.1")
    )
    if a <= 0 or (excess and a <= t):
        a = t * 2
    usd = measure == "doanh thu" and draw(st.integers(0, 3)) == 0
    a_text, a_val, a_measure = draw(written_amount(a, usd))
    t_text, t_val, _ = draw(written_amount(t, usd))
    p = _percent(a, t, draw)
    where = draw(st.sampled_from(["implied", "brackets", "before", "after"]))
    growth = draw(st.booleans())
    g = D(draw(st.integers(1, 400))) / 10
    plan = draw(st.sampled_from(["kế hoạch năm", "kế hoạch", "kế hoạch ĐHĐCĐ giao", "mục tiêu"]))
    if where in ("before", "after") or plan == "mục tiêu":
        plan = draw(st.sampled_from([f"kế hoạch {measure}", f"mục tiêu {measure}"]))
    # a stated figure well off its figures, when the plan is in its own sentence: flagged
    # (narrowed: with a growth beside it, a bracketed plan is paired only when the figures
    # fit the percentage, so an off one stays unpaired and unflagged — not generated)
    off = where == "brackets" and not growth and draw(st.integers(0, 3)) == 0
    if excess:
        p = _percent(a, t, draw) - 100
        if off:
            p += D(draw(st.integers(3, 30)))
        said = f"vượt {fmt_pct(p)}% {plan}"
        kind = "excess"
    else:
        verb = draw(st.sampled_from(["hoàn thành", "thực hiện được", "đạt", "bằng"]))
        if off:
            p = p + D(draw(st.integers(3, 30))) if p < 60 else p - D(draw(st.integers(3, 30)))
        said = f"{verb} {fmt_pct(p)}% {plan}"
        kind = "attainment"
    if where == "brackets":
        said += f" ({t_text})"
        if measure == "doanh thu" and draw(st.booleans()):  # another measure's plan: no claim
            said += f" và đạt {fmt_pct(D(draw(st.integers(300, 1500))) / 10)}% kế hoạch lợi nhuận"
    base = draw(st.sampled_from(["cùng kỳ", "cùng kỳ năm trước", f"cùng kỳ năm {year - 1}"]))
    grown = f"tăng {fmt_pct(g)}% so với {base}, " if growth else ""
    form = draw(st.integers(0, 3))
    if where == "implied" and not off and draw(st.integers(0, 3)) == 0:
        a_text = draw(st.sampled_from(["hơn ", "gần ", "khoảng ", "trên "])) + a_text
    sentence = COMPANY_FORMS[form].format(
        P=_cap(period), p=period, M=_cap(measure), m=measure, who=who, a=a_text, rest=grown + said
    )
    text = sentence
    set_by = draw(st.sampled_from(["đặt kế hoạch", "đặt mục tiêu", "đề ra kế hoạch"]))
    if where == "before":
        text = f"Năm {year}, {who} {set_by} {measure} {t_text}." + draw(GAPS) + sentence
    elif where == "after":
        text = sentence + draw(GAPS) + f"Năm {year}, công ty {set_by} {measure} {t_text}."
    if where == "implied" and month is None and draw(st.booleans()):
        # next year's plan after a year's result: another year's, never this result's target
        text = sentence + draw(GAPS) + f"Năm {year + 1}, công ty {set_by} {measure} {t_text}."
    target = None if where == "implied" else t_val
    implied = _implied(a_val, p + 100 if excess else p) if target is None else None
    verdict = "inconsistent" if off else None
    wants = [
        Want(a_val, target, p, kind, implied=implied, verdict=verdict, year=year, measure=a_measure)
    ]
    if growth:
        wants.append(Want(a_val, None, g, "growth", year=year))
    return Case(text, tuple(wants), frozenset({f"{fmt_pct(p)}%"}) if off else frozenset())


# --------------------------------------------------------------------------- 2. budget revenue


@st.composite
def budget_revenue(draw: st.DrawFn) -> Case:
    """``thu ngân sách … đạt A tỷ đồng, bằng P1% dự toán Trung ương giao, P2% dự toán HĐND
    tỉnh giao``: two attainments, each with its derived target (or one estimate)."""
    where, year = draw(PROVINCES), draw(YEARS)
    a = draw(billions(500, 90000))
    a_text, a_val, a_measure = draw(written_amount(a))
    p1 = D(draw(st.integers(600, 1600))) / 10
    p2 = D(draw(st.integers(600, 1600))) / 10
    head = draw(
        st.sampled_from(
            [
                "Năm {y}, tổng thu ngân sách nhà nước trên địa bàn {w} đạt",
                "Thu ngân sách nhà nước trên địa bàn {w} năm {y} ước đạt",
                "Năm {y}, thu ngân sách của {w} được",
                "Năm {y}, thu nội địa của {w} đạt",
                "Tổng thu ngân sách nhà nước trên địa bàn {w} 9 tháng đầu năm {y} đạt",
            ]
        )
    ).format(y=year, w=where)
    if draw(st.booleans()):  # a growth between the amount and its attainments
        a_text += f", tăng {fmt_pct(D(draw(st.integers(1, 400))) / 10)}% so với cùng kỳ"
    two = draw(st.booleans())
    sep = draw(st.sampled_from([", ", ", bằng ", " và "]))
    first = draw(st.sampled_from(["bằng", "đạt"]))
    said = f"{first} {fmt_pct(p1)}% dự toán Trung ương giao"
    if draw(st.integers(0, 3)) == 0:  # the estimate in brackets after it
        t1 = (a * 100 / p1).quantize(D("1"))
        t1_text, t1_val, _ = draw(written_amount(t1))
        p1 = _percent(a, t1, draw)
        said = f"{first} {fmt_pct(p1)}% dự toán Trung ương giao ({t1_text})"
        sep = " và "  # narrowed: "(523 tỷ đồng), 66,5% dự toán …" (a bare comma) is not read
        known = Want(a_val, t1_val, p1, "attainment", year=year)
    else:
        known = Want(a_val, None, p1, "attainment", implied=_implied(a_val, p1), year=year)
    if two:
        said += f"{sep}{fmt_pct(p2)}% dự toán HĐND tỉnh giao"
    text = f"{head} {a_text}, {said}."
    if not two and draw(st.booleans()):  # the estimate written in the sentence before
        t = (a * 100 / p1).quantize(D("1"))
        t_text, t_val, _ = draw(written_amount(t))
        p1 = _percent(a, t, draw)
        of = "thu nội địa" if "nội địa" in head else "thu ngân sách nhà nước"
        text = (
            f"Dự toán {of} năm {year} của {where} là {t_text}."
            + draw(GAPS)
            + f"{head} {a_text}, {first} {fmt_pct(p1)}% dự toán."
        )
        return Case(text, (Want(a_val, t_val, p1, "attainment", year=year),))
    wants = [known]
    if two:
        wants.append(Want(a_val, None, p2, "attainment", implied=_implied(a_val, p2), year=year))
    del a_measure
    return Case(text, tuple(wants))


# --------------------------------------------------------------------------- 3. disbursement


@st.composite
def disbursement(draw: st.DrawFn) -> Case:
    """``giải ngân … A tỷ đồng, đạt P% kế hoạch vốn (Thủ tướng Chính phủ) giao``, the plan
    amount in the sentence before or not written (derived)."""
    where, year = draw(PROVINCES), draw(YEARS)
    t = draw(billions(500, 40000))
    a = (t * D(draw(st.integers(10, 100))) / 100).quantize(D("0.1"))
    a_text, a_val, _ = draw(written_amount(a))
    t_text, t_val, _ = draw(written_amount(t))
    p = _percent(a, t, draw)
    giver = draw(st.sampled_from(["", " Thủ tướng Chính phủ", " Thủ tướng"]))
    plan = f"kế hoạch vốn{giver} giao"
    day = draw(st.sampled_from([f"Đến ngày 30/9/{year}", f"Tính đến hết tháng 10/{year}"]))
    verb = draw(st.sampled_from(["giải ngân được", "đã giải ngân", "giải ngân"]))
    text = f"{day}, {where} {verb} vốn đầu tư công {a_text}, đạt {fmt_pct(p)}% {plan}."
    if draw(st.integers(0, 3)) == 0:  # the rate named: "tỷ lệ giải ngân đạt P%"
        text = (
            f"{day}, {where} {verb} vốn đầu tư công {a_text}, tỷ lệ giải ngân đạt "
            f"{fmt_pct(p)}% {plan}."
        )
    written = draw(st.booleans())
    if written:
        text = (
            f"Năm {year}, tổng kế hoạch vốn đầu tư công{giver} giao cho {where} là "
            f"{t_text}." + draw(GAPS) + text
        )
    want = Want(
        a_val,
        t_val if written else None,
        p,
        "attainment",
        implied=None if written else _implied(a_val, p),
        year=year,
    )
    return Case(text, (want,))


# --------------------------------------------------------------------------- 4. part-year


@st.composite
def part_year(draw: st.DrawFn) -> Case:
    """A part-year amount beside the year's plan with no percentage: a statement of the
    amount against the plan (the evaluation set's rule on part-year amounts)."""
    who, measure, year = draw(COMPANIES), draw(MEASURES), draw(YEARS)
    period, _ = draw(PERIODS.filter(lambda p: p[1] is not None))
    period = period.format(y=year)
    t = draw(billions(100, 50000))
    a = (t * D(draw(st.integers(10, 95))) / 100).quantize(D("0.1"))
    a_text, a_val, _ = draw(written_amount(a))
    t_text, t_val, _ = draw(written_amount(t))
    plan = draw(st.sampled_from(["đặt kế hoạch", "đặt mục tiêu", "đề ra kế hoạch"]))
    result = (
        f"{_cap(period)}, {measure} của {draw(st.sampled_from(['công ty', who]))} đạt {a_text}."
    )
    text = f"Năm {year}, {who} {plan} {measure} {t_text}." + draw(GAPS) + result
    if draw(st.booleans()):  # the year's plan after the part-year result
        text = result + draw(GAPS) + f"Năm {year}, công ty {plan} {measure} {t_text}."
    return Case(text, (Want(a_val, t_val, year=year),))


# --------------------------------------------------------------------------- 5. rates


@st.composite
def rates(draw: st.DrawFn) -> Case:
    """A rate against its target rate: GRDP growth ``ước đạt 8,2%, vượt mục tiêu 8%``,
    a coverage ``đạt 95,2%, vượt chỉ tiêu 95%``, a growth against a planned range."""
    year = draw(YEARS)
    kind = draw(st.sampled_from(["growth", "coverage", "range"]))
    target = D(draw(st.integers(50, 99 if kind == "coverage" else 110))) / 10
    if kind == "coverage":
        target = D(draw(st.integers(80, 98)))
    above = draw(st.booleans())
    step = D(draw(st.integers(1, 9))) / 10
    rate = target + step if above else target - step
    word = "vượt" if above else "thấp hơn"
    goal = draw(
        st.sampled_from(
            ["mục tiêu", "chỉ tiêu", "kế hoạch", "mục tiêu đề ra", "chỉ tiêu được giao"]
        )
    )
    if kind == "growth":
        said = draw(st.sampled_from(["{g} {t}%", "{g} ({t}%)"])).format(g=goal, t=fmt_pct(target))
        what = draw(
            st.sampled_from(
                [
                    "Tốc độ tăng trưởng kinh tế (GRDP) năm {y} ước đạt",
                    "Năm {y}, tăng trưởng kinh tế của {w} đạt",
                    "Năm {y}, GRDP của {w} tăng",
                ]
            )
        ).format(y=year, w=draw(PROVINCES))
        text = f"{what} {fmt_pct(rate)}%, {word} {said}."
        return Case(text, (Want(rate, target, year=year, measure="%"),))
    if kind == "coverage":
        what = draw(
            st.sampled_from(
                ["Tỷ lệ bao phủ bảo hiểm y tế", "Tỷ lệ hộ dân dùng nước sạch", "Tỷ lệ trẻ em"]
            )
        )
        said = draw(st.sampled_from(["{g} {t}%", "{g} ({t}%)"])).format(g=goal, t=fmt_pct(target))
        text = f"Năm {year}, {what.lower()} đạt {fmt_pct(rate)}%, {word} {said}."
        return Case(text, (Want(rate, target, year=year, measure="%"),))
    high = target + D(draw(st.integers(1, 10))) / 10
    rate = target - step if not above else high + step
    dash = draw(st.sampled_from(["-", " - ", "–"]))
    text = (
        f"Năm {year}, GRDP của {draw(PROVINCES)} tăng {fmt_pct(rate)}% ({goal} tăng "
        f"{fmt_pct(target)}{dash}{fmt_pct(high)}%)."
    )
    return Case(text, (Want(rate, (target, high), year=year, measure="%"),))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- 6. tourism


@st.composite
def tourism(draw: st.DrawFn) -> Case:
    """Visitors (``lượt khách``, ``triệu lượt``) and tourism revenue against the year's plan."""
    where, year = draw(PROVINCES), draw(YEARS)
    period, _ = draw(PERIODS)
    period = period.format(y=year)
    millions = D(draw(st.integers(5, 400))) / 10
    p = D(draw(st.integers(300, 1400))) / 10
    visitors = f"{fmt_dec(millions)} triệu lượt khách"
    value = millions * 10**6
    if draw(st.booleans()):  # a count in full: "1.250.000 lượt khách", "khách quốc tế"
        value = D(draw(st.integers(20, 4000))) * 1000
        who = draw(st.sampled_from(["lượt khách", "lượt khách quốc tế", "lượt du khách"]))
        visitors = f"{fmt_int(int(value), True)} {who}"
    plan = draw(st.sampled_from(["kế hoạch năm", "kế hoạch", "kế hoạch năm " + str(year)]))
    wants = [Want(value, None, p, "attainment", implied=_implied(value, p), year=year)]
    text = f"{_cap(period)}, {where} đón {visitors}, đạt {fmt_pct(p)}% {plan}"
    if draw(st.booleans()):  # the year's aim written in the sentence before
        aim = D(draw(st.integers(10, 500))) / 10
        p = percent_of(value, aim * 10**6, draw(st.sampled_from([0, 1, 2])))  # type: ignore[arg-type]
        text = (
            f"Năm {year}, {where} đặt mục tiêu đón {fmt_dec(aim)} triệu lượt khách. "
            f"{_cap(period)}, {where} đón {visitors}, đạt {fmt_pct(p)}% kế hoạch năm"
        )
        wants = [Want(value, aim * 10**6, p, "attainment", year=year)]
    if draw(st.booleans()):
        r = draw(billions(200, 90000))
        r_text, r_val, _ = draw(written_amount(r))
        q = D(draw(st.integers(300, 1400))) / 10
        text += f"; tổng thu từ du lịch đạt {r_text}, bằng {fmt_pct(q)}% kế hoạch"
        wants.append(Want(r_val, None, q, "attainment", implied=_implied(r_val, q), year=year))
    return Case(text + ".", tuple(wants))


# --------------------------------------------------------------------------- negatives


@st.composite
def no_claim(draw: st.DrawFn) -> Case:
    """Text that gives no claim: a plan alone, a growth alone, another measure's amount
    beside a plan, a share of a total, a previous year's figure beside this year's plan (a
    company's revenue, a province's visitors, capital disbursed)."""
    who, year = draw(COMPANIES), draw(YEARS)
    t_text, _, _ = draw(written_amount(draw(billions(100, 50000))))
    a_text, _, _ = draw(written_amount(draw(billions(100, 50000))))
    g = D(draw(st.integers(1, 400))) / 10
    period, _ = draw(PERIODS)
    period = _cap(period.format(y=year))
    form = draw(st.integers(0, 9))
    if form == 8:  # last year's visitors beside this year's aim
        m1, m2 = (D(draw(st.integers(5, 400))) / 10 for _ in range(2))
        where = draw(PROVINCES)
        text = (
            f"Năm {year - 1}, {where} đón {fmt_dec(m1)} triệu lượt khách.{draw(GAPS)}Năm {year}, "
            f"{where} đặt mục tiêu đón {fmt_dec(m2)} triệu lượt khách."
        )
    elif form == 9:  # this year's capital disbursed beside next year's plan
        where = draw(PROVINCES)
        text = (
            f"Năm {year}, giải ngân vốn đầu tư công của {where} đạt {a_text}.{draw(GAPS)}Năm "
            f"{year + 1}, kế hoạch vốn đầu tư công của {where} là {t_text}."
        )
    elif form == 6:
        text = (
            f"Năm {year}, {who} đặt kế hoạch doanh thu {t_text}, tăng {fmt_pct(g)}% so với "
            "thực hiện năm trước."
        )
    elif form == 7:
        text = (
            f"Năm {year - 1}, doanh thu của {who} đạt {a_text}. Năm {year}, công ty đặt mục "
            f"tiêu doanh thu {t_text}, tăng {fmt_pct(g)}%."
        )
    elif form in (3, 5):  # a share of a province's or a company's total
        share = D(draw(st.integers(50, 900))) / 10
        part, whole = (
            (f"thu nội địa của {draw(PROVINCES)}", "tổng thu ngân sách")
            if form == 3
            else (f"doanh thu xuất khẩu của {who}", "tổng doanh thu")
        )
        text = f"{period}, {part} đạt {a_text}, chiếm {fmt_pct(share)}% {whole}."
    elif form == 0:
        measure = draw(MEASURES)
        plan = draw(st.sampled_from(["đặt kế hoạch", "đặt mục tiêu", "phấn đấu đạt"]))
        text = f"Năm {year}, {who} {plan} {measure} {t_text}."
    elif form == 1:
        text = (
            f"{period}, {draw(MEASURES)} của {who} đạt {a_text}, tăng {fmt_pct(g)}% so với cùng kỳ."
        )
    elif form == 2:
        text = (
            f"Năm {year}, {who} đặt kế hoạch lợi nhuận trước thuế {t_text}. "
            f"{period}, doanh thu của công ty đạt {a_text}."
        )
    else:
        measure = draw(MEASURES)
        text = (
            f"Năm {year - 1}, {measure} của {who} đạt {a_text}. Năm {year}, công ty đặt kế "
            f"hoạch {measure} {t_text}."
        )
    return Case(text, ())


@st.composite
def two_measures(draw: st.DrawFn) -> Case:
    """A company's revenue and profit plans in one sentence, then each result with its
    percentage of ``kế hoạch`` (the plan of the measure its clause names)."""
    who, year = draw(COMPANIES), draw(YEARS)
    period, _ = draw(PERIODS)
    period = _cap(period.format(y=year))
    profit = draw(st.sampled_from(["lợi nhuận trước thuế", "lợi nhuận sau thuế"]))
    t1 = draw(billions(1000, 60000))
    t2 = (t1 * D(draw(st.integers(3, 20))) / 100).quantize(D("1"))
    a1 = (t1 * D(draw(st.integers(30, 130))) / 100).quantize(D("0.1"))
    a2 = (t2 * D(draw(st.integers(30, 130))) / 100).quantize(D("0.1"))
    texts = [draw(written_amount(x)) for x in (t1, t2, a1, a2)]
    p1, p2 = _percent(a1, t1, draw), _percent(a2, t2, draw)
    plan = draw(st.sampled_from(["kế hoạch", "kế hoạch năm"]))
    sep = draw(st.sampled_from(["; ", ". "]))
    second = f"{profit} đạt {texts[3][0]}, hoàn thành {fmt_pct(p2)}% {plan}"
    text = (
        f"Năm {year}, {who} đặt kế hoạch doanh thu {texts[0][0]} và {profit} {texts[1][0]}."
        + draw(GAPS)
        + f"{period}, doanh thu đạt {texts[2][0]}, hoàn thành {fmt_pct(p1)}% {plan}{sep}"
        + (_cap(second) if sep == ". " else second)
        + "."
    )
    wants = (
        Want(texts[2][1], texts[0][1], p1, "attainment", year=year),
        Want(texts[3][1], texts[1][1], p2, "attainment", year=year),
    )
    return Case(text, wants)


FAMILIES: dict[str, st.SearchStrategy[Case]] = {
    "1_company_result": company_result(),
    "2_budget_revenue": budget_revenue(),
    "3_disbursement": disbursement(),
    "4_part_year": part_year(),
    "5_rates": rates(),
    "6_tourism": tourism(),
    "7_no_claim": no_claim(),
    "8_two_measures": two_measures(),
}


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_generated_family_is_read_right(name: str) -> None:
    read_right(FAMILIES[name], sweep_settings(100, EXAMPLES, SEED))


# --------------------------------------------------------------------------- the rules, once each
# (invented examples; the generators above vary them)


def test_giao_chi_tieu_cho_a_unit_then_its_plain_verb_sets_the_target() -> None:
    text = (
        "Năm 2024, Thành ủy giao chỉ tiêu cho huyện Tân Lập kết nạp 150 đảng viên, kết quả "
        "đạt 160 đảng viên."
    )
    assert [(s.actual, s.target) for s in find(text)] == [(D(160), D(150))]
    said = "Năm 2024, Thành ủy giao chỉ tiêu cho huyện Tân Lập kết nạp được 150 đảng viên."
    assert [(s.actual, s.target) for s in find(said)] == [(D(150), None)]


def test_a_pair_with_its_noun_between_the_numbers() -> None:
    [s] = find("Năm 2024, xã Tân Lập kết nạp 45 đảng viên/50 chỉ tiêu, đạt 90%.")
    assert (s.metric, s.actual, s.target, s.stated_percent, s.verdict) == (
        "admissions",
        D(45),
        D(50),
        D(90),
        "consistent",
    )


def test_the_year_of_the_plan_after_a_percentage_is_the_statements() -> None:
    text = (
        "Năm 2024, công tác phát triển đảng viên được chú trọng. Xã Tân Lập kết nạp 55 đảng "
        "viên, đạt 110% kế hoạch năm 2025."
    )
    assert [s.year for s in find(text)] == [2025]
    own = text.replace("Xã Tân Lập", "Năm 2024 xã Tân Lập")
    assert [s.year for s in find(own)] == [2024]


def test_truoc_thue_is_no_comparison_of_the_time_after_it() -> None:
    [s] = find(
        "Lợi nhuận trước thuế 9 tháng năm 2025 của Tập đoàn Đông Dương đạt 450 tỷ đồng, "
        "bằng 75% kế hoạch năm (600 tỷ đồng)."
    )
    assert (s.year, str(s.as_of), s.actual, s.target) == (
        2025,
        "2025-09-30",
        450 * BILLION,
        600 * BILLION,
    )


def test_a_plan_of_profit_before_tax_and_a_quarters_profit_of_the_company() -> None:
    text = (
        "Năm 2025, Công ty CP Vận tải Sao Mai đặt kế hoạch lợi nhuận trước thuế 120 tỷ đồng. "
        "Quý III/2025, lợi nhuận trước thuế của công ty đạt 35 tỷ đồng."
    )
    assert [(s.actual, s.target) for s in find(text)] == [
        (None, 120 * BILLION),
        (35 * BILLION, 120 * BILLION),
    ]
    segment = text.replace("của công ty", "của công ty con")
    assert [(s.actual, s.target) for s in find(segment)] == [(None, 120 * BILLION)]


def test_a_growth_against_the_range_of_a_target_assigned() -> None:
    [s] = find("Năm 2025, GRDP của tỉnh Tân Lập tăng 8,6% (chỉ tiêu được giao tăng 8 - 8,5%).")
    assert (s.actual, s.target, s.measure) == (D("8.6"), (D(8), D("8.5")), "%")


def test_a_second_estimate_after_the_first_ones_amount_in_brackets() -> None:
    text = (
        "Năm 2024, thu ngân sách của tỉnh Tân Lập đạt 660 tỷ đồng, bằng 120% dự toán Trung "
        "ương giao (550 tỷ đồng) và 110% dự toán HĐND tỉnh giao."
    )
    assert [(s.actual, s.target, s.stated_percent, s.implied_target) for s in find(text)] == [
        (660 * BILLION, 550 * BILLION, D(120), None),
        (660 * BILLION, None, D(110), D("600000000000.00")),
    ]
    other = (
        "Năm 2024, doanh thu của Tập đoàn Đông Dương đạt 660 tỷ đồng, bằng 120% kế hoạch năm "
        "(550 tỷ đồng) và đạt 90% kế hoạch lợi nhuận."
    )  # the profit plan's percentage is of no result here (was: revenue against 550, 90 %)
    assert [(s.actual, s.target, s.stated_percent) for s in find(other)] == [
        (660 * BILLION, 550 * BILLION, D(120))
    ]


def test_a_disbursement_rate_after_the_capital_disbursed() -> None:
    text = (
        "Đến ngày 30/9/2025, tỉnh Tân Lập giải ngân vốn đầu tư công 300 tỷ đồng, tỷ lệ giải "
        "ngân đạt 60% kế hoạch vốn giao."
    )
    [s] = find(text)
    assert (s.actual, s.stated_percent, s.stated_kind, s.implied_target) == (
        300 * BILLION,
        D(60),
        "attainment",
        D("500000000000.00"),
    )


def test_a_capital_plan_assigned_to_a_unit_of_a_long_name() -> None:
    text = (
        "Năm 2024, tổng kế hoạch vốn đầu tư công Thủ tướng giao cho thành phố Kim Đường là "
        "500 tỷ đồng. Đến ngày 30/9/2024, thành phố Kim Đường giải ngân vốn đầu tư công 250 tỷ "
        "đồng, đạt 50% kế hoạch vốn Thủ tướng giao."
    )
    assert [(s.actual, s.target, s.verdict) for s in find(text) if s.actual] == [
        (250 * BILLION, 500 * BILLION, "consistent")
    ]


def test_a_tickers_colon_ends_no_clause() -> None:
    text = (
        "Năm 2025, Công ty CP Nhựa Tân Tiến (HNX: NTT) đặt kế hoạch lợi nhuận sau thuế 90 tỷ "
        "đồng. 6 tháng đầu năm 2025, lợi nhuận sau thuế của Công ty CP Nhựa Tân Tiến (HNX: "
        "NTT) đạt 40 tỷ đồng."
    )
    for form in ("NFC", "NFD"):
        found = find(unicodedata.normalize(form, text))
        assert [(s.actual, s.target) for s in found] == [
            (None, 90 * BILLION),
            (40 * BILLION, 90 * BILLION),
        ]


def test_the_next_measures_amount_of_a_plan_is_its_target() -> None:
    text = (
        "Năm 2023, Tập đoàn Đông Dương đặt kế hoạch doanh thu 1.000 tỷ đồng và lợi nhuận trước "
        "thuế 30 tỷ đồng. Quý III/2023, doanh thu đạt 300 tỷ đồng, hoàn thành 30% kế hoạch; "
        "lợi nhuận trước thuế đạt 9 tỷ đồng, hoàn thành 30% kế hoạch."
    )
    assert [(s.actual, s.target, s.verdict) for s in find(text) if s.actual] == [
        (300 * BILLION, 1000 * BILLION, "consistent"),
        (9 * BILLION, 30 * BILLION, "consistent"),
    ]


def shares(examples: int, seed: int) -> dict[str, float]:
    """The share of generated cases of each family read right (``mismatch`` is None), with
    ``examples`` cases a family from hypothesis seed ``seed``: the figures of the log."""
    from hypothesis import Phase
    from hypothesis import seed as seeded

    out: dict[str, float] = {}
    for name, strategy in FAMILIES.items():
        right: list[bool] = []

        @seeded(seed)
        @settings(
            max_examples=examples,
            phases=[Phase.generate],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def run(case: Case) -> None:
            right.append(mismatch(case) is None)  # noqa: B023 - run is called at once

        run()
        out[name] = sum(right) / len(right)
    return out


if __name__ == "__main__":  # python tests/unit/extract/test_round27.py 1000 27
    import sys

    for family, share in shares(int(sys.argv[1]), int(sys.argv[2])).items():
        print(f"{family}: {share:.3f}")
