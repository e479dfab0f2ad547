"""Batch runs: execute parameterized notebooks with papermill and export offline HTML.

A report is a notebook plus a set of parameters. Parameter sets come from
``parameters/<kind>-<name>.yaml`` (``<kind>`` is declared in the notebook's metadata:
``{"kpitools": {"report": "<kind>"}}``) and from the optional ``parameters/batch.yaml``,
which expands grids such as every district × year.

Starting a kernel and importing polars and Altair costs seconds; the KPI work of a report
costs a fraction of that. So each worker process starts one kernel, imports once, and runs
its reports one after another in that kernel, resetting it between reports: the user
namespace is cleared, the working directory restored and the library settings a notebook
may change (polars' display config, Altair's renderer, data transformer and theme) are
put back to their defaults. A kernel that dies is replaced.
"""

from __future__ import annotations

from kpitools.report.batch import run_batch, shard
from kpitools.report.discovery import Outcome, Report, discover, notebooks_by_kind, validate
from kpitools.report.html import export_html, fingerprint, write_index
from kpitools.report.worker import Worker

__all__ = [
    "Outcome",
    "Report",
    "Worker",
    "discover",
    "export_html",
    "fingerprint",
    "notebooks_by_kind",
    "run_batch",
    "shard",
    "validate",
    "write_index",
]
