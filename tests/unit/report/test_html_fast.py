"""The page's passes that replace slower equivalents give exactly what those gave."""

from __future__ import annotations

import re
from typing import Any

import pytest
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


# ------------------------------------------------------------ nbconvert's last pass

HEAD = '<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8" />\n<title>t</title></head>'
MARKUP = st.sampled_from(
    [
        "<div>", "</div>", '<div class="jp-Cell-inputWrapper">',
        '<div class="jp-OutputArea-output x">', '<div class="JP-OUTPUTAREA-OUTPUT">',
        '<div class=" jp-OutputArea-output  y " tabindex="-1">',
        "<p>", "</p>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<span>", "</span>",
        '<a title="x" href="a&amp;b">', "</a>", "<br>", "<br/>", "<br />", "</br>", "<hr>",
        '<td headers=" a  b ">', "</td>", "<div/>", "<DIV>", "<img src=x>", '<img alt="" src="x">',
        "<script>", "</script>", "<style>", "</style>", "<title>", "</title>", "<!--c-->",
        '<meta charset="latin-1">', '<meta http-equiv="refresh" content="1">',
        '<span data-a="&quot;q&quot;" data-b="it&#x27;s &quot;x&quot;">', "<b a=1>", "<b a='1'>",
        "\n", "  ", "\n\n \t", "x", "a < b", "a > b", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
        "&#x27;", "&#150;", "&#273;", "&nbsp;", "&#32;", "&#10;", "&unknownref;", "& ", "&amp",
        "{\"a\": 1}", "</scripts>", "</ script>", "<!DOCTYPE html>",
    ]
)  # fmt: skip


def _page(body: str) -> str:
    return f'{HEAD}\n<body class="jp-Notebook kt-page"><main>{body}</main></body>\n</html>\n'


@settings(max_examples=1500, deadline=None)
@given(st.lists(MARKUP, max_size=16).map("".join))
def test_the_page_is_written_as_beautifulsoup_writes_it_or_left_to_it(body: str) -> None:
    from kpitools.report.html import _soup_of, _soup_page

    page = _page(body)
    fast = _soup_page(page)
    assert fast is None or fast == _soup_of(page)[0]


def test_the_pass_takes_the_markup_of_reports_and_leaves_images_to_beautifulsoup() -> None:
    from kpitools.report.html import _soup_agrees, _soup_of, _soup_page

    assert _soup_agrees()
    plain = _page(
        '<div class="jp-Cell"><div class="jp-Cell-inputWrapper"><pre>  </pre></div>\n'
        '<div class="jp-OutputArea-output"><table><tr><td>1 &amp; 2</td></tr></table></div>'
        '<script type="application/json" class="kt-vega-spec">{"a": "&&"}</script></div>'
    )
    assert _soup_page(plain) == _soup_of(plain)[0]
    assert 'class="jp-Cell-inputWrapper" tabindex="0"' in _soup_page(plain)  # type: ignore[operator]
    for unsure in ('<img src="x">', "<!--c-->", "<p>", "<b a='1'>", "<svg></svg>"):
        assert _soup_page(_page(unsure)) is None


TEXT = st.sampled_from(
    ["\n", "  ", "\n\n \t", "x", "a > b", "&amp;", "&lt;", "&quot;", "&#39;", "&#x27;", "&#150;",
     "&#273;", "&nbsp;", "&#32;", "&#10;", "&#0;", "&#1;", "&#129;", "&#xD800;", "&#1114111;",
     "&Agrave;", "đ", "\r\n"]
)  # fmt: skip
ATTRS = st.sampled_from(
    ["", ' class="jp-Cell-inputWrapper"', ' class=" jp-OutputArea-output  y "', ' class=""',
     ' class="jp-Notebook"', ' tabindex="-1" id="a"', ' title="a &amp; b" href="x"',
     ' data-a="&quot;q&quot;" data-b="it&#x27;s &quot;x&quot;"', ' headers=" a  b "',
     ' rel="a  b"', '\n  title="t&lt;"']
)  # fmt: skip
NAMES = st.sampled_from(["div", "p", "span", "td", "a", "pre", "textarea", "section", "main"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda name, attrs, inner: f"<{name}{attrs}>{inner}</{name}>",
        NAMES,
        ATTRS,
        st.lists(children, max_size=4).map("".join),
    )


LEAVES = st.one_of(
    TEXT,
    st.builds(lambda a: f"<br{a}>", ATTRS),
    st.builds(lambda a: f"<hr{a} />", ATTRS),
    st.builds(lambda a: f"<link{a}>", ATTRS),
    st.sampled_from(
        ["<script>if (a < b && c) {}</script>", "<style>\n</style>", "<script></script>"]
    ),
)
TREES = st.recursive(LEAVES, _element, max_leaves=12)


@settings(max_examples=600, deadline=None)
@given(st.lists(TREES, max_size=4).map("".join))
def test_well_formed_markup_is_written_as_beautifulsoup_writes_it(body: str) -> None:
    from kpitools.report.html import _soup_of, _soup_page

    page = _page(body)
    fast = _soup_page(page)
    if fast is None:  # left to BeautifulSoup: only what the pass is unsure of
        # (textarea holds no markup for newer Pythons; html.parser makes U+FFFD its own ways)
        assert any(unsure in body for unsure in ("<textarea", "&#0;", "&#xD800;"))
    else:
        assert fast == _soup_of(page)[0]


PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
    "rkJggg=="
)


def _stock(show_code: bool) -> Any:
    """nbconvert's own exporter, with kpitools' options."""
    from nbconvert import HTMLExporter

    from kpitools.report.html import _exporter_options

    return HTMLExporter(**_exporter_options(show_code))


def test_the_exporter_writes_what_nbconvert_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same page as nbconvert's own HTMLExporter: by the fast pass (BeautifulSoup is not
    used), and by BeautifulSoup for markup the pass leaves to it (an image without alt)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    import kpitools.report.html as page_html

    table = '<table class="t"><tr><td>1 &amp; 2</td><td>&#x27;x&#x27;</td></tr></table>'
    cells = [
        new_markdown_cell("# Tiêu đề\n\nA *b* & `c` <br>"),
        new_code_cell(
            "x = 1  # a < b",
            outputs=[
                new_output("stream", name="stdout", text="a < b & c\n"),
                new_output("display_data", data={"text/html": table, "text/plain": "t"}),
            ],
        ),
    ]
    image = new_output("display_data", data={"image/png": PNG, "text/plain": "img"})
    plain, unsure = new_notebook(cells=cells), new_notebook(cells=[*cells, new_code_cell("2")])
    unsure.cells[-1].outputs = [image]
    resources = {"kpitools": {"version": "1", "css": "", "embed_js": "", "footer": ""}}
    expected = {
        (nb is plain, show): _stock(show).from_notebook_node(nb, resources=resources)[0]
        for nb in (plain, unsure)
        for show in (False, True)
    }
    assert page_html._soup_agrees()
    soup = page_html._soup_of
    for show_code, ours in zip((False, True), page_html.exporters(), strict=True):
        assert ours.from_notebook_node(unsure, resources=resources)[0] == expected[False, show_code]
        monkeypatch.setattr(page_html, "_soup_of", None)  # the fast pass only
        assert ours.from_notebook_node(plain, resources=resources)[0] == expected[True, show_code]
        monkeypatch.setattr(page_html, "_soup_of", soup)


def test_another_major_nbconvert_gets_its_own_exporter(monkeypatch: pytest.MonkeyPatch) -> None:
    import nbconvert
    from nbconvert import HTMLExporter

    from kpitools.report import html

    monkeypatch.setattr(nbconvert, "__version__", "8.0.0")
    html._exporter_class.cache_clear()
    try:
        assert html._exporter_class() is HTMLExporter
    finally:
        monkeypatch.undo()
        html._exporter_class.cache_clear()
    assert html._exporter_class() is not HTMLExporter  # nbconvert 7: the faster last pass
