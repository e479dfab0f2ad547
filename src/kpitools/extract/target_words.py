"""Targets set out for :mod:`kpitools.extract.figures`: the words before a figure that make
it a target, not a result (a plan or resolution that sets it out, a yearly norm or duty, a
plan drawn up with its forecasts, a sentence opening with ``Theo kế hoạch`` or ``Phấn
đấu,``), and a heading or assignment whose list items are each a unit's target.

:func:`sets_target` and :func:`heading_target` are called by
:func:`kpitools.extract.figures._describe`; the word patterns here are shared with the other
modules of the grammar.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kpitools.extract.text import NUM, PLAN_NOUNS, Doc
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.figures import Figure

# ------------------------------------------------------------------ words of a target set out

UPWARDS = rx(r"\s*trở\s+lên(?!\w)")
# "Nghị quyết Đại hội đề ra mỗi năm kết nạp 1.500 …", "được giao 400": a target set out
_SET_OUT = rx(
    # "bàn giao 12 căn hộ", "chuyển giao 3 dây chuyền": handed over, not assigned
    r"(?<!\w)(?:đề\s+ra|được\s+giao|(?<!bàn\s)(?<!chuyển\s)giao)"
    # "… giao cho thành phố Kim Đường là 500 tỷ đồng": a longer name before its copula
    r"(?:(?:\s+[^\W\d_]+){0,4}\s*(?:là|:)?|(?:\s+[^\W\d_]+){5,8}\s*(?:là|:))"
    r"(?:\s+(?:hơn|trên|gần|khoảng))?\s*$"
    # "thành phố giao xã Bình Hòa kết nạp 40 đảng viên": a unit given a count to admit or found
    r"|(?<!bàn\s)(?<!chuyển\s)(?<!\w)giao(?:\s+cho)?\s+(?:mỗi\s+|các\s+)?"
    r"(?:xã|phường|huyện|quận|thị\s+xã|thị\s+trấn|chi\s+bộ|đảng\s+bộ|đảng\s+ủy|đảng\s+uỷ)"
    r"(?:\s+[^\W\d_]+){0,4}?\s+(?:kết\s+nạp|phát\s+triển|thành\s+lập)(?:\s+mới)?"
    r"(?:\s+(?:hơn|trên|gần|khoảng|từ))?\s*$"
)
# "… phấn đấu kết nạp 600 đảng viên, mỗi năm 120": a yearly figure of a target sentence
_EACH_YEAR = rx(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?:\s+[^\W\d_]+){0,3}\s*(?:từ\s+)?$")
TARGET_CUE = rx(
    r"(?<!\w)(?:phấn\s+đấu|đề\s+ra|chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|nghị\s+quyết|"
    r"được\s+giao|giao)(?!\w)"
)
MET_STRICT = rx(r"(?<!\w)(?:đạt|vượt|hoàn\s+thành|kết\s+quả)(?!\w)")
# "…, hoàn thành vượt mức các chỉ tiêu đề ra. …", "nhiều chỉ tiêu đạt và vượt …": words before
# a list saying its items met or beat their targets
TARGETS_MET = rx(
    r"(?<!\w)(?:(?:đạt|vượt|hoàn\s+thành)(?:\s+(?:và|mức|vượt))*\s+(?:các|nhiều|hầu\s+hết)"
    r"\s+chỉ\s+tiêu|chỉ\s+tiêu(?:\s+[^\W\d_]+){0,3}\s+(?:đều\s+)?(?:đạt\s+và\s+)?vượt)(?!\w)"
)
MET_WORDS = rx(r"(?<!\w)(?:đạt|vượt|hoàn\s+thành|kết\s+quả|thực\s+hiện|được|qua)(?!\w)")
# nouns of counts that are no target even when a resolution sets them out ("Nghị quyết đề
# ra 25 chỉ tiêu", "3 khâu đột phá")
_COUNTED_PLANS = rx(
    r"(?:chỉ\s+tiêu|tiêu\s+chí|mục\s+tiêu|nhiệm\s+vụ|khâu|chương\s+trình|giải\s+pháp|"
    r"đột\s+phá|nội\s+dung)(?!\w)"
)
# "được giao 300 chỉ tiêu tuyển sinh": places of an intake, a quota of people (not indicators)
_INTAKE_PLACES = rx(
    r"chỉ\s+tiêu\s+(?:tuyển\s+sinh|tuyển\s+quân|giao\s+quân|nhập\s+ngũ|kết\s+nạp|đào\s+tạo)(?!\w)"
)
# the verb a target of members written with none means (``chỉ tiêu … là 25 đảng viên``: to
# develop, i.e. admit, 25), appended to the clause a phrase book reads (folded)
MEMBERS_DEVELOPED = " " + fold("phát triển")
# a count held, not developed: "mục tiêu tổng số đảng viên là …", "có 900 đảng viên"
COUNT_HELD = rx(r"(?<!\w)(?:tổng|số\s+lượng|có|quy\s+mô)(?!\w)")
STRIVE = rx(r"(?<!\w)phấn\s+đấu(?!\w)")
#: the words that name a plan (folded, a group to put in a pattern); :data:`PLAN_WORD` finds one
#: the plan nouns and "nghị quyết" (a resolution's target)
PLAN_WORDS = rf"(?:{PLAN_NOUNS}|nghị\s+quyết)"
#: the plan words a rate's own target is named by: no "dự toán" (an estimate of money, whose
#: excess is the amount's, never a rate's)
RATE_PLAN_WORDS = r"(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch|nghị\s+quyết)"
#: words of a figure expected or aimed at, not reached ("dự kiến", "kỳ vọng"), which the
#: lists of aims and forecasts of several modules share
AIM_WORDS = r"(?:dự\s+kiến|k[ỳì]\s+vọng)"
#: words of a forecast ("dự báo", "dự phóng"): an estimate of what is to come, no result. The
#: forecasts' lists build on it (:mod:`.amounts`' forecaster's words, :mod:`.part_year`'s
#: words of a figure ahead, :mod:`.checks`' analyst's forecast), in text folded or not
FORECAST_WORDS = r"dự\s+(?:báo|phóng)"
PLAN_WORD = rx(rf"(?<!\w){PLAN_WORDS}(?!\w)")
# a plan named by one of :data:`~kpitools.extract.text.PLAN_NOUNS` (not ``nghị quyết``)
PLAN_NOUN = rx(rf"(?<!\w){PLAN_NOUNS}(?!\w)")
#: verbs of a plan met or carried out ("vượt", "hoàn thành", "thực hiện" …)
MET_VERBS = r"(?:vượt|hoàn\s+thành|đạt|vượt\s+mức|thực\s+hiện)"
MET_BEFORE = rx(rf"(?<!\w){MET_VERBS}\s*$")

# ", đạt 100% kế hoạch" right after a figure: the attainment of a result; ", vượt 20% kế
# hoạch" its excess; ", tương đương 96% kế hoạch" its attainment restated (a plan named);
# ", đạt 70%;" with no plan named, before the clause ends
ATTAINED_NEXT = rx(
    r"^(?:\s+[^\W\d_]+){0,3}\s*,?\s*(?:(?P<verb>đạt|bằng)|vượt|tương\s+(?:đương|ứng))\s+"
    rf"(?:gần\s+|hơn\s+|trên\s+|khoảng\s+)?(?:{NUM})\s*%\s*(?:(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|kh)(?!\w)|(?(verb)(?:[;,)]|\.(?!\d)|$)|(?!)))"
    # "đạt 5.600 tấn (100,2% kế hoạch)": the attainment in brackets right after the figure
    rf"|^(?:\s+[^\W\d_]+){{0,3}}\s*\(\s*(?:(?:đạt|bằng)\s+)?(?:{NUM})\s*%\s*(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|kh)(?!\w)"
)


# a figure planned ("dự kiến trồng gần 1,7 triệu cây") in a sentence that names the plan
# before it and the result after it ("…, kết quả thực hiện đạt 1.131.000 cây")
_PLANNED = rx(r"(?<!\w)dự\s+kiến(?:\s+[^\W\d_]+){0,2}?\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$")
_RESULT_LATER = rx(r"(?<!\w)kết\s+quả(?!\w)")
# after a sentence's opening expected figure: "…, nhưng … đã … 450 …, vượt 50% so với kế
# hoạch": a result said against the plan, so the expected figure was that plan
_BUT_BEYOND_PLAN = rx(
    r"[^.;]*?,\s*nhưng(?!\w)[^.;]*?(?<!\w)đã(?!\w)[^.;]*?\d[^.;]*?"
    r"(?<!\w)(?:vượt|đạt|bằng)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d[\d.,]*\s*%\s*"
    r"(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|dự\s+kiến|chỉ\s+tiêu|mục\s+tiêu)(?!\w)"
)


# "Năm nay, công ty lên kế hoạch kinh doanh với doanh thu dự kiến đạt 900 tỷ đồng; lợi nhuận
# ước đạt 90 tỷ đồng": the figures of a plan drawn up, the verbs of forecasts after it
_PLAN_DRAWN = rx(
    r"(?<!\w)(?:lên|đặt(?:\s+ra)?|xây\s+dựng|thông\s+qua)\s+kế\s+hoạch(?:\s+[^\W\d_]+){0,3}?"
    r"\s+với(?!\w)"
)
_FORECAST_END = rx(
    r"(?<!\w)(?:dự\s+kiến|ước(?:\s+tính)?)(?:\s+(?:đạt|là|ở\s+mức))?"
    r"\s*(?:(?:gần|khoảng|hơn|trên)\s*)?$"
)
_RESULT_SINCE_PLAN = rx(
    r"(?<!\w)(?:đã|lũy\s+kế|luỹ\s+kế|thực\s+hiện\s+được|kết\s+quả|nhưng|song|như\s+vậy)(?!\w)"
)

_COMPARED_SPAN = rx(r"(?<!\w)so\s+với[^,;]*")


def _drawn_plan_figure(before: str, lead: str) -> bool:
    """Whether a figure after a forecast verb (``dự kiến đạt``, ``ước đạt``) is a figure of
    the plan its sentence says was drawn up (:data:`_PLAN_DRAWN`) with no result since."""
    if not _FORECAST_END.search(lead):
        return False
    drawn = next(reversed(list(_PLAN_DRAWN.finditer(before))), None)
    if drawn is None:
        return False
    # "giảm 1% so với doanh thu đã thực hiện năm trước": a past result compared, no result since
    since = _COMPARED_SPAN.sub(" ", before[drawn.end() :])
    return not _RESULT_SINCE_PLAN.search(since)


# "đến nay đã phân giao cho các công trình là 450 tỷ đồng, đạt 90%": the giving done, the
# amount given measured against its plan right after it
_DONE_BEFORE = rx(r"(?<!\w)đã\s*$")


# "Số vốn giải ngân theo quyết định giao của tỉnh là 450 tỷ đồng, đạt 60%": the money paid
# out named before the word of assignment, the first amount of its sentence
PAID_OUT = rx(r"(?<!\w)giải\s+ngân(?!\w)")
_AMOUNT_BEFORE = rx(r"\d\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn)(?!\w)")


# "vốn Trung ương giao giải ngân 5.412,7 tỷ đồng, đạt 58,3% kế hoạch": the capital the
# centre gave, paid out (not "được giao giải ngân 5.000 tỷ đồng", a sum to pay out)
_PAID_AFTER_GIVEN = rx(r"^giao\s+giải\s+ngân(?:\s+được|\s+là)?\s*$")


def _given_done(before: str, lead: str, given: str = "") -> bool:
    """Whether the words before a word of assignment (``lead``, its clause up to ``giao``)
    say the amount is given or paid out, not assigned: ``đã`` right before it, a word of
    paying out in it with no amount before the figure in its sentence (``before``), or
    (``given``, the words from the word of assignment to the figure) a bare ``giải ngân``
    after a ``giao`` that no ``được`` leads."""
    if _DONE_BEFORE.search(lead):
        return True
    if _PAID_AFTER_GIVEN.match(given):
        return True
    return PAID_OUT.search(lead) is not None and _AMOUNT_BEFORE.search(before) is None


def sets_target(
    before: str, lead: str, after: str = "", after_number: str = "", *, money: bool = False
) -> bool:
    """Whether a count is a target by the words before it in its sentence: a yearly figure
    of a sentence that sets targets ("phấn đấu … 600, mỗi năm 120"), or a figure a
    resolution or plan sets out ("Nghị quyết … đề ra mỗi năm kết nạp 1.500"). ``money``: the
    figure is a sum of money."""
    if _drawn_plan_figure(before, lead):
        return True
    if (m := _SET_OUT.search(lead)) and not MET_BEFORE.search(lead[: m.start()]):
        counted = _COUNTED_PLANS.match(after) and not _INTAKE_PLACES.match(after)
        if counted or _reached_after_assigned(lead[m.start() :]):
            return False
        given = lead[m.start() :]
        if _given_done(before, lead[: m.start()], given) and ATTAINED_NEXT.match(after_number):
            return False  # "… đã giao cho các công trình là 450 tỷ đồng, đạt 90%": done
        cue = TARGET_CUE.search(before[: len(before) - len(lead) + m.start() + 1] + " ")
        if cue or fold("đề ra") in lead[m.start() :] or fold("giao") in lead[m.start() :]:
            return not MET_STRICT.search(before[: len(before) - len(lead) + m.start()])
    if _PLANNED.search(lead) and PLAN_WORD.search(before) and _RESULT_LATER.search(after):
        return True  # "theo kế hoạch, … dự kiến trồng 1,7 triệu cây, kết quả thực hiện đạt …"
    if _PLANNED.search(lead) and before == lead and _BUT_BEYOND_PLAN.match(after):
        return True  # "Dự kiến tiếp nhận 300 đơn vị, nhưng … đã tiếp nhận 450, vượt 50% kế hoạch"
    if (
        _plan_opened(before, lead, after, money=money)
        or _strive_opened(before, lead)
        or _plan_subject(before)
    ):
        return True
    if (
        _yearly_duty(before, lead, after_number)
        or _aims_listed(before, lead)
        or _assigned_listed(before, lead)
        or _goals_listed(before, lead)
    ):
        return True  # "Hằng năm, Đảng bộ xã A phải kết nạp từ 40 đảng viên trở lên"; aims listed
    return _EACH_YEAR.search(lead) is not None and _yearly_target(before, lead, after_number)


def _yearly_target(before: str, lead: str, after_number: str) -> bool:
    """Whether a yearly figure (``mỗi năm``, ``hằng năm`` before it) is a target: a norm
    with ``từ … trở lên``, or after a word of a plan with no word of a result before that
    word; never in a list the sentence says met or beat its targets (:data:`TARGETS_MET`:
    ``Các chỉ tiêu đều đạt và vượt: … mỗi năm cho 90 lao động``)."""
    if lead.rstrip().endswith(fold("từ")) and UPWARDS.match(after_number):
        return True  # "Hàng năm kết nạp mới từ 25 đảng viên trở lên": a norm set
    if TARGETS_MET.search(before) and not STRIVE.search(before):
        return False
    cues = list(TARGET_CUE.finditer(before))
    return bool(cues) and not MET_WORDS.search(before[: cues[0].start()])


# "Theo kế hoạch năm 2022, xã A kết nạp 40 đảng viên, kết quả kết nạp được 45": a sentence
# that opens with the plan it follows, its figure right after a plain verb, a result after it
_PLAN_OPENING = rx(
    # "(QT) - Theo kế hoạch, …": a newspaper's tag before the sentence
    r"^\s*(?:\([^()\d]{1,30}\)\s*[-–—]?\s*)?"
    r"theo\s+(?:kế\s+hoạch|chỉ\s+tiêu|nghị\s+quyết)(?!\w)"
    # "Theo chỉ tiêu đã phân bổ, …": the plan's own participle, no result
    r"(?:\s+(?:đã\s+|được\s+)+(?:phân\s+bổ|giao|đề\s+ra|ban\s+hành)(?!\w))?"
)
_PLAIN_VERB_END = rx(r"(?<!\w)(?:kết\s+nạp|phát\s+triển|thành\s+lập)(?:\s+mới)?\s*$")
# "Theo chỉ tiêu được giao, năm 2041 xã sẽ kết nạp mới 40 đảng viên": what will be done
_FUTURE_VERB_END = rx(r"(?<!\w)sẽ\s+(?:kết\s+nạp|phát\s+triển|thành\s+lập)(?:\s+mới)?\s*$")
_RESULT_SAID = rx(r"(?<!\w)(?:kết\s+quả|đã|thực\s+hiện(?:\s+[^\W\d_]+){0,2}?\s+được)(?!\w)")


def _plan_opened(before: str, lead: str, after: str, *, money: bool = False) -> bool:
    """Whether a figure is the plan's in a sentence opening with ``Theo kế hoạch`` (or
    ``chỉ tiêu``, ``nghị quyết``): right after a plain verb (``kết nạp``, not ``kết nạp
    được``), no word of a result before it, a word of one after it (``kết quả``, ``đã``,
    ``thực hiện được``) or ``sẽ`` before the verb (what will be done); or after any verb
    when ``sẽ`` stands between the opening and the figure (:func:`_future_planned`)."""
    opening = _PLAN_OPENING.search(before)
    if (
        opening is None
        or _RESULT_SINCE_PLAN.search(before, opening.end())
        or MET_STRICT.search(before)
    ):
        return False
    if _future_planned(before, opening.end(), lead) and not money:
        return True  # a sum of money is left to the plan passes, which check its unit's kind
    return bool(
        _PLAIN_VERB_END.search(lead)
        and (_RESULT_SAID.search(after) or _FUTURE_VERB_END.search(lead))
    )


# "Theo kế hoạch năm 2041, huyện sẽ giới thiệu việc làm cho 3.000 lao động": what the plan
# says will be done, any verb; not an ordinal ("đón vị khách thứ 9 triệu")
_WILL = rx(r"(?<!\w)sẽ(?!\w)")
_ORDINAL_END = rx(r"(?<!\w)thứ\s*$")


def _future_planned(before: str, opened: int, lead: str) -> bool:
    """Whether the figure's clause, after a sentence's opening ``Theo kế hoạch``, says what
    ``sẽ`` (will) be done, the figure no ordinal.

    ``sẽ`` in the figure's own clause (``lead``, the end of ``before``), or in its list's first
    item's when it is an item with no words of its own (:func:`_will_clause`): an earlier
    clause's does not reach a later one's figure (``Theo kế hoạch, trường sẽ khai giảng vào
    ngày 5/9, năm nay trường có 1.200 học sinh``: a count, no plan).
    """
    clause = max(opened, _will_clause(before, opened, lead))
    return _WILL.search(before, clause) is not None and not _ORDINAL_END.search(lead)


# a list's later item, no words of its own before its figure ("sẽ trồng 300 ha keo, 200 ha
# thông"); a clause break (not a decimal comma); a clause that opens with a figure
_BARE_ITEM = rx(r"\s*(?:và\s+)?")
_ITEM_BREAK = rx(r"[,;](?!\d)")
_ITEM_HEAD = rx(rf"\s*(?:và\s+)?(?:{NUM})")
_ITEMS_BACK = 8
"""How many items of a list the walk back to its first item's clause passes at most."""
_ITEM_REACH = 200
"""How far (characters) back the break before a list's item is looked for."""


def _will_clause(before: str, opened: int, lead: str) -> int:
    """Where the words that may say a figure's ``sẽ`` start in ``before``: its clause's, or,
    for a list's item with no words of its own, the clause of the list's first item."""
    start = len(before) - len(lead)
    if not _BARE_ITEM.fullmatch(lead):
        return start
    for _ in range(_ITEMS_BACK):
        low = max(opened, start - _ITEM_REACH)
        ends = [m.end() for m in _ITEM_BREAK.finditer(before, low, max(low, start - 1))]
        start = ends[-1] if ends else low
        if start <= opened or not _ITEM_HEAD.match(before, start):
            break
    return start


# "Phấn đấu, doanh thu dịch vụ cả năm đạt 900 tỷ đồng.": a sentence that opens with the
# striving alone, a comma or colon after it, its aim in the clause that follows
STRIVE_OPENING = rx(r"^\s*phấn\s+đấu\s*[,:]")
# what may stand between the opening and the figure: a bracket's aside, no clause break
_ASIDE = re.compile(r"\([^()]*\)")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_NOT_A_YEAR = re.compile(r"(?<!\d)(?!(?:19|20)\d{2}(?!\d))\d")


def _strive_opened(before: str, lead: str) -> bool:
    """Whether a figure is in the first clause after a sentence's opening ``Phấn đấu,``:
    between them only words and brackets' asides, no clause break and no other number (a
    year aside), so the clause says what is striven for, no result."""
    m = STRIVE_OPENING.match(before)
    if m is None:
        return False
    rest = _ASIDE.sub(" ", before[m.end() :])
    return not _CLAUSE_BREAK.search(rest) and not _NOT_A_YEAR.search(rest)


# "phấn đấu: kết nạp 30 đảng viên; thành lập 2 chi bộ", "chỉ tiêu năm 2032: …": aims listed
_AIMS_OPEN = rx(
    r"(?<!\w)(?:phấn\s+đấu|(?:chỉ\s+tiêu|mục\s+tiêu)(?:\s+(?:[^\W\d_]+|(?:19|20)\d\d)){0,4}\s*:)"
)


def _aims_listed(before: str, lead: str) -> bool:
    """Whether a figure right after a plain verb (``kết nạp``, ``thành lập``, not ``kết nạp
    được``) is an aim of a list its sentence opens with ``phấn đấu`` or a target word and a
    colon: after that opening no word of a result or of a plan met, no percentage and no
    figure but the aims' own counts (a year aside)."""
    if not _PLAIN_VERB_END.search(lead):
        return False
    m = _AIMS_OPEN.search(before)
    if m is None:
        return False
    rest = before[m.end() :]
    if MET_STRICT.search(rest) or _RESULT_SINCE_PLAN.search(rest) or "%" in rest:
        return False
    return m.group().endswith(":") or _CLAUSE_BREAK.search(rest) is not None


# "được giao chỉ tiêu kết nạp 30 đảng viên, thành lập 2 tổ chức đảng": targets assigned, listed
_PLAIN_VERB = rx(r"(?<!\w)(?:kết\s+nạp|phát\s+triển|thành\s+lập)(?!\w)")
_ASSIGNED_LIST = rx(r"(?<!\w)(?:được\s+)?giao\s+(?:các\s+)?chỉ\s+tiêu(?!\w)")


def _assigned_listed(before: str, lead: str) -> bool:
    """Whether a figure right after a plain verb is a later item of targets assigned
    (``được giao chỉ tiêu kết nạp 30 đảng viên, thành lập 2 tổ chức đảng``): in another
    clause than the assignment's, no word of a result or of a plan met and no percentage
    since, and a verb no item before it used, after an item with a verb of its own
    (``…, kết nạp 32 đảng viên`` is the result, and so is ``giao chỉ tiêu 30 đảng viên,
    kết nạp 32``)."""
    verb = _PLAIN_VERB_END.search(lead)
    found = list(_ASSIGNED_LIST.finditer(before))
    if verb is None or not found:
        return False
    rest = before[found[-1].end() : len(before) - len(lead)]
    if not _CLAUSE_BREAK.search(rest) or "%" in rest:
        return False
    if MET_STRICT.search(rest) or _RESULT_SINCE_PLAN.search(rest):
        return False
    verbs = {" ".join(v.group().split()[:2]) for v in _PLAIN_VERB.finditer(rest)}
    return bool(verbs) and " ".join(verb.group().split()[:2]) not in verbs


# "Năm 2031, công ty đặt mục tiêu doanh thu 900 tỷ đồng, tăng 5%; lợi nhuận 60 tỷ đồng, tăng
# 8%": goals a sentence sets, listed after semicolons, each a measure's name and its amount
_GOALS_SET = rx(
    r"(?<!\w)(?:đặt|đề\s+ra|lên|xác\s+định)\s+(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu)(?!\w)"
)
_MEASURE_ITEM = rx(r"^\s*(?:và\s+)?[^\W\d_]+(?:\s+[^\W\d_]+){0,5}\s*$")
_ITEM_NOT_GOAL = rx(
    r"(?<!\w)(?:đạt|ước|thực\s+hiện|thực\s+tế|được|đã|còn|tăng|giảm|chỉ|ghi\s+nhận|mới|riêng|quý|tháng"
    r"|tuần|ngày|đầu|nửa|kỳ|hiện|nay|đến|qua)(?!\w)"
)


def _goals_listed(before: str, lead: str) -> bool:
    """Whether a figure is a goal of a list its sentence sets (``đặt mục tiêu``, ``đề ra kế
    hoạch``) in an item after a semicolon, or after a comma with ``đạt`` before it: its
    clause only a measure's name (no other verb, no time, no number), and after the setting
    no word of a result or of a plan met."""
    found = list(_GOALS_SET.finditer(before))
    m = found[-1] if found else None
    if m is None:
        return False
    # "đặt mục tiêu đón 2 triệu lượt khách, doanh thu đạt 900 tỷ đồng": a later item, a
    # measure's name and its verb
    verb = _GOAL_VERB_END.search(lead) if "," in before[m.end() : len(before) - len(lead)] else None
    item = lead[: verb.start()] if verb else lead
    if not _MEASURE_ITEM.match(item) or _ITEM_NOT_GOAL.search(item):
        return False
    rest = before[m.end() : len(before) - len(lead)] + item
    if verb is not None and " ".join(item.split()[-2:]) in rest[: len(rest) - len(item)]:
        return False  # "kế hoạch doanh thu 800 …, doanh thu đạt 820": that goal's result
    said = ";" in rest or verb is not None
    return said and not (MET_STRICT.search(rest) or _RESULT_SINCE_PLAN.search(rest))


_GOAL_VERB_END = rx(r"\s+đạt\s*$")


# "Tổng kế hoạch vốn năm nay được tỉnh giao tại Quyết định số 12/QĐ-UBND là 800 tỷ đồng":
# a sentence whose subject is the plan, its figure after the copula
_PLAN_SUBJECT = rx(r"^[\s(]*(?:tổng\s+)?(?:kế\s+hoạch|dự\s+toán)(?!\w)")
_ASSIGNED_IN = rx(r"(?<!\w)(?:giao|phê\s+duyệt|đề\s+ra)(?!\w)")
_COPULA_END = rx(r"(?<!\w)là\s*(?:(?:khoảng|gần|hơn|trên)\s*)?$")


def _plan_subject(before: str) -> bool:
    """Whether a figure right after ``là`` is the amount of the plan its sentence opens
    with (``Kế hoạch …``, ``Tổng dự toán …``) and says was assigned, approved or set out
    (``giao``, ``phê duyệt``, ``đề ra`` before it), with no word of a result, no comma or
    semicolon and no other amount between (a document's number may stand in the name)."""
    m = _PLAN_SUBJECT.match(before)
    if m is None or not _COPULA_END.search(before):
        return False
    rest = before[m.end() :]
    return (
        bool(_ASSIGNED_IN.search(rest))
        and not (
            _CLAUSE_BREAK.search(rest) or MET_STRICT.search(rest) or _RESULT_SINCE_PLAN.search(rest)
        )
        and not _AMOUNT_BEFORE.search(rest)
    )


# "… phải kết nạp từ 40 đảng viên", "phải thu ít nhất 9 tỷ đồng": a duty's figure
_DUTY = rx(r"(?<!\w)phải(?:\s+[^\W\d_]+){1,3}?(?:\s+(?:từ|ít\s+nhất|tối\s+thiểu))?\s*$")
# "mỗi năm", "hằng năm": a figure of every year
YEARLY = rx(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)")


def _yearly_duty(before: str, lead: str, after_number: str) -> bool:
    """Whether a figure is what a unit must reach each year: right after ``phải`` and its
    verb (at most three words) in a sentence that says ``mỗi năm`` before it, or with ``trở
    lên`` after it. A cost borne (``năm qua phải chi 3 tỷ đồng``) is neither."""
    if not _DUTY.search(lead):
        return False
    return bool(YEARLY.search(before) or UPWARDS.match(after_number))


# "… toàn địa bàn được giao đạt 12,3 tỷ USD": the area assigned, the figure reached
_REACHED_END = rx(r"(?<!\w)(?:đạt|thực\s+hiện|thu\s+được|kết\s+nạp\s+được)\s*$")


def _reached_after_assigned(words: str) -> bool:
    """Whether the words from ``giao`` to a figure end with a verb of a result (``được giao
    đạt 12,3 tỷ USD``) and name no plan or aim between (``được giao kế hoạch đạt 150``,
    ``giao phấn đấu đạt 150`` set targets): the figure is reached, not assigned."""
    return bool(_REACHED_END.search(words)) and not (
        PLAN_WORD.search(words) or STRIVE.search(words)
    )


# "…, bằng 96 % kế hoạch; riêng khối B: …": a percentage of a plan already stated, so the
# words before the colon report a result, they set no targets
_PERCENT_OF_PLAN = rx(rf"%\s*(?:so\s+với\s+)?{PLAN_NOUNS}(?!\w)")


def heading_target(doc: Doc, fig: Figure) -> bool:
    """A bare count in a list under a heading that sets targets ("giao chỉ tiêu kết nạp
    đảng viên: huyện A 150; huyện B 110"): each item is a unit's target."""
    sentence = fig.sentence
    colon = doc.text.rfind(":", sentence.start, fig.start)
    if colon >= 0:
        heading = doc.fold[sentence.start : colon]
        if (
            TARGET_CUE.search(heading)
            and not MET_WORDS.search(heading)
            and not _PERCENT_OF_PLAN.search(heading)
            and not _SHORT_OF_PLAN.search(heading)
        ):
            item = max(colon, doc.text.rfind(";", colon, fig.start))
            if _ITEM_RESULT.search(doc.fold[item : fig.start]):
                return False  # "…: tổng thu ước đạt 41 tỷ đồng": an estimate, a result
            if ATTAINED_NEXT.match(doc.fold[fig.noun_end or fig.end : sentence.end]):
                return False  # "…: lãi 40 tỷ đồng, bằng 105% kế hoạch": its own attainment
            # a bare count, or one with its noun and no verb of its own ("xã A 150 đảng viên")
            return fig.noun_start is None or not _ITEM_VERB.search(doc.fold[colon : fig.start])
    return _assigned_to_units(doc, fig)


# "Những địa phương trồng thực tế thấp hơn kế hoạch là: …": a heading of results set against
# their plans, not one that sets them
_SHORT_OF_PLAN = rx(
    r"(?<!\w)(?:thấp\s+hơn|cao\s+hơn|chưa\s+đạt|không\s+đạt)\s+(?:so\s+với\s+)?"
    r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?!\w)"
)

# words of a result in an item under a heading ("ước đạt", "đã thực hiện", "lũy kế")
_ITEM_RESULT = rx(r"(?<!\w)(?:ước|đã|lũy\s+kế|luỹ\s+kế)(?!\w)")


# "giao chỉ tiêu kết nạp đảng viên cho huyện A 150 đảng viên, huyện B 110 đảng viên"
ASSIGNED_TO = rx(r"(?<!\w)giao\s+(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+[^\W\d_]+){0,6}?\s+cho(?!\w)")
_ITEM_VERB = rx(r"(?<!\w)(?:kết\s+nạp|phát\s+triển|thành\s+lập|đạt|vượt|được|đã)(?!\w)")


def _assigned_to_units(doc: Doc, fig: Figure) -> bool:
    """A figure of the units a target is assigned to (``giao chỉ tiêu … cho huyện A 150
    đảng viên, huyện B 110``): after ``giao chỉ tiêu … cho``, with no word of a result
    before the assignment nor a verb between it and the figure but the metric's plain verb
    right before it (``giao chỉ tiêu cho huyện A kết nạp 150 đảng viên``, not ``… kết nạp
    được 150``)."""
    lead = doc.fold[fig.sentence.start : fig.start]
    found = list(ASSIGNED_TO.finditer(lead))
    if not found or MET_WORDS.search(lead[: found[-1].start()]):
        return False
    words = lead[found[-1].end() :]
    if (plain := _PLAIN_VERB_END.search(words)) is not None:
        words = words[: plain.start()]
    return not _ITEM_VERB.search(words)


# "bằng 97% kế hoạch khai thác từ 4,1-4,3 triệu m3": a range right after the plan a
# percentage names (with its measure) is that plan's, never a result; no verb nor
# conjunction among those words ("đạt 104% kế hoạch và tăng 30-40 ha": a change's range)
_NOT_A_MEASURE = (
    r"(?:và|tăng|giảm|cao|thấp|hơn|so|với|đạt|vượt|bằng|gấp|nhưng|hoặc|hay|còn|trong|đó)(?!\w)"
)
RANGE_OF_PLAN_NAMED = rx(
    r"\d\s*%\s+(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)"
    rf"(?:\s+(?!{_NOT_A_MEASURE})[^\W\d_]+){{1,3}}\s*(?:từ\s*)?$"
)
