"""The page's passes that replace slower equivalents give exactly what those gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kpitools.report.html import _replace_elements

# pieces that make the regular expressions' corner cases likely: nested and unclosed
# elements, an opening tag inside content, a tag without its ">"
PIECES = st.sampled_from(
    [
        "<style>", "<style media=x>", "</style>", "<styles>", "<script>", "</script>",
        '<script class="kt-vega-spec">', '<script type="a" class="kt-vega-spec">',
        '<script xclass="kt-vega-spec">', "<script", ">", "a", "{}", " ", "\n", "<",
    ]
)  # fmt: skip


def _with_regex(page: str, pattern: str) -> tuple[str, int]:
    return re.subn(pattern, lambda m: f"[{m.group(1)}|{m.group(2)}|{m.group(3)}]", page, flags=re.S)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_replace_elements_finds_what_the_regular_expression_found(page: str) -> None:
    def mark(opening: str, content: str, closing: str) -> str:
        return f"[{opening}|{content}|{closing}]"

    assert _replace_elements(page, "style", mark) == _with_regex(
        page, r"(<style[^>]*>)(.*?)(</style>)"
    )
    spec = re.compile(r'\bclass="kt-vega-spec"')
    assert _replace_elements(page, "script", mark, where=spec.search) == _with_regex(
        page, r'(<script(?=[^>]*\bclass="kt-vega-spec")[^>]*>)(.*?)(</script>)'
    )
