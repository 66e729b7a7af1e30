"""The year-end report, for one contract holder or the whole municipality: each goal's status at
the year's end (or today, while the year runs), what was done — the activities with their state
and the follow-up entries of the goal's whole lineage — and what was decided about stopping
doing things (the stop-doing register, `contracts.stop_doing`).

The contracts are each holder's contract in force for the year that the user may read
(`rights.can_read`); a small unit's figures are hidden as on the pages (`followup.small_numbers`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from roedtraad import rights
from roedtraad.contracts.lineage import lineages
from roedtraad.contracts.models import Activity, Contract, Goal, StopDoingChoice
from roedtraad.contracts.stop_doing import RegisterRow, register_rows
from roedtraad.core.followup.rollup import Rolled
from roedtraad.core.reports.contract_document import _date
from roedtraad.core.reports.report_document import Grid, Heading, ReportDocument, Text, report_docx
from roedtraad.followup.indicator_status import IndicatorStatus, contract_rollup, goal_rollup, lineage_statuses
from roedtraad.followup.models import FollowUpEntry
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.org.models import OrgUnit
from roedtraad.reports.overview import HIDDEN_WORDS, STATUS_WORDS, year_contracts


@dataclass
class YearEndGoal:
    goal: Goal
    rolled: Rolled
    indicators: list[IndicatorStatus]
    activities: list[Activity]
    entries: list[FollowUpEntry]


@dataclass
class YearEndContract:
    contract: Contract
    rolled: Rolled
    goals: list[YearEndGoal]


@dataclass
class YearEndReport:
    year: int
    as_of: dt.date
    holder: OrgUnit | None  # None: the municipality (every contract the user may read)
    contracts: list[YearEndContract] = field(default_factory=list)
    stop_doing: list[RegisterRow] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)  # indicators whose figures the user may not see

    @property
    def title(self) -> str:
        return f"Årsafslutning {self.year}" + (f" for {self.holder.name}" if self.holder else "")

    @property
    def goal_counts(self) -> list[tuple[str, int]]:
        counted = Counter(g.rolled.status for c in self.contracts for g in c.goals)
        return [(status, n) for status, n in counted.most_common()]

    @property
    def stopped(self) -> list[RegisterRow]:
        return [row for row in self.stop_doing if row.decision.choice == StopDoingChoice.STOPPED]


def year_end_report(user, year: int, holder: OrgUnit | None = None, today: dt.date | None = None) -> YearEndReport:
    as_of = min(dt.date(year, 12, 31), today or timezone.localdate())
    contracts = [
        c
        for c in year_contracts(year, holder.name if holder else None)
        if rights.can_read(user, c) and (holder is None or c.holder_id == holder.pk)
    ]
    goals = list(
        Goal.objects.filter(contract__in=contracts, deleted_at__isnull=True)
        .prefetch_related(Prefetch("activities", queryset=Activity.objects.select_related("owner")))
        .order_by("number")
    )
    statuses, latest = lineage_statuses(goals, as_of)
    entries = _entries(goals)
    by_contract: dict[int, list[YearEndGoal]] = {c.pk: [] for c in contracts}
    for goal in goals:
        rolled = goal_rollup(statuses[goal.pk], latest.get(goal.pk))
        by_contract[goal.contract_id].append(
            YearEndGoal(goal, rolled, statuses[goal.pk], list(goal.activities.all()), entries[goal.pk])
        )
    made = [
        YearEndContract(c, contract_rollup([(g.goal.title, g.rolled) for g in by_contract[c.pk]]), by_contract[c.pk])
        for c in contracts
    ]
    ids = [c.pk for c in contracts]
    return YearEndReport(
        year=year,
        as_of=as_of,
        holder=holder,
        contracts=made,
        stop_doing=register_rows(user, year, Contract.objects.filter(pk__in=ids)) if ids else [],
        hidden=hidden_indicators(user, [s.indicator for g in goals for s in statuses[g.pk]]),
    )


def _entries(goals: list[Goal]) -> dict[int, list[FollowUpEntry]]:
    """Each goal's follow-up entries across its revisions, oldest first."""
    chains = lineages(goals)
    owner = {pk: goal_pk for goal_pk, ids in chains.items() for pk in ids}
    found: dict[int, list[FollowUpEntry]] = {goal.pk: [] for goal in goals}
    for entry in FollowUpEntry.objects.filter(goal_id__in=owner).order_by("date", "pk"):
        found[owner[entry.goal_id]].append(entry)
    return found


# The Word document ---------------------------------------------------------------------------


def _indicator_rows(goal: YearEndGoal, hidden: set[int]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for item in goal.indicators:
        name = f"{item.indicator.name} ({item.indicator.org_unit.name})"
        if item.indicator.pk in hidden:
            rows.append((name, HIDDEN_WORDS, "–"))
        else:
            rows.append((name, STATUS_WORDS.get(item.status, item.status), item.forecast.explanation))
    return rows


def _goal_blocks(goal: YearEndGoal, hidden: set[int], level: int) -> list:
    status = STATUS_WORDS.get(goal.rolled.status, goal.rolled.status)
    blocks: list = [
        Heading(f"{goal.goal.number}. {goal.goal.title}", level),
        Text(f"Status ved årets udgang: {status}. {goal.rolled.reason}"),
    ]
    if goal.indicators:
        blocks.append(Grid(("Måltal", "Status", "Prognose"), _indicator_rows(goal, hidden)))
    if goal.activities:
        activities = [(a.text, _date(a.due_date), a.get_status_display()) for a in goal.activities]
        blocks += [Text("Aktiviteter:"), Grid(("Aktivitet", "Frist", "Status"), activities)]
    else:
        blocks.append(Text("Ingen aktiviteter."))
    if goal.entries:
        entries = [(_date(e.date), e.forum, e.get_status_display(), e.text) for e in goal.entries]
        blocks += [Text("Opfølgning:"), Grid(("Dato", "Forum", "Status", "Opfølgning"), entries)]
    else:
        blocks.append(Text("Ingen opfølgning skrevet."))
    return blocks


def year_end_document(report: YearEndReport) -> ReportDocument:
    blocks: list = [Heading("Sammenfatning", 1)]
    if report.contracts:
        rows = [
            (c.contract.holder.name, str(len(c.goals)), STATUS_WORDS.get(c.rolled.status, ""), c.rolled.reason)
            for c in report.contracts
        ]
        blocks.append(Grid(("Kontraktholder", "Mål", "Status", "Begrundelse"), rows))
    else:
        blocks.append(Text("Der er ingen kontrakter for året."))
    one = report.holder is not None
    for part in report.contracts:
        if not one:
            blocks.append(Heading(str(part.contract), 1))
        else:
            blocks.append(Heading("Målene", 1))
        for goal in part.goals:
            blocks += _goal_blocks(goal, report.hidden, 2)
    blocks.append(Heading("Det holder vi op med", 1))
    if report.stop_doing:
        rows = [(r.item.text, r.holder.name, r.decision.label, r.decision.reason or "–") for r in report.stop_doing]
        blocks.append(Text(f"{len(report.stopped)} af {len(report.stop_doing)} forslag er stoppet."))
        blocks.append(Grid(("Forslag", "Kontraktholder", "Beslutning", "Begrundelse"), rows))
    else:
        blocks.append(Text("Ingen forslag om at holde op med noget."))
    return ReportDocument(
        title=report.title,
        subtitle="Status ved årets udgang, det gjorte og det, vi holder op med",
        facts=[f"Status som den stod {_date(report.as_of)}."],
        blocks=blocks,
        made_on=timezone.localdate(),
    )


def year_end_docx(report: YearEndReport) -> bytes:
    return report_docx(year_end_document(report))
