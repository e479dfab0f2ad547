"""Listed parts set against their own goals, listed by the same names in a later sentence.

``… Trong đó, trồng lúa 610 ha, rau màu 220 ha. … Kế hoạch năm 2041 gieo trồng 850 ha,
trong đó rau màu 250 ha và trồng lúa 600 ha.``: the parts after ``Trong đó`` are amounts
alone (no statement); the plan's sentence lists goals under the same names and unit. Each
part whose name and unit word one goal repeats exactly is set against that goal (no
percentage stated). :func:`link_part_goals` runs after the sentence grammar's passes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from kpitools.extract.linking import with_result
from kpitools.extract.plans_after import bare_statement
from kpitools.extract.text import NAMED_YEAR, NUM
from kpitools.numbers import parse_number
from kpitools.textfold import fold, rx

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement

# "trong đó(,|:) …" up to the end of its sentence (a dot before a digit is a figure's)
_PARTS = rx(r"(?<!\w)trong\s+đó\s*[,:]?\s*(?P<list>(?:[^.;!?\n%]|\.(?=\d))+)")
# one part: its name (one to five words, none a figure), a qualifier, the amount and one
# unit word (glued or not), nothing after it
_PART = rx(
    r"\s*(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,4}?)"
    r"(?:\s+(?:đạt|được|hơn|khoảng|gần|trên))*"
    rf"\s+(?P<num>{NUM})\s*(?P<unit>[^\W\d_]+)\s*"
)
_SPLIT = re.compile(r",\s|;\s|\svà\s")
# a goal's sentence opens on its plan ("Mục tiêu năm 2041 …", "Kế hoạch năm 2041 …")
_GOAL_OPENS = rx(r"\W*(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu)(?!\w)")
_SENTENCE_OPEN = re.compile(r"[.!?:]\s|\n")
_NOT_NAMES = frozenset(fold(w) for w in ("tăng", "giảm", "bằng", "còn", "so", "với"))
_MONEY = frozenset({fold("đồng"), "usd"})
# a period a sentence names: a year, a horizon ("đến năm"), a season ("vụ mùa")
_PERIOD = rx(r"(?<!\w)(?:(?:đến\s+)?năm\s+\d{4}|vụ\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)")
_REACH = 1500
"""How far (characters) before a list of goals its list of parts may start."""


class _Part(NamedTuple):
    start: int
    end: int
    name: str
    value: Decimal
    unit: str


def _listed(folded: str, m: re.Match[str]) -> list[_Part] | None:
    """The parts of the list after ``trong đó`` (each a name and an amount), or None."""
    lo, hi = m.span("list")
    starts, ends = [lo], []
    for sep in _SPLIT.finditer(folded, lo, hi):
        ends.append(sep.start())
        starts.append(sep.end())
    ends.append(hi)
    out = []
    for a, b in zip(starts, ends, strict=True):
        p = _PART.fullmatch(folded, a, b)
        if p is None or _NOT_NAMES & set(p.group("name").split()) or p.group("unit") in _MONEY:
            return None
        try:
            value = parse_number(p.group("num"))
        except ValueError:
            return None
        out.append(_Part(p.start("name"), p.end("unit"), p.group("name"), value, p.group("unit")))
    if len(out) < 2 or len({p.name for p in out}) != len(out):
        return None
    return out


def _periods(folded: str, pos: int, *, sentences: int) -> set[str]:
    """The periods (years, horizons, seasons) named in the last ``sentences`` before ``pos``."""
    head = max(0, pos - 300)
    ends = [head] + [head + o.end() for o in re.finditer(r"[.!?]\s|\n", folded[head:pos])]
    start = ends[-sentences] if len(ends) >= sentences else head
    return {" ".join(p.group().split()) for p in _PERIOD.finditer(folded, start, pos)}


def _same_period(folded: str, goals_at: int, parts_at: int) -> bool:
    """Whether the goals' sentence names no period (year, horizon, season) the parts' do not.

    The parts' are those of their sentence and the one before it; a year alone may also be
    the last one named before the parts (a report's year, stated once at its head).
    """
    missing = _periods(folded, goals_at, sentences=1) - _periods(folded, parts_at, sentences=2)
    if not missing:
        return True
    years = list(NAMED_YEAR.finditer(folded, max(0, parts_at - _REACH), parts_at))
    return bool(years) and missing == {" ".join(years[-1].group().split())}


def _opens_goal(folded: str, pos: int) -> bool:
    head = max(0, pos - 300)
    opens = [o.end() for o in _SENTENCE_OPEN.finditer(folded, head, pos)]
    start = opens[-1] if opens else head
    if not opens and head > 0:
        return False
    return _GOAL_OPENS.match(folded, start) is not None and "%" not in folded[start:pos]


def link_part_goals(
    statements: Sequence[LinkableStatement], text: str, folded: str, *, end: int, file: str
) -> list[LinkableStatement]:
    """The statements, with a statement for each listed part against its listed goal.

    A list of goals is one after ``trong đó`` in a sentence (or clause after ``:``) that opens
    on ``Mục tiêu``, ``Kế hoạch`` or ``Chỉ tiêu`` with no percentage; its parts are the
    nearest list before it (within :data:`_REACH`) in no such sentence. Every part is a name,
    an amount and a unit word, two or more of them with different names; a part is set
    against the goal with its name and unit word. Nothing is added when a statement reads a
    figure of the parts' list; a goal read as a target alone gives way.
    """
    lists = [(m, _listed(folded, m)) for m in _PARTS.finditer(folded, 0, end)]
    out = list(statements)
    for i, (m, goals) in enumerate(lists):
        if goals is None or not _opens_goal(folded, m.start()):
            continue
        before = [
            (n, parts)
            for n, parts in lists[max(0, i - 8) : i]
            if parts is not None
            and n.start() >= m.start() - _REACH
            and not _opens_goal(folded, n.start())
        ]
        found = _nearest_pairs(before, goals)
        if found is None:
            continue
        if not _same_period(folded, m.start(), found[0].start()):
            continue
        n, pairs = found
        if any(c.actual is not None and n.start() <= c.start < n.end() for c in out):
            continue
        out = _with_pairs(out, text, pairs, file)
    return out


def _nearest_pairs(
    before: list[tuple[re.Match[str], list[_Part]]], goals: list[_Part]
) -> tuple[re.Match[str], list[tuple[_Part, _Part]]] | None:
    """The nearest list of parts two or more of whose names and units the goals repeat."""
    by_name = {(g.name, g.unit): g for g in goals}
    found = []
    for n, parts in reversed(before):
        pairs = [(by_name[p.name, p.unit], p) for p in parts if (p.name, p.unit) in by_name]
        if len(pairs) >= 2:
            found.append((n, pairs))
    # two lists (two seasons) before one goal: neither alone is the goal's
    return found[0] if len(found) == 1 else None


def _with_pairs(
    out: list[LinkableStatement], text: str, pairs: list[tuple[_Part, _Part]], file: str
) -> list[LinkableStatement]:
    spans = [(g.start, g.end) for g, _ in pairs]
    out = [c for c in out if c.actual is not None or not any(a <= c.start < b for a, b in spans)]
    for goal, part in pairs:
        s = bare_statement(file, text, (goal.start, goal.end), target=goal.value)
        c = bare_statement(file, text, (part.start, part.end), actual=part.value, label=part.name)
        linked = with_result(s, c, goal.value)
        at = next((i for i, x in enumerate(out) if x.start > goal.start), len(out))
        out.insert(at, linked)
    return out
