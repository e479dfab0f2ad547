"""One vocabulary: every word shown in both languages, one check of a language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import kpitools
from kpitools import vocab
from kpitools.errors import ParameterError

SRC = Path(kpitools.__file__).parent

#: Dicts keyed by language that hold number formats, not words: locale settings.
LOCALE_SETTINGS = {
    ("charts/parts.py", "NUMBER_LOCALES"),
    ("numbers.py", "_SEPARATORS"),
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(vocab.WORDS))
def test_every_word_has_both_languages_and_the_same_fields(key: str) -> None:
    words = vocab.WORDS[key]
    assert set(words) == set(vocab.LANGS)
    assert all(isinstance(w, str) and w.strip() for w in words.values())
    assert _fields(words["vi"]) == _fields(words["en"])


def test_keys_are_namespaced() -> None:
    spaces = {"band", "chart", "table", "display", "explore", "extract"}
    assert all(key.split(".", 1)[0] in spaces and "." in key for key in vocab.WORDS)


def test_word_fills_fields_and_has_a_default_for_unknown_keys() -> None:
    assert vocab.word("explore.loaded", "en", n=3, file="a.csv") == "Loaded 3 rows from a.csv."
    assert vocab.word("explore.more", "vi") == "… và {n} lỗi khác"  # no fields: as written
    assert vocab.word("extract.kind.nope", "vi", default="nope") == "nope"
    with pytest.raises(KeyError):
        vocab.word("extract.kind.nope", "vi")
    with pytest.raises(ParameterError):
        vocab.word("table.metric", "fr")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_lang_accepts_the_two_languages(lang: str) -> None:
    assert vocab.check_lang(lang) == lang


@pytest.mark.parametrize("bad", ["fr", "VI", "", None, 1, ["vi"]])
def test_check_lang_rejects_others_with_a_parameter_error(bad: object) -> None:
    with pytest.raises(ParameterError, match="lang must be one of vi, en, not"):
        vocab.check_lang(bad)
    with pytest.raises(ValueError):  # ParameterError is a ValueError: old callers still catch it
        vocab.check_lang(bad)


def test_every_language_check_is_the_one_in_vocab() -> None:
    from kpitools import catalog, params

    assert params.check_lang is vocab.check_lang
    assert catalog.check_lang is vocab.check_lang
    assert kpitools.check_lang is vocab.check_lang


def _is_lang_key(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value in vocab.LANGS


def _word_tables(path: Path) -> list[str]:
    """Names (or line numbers) of the dict literals in ``path`` keyed by both languages."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name) and node.value is not None:
                    for sub in ast.walk(node.value):
                        names.setdefault(id(sub), t.id)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            langs = {k.value for k in node.keys if _is_lang_key(k)}  # type: ignore[union-attr]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "dict"
        ):
            langs = {k.arg for k in node.keywords if k.arg in vocab.LANGS}
        else:
            continue
        if langs == set(vocab.LANGS):
            found.append(names.get(id(node), f"line {node.lineno}"))
    return found


def test_no_module_but_vocab_holds_words_in_both_languages() -> None:
    tables = [
        (str(path.relative_to(SRC)), name)
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "vocab.py" or path.parent != SRC
        for name in _word_tables(path)
    ]
    assert sorted(set(tables) - LOCALE_SETTINGS) == []
    assert set(tables) >= LOCALE_SETTINGS  # the allow-list names real tables


def test_one_stylesheet_shipped_in_the_package() -> None:
    from kpitools.display import STYLESHEET, stylesheet

    assert STYLESHEET.is_file() and STYLESHEET.is_relative_to(SRC)
    css = stylesheet()
    for rule in ("tr.kt-status-behind td", ".kt-explorer", ".kt-text mark", ".kt-index"):
        assert rule in css
    assert "\nbody" not in css and not css.startswith("body")  # notebooks keep their own look
    assert not list(SRC.rglob("*.css")) or list(SRC.rglob("*.css")) == [STYLESHEET]


@pytest.mark.parametrize(
    "key", sorted(k for k in vocab.WORDS if k.startswith(("display.section.", "display.report.")))
)
def test_every_report_sentence_is_written_in_each_language(key: str) -> None:
    """A report's headings and leads: the Vietnamese is not the English copied over."""
    vi, en = vocab.WORDS[key]["vi"], vocab.WORDS[key]["en"]
    assert vi != en
    english = {"the", "of", "and", "with", "which", "is", "against", "by", "its"}
    assert not english & set(vi.lower().replace(",", " ").replace(".", " ").split()), vi


def test_every_report_section_has_a_heading_and_a_lead() -> None:
    from kpitools.display import report_section

    sections = {k.split(".")[2] for k in vocab.WORDS if k.startswith("display.section.")}
    for key in sections:
        assert f"display.section.{key}.lead" in vocab.WORDS
        out = report_section(key, lang="en").html
        assert out.startswith('<section class="kt-section" lang="en"><h2 id="kt-')
