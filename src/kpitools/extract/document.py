"""The document-level passes: statements linked, checked and dropped across sentences.

The sentence grammar reads each statement on its own; a report often states a target in one
place and the result, or its percentage, in another. :func:`link_document` runs the passes
that read across sentences over the statements of a text, in order, each taking the
statements the one before gives. The passes, by kind:

* results linked to targets stated elsewhere (:mod:`kpitools.extract.targets`): a target
  statement (:func:`~kpitools.extract.targets.link_targets`), the result before a
  percentage of a named plan (:func:`~kpitools.extract.named_plans.link_named_plans`), the
  result a percentage refers back to (:mod:`kpitools.extract.referred`:
  :func:`~kpitools.extract.referred.link_referred_results`), the count stated just before a
  bare attainment (:func:`~kpitools.extract.targets.link_counted_results`), the first of a
  list of counts before a percentage that fits its target stated nearby
  (:func:`~kpitools.extract.targets.link_listed_counts`);
* percentages of plans given the plan's amount written elsewhere
  (:mod:`kpitools.extract.plans`): plan amounts, a result and its plan's amount written
  with a slash between, programmes' aims, budgets by owner, the
  result and plan a bare percentage fits, the pair a named plan's percentage fits in place
  of a result it does not (:mod:`kpitools.extract.disproved`), a named plan's percentage
  left bare first when its linked result is a plan or its measure's plan disproves it
  (:mod:`kpitools.extract.plan_results`), then given the result and plan of its own measure
  and period that it fits (:mod:`kpitools.extract.measure_results`), plans compared with
  (:mod:`kpitools.extract.compared`), remainders to a plan (:mod:`kpitools.extract.remainders`);
* results of part of a year set against the year's plan where no percentage says so
  (:mod:`kpitools.extract.part_year`; the year's plans the text sets out that no target
  statement reads, :mod:`kpitools.extract.year_plans`), and a growth read with a target also
  given as its pair;
* shares checked against their whole, and parts listed after a whole or a plan
  (:mod:`kpitools.extract.parts`);
* checks and drops (:mod:`kpitools.extract.checks`): a month's amount larger than its
  months, a month's percentage of a plan its months' percentage denies, one budget given two
  amounts, a headline's pairing or qualifier the body contradicts, a pair restated, a
  rounded amount restated exactly, a count no whole plan gives its percentage, an excess in
  points of a rate read as a count's, a percentage of a plan of another measure than its
  result's.

What the passes share is in :mod:`kpitools.extract.amounts` (amounts, measures, periods and
plans read in the text) and :mod:`kpitools.extract.linking` (statement keys, percentages and
links).

The passes look at a bounded number of neighbours, or a bounded window of text, per result,
so they stay linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kpitools.extract.bare_plans import (
    link_disbursed_capital,
    link_fitting_results,
    link_later_results,
    link_paired_percentages,
    link_repeated_plans,
)
from kpitools.extract.carried_bases import drop_carried_base_claims
from kpitools.extract.checks import (
    check_rounded_actuals,
    drop_aims_read_as_results,
    drop_contributions,
    drop_forecasts,
    drop_impossible_excesses,
    drop_margins_of_rate_targets,
    drop_mispaired_headlines,
    drop_needed_pairs,
    drop_planned_results,
    drop_programme_names,
    drop_rate_point_excesses,
    drop_repeated_pairs,
    drop_results_of_other_plans,
    drop_rounded_restatements,
    drop_second_of_two_counts,
    drop_unfitting_counts,
    drop_wholes_read_as_plans,
    read_slipped_plan_units,
    retarget_plans_written_after,
    retarget_round_plan_counts,
)
from kpitools.extract.comma_fits import read_comma_fits
from kpitools.extract.compared import (
    link_compared_plans,
    link_listed_plan_rates,
    link_points_over_plan,
    link_rate_margins,
)
from kpitools.extract.contradicted_plans import check_contradicted_plans
from kpitools.extract.disproved import link_disproved_results
from kpitools.extract.flags import (
    check_headline_qualifiers,
    check_listed_floors,
    check_month_amounts,
    check_month_percentages,
    check_one_budget,
    check_written_remainders,
)
from kpitools.extract.flows import drop_flows_against_plans
from kpitools.extract.later_percentages import link_later_pair_percentages
from kpitools.extract.measure_results import link_measure_results
from kpitools.extract.named_budget_links import link_named_budget_plans
from kpitools.extract.named_plans import link_named_plans
from kpitools.extract.part_year import (
    link_met_plans,
    link_part_year_amounts,
    link_unstated_plans,
    link_whole_plan_percentages,
    split_growth_pairs,
)
from kpitools.extract.parts import link_listed_parts
from kpitools.extract.percent_periods import drop_other_period_percentages
from kpitools.extract.plan_results import link_later_named_plan_percentages, unlink_unfit_results
from kpitools.extract.planned_claims import drop_planned_claims
from kpitools.extract.plans import (
    link_budget_owners,
    link_plan_amounts,
    link_programme_targets,
    link_slashed_plans,
)
from kpitools.extract.plans_after import link_forecast_plans
from kpitools.extract.referred import (
    link_lead_percentages,
    link_referred_results,
    link_restated_percentages,
    link_sibling_plans,
)
from kpitools.extract.remainders import link_remainders
from kpitools.extract.shares import (
    check_class_shares,
    check_fraction_rates,
    check_measure_shares,
    check_shares_after_whole,
    check_shares_of_parts,
    check_shares_of_summed_whole,
    check_shares_of_whole,
    check_shares_of_written_whole,
)
from kpitools.extract.structure import link_structure_shares
from kpitools.extract.target_rates import (
    link_earlier_target_rates,
    link_planned_growths,
    link_target_rates,
)
from kpitools.extract.targets import (
    link_bracketed_rates,
    link_counted_results,
    link_listed_counts,
    link_targets,
    link_year_targets_to_date,
)
from kpitools.extract.written_plan_links import link_written_plan_percentages

if TYPE_CHECKING:
    from kpitools.extract.statements import Statement as LinkableStatement


def link_document(
    statements: Sequence[LinkableStatement], text: str, *, money: bool
) -> list[LinkableStatement]:
    """The statements of ``text`` after the document-level passes, in their order.

    ``statements`` are those the sentence grammar read, in text order; ``text`` is the text
    their offsets index; ``money`` is as in :func:`~kpitools.extract.extract_statements`.
    """
    linked = link_named_plans(link_targets(statements, text), text, money=money)
    linked = link_targets(linked, text)
    linked = link_referred_results(linked, text)
    linked = link_lead_percentages(linked, text)
    linked = link_counted_results(linked, text)
    linked = link_listed_counts(linked, text)
    linked = link_bracketed_rates(linked, text)
    linked = link_forecast_plans(linked, text)
    linked = link_plan_amounts(linked, text)
    linked = link_slashed_plans(linked, text)
    linked = link_disbursed_capital(linked, text)
    linked = link_programme_targets(linked, text)
    linked = link_unstated_plans(linked, text)
    linked = link_part_year_amounts(linked, text)
    linked = link_met_plans(linked, text)
    linked = split_growth_pairs(linked)
    linked = link_planned_growths(linked, text)
    linked = link_target_rates(linked, text)
    linked = link_earlier_target_rates(linked, text)
    linked = link_listed_parts(linked, text)
    linked = link_budget_owners(linked, text)
    linked = unlink_unfit_results(linked, text)
    linked = link_measure_results(linked, text)
    linked = link_fitting_results(linked, text)
    linked = link_paired_percentages(linked, text)
    linked = link_later_named_plan_percentages(linked, text)
    linked = link_written_plan_percentages(linked, text)
    linked = link_later_pair_percentages(linked, text)
    linked = link_disproved_results(linked, text)
    linked = link_whole_plan_percentages(linked, text)
    linked = link_compared_plans(linked, text)
    linked = link_points_over_plan(linked, text)
    linked = link_rate_margins(linked, text)
    linked = link_listed_plan_rates(linked, text)
    linked = link_structure_shares(linked, text)
    linked = link_year_targets_to_date(linked, text)
    linked = link_repeated_plans(linked, text)
    linked = link_later_results(linked, text)
    linked = link_restated_percentages(linked)
    linked = link_sibling_plans(linked, text)
    linked = link_remainders(linked, text)
    linked = check_month_amounts(linked, text)
    linked = check_month_percentages(linked, text)
    linked = link_named_budget_plans(linked, text)
    linked = check_one_budget(linked, text)
    linked = check_shares_of_whole(linked, text)
    linked = check_shares_after_whole(linked, text)
    linked = check_measure_shares(linked, text)
    linked = check_fraction_rates(linked, text)
    linked = check_shares_of_written_whole(linked, text)
    linked = check_shares_of_summed_whole(linked, text)
    linked = check_class_shares(linked, text)
    linked = check_shares_of_parts(linked, text)
    linked = drop_mispaired_headlines(linked, text)
    linked = drop_rounded_restatements(linked, text)
    linked = drop_repeated_pairs(linked)
    linked = check_headline_qualifiers(linked, text)
    linked = check_listed_floors(linked, text)
    linked = check_written_remainders(linked, text)
    linked = drop_unfitting_counts(linked, text)
    linked = retarget_round_plan_counts(linked, text)
    linked = drop_rate_point_excesses(linked, text)
    linked = drop_programme_names(linked, text)
    linked = drop_planned_results(linked, text)
    linked = retarget_plans_written_after(linked, text)
    linked = read_slipped_plan_units(linked)
    linked = drop_margins_of_rate_targets(linked, text)
    linked = drop_aims_read_as_results(linked, text)
    linked = drop_forecasts(linked, text)
    linked = drop_second_of_two_counts(linked, text)
    linked = drop_planned_claims(linked, text)
    linked = drop_carried_base_claims(linked, text)
    linked = drop_contributions(linked)
    linked = drop_results_of_other_plans(linked, text)
    linked = drop_wholes_read_as_plans(linked)
    linked = read_comma_fits(linked, text)
    linked = check_rounded_actuals(linked, text)
    linked = drop_needed_pairs(linked, text)
    linked = drop_impossible_excesses(linked)
    linked = drop_other_period_percentages(linked, text)
    linked = drop_flows_against_plans(linked, text)
    return check_contradicted_plans(linked, text)
