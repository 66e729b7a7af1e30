"""The year's overview as a workbook: one sheet of contracts, one of goals, one of indicators
with targets and latest values, one of requirement findings — each contract the one in force
for the year (`checks.services.contracts_for_year`), with statuses as the pages show them."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.utils import timezone

from roedtraad.checks.services import contracts_for_year, requirement_specs, run_checks
from roedtraad.contracts.models import Contract, Goal
from roedtraad.core.reports.workbook import Column, Table, workbook_bytes
from roedtraad.followup.indicator_status import goal_rollup, lineage_statuses
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.frameworks.models import Framework

# The words of the pages' status badges (web/includes/forecast_badge.html, checks' labels).
STATUS_WORDS = {
    "on_track": "På sporet",
    "at_risk": "I risiko",
    "off_track": "Ikke på sporet",
    "stale": "Forældede tal",
    "no_data": "Ingen data",
    "met": "Opfyldt",
    "partial": "Delvist",
    "missing": "Mangler",
}
# A small unit's figures a viewer may not see (`followup.small_numbers`), as the pages say it.
HIDDEN_WORDS = "Skjult (små tal)"


def year_contracts(year: int, holder: str | None = None) -> list[Contract]:
    """The contracts in force for the year, or the one holder's (by name, any case)."""
    contracts = contracts_for_year(year)
    if holder:
        contracts = [c for c in contracts if c.holder.name.casefold() == holder.casefold()]
    return contracts


def _contract_table(contracts: list[Contract]) -> Table:
    columns = [
        Column("Kontraktholder"),
        Column("Område"),
        Column("År", "integer"),
        Column("Type"),
        Column("Revision", "integer"),
        Column("Status"),
        Column("Anbefalet", "date"),
        Column("Indgået", "date"),
        Column("Antal mål", "integer"),
    ]
    rows = [
        (
            c.holder.name,
            c.holder.parent.name if c.holder.parent else "",
            c.year,
            c.get_kind_display(),
            c.revision,
            c.get_status_display(),
            c.recommended_on,
            c.entered_on,
            len(c.goals.all()),
        )
        for c in contracts
    ]
    return Table("Kontrakter", columns, rows)


def _goal_table(contracts: list[Contract], goals: list[Goal], statuses, latest) -> Table:
    columns = [
        Column("Kontraktholder"),
        Column("Nr.", "integer"),
        Column("Udviklingsmål"),
        Column("Type"),
        Column("Partnere"),
        Column("Spor"),
        Column("Flerårigt"),
        Column("Status"),
    ]
    rows = []
    for goal in goals:
        rolled = goal_rollup(statuses[goal.pk], latest.get(goal.pk))
        rows.append(
            (
                goal.contract.holder.name,
                goal.number,
                goal.title,
                goal.get_scope_display(),
                ", ".join(p.name or str(p.unit) for p in goal.partners.all()),
                ", ".join(str(t.number) for t in goal.tracks.all()),
                "Ja" if goal.multi_year else "Nej",
                STATUS_WORDS.get(rolled.status, rolled.status),
            )
        )
    return Table("Mål", columns, rows)


def _indicator_table(goals: list[Goal], statuses, hidden: set[int]) -> Table:
    columns = [
        Column("Kontraktholder"),
        Column("Mål nr.", "integer"),
        Column("Indikator"),
        Column("Enhed (organisation)"),
        Column("Måleenhed"),
        Column("Udgangspunkt", "number"),
        Column("Udgangspunktets periode"),
        Column("Måltal", "number"),
        Column("Måltallets frist", "date"),
        Column("Seneste værdi", "number"),
        Column("Seneste periode", "date"),
        Column("Status"),
        Column("Prognose", "number"),
    ]
    rows = []
    for goal in goals:
        for item in statuses[goal.pk]:
            indicator, forecast, target = item.indicator, item.forecast, item.target
            if indicator.pk in hidden:  # the target stays (no one's figure); the measured figures go
                rows.append(
                    (
                        goal.contract.holder.name,
                        goal.number,
                        indicator.name,
                        indicator.org_unit.name,
                        indicator.unit,
                        None,
                        "",
                        target.value if target else None,
                        target.period_end if target else None,
                        None,
                        None,
                        HIDDEN_WORDS,
                        None,
                    )
                )
                continue
            latest = forecast.latest
            rows.append(
                (
                    goal.contract.holder.name,
                    goal.number,
                    indicator.name,
                    indicator.org_unit.name,
                    indicator.unit,
                    indicator.baseline_value,
                    indicator.baseline_period,
                    target.value if target else None,
                    target.period_end if target else None,
                    latest.value if latest else None,
                    latest.period if latest else None,
                    STATUS_WORDS.get(forecast.status, forecast.status),
                    forecast.value,
                )
            )
    return Table("Indikatorer", columns, rows)


def _finding_table(year: int, contracts: list[Contract]) -> Table:
    framework = Framework.objects.filter(year=year).first()
    names = {spec.slug: spec.display_name for _row, spec in requirement_specs(framework)}
    wanted = {c.pk for c in contracts}
    columns = [Column("Kontraktholder"), Column("Krav"), Column("Status"), Column("Begrundelse")]
    rows = [
        (item["holder"], names.get(r["slug"], r["slug"]), STATUS_WORDS.get(r["status"], r["status"]), r["reason"])
        for item in run_checks(year, overlap_top=0)["contracts"]
        if item["contract"] in wanted
        for r in item["requirements"]
    ]
    return Table("Krav", columns, rows)


def year_overview(
    year: int,
    holder: str | None = None,
    today: dt.date | None = None,
    *,
    contracts: list[Contract] | None = None,
    viewer=None,
) -> bytes:
    """The XLSX of the year's contracts (one holder's with `holder`, or just `contracts`). With a
    `viewer`, a small unit's figures are hidden as on the pages; without (the CLI), every figure."""
    today = today or timezone.localdate()
    if contracts is None:
        contracts = year_contracts(year, holder)
    goals = list(
        Goal.objects.filter(contract__in=contracts, deleted_at__isnull=True)
        .select_related("contract__holder")
        .prefetch_related(Prefetch("partners"), "partners__unit", "tracks")
        .order_by("contract__holder__name", "number")
    )
    statuses, latest = lineage_statuses(goals, today)
    hidden: set[int] = set()
    if viewer is not None:
        hidden = hidden_indicators(viewer, [item.indicator for items in statuses.values() for item in items])
    return workbook_bytes(
        [
            _contract_table(contracts),
            _goal_table(contracts, goals, statuses, latest),
            _indicator_table(goals, statuses, hidden),
            _finding_table(year, contracts),
        ]
    )
