"""The explorer's front-end widgets: a Vega chart updated in place, and an HTML view.

:class:`ChartView` holds a Vega-Lite spec without data, its datasets and its parameter
values. The browser draws the spec once and then applies changes in place
(``view.data(...)``, ``view.signal(...)``, one ``runAsync``); it draws anew only when the
spec itself changes (another language or set of bands). The Vega library (vl-convert's
offline bundle, about 0.9 MB) is not part of the widget: the first chart of a page asks the
kernel for it once and every chart of the page shares it. A click on a unit is sent to
Python as a small message (``{"type": "pick", "unit": code, "add": shift}``).

Every view writes ``data-rev`` on its element once the state numbered ``rev`` is on screen:
what the browser benchmark and tests wait for.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

import anywidget
import traitlets

_CHART_JS = r"""
const LIB = "__kpitoolsVegaLib";

function vegaLib(model) {
  if (globalThis.__kpitoolsVega) return Promise.resolve(globalThis.__kpitoolsVega);
  const waiting = globalThis[LIB];
  if (waiting && !waiting.failed) return waiting.promise;
  const entry = { failed: false };
  entry.promise = new Promise((resolve, reject) => {
    const onMsg = async (msg) => {
      if (!msg || msg.type !== "lib") return;
      model.off("msg:custom", onMsg);
      try {
        const url = URL.createObjectURL(new Blob([msg.code], { type: "text/javascript" }));
        await import(/* webpackIgnore: true */ url);
        URL.revokeObjectURL(url);
        resolve(globalThis.__kpitoolsVega);
      } catch (err) {
        entry.failed = true;
        reject(err);
      }
    };
    model.on("msg:custom", onMsg);
    model.send({ type: "lib" });
  });
  globalThis[LIB] = entry;
  return entry.promise;
}

const swapped = (s) => s == null ? s : s.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
function columnsOf(p) {
  // by column (see pack in front.py): a column of few texts as indexes into them, a
  // Vietnamese text as the English one with "." and "," swapped
  const cols = {};
  const names = Object.keys(p.cols);
  for (const name of names) {
    const c = p.cols[name];
    if (Array.isArray(c)) cols[name] = c;
    else if (c.i) cols[name] = c.i.map((k) => c.d[k]);
  }
  for (const name of names) {
    const c = p.cols[name];
    if (!Array.isArray(c) && c.swap) cols[name] = cols[c.swap].map(swapped);
  }
  return { n: p.n, names, cols };
}
// the columns of the datasets last seen by version, shared by the charts of the page
// (the ranking and the heatmap draw the same rows)
const COLUMNS = "__kpitoolsColumns";
function unpacked(d) {
  const seen = globalThis[COLUMNS] || (globalThis[COLUMNS] = new Map());
  let got = seen.get(d.v);
  if (!got) {
    const p = JSON.parse(d.json);
    got = Array.isArray(p) ? { rows: p } : columnsOf(p);
    seen.set(d.v, got);
    while (seen.size > 16) seen.delete(seen.keys().next().value);
  }
  return got;
}
function rowsOf(d) {
  // rows travel as one JSON string: the widget protocol does not walk every row
  const { rows, n, names, cols } = unpacked(d);
  // fresh objects each time: Vega marks the rows it is given
  if (rows) return rows.map((row) => ({ ...row }));
  const out = new Array(n);
  for (let r = 0; r < n; r++) {
    const row = {};
    for (const name of names) row[name] = cols[name][r];
    out[r] = row;
  }
  return out;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function render({ model, el }) {
  el.classList.add("kt-view");
  // drawn charts by spec (e.g. one per language), so switching back draws nothing anew
  const drawn = new Map();
  let current = null;
  let alive = true;
  let chain = Promise.resolve();

  const onClick = (event, item) => {
    let d = item && item.datum;
    while (d && d.unit_code == null && d.datum) d = d.datum;
    if (!d || d.unit_code == null) return;
    const add = !!(event && (event.shiftKey || event.ctrlKey || event.metaKey));
    model.send({ type: "pick", unit: String(d.unit_code), add });
  };

  const embed = async (lib, spec, data, signals) => {
    const box = document.createElement("div");
    box.className = "kt-vega";
    el.appendChild(box);
    const datasets = {};
    const versions = {};
    for (const [name, d] of Object.entries(data)) {
      datasets[name] = rowsOf(d);
      versions[name] = d.v;
    }
    const params = (spec.params || []).map((p) =>
      p.name in signals ? { ...p, value: signals[p.name] } : p
    );
    // a chart as wide as its box: drawn at the box's width, fitted whenever it changes
    const fit = spec.width === "container";
    const width = el.clientWidth || 480;
    const sized = fit
      ? { ...spec, width: width - 8, autosize: { type: "fit-x", contains: "padding" } }
      : spec;
    const result = await lib.vegaEmbed(box, { ...sized, params, datasets }, {
      renderer: "svg",
      mode: "vega-lite",
      actions: { export: true, source: false, compiled: false, editor: false },
    });
    result.view.addEventListener("click", onClick);
    return { box, view: result.view, versions, fit, width };
  };

  const update = async (entry, data, signals) => {
    let changed = false;
    for (const [name, d] of Object.entries(data)) {
      if (entry.versions[name] !== d.v) {
        entry.view.data(name, rowsOf(d));
        entry.versions[name] = d.v;
        changed = true;
      }
    }
    for (const [name, value] of Object.entries(signals)) {
      if (!same(entry.view.signal(name), value)) {
        entry.view.signal(name, value);
        changed = true;
      }
    }
    if (entry.fit) {
      const width = el.clientWidth;
      if (width > 0 && width !== entry.width) {
        entry.view.width(width - 8);
        entry.width = width;
        changed = true;
      }
    }
    if (changed) await entry.view.runAsync();
  };

  const apply = async () => {
    if (!alive) return;
    const rev = model.get("rev");
    const spec = model.get("spec");
    const data = model.get("data") || {};
    const signals = model.get("signals") || {};
    const key = model.get("spec_id");
    if (spec && Object.keys(spec).length) {
      const lib = await vegaLib(model);
      if (!alive) return;
      let entry = drawn.get(key);
      if (entry) {
        await update(entry, data, signals);
      } else {
        entry = await embed(lib, spec, data, signals);
        if (!alive) { entry.view.finalize(); return; }
        drawn.set(key, entry);
      }
      if (current !== entry) {
        for (const other of drawn.values()) other.box.style.display = other === entry ? "" : "none";
        current = entry;
        await update(entry, data, signals); // shown again: fitted to the box's width now
      }
      while (drawn.size > 3) {
        const [oldest, gone] = drawn.entries().next().value;
        if (gone === current) break;
        gone.view.finalize();
        gone.box.remove();
        drawn.delete(oldest);
      }
      if (drawn.size > 1) later(others);
    }
    if (alive && rev === model.get("rev")) el.dataset.rev = String(rev);
  };

  // the drawings not in sight (the other language's) follow the data when the page has
  // nothing else to do, so that switching to them redraws little
  const others = async () => {
    const data = model.get("data") || {};
    const signals = model.get("signals") || {};
    for (const entry of drawn.values()) {
      if (alive && entry !== current) await update(entry, data, signals);
    }
  };

  const run = (step) => {
    chain = chain.then(step).catch((err) => {
      el.dataset.error = String(err && err.message ? err.message : err);
      console.warn("kpitools chart:", err);
    });
  };
  const waiting = new Set();
  const later = (step) => {
    if (waiting.has(step)) return;
    waiting.add(step);
    const go = () => { waiting.delete(step); run(step); };
    if (globalThis.requestIdleCallback) requestIdleCallback(go, { timeout: 2000 });
    else setTimeout(go, 50);
  };

  const schedule = () => {
    // when the state's message arrived: the benchmark splits kernel time from drawing
    el.dataset.arrived = performance.now().toFixed(1);
    // a chart out of sight (in the closed tab) is drawn when the page has nothing else to do
    // (a class, not el.offsetParent: no layout forced while the page changes)
    if (el.closest(".lm-mod-hidden")) later(apply);
    else run(apply);
  };
  model.on("change:rev", schedule);
  schedule();
  return () => {
    alive = false;
    model.off("change:rev", schedule);
    for (const entry of drawn.values()) entry.view.finalize();
    drawn.clear();
  };
}

export default { render };
"""

_HTML_JS = r"""
function render({ model, el }) {
  el.classList.add("kt-view");
  const show = () => {
    el.dataset.arrived = performance.now().toFixed(1);
    el.innerHTML = model.get("html");
    el.dataset.rev = String(model.get("rev"));
  };
  model.on("change:rev", show);
  show();
  return () => model.off("change:rev", show);
}
export default { render };
"""


@functools.cache
def vega_bundle() -> str:
    """vl-convert's offline Vega, Vega-Lite and vega-embed, as one ES module.

    Running it sets ``globalThis.__kpitoolsVega = {vegaEmbed, vega}``.
    """
    import altair as alt
    import vl_convert

    version = "v" + ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return str(
        vl_convert.javascript_bundle(
            "globalThis.__kpitoolsVega = {vegaEmbed, vega};", vl_version=version
        )
    )


#: Vietnamese separators: "." groups thousands, "," marks decimals (English's the other way).
_SWAP = str.maketrans({",": ".", ".": ","})


def pack(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as the JSON a chart receives: by column, about a quarter of the rows' JSON.

    A column of strings with many repeats is sent as its distinct strings and an index per
    row; a column ``X_vi`` that is column ``X_en`` with ``.`` and ``,`` swapped is sent as
    that rule. :func:`unpack` (and the page) rebuild the rows.

    Examples
    --------
    >>> rows = [{"unit": "A", "n_t_en": "1,234.5", "n_t_vi": "1.234,5"}] * 3
    >>> pack(rows)
    '{"n":3,"cols":{"unit":{"d":["A"],"i":[0,0,0]},"n_t_en":{"d":["1,234.5"],"i":[0,0,0]},\
"n_t_vi":{"swap":"n_t_en"}}}'
    >>> unpack(pack(rows)) == rows
    True
    """
    names = list(rows[0]) if rows else []
    if any(list(row) != names for row in rows):
        return _dumps(list(rows))  # rows of different fields: as they are
    return _dumps({"n": len(rows), "cols": columns(rows)})


def columns(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The columns of :func:`pack` (rows of the same fields).

    The columns of two sets of rows of the same length merge into one (:func:`pack_columns`).
    """
    names = list(rows[0]) if rows else []
    cols: dict[str, Any] = {name: [row[name] for row in rows] for name in names}
    packed: dict[str, Any] = {}
    for name, values in cols.items():
        en = cols.get(name[:-3] + "_en") if name.endswith("_vi") else None
        if en is not None and all(
            isinstance(e, str) and v == e.translate(_SWAP) for v, e in zip(values, en, strict=True)
        ):
            packed[name] = {"swap": name[:-3] + "_en"}
        elif all(isinstance(v, str) for v in values) and 2 * len(set(values)) <= len(values):
            distinct = list(dict.fromkeys(values))
            index = {v: i for i, v in enumerate(distinct)}
            packed[name] = {"d": distinct, "i": [index[v] for v in values]}
        else:
            packed[name] = values
    return packed


def unpack(text: str) -> list[dict[str, Any]]:
    """The rows of :func:`pack`'s JSON."""
    data = json.loads(text)
    if isinstance(data, list):
        return data
    packed = data["cols"]
    cols: dict[str, list[Any]] = {}
    for name, c in packed.items():
        if isinstance(c, list):
            cols[name] = c
        elif "i" in c:
            cols[name] = [c["d"][i] for i in c["i"]]
    for name, c in packed.items():
        if isinstance(c, dict) and "swap" in c:
            cols[name] = [v.translate(_SWAP) for v in cols[c["swap"]]]
    return [{name: cols[name][r] for name in packed} for r in range(int(data["n"]))]


def pack_columns(n: int, *parts: dict[str, Any]) -> str:
    """:func:`pack`'s JSON of ``n`` rows made of the :func:`columns` of their parts."""
    merged: dict[str, Any] = {}
    for part in parts:
        merged.update(part)
    return _dumps({"n": n, "cols": merged})


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _version(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


class ChartView(anywidget.AnyWidget):
    """A Vega-Lite chart that the browser updates in place (see the module docstring)."""

    _esm = _CHART_JS
    spec = traitlets.Dict().tag(sync=True)
    spec_id = traitlets.Unicode("").tag(sync=True)
    data = traitlets.Dict().tag(sync=True)
    signals = traitlets.Dict().tag(sync=True)
    rev = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_pick: Callable[[str, bool], None] | None = None
        self._spec_key: Any = None
        self.on_msg(self._message)

    def on_pick(self, callback: Callable[[str, bool], None]) -> None:
        """Call ``callback(unit_code, add)`` when a unit is clicked (``add``: shift-click)."""
        self._on_pick = callback

    def _message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        if content.get("type") == "lib":
            self.send({"type": "lib", "code": vega_bundle()})
        elif content.get("type") == "pick" and self._on_pick is not None:
            self._on_pick(str(content.get("unit", "")), bool(content.get("add")))

    def show(
        self,
        spec_key: Any,
        spec: Callable[[], dict[str, Any]],
        data: dict[str, tuple[Any, Callable[[], list[dict[str, Any]]]]],
        signals: dict[str, Any],
        rev: int,
    ) -> None:
        """Bring the chart to a state numbered ``rev``; only what changed is sent.

        ``spec`` is built only when ``spec_key`` differs from the one shown; ``data`` maps
        each dataset's name to a key and a builder called only when the key changed, which
        returns the rows or the rows already packed (:func:`pack`).
        """
        with self.hold_sync():
            if spec_key != self._spec_key:
                drawn = spec()
                self.spec = drawn
                self.spec_id = _version(json.dumps(drawn, sort_keys=True))
                self._spec_key = spec_key
            shown = self.data
            if any(
                name not in shown or shown[name].get("k") != repr(key)
                for name, (key, _) in data.items()
            ):
                new = {}
                for name, (key, build) in data.items():
                    if name in shown and shown[name].get("k") == repr(key):
                        new[name] = shown[name]
                    else:
                        built = build()
                        text = built if isinstance(built, str) else pack(built)
                        new[name] = {"k": repr(key), "v": _version(text), "json": text}
                self.data = new
            if signals != self.signals:
                self.signals = dict(signals)
            self.rev = rev

    def rows(self, name: str = "rows") -> list[dict[str, Any]]:
        """The rows of one of the chart's datasets as sent to the browser."""
        shown = self.data.get(name)
        return unpack(shown["json"]) if shown else []


class HtmlView(anywidget.AnyWidget):
    """HTML (made by kpitools, escaped) that marks the state it shows with ``data-rev``."""

    _esm = _HTML_JS
    html = traitlets.Unicode("").tag(sync=True)
    rev = traitlets.Int(0).tag(sync=True)

    @property
    def value(self) -> str:
        """The HTML shown (as ``ipywidgets.HTML.value``)."""
        return str(self.html)
