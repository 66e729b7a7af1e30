"""A committee report: one measure (e.g. sick leave) for a quarter or a year, every unit that
follows it with its figure at the period's end, its target, status and forecast — e.g. the
quarterly sick-leave report to the finance committee.

Which units are listed is the user's to see (`rights.indicators_visible_to`). The figures are
suppressed as for the committee, not as for the user: the report is meant to be handed on, and
a committee's papers are read by people who lead none of the units, so a small unit's figure
(and the neighbours that would give it away) is hidden even from its own leader and the
director (`followup.small_numbers` for a viewer who sees no unit's small numbers)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from roedtraad import rights
from roedtraad.core.followup import definitions
from roedtraad.core.reports.contract_document import _date, _number
from roedtraad.core.reports.periods import Period
from roedtraad.core.reports.report_document import Grid, Heading, ReportDocument, Text, report_docx
from roedtraad.followup.indicator_status import followed_in, status_of, with_series
from roedtraad.followup.models import Indicator
from roedtraad.followup.small_numbers import hidden_indicators, min_count
from roedtraad.org.models import OrgUnit, OrgUnitKind
from roedtraad.reports.overview import HIDDEN_WORDS, STATUS_WORDS

STATUS_ORDER = ("off_track", "at_risk", "stale", "on_track", "no_data")


@dataclass
class CommitteeRow:
    indicator: Indicator
    holder: str  # the contract holder whose goal it is, else the unit itself
    area: str
    unit: str
    hidden: bool
    latest: float | None = None
    latest_period: dt.date | None = None
    target: float | None = None
    target_end: dt.date | None = None
    status: str = "no_data"
    forecast: float | None = None
    explanation: str = ""


@dataclass
class CommitteeReport:
    key: str
    name: str  # the measure's most used name ("Sygefravær")
    period: Period
    as_of: dt.date  # the figures as they stood this day: the period's end, or today if sooner
    rows: list[CommitteeRow] = field(default_factory=list)
    definition_note: str = ""
    min_count: int = 5

    @property
    def any_hidden(self) -> bool:
        return any(row.hidden for row in self.rows)

    @property
    def counts(self) -> list[tuple[str, int]]:
        """How many shown units have each status, worst first."""
        counted = Counter(row.status for row in self.rows if not row.hidden)
        return [(status, counted[status]) for status in STATUS_ORDER if counted[status]]

    @property
    def title(self) -> str:
        return f"{self.name}, {self.period.label}"


def measure_keys(user) -> list[tuple[str, str]]:
    """The measures the user sees indicators of, as (key, name), by name."""
    names: dict[str, Counter] = {}
    for key, name in rights.indicators_visible_to(user).values_list("key", "name"):
        names.setdefault(key, Counter())[name] += 1
    return sorted(((key, c.most_common(1)[0][0]) for key, c in names.items()), key=lambda kv: kv[1].lower())


def committee_report(user, key: str, period: Period, today: dt.date | None = None) -> CommitteeReport | None:
    """The report, or None when the user sees no indicator of the measure at all."""
    visible = rights.indicators_visible_to(user).filter(key=key)
    names = Counter(visible.values_list("name", flat=True))
    if not names:
        return None
    as_of = min(period.end, today or timezone.localdate())
    indicators = list(
        with_series(followed_in(visible, period.start, period.end)).select_related("goal__contract__holder")
    )
    hidden = hidden_indicators(AnonymousUser(), indicators)  # as the committee reads it (module docstring)
    places = _places()
    rows = [_row(indicator, indicator.pk in hidden, as_of, places) for indicator in indicators]
    rows.sort(key=lambda r: (r.area.lower(), r.holder.lower(), r.unit.lower()))
    return CommitteeReport(
        key=key,
        name=names.most_common(1)[0][0],
        period=period,
        as_of=as_of,
        rows=rows,
        definition_note=definitions.definition_note([i.definition for i in indicators]),
        min_count=min_count(),
    )


def _places() -> dict[int, tuple[int | None, str, str]]:
    """Every unit's (parent, kind, name), to name the holder and the area a unit lies within."""
    return {
        pk: (parent, kind, name)
        for pk, parent, kind, name in OrgUnit.objects.values_list("id", "parent_id", "kind", "name")
    }


def _within(unit_id: int | None, kind: str, places: dict[int, tuple[int | None, str, str]]) -> str:
    """The name of the unit itself or the nearest unit above it of the kind ("" if none)."""
    seen: set[int] = set()
    while unit_id is not None and unit_id not in seen and unit_id in places:
        parent, unit_kind, name = places[unit_id]
        if unit_kind == kind:
            return name
        seen.add(unit_id)
        unit_id = parent
    return ""


def _row(indicator: Indicator, hidden: bool, as_of: dt.date, places) -> CommitteeRow:
    goal = indicator.goal
    # A goal's indicator belongs to the goal's holder; a unit's own figure to the holder above it.
    start = goal.contract.holder_id if goal is not None else indicator.org_unit_id
    row = CommitteeRow(
        indicator=indicator,
        holder=_within(start, OrgUnitKind.HOLDER, places),
        area=_within(start, OrgUnitKind.AREA, places),
        unit=indicator.org_unit.name,
        hidden=hidden,
    )
    if hidden:
        return row  # no figure, no forecast: either could give the small unit's figure away
    item = status_of(indicator, as_of, measured_until=as_of)
    latest = item.forecast.latest
    row.latest = latest.value if latest else None
    row.latest_period = latest.period if latest else None
    row.target = float(item.target.value) if item.target else None
    row.target_end = item.target.period_end if item.target else None
    row.status = item.status
    row.forecast = item.forecast.value
    row.explanation = item.forecast.explanation
    return row


def hidden_note(report: CommitteeReport) -> str:
    return (
        f"Tal for enheder med færre end {report.min_count} medarbejdere vises ikke i rapporten, og nogle andre "
        "tal er skjult med, så de små enheders tal ikke kan regnes ud af forskellen."
    )


def committee_document(report: CommitteeReport) -> ReportDocument:
    """The report as the Word document's blocks: the summary, the note on hidden figures, the table."""
    unit = report.rows[0].indicator.unit if report.rows else "%"
    blocks: list = [Heading("Sammenfatning", 1)]
    if report.counts:
        summary = ", ".join(f"{STATUS_WORDS[status].lower()}: {n}" for status, n in report.counts)
        blocks.append(Text(f"{len(report.rows)} enheder følger måltallet. Status {summary}."))
    else:
        blocks.append(Text("Ingen enheder med tal i perioden."))
    if report.definition_note:
        blocks.append(Text(report.definition_note))
    if report.any_hidden:
        blocks.append(Text(hidden_note(report)))
    blocks.append(Heading("Enhedernes tal", 1))
    headers = ("Enhed", "Kontraktholder", "Område", "Seneste", "Mål", "Status", "Prognose")
    rows = []
    for row in report.rows:
        if row.hidden:
            rows.append((row.unit, row.holder or "–", row.area or "–", HIDDEN_WORDS, "–", "–", "–"))
            continue
        rows.append(
            (
                row.unit,
                row.holder or "–",
                row.area or "–",
                f"{_number(row.latest, unit)} ({_date(row.latest_period)})" if row.latest is not None else "–",
                f"{_number(row.target, unit)} ({_date(row.target_end)})" if row.target is not None else "–",
                STATUS_WORDS.get(row.status, row.status),
                row.explanation or "–",
            )
        )
    blocks.append(Grid(headers, rows))
    return ReportDocument(
        title=report.title,
        subtitle="Rapport til udvalget",
        facts=[f"Tallene som de stod {_date(report.as_of)}."],
        blocks=blocks,
        made_on=timezone.localdate(),
        landscape=True,
    )


def committee_docx(report: CommitteeReport) -> bytes:
    return report_docx(committee_document(report))
