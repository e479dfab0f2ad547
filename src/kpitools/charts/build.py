"""How the builders make charts quickly, and the views inside a chart.

Altair's check of each part against the schema and its deep copies are skipped where a
builder's own views need neither: the charts are checked whole, by the tests.
"""

from __future__ import annotations

import functools
import numbers
import re
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import altair as alt
from altair.utils.schemapi import SchemaBase, debug_mode
from altair.vegalite.v6.schema.channels import FieldChannelMixin

_P = ParamSpec("_P")


_R = TypeVar("_R")


def unchecked_builder(build: Callable[_P, _R]) -> Callable[_P, _R]:
    """A builder whose Altair objects are not each checked against the schema as made.

    Altair checks every object it makes (an axis, a tooltip, a mark) against its part of
    the Vega-Lite schema (~0.3 ms each, ~5 ms a chart). A builder's arguments are typed
    and its charts are checked whole by the tests, and by ``to_dict(validate=True)``.
    """

    @functools.wraps(build)
    def unchecked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        _check_sizes(build.__name__, kwargs)
        with debug_mode(False):
            return build(*args, **kwargs)

    return unchecked


_SIZES = ("width", "height", "columns")


def _check_sizes(builder: str, kwargs: dict[str, Any]) -> None:
    """Refuse a size that is not a positive whole number, as Altair's part checks did.

    The builders skip Altair's check of each part, so without this a ``width="wide"``
    would pass the builder and draw a broken chart.
    """
    for name in _SIZES:
        value = kwargs.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{builder}: {name} must be a whole number of pixels, not {value!r}")
        if value <= 0:
            raise ValueError(f"{builder}: {name} must be positive, not {value!r}")


#: A field channel's shorthand that names a field, and maybe its type (``"actual:Q"``).
_SHORTHAND = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?::([QNOT]))?")


_TYPES = {"Q": "quantitative", "N": "nominal", "O": "ordinal", "T": "temporal"}


def spell_out(view: Any) -> None:
    """The view's channels written ``field=``, ``type=`` where the builder wrote a shorthand.

    Altair parses a shorthand (``"actual:Q"``) every time it draws the chart, with
    regular expressions and a look at the data's columns (~0.1 ms a channel, ~2 ms a
    chart); the spec it writes is the same.
    """
    for holder in (getattr(view, "encoding", None), getattr(view, "facet", None)):
        if not isinstance(holder, SchemaBase):
            continue
        values = [holder] if isinstance(holder, FieldChannelMixin) else holder._kwds.values()
        for value in values:
            for channel in value if isinstance(value, list) else [value]:
                if isinstance(channel, FieldChannelMixin):
                    _spelled(channel._kwds)  # type: ignore[attr-defined]


def _spelled(kwds: dict[str, Any]) -> None:
    """A channel's properties with its shorthand as Altair would read it, if that is plain.

    A channel that takes a type gets the shorthand's (a shorthand without one is left for
    Altair to infer from the data); one that takes none (``x2``) gets the field alone.
    """
    shorthand = kwds.get("shorthand")
    found = _SHORTHAND.fullmatch(shorthand) if isinstance(shorthand, str) else None
    if found is None or kwds.get("field", alt.Undefined) is not alt.Undefined:
        return
    if "type" in kwds and (found[2] is None or kwds["type"] is not alt.Undefined):
        return
    kwds.update(shorthand=alt.Undefined, field=found[1])
    if "type" in kwds:
        kwds["type"] = _TYPES[found[2]]


def become(chart: Any, kind: type) -> Any:
    """``chart`` as ``kind`` (:class:`Built` or :class:`_Fresh`) of its Altair class, in place.

    Altair keeps a chart's properties in its ``_kwds``, not as attributes: only the class
    changes (its name stays the Altair class's, which Altair hashes into view names).
    """
    altair = getattr(type(chart), "_altair", type(chart))
    made = _KINDS.get((kind, altair))
    if made is None:
        made = _KINDS[kind, altair] = type(altair.__name__, (kind, altair), {"_altair": altair})
    object.__setattr__(chart, "__class__", made)
    return chart


class Built:
    """A chart as a builder here returns it: ``to_dict`` does not validate unless asked.

    Altair checks a spec against the Vega-Lite schema each time it is shown (~0.05 s a
    chart, the largest part of drawing one); the tests check every kind of chart the builders
    build against the schema instead (``tests/unit/test_charts.py``). Any change makes a
    copy, which is the plain Altair chart again and is checked as every chart is.

    Its shallow copy (which ``to_dict`` and every change make) takes the chart's properties
    as they are: Altair builds a layered or faceted chart again from them, merging the
    layers' parameters and data anew (~10 ms), which a chart built here has had.
    """

    _altair: type

    def to_dict(self, validate: bool = False, **kwargs: Any) -> Any:
        """The chart's spec; checked against the schema only when ``validate``."""
        with debug_mode(False):  # parts made on the way (the named data) unchecked
            return super().to_dict(validate, **kwargs)  # type: ignore[misc]

    def copy(self, deep: Any = True, ignore: Any = None) -> Any:
        """A copy: a shallow one as it is, else the plain Altair chart again."""
        if deep is False:
            return _shallow(self, self._altair)
        out = super().copy(deep, ignore)  # type: ignore[misc]
        object.__setattr__(out, "__class__", self._altair)
        return out


class _Fresh:
    """A view a builder is building, not yet returned: Altair's copies of it are shallow.

    Altair copies every part deeply each time it layers, facets or stacks charts (each
    layer ~4 times for a faceted layer chart, ~1 ms a copy: most of a chart's building).
    A view made here for the chart being built is referenced by nothing else, so its copy
    need only be new at the top, where Altair changes it; Altair still builds the copy
    (merging a layered chart's parameters, as ``LayerChart.add_params`` relies on).
    :func:`styled` makes the views :class:`Built` before the chart is returned.
    """

    def copy(self, deep: Any = True, ignore: Any = None) -> Any:
        return super().copy(deep if isinstance(deep, list) else False, ignore)  # type: ignore[misc]

    def __deepcopy__(self, memo: Any = None) -> Any:  # what Altair's deep copy asks first
        return self.copy(False)


def _shallow(chart: Any, cls: type) -> Any:
    out: Any = object.__new__(cls)
    object.__setattr__(out, "_args", chart._args)
    object.__setattr__(out, "_kwds", dict(chart._kwds))
    return out


_KINDS: dict[tuple[type, type], type] = {}


def fresh(chart: Any) -> Any:
    """``chart`` and every view inside it :class:`_Fresh` (see there), in place."""
    for view in views_of(chart):
        become(view, _Fresh)
    return chart


def layer_views(*layers: Any, **kwargs: Any) -> Any:
    """``alt.layer`` of views built here, without Altair's deep copies of them."""
    return fresh(alt.layer(*(fresh(layer) for layer in layers), **kwargs))


def views_of(chart: Any) -> list[Any]:
    """``chart`` and every view inside it (layers, concatenations, a facet's spec)."""
    views, stack = [], [chart]
    while stack:
        view = stack.pop(0)
        views.append(view)
        for attr in ("layer", "vconcat", "hconcat", "concat"):
            inner = getattr(view, attr, alt.Undefined)
            if isinstance(inner, list):
                stack.extend(inner)
        inner = getattr(view, "spec", alt.Undefined)
        if inner is not alt.Undefined and not isinstance(inner, dict):
            stack.append(inner)
    return views
