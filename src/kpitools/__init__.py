"""kpitools: targets against results, by unit and year.

``import kpitools`` stays fast: modules that pull in Altair, papermill or nbconvert are
imported on first use of one of their names. The top level holds the everyday API; three
namespaces hold the rest: :mod:`kpitools.extract` (figures read out of report text),
:mod:`kpitools.members` (KPIs counted from member exports) and :mod:`kpitools.explore`
(the JupyterLab explorer).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# name -> module that defines it; every name here is in __all__ and is public API.
_EXPORTS = {
    "DataIssue": "errors",
    "KpiToolsError": "errors",
    "UnknownMetricError": "catalog",
    "UnreadableFileError": "io.sheets",
    "KpiDataError": "errors",
    "ParameterError": "errors",
    "MetricCatalog": "catalog",
    "read_catalog": "catalog",
    "UnitRegistry": "registry",
    "UnknownUnitError": "registry",
    "read_registry": "registry",
    "name_key": "textfold",
    "strip_diacritics": "textfold",
    "NumberFormatError": "numbers",
    "parse_number": "numbers",
    "parse_percent": "numbers",
    "parse_pair": "numbers",
    "check_percent": "numbers",
    "format_number": "numbers",
    "format_percent": "numbers",
    "Dataset": "io",
    "LONG_SCHEMA": "io",
    "find_path": "io",
    "load_dataset": "io",
    "parse_date": "io",
    "read_kpi_file": "io",
    "read_kpis": "io",
    "read_targets": "io",
    "write_kpis": "io",
    "Bands": "measures",
    "DEFAULT_BANDS": "measures",
    "attainment": "measures",
    "attainment_note": "measures",
    "consistency": "measures",
    "pace": "measures",
    "rank_within_year": "measures",
    "reconcile": "measures",
    "rollup": "measures",
    "share_of_parent": "measures",
    "status": "measures",
    "target_stretch": "measures",
    "term_attainment": "measures",
    "variance": "measures",
    "with_measures": "measures",
    "yoy_change": "measures",
    "check_lang": "vocab",
    "check_metrics": "params",
    "check_unit": "params",
    "check_year": "params",
    "check_years": "params",
    "Table": "tables",
    "kpi_table": "tables",
    "pace_table": "tables",
    "bullet_chart": "charts",
    "composition_chart": "charts",
    "heatmap_chart": "charts",
    "ranked_chart": "charts",
    "reconciliation_chart": "charts",
    "slope_chart": "charts",
    "trend_chart": "charts",
    "findings": "tables",
    "movers_table": "tables",
    "rank_history_table": "tables",
    "ranking_table": "tables",
    "movers": "measures",
    "metrics_in": "measures",
    "subset": "measures",
    "report_header": "display",
    "synthetic_notice": "display",
    "explorer": "explore",
    "member_kpis": "members",
    "read_crosswalk": "members",
    "suppress_small": "members",
    "MemberExportError": "members",
    "structure_registry": "members",
    "read_links": "links",
    "Links": "links",
    "comparable_groups": "comparability",
    "is_comparable": "comparability",
    "bridge_figures": "comparability",
    "Comparability": "comparability",
    "comparability_table": "bridge",
    "bridge_table": "bridge",
    "TERMS": "measures",
    "Term": "measures",
    "with_periods": "measures",
    "periods": "measures",
    "period_label": "measures",
    "structures": "measures",
    "structure_label": "measures",
    "term_rows": "measures",
    "ranking_tables": "tables",
    "Unit": "registry",
    "UnitNotInForceError": "registry",
    "Project": "project",
    "find_project": "project",
    "init_project": "project",
    "write_table": "io.export",
    "backcast_view": "bridge",
    "read_backcast": "bridge",
    "report_section": "display",
    "unit_title": "display",
    "PdfUnavailable": "report.pdf",
    "MissingExtraError": "explore.serve",
}

__all__ = [
    "DEFAULT_BANDS",
    "LONG_SCHEMA",
    "TERMS",
    "Bands",
    "Comparability",
    "DataIssue",
    "Dataset",
    "KpiDataError",
    "KpiToolsError",
    "Links",
    "MemberExportError",
    "MetricCatalog",
    "MissingExtraError",
    "NumberFormatError",
    "ParameterError",
    "PdfUnavailable",
    "Project",
    "Table",
    "Term",
    "Unit",
    "UnitNotInForceError",
    "UnitRegistry",
    "UnknownMetricError",
    "UnknownUnitError",
    "UnreadableFileError",
    "__version__",
    "attainment",
    "attainment_note",
    "backcast_view",
    "bridge_figures",
    "bridge_table",
    "bullet_chart",
    "check_lang",
    "check_metrics",
    "check_percent",
    "check_unit",
    "check_year",
    "check_years",
    "comparability_table",
    "comparable_groups",
    "composition_chart",
    "consistency",
    "explore",
    "explorer",
    "extract",
    "find_path",
    "find_project",
    "findings",
    "format_number",
    "format_percent",
    "heatmap_chart",
    "init_project",
    "is_comparable",
    "kpi_table",
    "load_dataset",
    "member_kpis",
    "members",
    "metrics_in",
    "movers",
    "movers_table",
    "name_key",
    "pace",
    "pace_table",
    "parse_date",
    "parse_number",
    "parse_pair",
    "parse_percent",
    "period_label",
    "periods",
    "rank_history_table",
    "rank_within_year",
    "ranked_chart",
    "ranking_table",
    "ranking_tables",
    "read_backcast",
    "read_catalog",
    "read_crosswalk",
    "read_kpi_file",
    "read_kpis",
    "read_links",
    "read_registry",
    "read_targets",
    "reconcile",
    "reconciliation_chart",
    "report_header",
    "report_section",
    "rollup",
    "share_of_parent",
    "slope_chart",
    "status",
    "strip_diacritics",
    "structure_label",
    "structure_registry",
    "structures",
    "subset",
    "suppress_small",
    "synthetic_notice",
    "target_stretch",
    "term_attainment",
    "term_rows",
    "trend_chart",
    "unit_title",
    "variance",
    "with_measures",
    "with_periods",
    "write_kpis",
    "write_table",
    "yoy_change",
]


#: Namespaces: subpackages whose public names are reached as ``kt.extract.<name>`` etc.
_NAMESPACES = ("explore", "extract", "members")


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from kpitools._version import version

        return version()
    if name in _NAMESPACES:
        value: Any = importlib.import_module(f"kpitools.{name}")
        globals()[name] = value
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kpitools' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"kpitools.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from kpitools import explore, extract, members
    from kpitools.bridge import backcast_view, bridge_table, comparability_table, read_backcast
    from kpitools.catalog import MetricCatalog, UnknownMetricError, read_catalog
    from kpitools.charts import (
        bullet_chart,
        composition_chart,
        heatmap_chart,
        ranked_chart,
        reconciliation_chart,
        slope_chart,
        trend_chart,
    )
    from kpitools.comparability import (
        Comparability,
        bridge_figures,
        comparable_groups,
        is_comparable,
    )
    from kpitools.display import report_header, report_section, synthetic_notice, unit_title
    from kpitools.errors import DataIssue, KpiDataError, KpiToolsError, ParameterError
    from kpitools.explore.serve import MissingExtraError
    from kpitools.explore.widgets import explorer
    from kpitools.io.dataset import Dataset, find_path, load_dataset
    from kpitools.io.export import write_table
    from kpitools.io.readers import read_kpi_file, read_kpis, read_targets, write_kpis
    from kpitools.io.schema import LONG_SCHEMA
    from kpitools.io.sheets import UnreadableFileError, parse_date
    from kpitools.links import Links, read_links
    from kpitools.measures import (
        DEFAULT_BANDS,
        TERMS,
        Bands,
        Term,
        attainment,
        attainment_note,
        consistency,
        metrics_in,
        movers,
        pace,
        period_label,
        periods,
        rank_within_year,
        reconcile,
        rollup,
        share_of_parent,
        status,
        structure_label,
        structures,
        subset,
        target_stretch,
        term_attainment,
        term_rows,
        variance,
        with_measures,
        with_periods,
        yoy_change,
    )
    from kpitools.members.badrows import MemberExportError
    from kpitools.members.count import member_kpis
    from kpitools.members.crosswalk import read_crosswalk, structure_registry
    from kpitools.members.privacy import suppress_small
    from kpitools.numbers import (
        NumberFormatError,
        check_percent,
        format_number,
        format_percent,
        parse_number,
        parse_pair,
        parse_percent,
    )
    from kpitools.params import check_metrics, check_unit, check_year, check_years
    from kpitools.project import Project, find_project, init_project
    from kpitools.registry import (
        Unit,
        UnitNotInForceError,
        UnitRegistry,
        UnknownUnitError,
        read_registry,
    )
    from kpitools.report.pdf import PdfUnavailable
    from kpitools.tables import (
        Table,
        findings,
        kpi_table,
        movers_table,
        pace_table,
        rank_history_table,
        ranking_table,
        ranking_tables,
    )
    from kpitools.textfold import name_key, strip_diacritics
    from kpitools.vocab import check_lang
