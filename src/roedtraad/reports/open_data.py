"""The public year page's content as open data: CSV (`csv_text`) and JSON (`json_data`).

The same content as `/offentlig/<year>/`, whoever downloads it — both read `public_year`, the one
place that says what is public and how it is masked: each holder's entered contract in force for
the year (`rights.public_contracts`, `contracts.lineage.revisions_in_force`), its goals and
sections, and its indicators at holder level and above (`rights.public_indicators`) with targets
and latest value. No personal data: names of known people are masked in every text
(`core.redact.mask_names`), and a small
unit's measured figures (baseline, latest value) are suppressed as for an anonymous visitor
(`followup.small_numbers.hidden_indicators`): empty in the CSV and null in the JSON, with the
marker `suppressed` / "Skjult (små tal)" = "ja"; the figure itself is never written. Targets are
kept: a target is the contract's promise, no one's measured figure.

JSON keys (also in the file under "documentation"):
  year, generated, suppression_threshold, contracts[]:
    holder, area, kind, year, revision, entered_on, introduction, goals[]:
      number, title, scope, multi_year, sections[]: heading, text
      indicators[]: name, key, measured_unit, unit, suppressed, baseline, baseline_period,
                    targets[]: value, period_start, period_end; latest: value, period (or null)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import timezone

from roedtraad import rights
from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import Contract, Goal, GoalSection
from roedtraad.core.redact import mask_names
from roedtraad.followup.models import Indicator, Measurement, Target
from roedtraad.followup.small_numbers import hidden_indicators, min_count
from roedtraad.org.models import Person

SUPPRESSED = "Skjult (små tal)"
# A spreadsheet runs a cell starting with these as a formula; the text gets a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

DOCUMENTATION = {
    "year": "Kontraktåret.",
    "generated": "Hvornår filen blev lavet (ISO 8601).",
    "suppression_threshold": "Tal for enheder med færre ansatte end dette vises ikke.",
    "contracts": "Hver kontraktholders senest indgåede kontrakt for året.",
    "contracts[].holder / area": "Kontraktholderen og det område, den hører under.",
    "contracts[].kind / revision / entered_on": "Udviklingskontrakt eller -aftale, revisionens nummer, indgået dato.",
    "contracts[].introduction": "Kontraktens indledning; personnavne er erstattet af [navn].",
    "goals[].number / title / scope / multi_year": "Udviklingsmålets nummer, titel, type og om det er flerårigt.",
    "goals[].sections[]": "Målets afsnit (heading, text); personnavne er erstattet af [navn].",
    "indicators[].name / key / measured_unit / unit": "Indikatoren, dens nøgletal, den målte enhed og måleenheden.",
    "indicators[].suppressed": "true: enheden er lille, og baseline og latest er udeladt (null).",
    "indicators[].baseline / baseline_period": "Udgangspunktet og dets periode.",
    "indicators[].targets[]": "Måltallene (value) med deres periode (period_start, period_end).",
    "indicators[].latest": "Seneste måling (value, period: periodens første dag) eller null.",
}

CSV_HEADER = [
    "Kontraktholder",
    "Område",
    "År",
    "Type",
    "Revision",
    "Indgået",
    "Mål nr.",
    "Udviklingsmål",
    "Måltype",
    "Flerårigt",
    "Række",
    "Overskrift eller indikator",
    "Tekst",
    "Nøgletal",
    "Målt enhed",
    "Måleenhed",
    "Udgangspunkt",
    "Udgangspunktets periode",
    "Måltal",
    "Måltal fra",
    "Måltal til",
    "Seneste værdi",
    "Seneste periode",
    SUPPRESSED,
]


@dataclass(frozen=True)
class PublicTarget:
    value: Decimal
    period_start: dt.date
    period_end: dt.date


@dataclass(frozen=True)
class PublicIndicator:
    name: str  # masked
    key: str
    measured_unit: str
    unit: str
    suppressed: bool  # a small unit's: baseline and latest are None whoever looks
    baseline: Decimal | None
    baseline_period: str
    targets: list[PublicTarget]
    latest_value: Decimal | None
    latest_period: dt.date | None


@dataclass(frozen=True)
class PublicSection:
    heading: str  # masked
    text: str  # masked


@dataclass(frozen=True)
class PublicGoal:
    number: int
    title: str  # masked
    scope: str
    multi_year: bool
    sections: list[PublicSection]
    indicators: list[PublicIndicator]


@dataclass(frozen=True)
class PublicContract:
    pk: int
    holder: str
    area: str
    kind: str
    year: int
    revision: int
    entered_on: dt.date | None
    introduction: str  # masked
    goals: list[PublicGoal]


def year_contracts(year: int) -> list[Contract]:
    """Each holder's public contract in force for the year (the domain's rule,
    `contracts.lineage.revisions_in_force`, among what `rights.public_contracts` allows), by area
    and holder name. A revision being written never replaces the entered one here either."""
    in_force = revisions_in_force(year)
    contracts = [
        contract
        for contract in rights.public_contracts().filter(year=year).select_related("holder", "holder__parent")
        if (contract.holder_id, contract.revision) in in_force
    ]
    return sorted(contracts, key=lambda c: (c.holder.parent.name if c.holder.parent else "", c.holder.name))


def public_year(year: int) -> list[PublicContract]:
    """What is public for the year, and how it is masked: THE one place the public page and the
    open data files read. Every free text (introduction, goal titles, section headings and texts,
    indicator names) has known people's names masked; a small unit's figures are left out as for
    an anonymous visitor, whoever looks — public content is the same for everybody."""
    contracts = year_contracts(year)
    if not contracts:
        return []
    names = list(Person.objects.values_list("name", flat=True))
    return [_contract(contract, names) for contract in contracts]


def json_data(year: int, now: dt.datetime | None = None) -> dict | None:
    """The year's public content as JSON-ready data; None when nothing is public for the year."""
    contracts = public_year(year)
    if not contracts:
        return None
    return {
        "year": year,
        "generated": (now or timezone.now()).isoformat(timespec="seconds"),
        "suppression_threshold": min_count(),
        "documentation": DOCUMENTATION,
        "contracts": [_contract_json(contract) for contract in contracts],
    }


def csv_text(year: int) -> str | None:
    """The same content as CSV for a Danish Excel: UTF-8 with a byte order mark, `;` between
    fields, a decimal comma, one row per goal, per section and per indicator and target."""
    data = json_data(year)
    if data is None:
        return None
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for contract in data["contracts"]:
        head = [
            _text(contract["holder"]),
            _text(contract["area"]),
            contract["year"],
            contract["kind"],
            contract["revision"],
            contract["entered_on"] or "",
        ]
        for goal in contract["goals"]:
            title = _text(goal["title"])
            row = [*head, goal["number"], title, goal["scope"], "ja" if goal["multi_year"] else "nej"]
            writer.writerow([*row, "Mål", title, *[""] * 12])
            for section in goal["sections"]:
                writer.writerow([*row, "Afsnit", _text(section["heading"]), _text(section["text"]), *[""] * 11])
            for indicator in goal["indicators"]:
                for target in indicator["targets"] or [None]:
                    writer.writerow([*row, *_indicator_cells(indicator, target)])
    return out.getvalue()


def _contract(contract: Contract, names: list[str]) -> PublicContract:
    sections = Prefetch(
        "sections", queryset=GoalSection.objects.select_related("goal__contract").order_by("order", "key")
    )
    goals = (
        Goal.objects.filter(contract=contract, deleted_at__isnull=True).prefetch_related(sections).order_by("number")
    )
    indicators = list(
        rights.public_indicators(contract)
        .select_related("org_unit")
        .prefetch_related(
            Prefetch("targets", queryset=Target.objects.order_by("period_start")),
            Prefetch("measurements", queryset=Measurement.objects.order_by("-period")),
        )
        .order_by("pk")
    )
    # As for an anonymous visitor, whoever looks: public content is the same for everybody.
    hidden = hidden_indicators(AnonymousUser(), indicators)
    by_goal: dict[int | None, list[Indicator]] = {}
    for indicator in indicators:
        by_goal.setdefault(indicator.goal_id, []).append(indicator)
    return PublicContract(
        pk=contract.pk,
        holder=contract.holder.name,
        area=contract.holder.parent.name if contract.holder.parent else "",
        kind=contract.get_kind_display(),
        year=contract.year,
        revision=contract.revision,
        entered_on=contract.entered_on,
        introduction=mask_names(contract.introduction, names),
        goals=[
            PublicGoal(
                number=goal.number,
                title=mask_names(goal.title, names),
                scope=goal.get_scope_display(),
                multi_year=goal.multi_year,
                sections=[
                    PublicSection(mask_names(s.display_heading, names), mask_names(s.text, names))
                    for s in goal.sections.all()
                ],
                indicators=[
                    _indicator(indicator, indicator.pk in hidden, names) for indicator in by_goal.get(goal.pk, [])
                ],
            )
            for goal in goals
        ],
    )


def _indicator(indicator: Indicator, suppressed: bool, names: list[str]) -> PublicIndicator:
    latest = None if suppressed else next(iter(indicator.measurements.all()), None)
    return PublicIndicator(
        name=mask_names(indicator.name, names),
        key=indicator.key,
        measured_unit=indicator.org_unit.name,
        unit=indicator.unit,
        suppressed=suppressed,
        baseline=None if suppressed else indicator.baseline_value,
        baseline_period="" if suppressed else indicator.baseline_period,
        targets=[PublicTarget(t.value, t.period_start, t.period_end) for t in indicator.targets.all()],
        latest_value=latest.value if latest else None,
        latest_period=latest.period if latest else None,
    )


def _contract_json(contract: PublicContract) -> dict:
    return {
        "holder": contract.holder,
        "area": contract.area,
        "kind": contract.kind,
        "year": contract.year,
        "revision": contract.revision,
        "entered_on": contract.entered_on.isoformat() if contract.entered_on else None,
        "introduction": contract.introduction,
        "goals": [
            {
                "number": goal.number,
                "title": goal.title,
                "scope": goal.scope,
                "multi_year": goal.multi_year,
                "sections": [{"heading": s.heading, "text": s.text} for s in goal.sections],
                "indicators": [_indicator_json(indicator) for indicator in goal.indicators],
            }
            for goal in contract.goals
        ],
    }


def _indicator_json(indicator: PublicIndicator) -> dict:
    return {
        "name": indicator.name,
        "key": indicator.key,
        "measured_unit": indicator.measured_unit,
        "unit": indicator.unit,
        "suppressed": indicator.suppressed,
        "baseline": _number(indicator.baseline),
        "baseline_period": indicator.baseline_period or None,
        "targets": [
            {
                "value": _number(t.value),
                "period_start": t.period_start.isoformat(),
                "period_end": t.period_end.isoformat(),
            }
            for t in indicator.targets
        ],
        "latest": None
        if indicator.latest_period is None
        else {"value": _number(indicator.latest_value), "period": indicator.latest_period.isoformat()},
    }


def _indicator_cells(indicator: dict, target: dict | None) -> list:
    latest = indicator["latest"] or {}
    return [
        "Indikator",
        _text(indicator["name"]),
        "",
        _text(indicator["key"]),
        _text(indicator["measured_unit"]),
        _text(indicator["unit"]),
        _danish(indicator["baseline"]),
        _text(indicator["baseline_period"] or ""),
        _danish(target["value"]) if target else "",
        target["period_start"] if target else "",
        target["period_end"] if target else "",
        _danish(latest.get("value")),
        latest.get("period", ""),
        "ja" if indicator["suppressed"] else "",
    ]


def _number(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


def _danish(value: float | None) -> str:
    """A figure with a decimal comma (what a Danish Excel reads as a number), no trailing zeros."""
    if value is None:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def _text(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value
