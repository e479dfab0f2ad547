r"""The words of a past base of a comparison, as regex fragments for the passes' patterns.

A change or an index is stated over a past period: ``so với cùng kỳ (năm trước / năm 2024)``,
``so với năm trước / năm ngoái / năm 2024``, ``kỳ trước``, ``YoY``. The passes that read, skip
or check such a base build their patterns from these fragments (strings written in ordinary
Vietnamese, each a group or a run of words, to put in a pattern compiled by
:func:`~kpitools.textfold.rx`), so a wording taught here is taught to every pass that takes
the same scope. The scopes differ on purpose: a pass that reads ``cùng kỳ`` alone as the
base takes :data:`SAME_PERIOD`, one that reads any past period takes :data:`PAST_PERIOD`.

No two runs of spaces meet where they are put together as meant: each fragment opens with
a word (``OF_YEAR`` with ``\s+`` before one) and ends with a word (the comparing words with
the ``\s+`` after them), so put the comparing words before a period, ``OF_YEAR`` after one.

Examples
--------
>>> from kpitools.textfold import fold, rx
>>> past = rx(rf"^{COMPARE_WORDS}{PAST_PERIOD}{OF_YEAR}$")
>>> bool(past.match(fold("So với cùng kỳ năm 2024")))
True
>>> bool(past.match(fold("so với kế hoạch")))
False
"""

from __future__ import annotations

#: a year written in digits (``2024``); the pattern decides what may follow it
YEAR_DIGITS = r"(?:19|20)\d\d"
#: ``so`` or ``so với`` before the base compared with, with the space after it
COMPARE_WORDS = r"so\s+(?:với\s+)?"
#: ``so với`` alone before the base (passes that never read a bare ``so``), the space after
COMPARE_WITH_WORDS = r"so\s+với\s+"
#: the same period (of the year before): ``cùng kỳ``
SAME_PERIOD = r"cùng\s+kỳ"
#: the year before: ``năm trước``, ``năm ngoái``
LAST_YEAR = r"năm\s+(?:trước|ngoái)"
#: the period before: ``kỳ trước``
PRIOR_PERIOD = r"kỳ\s+trước"
#: a year named after ``năm``: ``năm 2024``
NAMED_YEAR_WORDS = rf"năm\s+{YEAR_DIGITS}"
#: a past year: ``năm trước``, ``năm ngoái``, ``năm 2024``
PAST_YEAR = rf"(?:{LAST_YEAR}|{NAMED_YEAR_WORDS})"
#: the same period or the year before (no ``kỳ trước``): ``cùng kỳ``, ``năm trước``, ``năm ngoái``
LAST_PERIOD = rf"(?:{SAME_PERIOD}|{LAST_YEAR})"
#: a past period: :data:`LAST_PERIOD` or ``kỳ trước``
PAST_PERIOD = rf"(?:{SAME_PERIOD}|{LAST_YEAR}|{PRIOR_PERIOD})"
#: the year a past period may be said of after it (``cùng kỳ năm trước``, ``cùng kỳ năm
#: 2024``, ``cùng kỳ năm``), all optional
OF_YEAR = rf"(?:\s+năm)?(?:\s+(?:trước|ngoái|{YEAR_DIGITS}))?"
#: a change's base by its short name: year on year, the same period, quarter on quarter
SHORT_BASES = r"(?:yoy|svck|qoq)"
