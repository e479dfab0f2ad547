"""Offline HTML: fingerprints, export of an executed notebook, the index of a batch.

Text from data or parameters is shown, never run. HTML text and attributes are escaped
where they are written; a chart's spec (which holds the data) goes into a JSON data block
(``<script type="application/json">``, escaped by :func:`json_for_html`), never into
JavaScript; and every page carries a Content-Security-Policy that lets only the scripts
kpitools ships run (:func:`with_csp`). Charts are drawn by Vega's expression interpreter,
so the policy needs neither ``'unsafe-inline'`` nor ``'unsafe-eval'`` for scripts.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import gzip
import hashlib
import html
import json
import math
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from kpitools._atomic import write_text_atomic
from kpitools.report.discovery import Outcome, Report

TEMPLATES = Path(__file__).parent / "templates"

#: Draws every chart of a page from its JSON data block (``script.kt-vega-spec``, after the
#: chart's ``<div>``). The Vega bundle and the page's datasets travel gzip-compressed and
#: base64-encoded in data blocks (``#kt-vega-js``, ``#kt-datasets``): the browser unpacks
#: them with its own ``DecompressionStream`` and runs the bundle as a ``blob:`` script (the
#: page's policy allows ``blob:`` scripts only when it carries the bundle; a ``blob:`` URL
#: can only be made by a script already running). ``ast: true`` makes vega-embed use
#: Vega's expression interpreter, so no expression is compiled with ``Function`` and the
#: policy forbids eval. Charts are drawn as SVG (screen readers get the marks' labels); a
#: chart of one view in a box narrower than it was drawn takes the box's width. An error
#: is shown as text, never HTML.
EMBED_JS = """(function () {
  "use strict";
  // kpitools: unpack the gzip-compressed Vega bundle and the page's datasets, then draw
  // every chart from its JSON data block (the element before it). Nothing here is eval'd:
  // the bundle runs as a blob: script, charts use Vega's expression interpreter (ast).
  var blocks = document.querySelectorAll("script.kt-vega-spec");
  if (!blocks.length) return;
  function fail(target, err) {
    target.textContent = "Chart error: " + (err && err.message ? err.message : err);
    console.error(err);
  }
  function unpack(id) {
    var block = document.getElementById(id);
    if (!block) return Promise.resolve("");
    var text = atob(block.textContent.trim());
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }
  function run(code) {
    if (!code) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      var script = document.createElement("script");
      script.onload = function () { URL.revokeObjectURL(url); resolve(); };
      script.onerror = function () { reject(new Error("the chart library did not load")); };
      script.src = url;
      document.head.appendChild(script);
    });
  }
  // Vega tells screen readers in English what a chart's parts are ("rect mark container",
  // "Title text 'Tiến độ'"): outside an English page, the words of the page's language
  // (#kt-aria, a data block) replace them, also when Vega draws the chart again
  var words = {};
  try { words = JSON.parse(document.getElementById("kt-aria").textContent); } catch (e) {}
  function relabel(e) {
    ["aria-roledescription", "aria-label"].forEach(function (name) {
      var text = e.getAttribute(name);
      if (text === null) return;
      var m = /^(?:Sub)?[Tt]itle text '(.*)'$/.exec(text);
      if (m) e.setAttribute(name, m[1]);
      else if (Object.prototype.hasOwnProperty.call(words, text)) e.setAttribute(name, words[text]);
    });
  }
  function relabelAll(root) {
    root.querySelectorAll("[aria-label], [aria-roledescription]").forEach(relabel);
  }
  function speak(target) {
    if (document.documentElement.lang === "en") return;
    relabelAll(target);
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        if (r.type === "attributes") return relabel(r.target);
        r.addedNodes.forEach(function (n) { if (n.nodeType === 1) { relabel(n); relabelAll(n); } });
      });
    }).observe(target, { subtree: true, childList: true, attributes: true,
                         attributeFilter: ["aria-label", "aria-roledescription"] });
  }
  function single(spec) {
    return !(spec.facet || spec.repeat || spec.concat || spec.vconcat || spec.hconcat);
  }
  function draw(datasets) {
    blocks.forEach(function (block) {
      var target = block.previousElementSibling;
      try {
        var chart = JSON.parse(block.textContent);
        var spec = chart.spec;
        (chart.datasets || []).forEach(function (name) {
          spec.datasets = spec.datasets || {};
          spec.datasets[name] = datasets[name];
        });
        var narrow = typeof spec.width === "number" && target.clientWidth < spec.width + 80;
        if (single(spec) && narrow) {
          // one view in a box narrower than it was drawn (a phone): as wide as the box
          spec.width = "container";
          spec.autosize = { type: "fit-x", contains: "padding" };
        }
        var options = Object.assign({}, chart.options, { ast: true, renderer: "svg" });
        vegaEmbed(target, spec, options).then(function () { speak(target); })
          .catch(function (err) { fail(target, err); });
      } catch (err) {
        fail(target, err);
      }
    });
  }
  var ready = typeof vegaEmbed === "function"
    ? Promise.resolve()
    : typeof DecompressionStream === "function"
      ? unpack("kt-vega-js").then(run)
      : Promise.reject(new Error("this browser cannot unpack the charts (DecompressionStream)"));
  Promise.all([ready, ready.then(function () { return unpack("kt-datasets"); })])
    .then(function (done) { draw(done[1] ? JSON.parse(done[1]) : {}); })
    .catch(function (err) {
      blocks.forEach(function (block) { fail(block.previousElementSibling, err); });
    });
})();"""

#: The policy of a report or an index; ``{scripts}`` is the scripts' hashes (or 'none'),
#: with ``blob:`` on a page whose compressed Vega bundle runs as a ``blob:`` script.
CSP = (
    "default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
)

_JSON_IN_HTML = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)

# Altair's HTML output (its "default" and "html" renderers): a <div id="altair-viz-…">, then
# a script whose fixed code ends with "})(" before the spec and the embed options.
_ALTAIR_HTML = re.compile(
    r'\s*(?:<style>[^<]*</style>)?\s*<div id="(altair-viz-[0-9a-f]+)"></div>\s*'
    r'<script type="text/javascript">.*?\}\)\(',
    re.S,
)
_VEGA_MIME = re.compile(r"application/vnd\.(vega|vegalite)\.v\d+\+json")


def json_for_html(value: Any) -> str:
    r"""``value`` as JSON that is inert inside an HTML ``<script>`` element (a data block).

    ``<``, ``>`` and ``&`` are written as ``\u003c``, ``\u003e``, ``\u0026`` (so no text
    can end the element or open a comment), and the line separators U+2028 and U+2029 as
    ``\u2028``, ``\u2029``. These characters occur in JSON only inside strings, where the
    escapes mean the same: ``json.loads`` (or ``JSON.parse``) gives ``value`` back. NaN and
    infinities, which JSON cannot hold, become ``null``.

    Examples
    --------
    >>> json_for_html({"name": "</script><script>alert(1)</script>"})
    '{"name": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
    >>> json.loads(json_for_html(["a & b", float("nan")]))
    ['a & b', None]
    """
    text = _dumps(value)
    for char, escape in _JSON_IN_HTML:
        if char in text:
            text = text.replace(char, escape)
    return text


def _dumps(value: Any) -> str:
    """``value`` as JSON, NaN and infinities as ``null``."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or infinity somewhere: walk the value only then
        return json.dumps(_finite(value), ensure_ascii=False, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def chart_html(spec: dict[str, Any], options: dict[str, Any] | None = None, *, id: str) -> str:
    """A chart for a kpitools page: its ``<div>`` and its spec in a JSON data block.

    The page draws it with :data:`EMBED_JS` (after Vega and vega-embed are loaded); the
    spec is never part of a script that runs. A spec with a ``description`` (kpitools'
    charts say what they show, in the report's language) becomes a ``<figure>`` whose
    ``<figcaption>`` is that description, so a reader without the picture gets it in words.

    Examples
    --------
    >>> out = chart_html({"mark": "point", "title": "</script>"}, id="altair-viz-1")
    >>> out.count("<script"), out.count("</script>")
    (1, 1)
    """
    data = json_for_html({"spec": spec, "options": options or {}})
    chart = (
        f'<div id="{html.escape(id)}" class="kt-chart"></div>'
        f'<script type="application/json" class="kt-vega-spec">{data}</script>'
    )
    description = spec.get("description")
    if not isinstance(description, str) or not description.strip():
        return chart
    caption = f'<figcaption class="kt-caption">{html.escape(description)}</figcaption>'
    return f'<figure class="kt-figure">{chart}{caption}</figure>'


def altair_chart(text: str) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """The id, spec and embed options of Altair's HTML output of a chart; None if not one.

    Examples
    --------
    >>> import altair as alt
    >>> bundle = alt.Chart(alt.Data(values=[{"x": "</script>"}])).mark_point()._repr_mimebundle_()
    >>> found = altair_chart(bundle["text/html"])
    >>> found[0].startswith("altair-viz-"), found[1]["data"], found[2]
    (True, {'values': [{'x': '</script>'}]}, {'mode': 'vega-lite'})
    """
    m = _ALTAIR_HTML.match(text)
    if not m:
        return None
    decode = json.JSONDecoder().raw_decode
    try:
        spec, end = decode(text, m.end())
        if not text.startswith(", ", end):
            return None
        options, end = decode(text, end + 2)
    except ValueError:
        return None
    if not re.fullmatch(r"\);\s*</script>\s*", text[end:]):
        return None
    if not isinstance(spec, dict) or not isinstance(options, dict):
        return None
    return m.group(1), spec, options


_WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def inert_outputs(nb: Any) -> Any:
    """Charts in ``nb``'s outputs rewritten by :func:`chart_html` (in place; returns ``nb``).

    Altair's HTML output carries the spec, data included, inside JavaScript, where a
    ``</script>`` in a unit name ends the script and runs what follows. Vega and Vega-Lite
    mime outputs (Altair's ``mimetype`` renderer) are drawn the same way. A widget (no
    kernel behind a report to drive it) shows its static fallback: its ``text/html`` when
    it offers one, else its ``text/plain``, never nothing.
    """
    outputs = (output for cell in nb.cells for output in cell.get("outputs", []))
    for i, output in enumerate(outputs):  # numbered over the notebook: ids stay unique
        data = output.get("data")
        if not data:
            continue
        if _WIDGET_MIME in data:
            data = {k: v for k, v in data.items() if k != _WIDGET_MIME}
            if "text/html" not in data:
                data = {"text/plain": data.get("text/plain") or "(widget)"}
            output["data"] = data
        chart = None
        for mime, value in data.items():
            if (kind := _VEGA_MIME.fullmatch(mime)) and isinstance(value, dict):
                mode = "vega-lite" if kind.group(1) == "vegalite" else "vega"
                chart = (f"altair-viz-kt{i}", value, {"mode": mode})
                break
        html_text = data.get("text/html")
        if chart is None and html_text is not None:
            text = html_text if isinstance(html_text, str) else "".join(html_text)
            chart = altair_chart(text)
        if chart is not None:
            cid, spec, options = chart
            output["data"] = {"text/html": chart_html(spec, options, id=cid)}
    return nb


def script_hash(text: str) -> str:
    """The CSP source of an inline script: ``'sha256-…'`` of its text (UTF-8).

    Examples
    --------
    >>> script_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_DATA_TYPE = re.compile(r'\stype="?application/(?:[\w.+-]*\+)?json"?', re.I)
_SCRIPT_OPEN = re.compile(r"<script(\s[^>]*)?>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)


def _scripts(page: str) -> Iterable[tuple[str | None, str]]:
    """The attributes and text of each script element (its first closing tag ends it).

    The closing tag is searched for, not reached one character at a time by a lazy
    ``<script>(.*?)</script>`` through the packed data blocks (~0.5 MB a page).
    """
    at = 0
    while (opening := _SCRIPT_OPEN.search(page, at)) is not None:
        closing = _SCRIPT_CLOSE.search(page, opening.end())
        if closing is None:  # no element closes after this one
            return
        yield opening.group(1), page[opening.end() : closing.start()]
        at = closing.end()


def with_csp(page: str, allowed: Iterable[str], *, blob: bool = False) -> str:
    """``page`` with a Content-Security-Policy that lets only the ``allowed`` scripts run.

    The policy is computed from the finished page: every inline script element whose text
    is one of ``allowed`` is allowed by its hash; any other script (none is expected) is
    not, so it does not run. JSON data blocks are not scripts and need no hash. The
    ``<meta>`` goes right after ``<meta charset>`` (before any script or data); a page
    without one gets it at the start of its ``<head>``. ``blob`` adds ``blob:`` to the
    scripts allowed: the compressed Vega bundle, unpacked by an allowed script, runs so.

    Examples
    --------
    >>> page = '<html><head><meta charset="utf-8"></head><body><script>ok()</script>'
    >>> page += "<script>evil()</script></body></html>"
    >>> out = with_csp(page, ["ok()"])
    >>> script_hash("ok()") in out, script_hash("evil()") in out
    (True, False)
    """
    ours = set(allowed)
    hashes = sorted(
        {
            script_hash(text)
            for attrs, text in _scripts(page)
            if text in ours and not _DATA_TYPE.search(attrs or "")
        }
    )
    sources = " ".join([*hashes, "blob:"] if blob and hashes else hashes)
    policy = CSP.format(scripts=sources or "'none'")
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}">'
    )
    charset = re.search(r"<meta charset=[^>]*>", page, re.I)
    head = re.search(r"<head[^>]*>", page, re.I)
    at = charset.end() if charset else head.end() if head else 0
    return page[:at] + meta + page[at:]


def fingerprint(report: Report, files: Sequence[Path], *, show_code: bool) -> str:
    """A hash of everything a report depends on.

    Its notebook, parameters and data files, and the code that makes it: kpitools' own files
    and the versions of Python and the libraries that run and render it
    (:func:`code_digest`), so an upgrade or an edit of kpitools remakes every report.
    """
    from kpitools._version import version

    h = hashlib.sha256()
    h.update(file_digest(report.notebook, length=64).encode())
    h.update(json.dumps(report.parameters, sort_keys=True, default=str).encode())
    for f in files:
        h.update(f"{f.name}:{file_digest(f, length=64)}".encode())
    h.update(f"{version()}:{show_code}:{code_digest()}".encode())
    return h.hexdigest()


#: The distributions whose versions change what a report shows or how its page is built.
CODE_DISTRIBUTIONS = (
    "polars",
    "altair",
    "vl-convert-python",
    "nbconvert",
    "nbformat",
    "papermill",
    "nbclient",
    "ipykernel",
    "ipython",
    "jupyter-client",
)


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of kpitools' installed files and of the libraries' versions (once a process).

    Covers every file of the ``kpitools`` package (code, the HTML template, assets, data),
    the Python version and the versions of :data:`CODE_DISTRIBUTIONS`.
    """
    import platform
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    versions = {"python": platform.python_version()}
    for name in CODE_DISTRIBUTIONS:
        try:
            versions[name] = distribution_version(name)
        except PackageNotFoundError:
            versions[name] = "-"
    return digest_of_code(Path(__file__).resolve().parents[1], versions)


def digest_of_code(package: Path, versions: dict[str, str]) -> str:
    """A digest of the files under ``package`` (bytecode caches left out) and ``versions``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "a.py").write_text("x = 1")
    ...     one = digest_of_code(Path(d), {"polars": "1.0"})
    ...     two = digest_of_code(Path(d), {"polars": "1.1"})
    >>> one != two
    True
    """
    h = hashlib.sha256(json.dumps(versions, sort_keys=True).encode())
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo") or not path.is_file():
            continue
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            h.update(f"{path.relative_to(package).as_posix()}:{len(data)}:".encode())
            h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:32]


def cache_dir() -> Path:
    """Where kpitools keeps files it can rebuild: ``$KPITOOLS_CACHE``, else the user cache."""
    if env := os.environ.get("KPITOOLS_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kpitools"


def file_digest(path: str | os.PathLike[str], *, length: int = 64) -> str:
    """The first ``length`` hex digits of a file's SHA-256 (``kpitools.display.file_digest``).

    Here for the batch's own processes, which do not import polars as ``kpitools.display``
    does (~0.3 s of CPU in the command's and the workers' start).
    """
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:length]


def _stylesheet() -> str:
    """The stylesheet ``kpitools.display.stylesheet`` reads, read without polars."""
    return (Path(__file__).parents[1] / "assets" / "kpitools.css").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def vega_assets() -> tuple[str, str]:
    """The Vega, Vega-Lite and vega-embed JavaScript, built once per machine and version.

    Returns the versions bundled (as JSON, in Altair's ``VEGA_DEBUG`` form) and the bundle.
    Reports no longer run Altair's own loader (:func:`inert_outputs` replaces it), so only
    the bundle goes into a page. A cache hit imports neither Altair nor vl-convert.
    """
    from importlib.metadata import version

    key = f"{version('altair')}-{version('vl-convert-python')}"
    cached = cache_dir() / f"vega-bundle-{key}.json"
    try:
        assets = json.loads(cached.read_text(encoding="utf-8"))
        debug, js = assets["debug"], assets["js"]
    except (OSError, ValueError, KeyError):
        import altair as alt
        import vl_convert

        debug = {
            "vega_version": alt.VEGA_VERSION,
            "vegalite_version": alt.VEGALITE_VERSION,
            "vegaembed_version": alt.VEGAEMBED_VERSION,
        }
        vl = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
        snippet = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"
        # bundling takes ~1 s; keep the result (a cache that cannot be written is no error)
        js = vl_convert.javascript_bundle(snippet, vl)
        with contextlib.suppress(OSError):
            write_text_atomic(cached, json.dumps({"debug": debug, "js": js}))
    # A closing script tag inside the bundle would end our inline <script> early.
    return json.dumps(debug), js.replace("</script", "<\\/script")


def pack(text: str) -> str:
    """``text`` gzip-compressed (UTF-8, no time stamp) and base64-encoded, for a data block.

    The page unpacks it with the browser's ``DecompressionStream`` (:data:`EMBED_JS`).

    Examples
    --------
    >>> import gzip
    >>> gzip.decompress(base64.b64decode(pack("vega"))).decode()
    'vega'
    """
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    return base64.b64encode(data).decode("ascii")


@functools.lru_cache(maxsize=1)
def packed_vega() -> str:
    """The Vega, Vega-Lite and vega-embed bundle of :func:`vega_assets`, packed by :func:`pack`.

    About 0.4 MB instead of 0.9 MB; compressed once per process.
    """
    return pack(vega_assets()[1])


# (nbconvert may write the block's attributes in another order)
_SPEC_CLASS = re.compile(r'\bclass="kt-vega-spec"')


def _replace_elements(
    page: str,
    name: str,
    replace: Callable[[str, str, str], str],
    *,
    where: Callable[[str], object] | None = None,
) -> tuple[str, int]:
    """``page`` with each ``<name…>content</name>`` replaced by ``replace(open, content, close)``.

    Finds what ``re.subn(r"(<name[^>]*>)(.*?)(</name>)", …, flags=re.S)`` finds (an opening
    tag ``where`` accepts, when given, as a lookahead in the pattern would), by ``str.find``:
    a lazy ``.*?`` tries the closing tag at every character of the content, ~9 ms through a
    report's stylesheets. Returns the new page and the number of elements replaced.

    Examples
    --------
    >>> _replace_elements("<b>x</b><b class=y>z</b>", "b", lambda o, c, e: o + c.upper() + e)
    ('<b>X</b><b class=y>Z</b>', 2)
    """
    opening, closing = f"<{name}", f"</{name}>"
    parts, at, done, count = [], 0, 0, 0
    while (start := page.find(opening, at)) >= 0:
        gt = page.find(">", start + len(opening))
        end = page.find(closing, gt + 1) if gt >= 0 else -1
        if end < 0:  # nothing closes after here: no later match either
            break
        tag = page[start : gt + 1]
        if where is not None and not where(tag):
            at = start + 1  # as the pattern would, try the next opening (even inside)
            continue
        parts += [page[done:start], replace(tag, page[gt + 1 : end], closing)]
        at = done = end + len(closing)
        count += 1
    parts.append(page[done:])
    return "".join(parts), count


#: Vega's mark types: Vega calls a mark's item "<type> mark" and its group "<type> mark
#: container" for screen readers.
VEGA_MARKS = (
    "arc", "area", "group", "image", "line", "path", "rect", "rule", "shape", "symbol",
    "text", "trail",
)  # fmt: skip
#: Words Vega or Vega-Lite give a chart's parts as they are (Vega-Lite's marks, guides).
VEGA_ROLES = (
    "axis", "bar", "circle", "legend", "point", "square", "subtitle", "tick", "title",
    "visualization",
)  # fmt: skip


@functools.cache
def aria_words(lang: str) -> dict[str, str]:
    """Vega's English words for screen readers -> the words of ``lang``; empty for English.

    Examples
    --------
    >>> words = aria_words("vi")
    >>> words["rect mark container"], words["bar"], words["Vega visualization"]
    ('nhóm ô', 'cột', 'biểu đồ')
    >>> aria_words("en")
    {}
    """
    from kpitools.vocab import LANGS, word

    if lang == "en" or lang not in LANGS:
        return {}
    words = {role: word(f"chart.aria.{role}", lang) for role in VEGA_ROLES}
    for mark in VEGA_MARKS:
        words[f"{mark} mark"] = word(f"chart.aria.{mark}", lang)
        words[f"{mark} mark container"] = word(
            "chart.aria.container", lang, mark=words[f"{mark} mark"]
        )
    words["group mark container"] = words["group mark"]  # a group of groups: "nhóm"
    words["Vega visualization"] = words["visualization"]
    return words


def _page_lang(page: str) -> str:
    m = re.search(r"<html[^>]*\blang=\"([^\"]*)\"", page[:4096])
    return m.group(1) if m else ""


def pack_charts(page: str) -> tuple[str, bool]:
    """``page`` with its charts' data stored once and compressed; whether it has charts.

    Every chart's named datasets (Altair names a dataset by a hash of its rows, so the
    same rows get the same name) move into one packed JSON data block, ``#kt-datasets``,
    each name once; a chart's block keeps the names it uses. The Vega bundle goes into
    ``#kt-vega-js`` when the page has a chart, and not at all when it has none.
    """
    store: dict[str, Any] = {}

    def move(opening: str, text: str, closing: str) -> str:
        chart = json.loads(text)
        datasets = chart.get("spec", {}).pop("datasets", None)
        if not isinstance(datasets, dict) or not datasets:
            return opening + text + closing
        store.update(datasets)
        chart["datasets"] = sorted(datasets)
        return opening + json_for_html(chart) + closing

    page, charts = _replace_elements(page, "script", move, where=_SPEC_CLASS.search)
    if not charts:
        return page, False
    blocks = f'<script type="application/gzip" id="kt-vega-js">{packed_vega()}</script>'
    if words := aria_words(_page_lang(page)):
        blocks += f'<script type="application/json" id="kt-aria">{json_for_html(words)}</script>'
    if store:
        data = pack(_dumps(store))
        blocks += f'<script type="application/gzip" id="kt-datasets">{data}</script>'
    at = page.rfind("</main>")
    at = at if at >= 0 else len(page)
    return page[:at] + blocks + page[at:], True


def _css_rules(css: str) -> list[tuple[str, str | None]]:
    """The top-level rules of ``css`` (comments removed) as (prelude, body or None)."""
    rules: list[tuple[str, str | None]] = []
    i, n = 0, len(css)
    blank = re.compile(r"\s*")
    while i < n:
        brace = css.find("{", i)
        if brace < 0:
            break
        semi = css.find(";", i)
        start = blank.match(css, i).end()  # type: ignore[union-attr]
        if css.startswith("@", start) and 0 <= semi < brace:  # @import, @charset
            rules.append((css[i : semi + 1].strip(), None))
            i = semi + 1
            continue
        depth, k = 1, brace + 1
        while k < n and depth:
            depth += {"{": 1, "}": -1}.get(css[k], 0)
            k += 1
        rules.append((css[i:brace].strip(), css[brace + 1 : k - 1]))
        i = k
    return rules


_CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")

#: A stylesheet read once (:func:`_css_plan`): each top-level rule as ``(text, None)`` (kept
#: as it is), ``(prelude, plan)`` (a block pruned inside) or ``(body, selectors)`` with each
#: selector's classes.
_Plan = tuple[tuple[str, Any], ...]


@functools.lru_cache(maxsize=16)
def _css_plan(css: str) -> _Plan:
    """``css`` parsed once (a worker exports every report with the same stylesheets)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    plan: list[tuple[str, Any]] = []
    for prelude, body in _css_rules(css):
        if body is None:
            plan.append((prelude, None))
        elif prelude.startswith(("@media", "@supports")):
            plan.append((prelude, _css_plan(body)))
        elif prelude.startswith("@"):
            plan.append((f"{prelude}{{{body.strip()}}}", None))
        else:
            selectors = tuple(
                (sel.strip(), frozenset(_CSS_CLASS.findall(re.sub(r":not\([^)]*\)", "", sel))))
                for sel in prelude.split(",")
            )
            plan.append((" ".join(body.split()), selectors))
    return tuple(plan)


def _used(plan: _Plan, classes: set[str] | frozenset[str]) -> str:
    kept = []
    for text, rest in plan:
        if rest is None:
            kept.append(text)
        elif rest and isinstance(rest[0][1], frozenset):  # a rule: its selectors
            selectors = [sel for sel, needs in rest if needs <= classes]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{text}}}")
        elif inner := _used(rest, classes):  # @media, @supports
            kept.append(f"{text}{{{inner}}}")
    return "\n".join(kept)


def used_css(css: str, classes: set[str]) -> str:
    """The rules of ``css`` that can apply to a page whose elements have ``classes``.

    A selector naming a class no element has is dropped (classes inside ``:not()`` do not
    count); a rule without selectors left goes; ``@media`` and ``@supports`` blocks are
    pruned inside. JupyterLab's stylesheet (240 kB) is so cut to what a report uses.

    Examples
    --------
    >>> used_css(".a, .b p { color: red } .c { margin: 0 }", {"b"})
    '.b p{color: red}'
    """
    return _used(_css_plan(css), classes)


_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')


def _used_lab_css(page: str, ours: str) -> str:
    """``page`` with each ``<style>`` but kpitools' own (``ours``) cut by :func:`used_css`."""
    classes = _classes(page)
    page, _ = _replace_elements(
        page,
        "style",
        lambda opening, css, closing: (
            opening + (css if css == ours else used_css(css, classes)) + closing
        ),
    )
    return page


def _classes(page: str) -> set[str]:
    """The classes of ``page``'s elements: every ``class="…"`` as :data:`_CLASS_ATTR` finds.

    Found by ``str.find``, not after a word character: a regular expression that starts
    with a word boundary tries every position of the page, its ~1 MB of chart data included.
    """
    found: set[str] = set()
    at = page.find('class="')
    while at >= 0:
        start = at + len('class="')
        end = page.find('"', start)
        if end < 0:
            break
        before = page[at - 1] if at else " "
        if not (before.isalnum() or before == "_"):
            found.update(page[start:end].split())
        at = page.find('class="', start)
    return found


_LANG_HEADER = re.compile(r'<header class="kt-header" lang="(\w+)"')


def report_lang(nb: Any) -> str | None:
    """The language a report was made in, or None when nothing says.

    Its header's ``lang`` (``kpitools.report_header`` writes it), else the ``lang``
    papermill gave it.
    """
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/html", "")
            text = text if isinstance(text, str) else "".join(text)
            if m := _LANG_HEADER.search(text):
                return m.group(1)
    papermill = nb.metadata.get("papermill", {})
    for key in ("parameters", "default_parameters"):
        lang = (papermill.get(key) or {}).get("lang")
        if isinstance(lang, str):
            return lang
    return None


def in_lang(text: str, lang: str) -> str:
    """The ``lang`` half of a bilingual ``"Vietnamese / English"`` text (others as they are).

    Examples
    --------
    >>> in_lang("Hồ sơ đơn vị / District profile", "en"), in_lang("Hà Nội", "en")
    ('District profile', 'Hà Nội')
    """
    halves = text.split(" / ")
    if len(halves) != 2:
        return text
    return halves[1].strip() if lang == "en" else halves[0].strip()


# ------------------------------------------------------------ nbconvert's last pass, faster
#
# nbconvert's HTMLExporter ends by parsing its page with BeautifulSoup (html.parser), giving
# images without ``alt`` one and the cells' input and output areas ``tabindex="0"``, and
# writing the page out again, which normalizes its markup (attributes sorted, void elements
# closed with ``/>``, entities replaced by their characters, ``&``, ``<``, ``>`` escaped): ~15
# ms a report, the export's largest part. :func:`_soup_page` writes the same page directly
# for the markup kpitools' reports are made of and declines (None) anything else, which
# then goes through BeautifulSoup as before. :func:`_soup_agrees` checks once per process
# that it writes what the installed BeautifulSoup writes.

_TOKEN = re.compile(
    r"<(?P<tag>[a-z][a-z0-9-]*)(?P<attrs>(?:[ \t\n\r\f]+[a-z][a-z0-9_.:-]*=\"[^\"]*\")*)"
    r"[ \t\n\r\f]*(?P<slash>/?)>"
    r"|</(?P<end>[a-z][a-z0-9-]*)>"
    r"|(?P<text>[^<&]+)"
    r"|&(?P<ref>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});"
)
_ATTR = re.compile(r'[ \t\n\r\f]+([a-z][a-z0-9_.:-]*)="([^"]*)"')
_DOCTYPE = "<!DOCTYPE html>"
#: elements whose text is not markup (their closing tag ends them)
_RAW_TEXT = frozenset({"script", "style"})
#: elements newer Pythons' html.parser reads as text only: taken when their text is plain
_PLAIN_TEXT = frozenset({"title", "textarea"})
#: elements left to BeautifulSoup (an image may lack its alt text; the others are read
#: differently by some versions of html.parser or BeautifulSoup)
_UNSURE = frozenset(
    {"img", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "template", "svg",
     "math"}
)  # fmt: skip
#: nbconvert's selectors: ``.jp-Notebook div.jp-Cell-inputWrapper`` and
#: ``.jp-Notebook div.jp-OutputArea-output`` get ``tabindex="0"``
_NOTEBOOK = "jp-Notebook"
_FOCUSABLE = frozenset({"jp-Cell-inputWrapper", "jp-OutputArea-output"})
_SELECTED = {c.lower(): c for c in (_NOTEBOOK, *_FOCUSABLE)}


@functools.lru_cache(maxsize=1)
def _soup_rules() -> tuple[frozenset[str], dict[str, Any], Any, dict[str, str], frozenset[str]]:
    """BeautifulSoup's own tables, as the installed version has them.

    Void elements, attributes of several values, the pattern that splits them, the named
    character references, the elements that keep blank text.
    """
    from bs4.builder import nonwhitespace_re
    from bs4.builder._htmlparser import HTMLParserTreeBuilder
    from bs4.dammit import EntitySubstitution

    builder = HTMLParserTreeBuilder()
    return (
        frozenset(builder.empty_element_tags or ()),
        dict(builder.cdata_list_attributes or {}),
        nonwhitespace_re,
        EntitySubstitution.HTML_ENTITY_TO_CHARACTER,
        frozenset(builder.preserve_whitespace_tags or ()),
    )


#: what BeautifulSoup counts as blank text (ASCII spaces only)
_SOUP_BLANKS = " \n\t\f\r"


@functools.lru_cache(maxsize=256)
def _list_attributes(name: str) -> frozenset[str]:
    """The attributes of element ``name`` that BeautifulSoup splits into words."""
    lists = _soup_rules()[1]
    return frozenset(lists.get("*", ())) | frozenset(lists.get(name, ()))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted(value: str) -> str:
    """An attribute's value as BeautifulSoup quotes it."""
    value = _escape(value)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def _reference(ref: str) -> str | None:
    """The character(s) of ``&ref;`` as BeautifulSoup reads it, or None.

    None where html.parser or BeautifulSoup do something else: a name BeautifulSoup does not
    know (it keeps the text and drops the ``;``), a number html.parser makes U+FFFD.
    """
    if not ref.startswith("#"):
        return _soup_rules()[3].get(ref)
    code = int(ref[2:], 16) if ref[1:2] in ("x", "X") else int(ref[1:])
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return None  # html.parser makes them U+FFFD, in its own ways
    if code < 256:  # as windows-1252, where that code means a character
        with contextlib.suppress(UnicodeDecodeError):
            return bytes([code]).decode("windows-1252")
    return chr(code)


def _attributes(name: str, text: str) -> dict[str, str] | None:
    """The attributes of a start tag as BeautifulSoup keeps them; None if it is unsure."""
    words = _soup_rules()[2]
    found = _ATTR.findall(text)
    attrs = {key: html.unescape(value) for key, value in found}
    if len(attrs) < len(found):  # a name twice
        return None
    for key in _list_attributes(name).intersection(attrs):
        attrs[key] = " ".join(words.findall(attrs[key]))
    if name == "meta":
        if "http-equiv" in attrs:
            return None
        if "charset" in attrs:  # BeautifulSoup writes the encoding it writes in
            attrs["charset"] = "utf-8"
    for word in attrs.get("class", "").split(" "):
        if word.lower() in _SELECTED and word not in _SELECTED.values():
            return None  # another case of a selected class: left to the selector
    return attrs


@functools.lru_cache(maxsize=4096)
def _start_tag(name: str, attrs_text: str, inside: bool) -> tuple[str, bool] | None:
    """A start tag as BeautifulSoup writes it (without its ``>``), or None if unsure.

    Also whether it has the class ``jp-Notebook``; ``inside``: within an element of that
    class. Kept: a report repeats a few tags hundreds of times.
    """
    attrs = None if name in _UNSURE else _attributes(name, attrs_text)
    if attrs is None:
        return None
    classes = attrs.get("class", "").split(" ")
    if name == "div" and inside and _FOCUSABLE.intersection(classes):
        attrs["tabindex"] = "0"
    tag = "<" + name + "".join(f" {k}={_quoted(v)}" for k, v in sorted(attrs.items()))
    return tag, _NOTEBOOK in classes


class _Page:
    """A page as BeautifulSoup writes it, built token by token (see :func:`_soup_page`)."""

    def __init__(self, page: str) -> None:
        self.page, self.out, self.at = page, [_DOCTYPE + "\n"], len(_DOCTYPE)
        self.open: list[tuple[str, bool]] = []  # element, inside .jp-Notebook
        self.text: list[str] = []  # the text since the last tag, its references read
        self.keep = 0  # elements open that keep their blank text (pre, textarea)

    def flush(self, escape: bool = True) -> None:
        """Write the text since the last tag; blank text becomes one newline or space."""
        if not self.text:
            return
        text = "".join(self.text)
        self.text = []
        if not self.keep and not text.strip(_SOUP_BLANKS):
            text = "\n" if "\n" in text else " "
        self.out.append(_escape(text) if escape else text)

    def start(self, name: str, attrs_text: str, slash: str) -> bool:
        inside = self.open[-1][1] if self.open else False
        made = _start_tag(name, attrs_text, inside)
        if made is None:
            return False
        self.flush()
        tag, notebook = made
        if name in _soup_rules()[0]:
            self.out.append(tag + "/>")
            return True
        if slash:
            return False
        self.out.append(tag + ">")
        self.open.append((name, inside or notebook))
        self.keep += name in _soup_rules()[4]
        return name not in _RAW_TEXT | _PLAIN_TEXT or self.text_of(name)

    def text_of(self, name: str) -> bool:
        """The text of a ``script``, ``style``, ``title`` or ``textarea``, to its closing tag."""
        page, at = self.page, self.at
        end = page.find("</", at)
        # html.parser ends it at the first "</" + blanks + name (any case) + blanks + ">"
        while end >= 0 and page[end + 2 : end + 2 + len(name)].lower() != name:
            if page[end + 2 : end + 3].isspace():
                return False
            end = page.find("</", end + 2)
        if end < 0 or not page.startswith(f"</{name}>", end):
            return False
        text = page[at:end]
        if name in _RAW_TEXT:
            if "<!--" in text:  # read differently by newer Pythons
                return False
        elif "<" in text or "&" in text:
            return False
        if text:
            self.text.append(text)
            self.flush(escape=name not in _RAW_TEXT)
        self.at = end
        return True

    def end(self, name: str) -> bool:
        if not self.open or self.open[-1][0] != name:
            return False
        self.flush()
        self.open.pop()
        self.keep -= name in _soup_rules()[4]
        self.out.append(f"</{name}>")
        return True

    def token(self, m: re.Match[str]) -> bool:
        if (text := m.group("text")) is not None:
            self.text.append(text)
            return True
        if (ref := m.group("ref")) is not None:
            char = _reference(ref)
            self.text.append(char or "")
            return char is not None
        if (name := m.group("end")) is not None:
            return self.end(name)
        return self.start(m.group("tag"), m.group("attrs"), m.group("slash"))


def _soup_page(page: str) -> str | None:
    """``page`` as nbconvert's HTMLExporter leaves it after BeautifulSoup, or None.

    None when the page has markup this function leaves to BeautifulSoup (see the comment
    above :data:`_TOKEN`).
    """
    if not page.startswith(_DOCTYPE) or "\x00" in page:
        return None
    writer = _Page(page)
    while writer.at < len(page):
        m = _TOKEN.match(page, writer.at)
        if m is None:
            return None
        writer.at = m.end()
        if not writer.token(m):
            return None
    writer.flush()
    return None if writer.open else "".join(writer.out)


def _soup_of(page: str) -> tuple[str, int]:
    """What nbconvert's HTMLExporter does to its page, with BeautifulSoup.

    Returns the page and the number of images given an ``alt`` text.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, features="html.parser")
    missing_alt = 0
    for elem in soup.select("img:not([alt])"):
        elem.attrs["alt"] = "No description has been provided for this image"
        missing_alt += 1
    for elem in soup.select(".jp-Notebook div.jp-Cell-inputWrapper"):
        elem.attrs["tabindex"] = "0"
    for elem in soup.select(".jp-Notebook div.jp-OutputArea-output"):
        elem.attrs["tabindex"] = "0"
    return str(soup), missing_alt


#: A page with each kind of markup :func:`_soup_page` takes, for :func:`_soup_agrees` (none
#: that nbconvert's selectors pick: checking them would build soupsieve's selectors, ~0.2 s;
#: the tests check them).
_SOUP_PROBE = (
    '<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="UTF-8" />\n<title>a > b</title>'
    '<style type="text/css">a > b { x: "&amp;" }</style></head>\n'
    '<body class="kt-page  x" data-x="1"><main>\n'
    '<div class="jp-Cell jp-CodeCell"><div class="kt-a" tabindex="-1">'
    '<div id="a" class=" kt-b  x">&#x27;q&#39; &quot;d&quot; &#273; &#150;'
    " &nbsp; &lt;b&gt; a > b<br><hr/>"
    '<span data-u="&quot;q&quot;" data-t="a &quot;b&quot; it&#x27;s">'
    '</span></div></div></div><p class="kt-a">p</p><pre>\n  </pre>\n'
    '<script type="application/json" class="kt-vega-spec">{"a": "x\\u003c/"}</script>'
    "<script>if (a < b && c) {}</script></main></body>\n</html>\n"
)


@functools.lru_cache(maxsize=1)
def _soup_agrees() -> bool:
    """Whether :func:`_soup_page` writes what the installed BeautifulSoup writes.

    Checked once per process, on :data:`_SOUP_PROBE`: html.parser and BeautifulSoup change
    from one version to the next.
    """
    from bs4 import BeautifulSoup

    return _soup_page(_SOUP_PROBE) == str(BeautifulSoup(_SOUP_PROBE, features="html.parser"))


@functools.lru_cache(maxsize=1)
def _exporter_class() -> Any:
    """The class of nbconvert's ``HTMLExporter``, its last pass by :func:`_soup_page` if it can.

    The subclass repeats the setup of nbconvert 7's ``from_notebook_node``; under another
    major version nbconvert's own exporter is used as it is.
    """
    import nbconvert
    from nbconvert import HTMLExporter

    if nbconvert.__version__.split(".")[0] != "7":
        return HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class Exporter(HTMLExporter):
        def from_notebook_node(  # type: ignore[override]
            self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any
        ) -> tuple[str, dict[str, Any]]:
            # HTMLExporter.from_notebook_node (nbconvert 7) up to its page, then its last pass
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight = self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
            )
            resources = self._init_resources(resources)
            data_type = WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            )
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_type)
            page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            done = _soup_page(page) if _soup_agrees() else None
            if done is None:
                done, missing_alt = _soup_of(page)
                if missing_alt:
                    self.log.warning("Alternative text is missing on %s image(s).", missing_alt)
            return done, resources

    return Exporter


@functools.lru_cache(maxsize=1)
def exporters() -> tuple[Any, Any]:
    """The two nbconvert HTML exporters (code hidden, code shown), built once per process."""
    exporter = _exporter_class()
    return exporter(**_exporter_options(False)), exporter(**_exporter_options(True))


def _exporter_options(show_code: bool) -> dict[str, Any]:
    """The options kpitools gives nbconvert's ``HTMLExporter``."""
    return {
        "extra_template_basedirs": [str(TEMPLATES)],
        "template_name": "kpitools",
        "exclude_input": not show_code,
        "exclude_input_prompt": True,
        "exclude_output_prompt": True,
        # the notebook is checked once after the preprocessors, not after each one
        "optimistic_validation": True,
    }


def export_html(
    nb: Any, *, footer: str = "", show_code: bool = False, title: str = "", lang: str | None = None
) -> str:
    """Render an executed notebook (a path or a NotebookNode) as one self-contained page.

    ``<html lang>`` is ``lang``, else the report's own (:func:`report_lang`), else ``vi``;
    a bilingual ``title`` ("Vietnamese / English") keeps that language's half. The page
    carries each chart dataset once and the Vega bundle compressed (:func:`pack_charts`),
    and of JupyterLab's stylesheet only the rules its elements can use (:func:`used_css`).
    """
    import nbformat

    from kpitools._version import version

    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.read(nb, as_version=4)
    nb = nbformat.from_dict(nb)  # a copy: the caller's notebook keeps every cell
    spec = nb.metadata.get("kernelspec")
    if isinstance(spec, dict) and not {"name", "display_name"} <= spec.keys():
        del nb.metadata["kernelspec"]  # unnamed (nbclient's Output.ipynb): invalid, and unused
    # The injected-parameters cell repeats what the header says in words.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    lang = lang or report_lang(nb) or "vi"
    if title:
        nb.metadata["title"] = " — ".join(in_lang(part, lang) for part in title.split(" — "))
    inert_outputs(nb)
    resources = {
        "kpitools": {
            "version": version(),
            "css": _stylesheet(),
            "embed_js": EMBED_JS,
            "footer": footer,
        }
    }
    body, _ = exporters()[bool(show_code)].from_notebook_node(nb, resources=resources)
    page = re.sub(r'<html lang="[^"]*">', f'<html lang="{html.escape(lang)}">', str(body), count=1)
    page, charts = pack_charts(_used_lab_css(page, _stylesheet()))
    return with_csp(page, [EMBED_JS], blob=charts)


def footer_html(report: Report, inputs: Iterable[tuple[str, str]]) -> str:
    """The footer of a report: which data and parameters made it, and with which kpitools.

    In the report's language (its ``lang`` parameter; Vietnamese when it has none).
    """
    from kpitools._version import version
    from kpitools.vocab import LANGS, word

    e = html.escape
    lang = report.parameters.get("lang", "vi")
    lang = lang if lang in LANGS else "vi"
    files = ", ".join(f"{e(name)} (sha256 {e(digest[:12])})" for name, digest in inputs)
    stamp = time.strftime("%Y-%m-%d %H:%M %z")
    data = word("display.data", lang).lower()
    return (
        f"{e(in_lang(report.title, lang))} · {e(report.origin.name)} · {data}: {files or '–'} · "
        f"kpitools {e(version())} · {e(stamp)}"
    )


def write_index(outcomes: Sequence[Outcome], out: Path) -> Path:
    """``index.html``: every report with its status, grouped by report kind and year."""
    e = html.escape
    groups: dict[tuple[str, str], list[Outcome]] = {}
    for o in outcomes:
        year = o.report.parameters.get("year", "")
        groups.setdefault((o.report.title, str(year)), []).append(o)
    sections = []
    for (title, year), items in sorted(groups.items()):
        rows = []
        for o in sorted(items, key=lambda o: o.report.name):
            params = ", ".join(f"{k} = {v}" for k, v in o.report.parameters.items())
            link = (
                f'<a href="{e(o.report.html_name)}">{e(o.report.name)}</a>'
                if o.html is not None
                else e(o.report.name)
            )
            status = e(o.status) + (f": {e(o.error)}" if o.error else "")
            rows.append(
                f'<tr class="kt-{e(o.status)}"><td>{link}</td><td>{e(params)}</td>'
                f"<td>{status}</td></tr>"
            )
        heading = f"{e(title)}" + (f" — {e(year)}" if year else "")
        sections.append(
            f"<section><h2>{heading}</h2><table><thead><tr><th>Báo cáo / Report</th>"
            "<th>Tham số / Parameters</th><th>Trạng thái / Status</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )
    ok = sum(o.ok for o in outcomes)
    page = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>kpitools — báo cáo / reports</title><style>{_stylesheet()}</style></head>"
        '<body class="kt-page kt-index"><h1>Báo cáo / Reports</h1>'
        f"<p>{ok} of {len(outcomes)} ok.</p>{''.join(sections)}</body></html>"
    )
    return write_text_atomic(out / "index.html", with_csp(page, []))
