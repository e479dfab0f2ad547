"""Batch runs: execute parameterized notebooks with papermill and export offline HTML.

A report is a notebook plus a set of parameters. Parameter sets come from
``parameters/<kind>-<name>.yaml`` (``<kind>`` is declared in the notebook's metadata:
``{"kpitools": {"report": "<kind>"}}``) and from the optional ``parameters/batch.yaml``,
which expands grids such as every district × year.

Starting a kernel and importing polars and Altair costs seconds; the KPI work of a report
costs a fraction of that. So each worker process prepares a template process once (those
imports done, nothing started that does not survive ``fork()``), and every report runs in
a new kernel forked from it, which ends with the report: nothing a report changes reaches
the next. Where ``fork()`` is missing each report gets a freshly started kernel;
``run_batch(fresh_kernels=False)`` (``kpitools run --shared-kernel``) keeps one kernel per
worker and resets it between reports instead. :func:`~kpitools.report.pdf.write_pdfs`
prints reports to PDF with a local Chromium.
"""

from __future__ import annotations

from kpitools.report.batch import run_batch, shard
from kpitools.report.discovery import Outcome, Report, discover, notebooks_by_kind, validate
from kpitools.report.html import export_html, fingerprint, write_index
from kpitools.report.pdf import PdfUnavailable, write_pdfs
from kpitools.report.worker import Worker

__all__ = [
    "Outcome",
    "PdfUnavailable",
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
    "write_pdfs",
]
