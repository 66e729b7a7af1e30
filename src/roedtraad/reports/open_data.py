"""The public year page's content as open data: CSV (`csv_text`) and JSON (`json_data`).

The same content as `/offentlig/<year>/`, whoever downloads it: each holder's newest entered
revision for the year (`rights.public_contracts`), its goals and sections, and its indicators at
holder level and above (`rights.public_indicators`) with targets and latest value. No personal
data: names of known people are masked in every text (`core.redact.mask_names`), and a small
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
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import timezone

from roedtraad import rights
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


def year_contracts(year: int) -> list[Contract]:
    """Each holder's newest entered revision for the year, by area and holder name."""
    latest: dict[int, Contract] = {}
    for contract in rights.public_contracts().filter(year=year).select_related("holder", "holder__parent"):
        latest.setdefault(contract.holder_id, contract)  # public_contracts orders by revision, newest first
    return sorted(latest.values(), key=lambda c: (c.holder.parent.name if c.holder.parent else "", c.holder.name))


def json_data(year: int, now: dt.datetime | None = None) -> dict | None:
    """The year's public content as JSON-ready data; None when nothing is public for the year."""
    contracts = year_contracts(year)
    if not contracts:
        return None
    names = list(Person.objects.values_list("name", flat=True))
    return {
        "year": year,
        "generated": (now or timezone.now()).isoformat(timespec="seconds"),
        "suppression_threshold": min_count(),
        "documentation": DOCUMENTATION,
        "contracts": [_contract(contract, names) for contract in contracts],
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


def _contract(contract: Contract, names: list[str]) -> dict:
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
    # As for an anonymous visitor, whoever downloads: open data is the same file for everybody.
    hidden = hidden_indicators(AnonymousUser(), indicators)
    by_goal: dict[int | None, list[Indicator]] = {}
    for indicator in indicators:
        by_goal.setdefault(indicator.goal_id, []).append(indicator)
    return {
        "holder": contract.holder.name,
        "area": contract.holder.parent.name if contract.holder.parent else "",
        "kind": contract.get_kind_display(),
        "year": contract.year,
        "revision": contract.revision,
        "entered_on": contract.entered_on.isoformat() if contract.entered_on else None,
        "introduction": mask_names(contract.introduction, names),
        "goals": [
            {
                "number": goal.number,
                "title": mask_names(goal.title, names),
                "scope": goal.get_scope_display(),
                "multi_year": goal.multi_year,
                "sections": [
                    {"heading": s.display_heading, "text": mask_names(s.text, names)} for s in goal.sections.all()
                ],
                "indicators": [
                    _indicator(indicator, indicator.pk in hidden, names) for indicator in by_goal.get(goal.pk, [])
                ],
            }
            for goal in goals
        ],
    }


def _indicator(indicator: Indicator, suppressed: bool, names: list[str]) -> dict:
    latest = next(iter(indicator.measurements.all()), None)
    return {
        "name": mask_names(indicator.name, names),
        "key": indicator.key,
        "measured_unit": indicator.org_unit.name,
        "unit": indicator.unit,
        "suppressed": suppressed,
        "baseline": None if suppressed else _number(indicator.baseline_value),
        "baseline_period": None if suppressed else (indicator.baseline_period or None),
        "targets": [
            {
                "value": _number(t.value),
                "period_start": t.period_start.isoformat(),
                "period_end": t.period_end.isoformat(),
            }
            for t in indicator.targets.all()
        ],
        "latest": None
        if suppressed or latest is None
        else {"value": _number(latest.value), "period": latest.period.isoformat()},
    }


def _indicator_cells(indicator: dict, target: dict | None) -> list:
    latest = indicator["latest"] or {}
    return [
        "Indikator",
        _text(indicator["name"]),
        "",
        indicator["key"],
        _text(indicator["measured_unit"]),
        indicator["unit"],
        _danish(indicator["baseline"]),
        indicator["baseline_period"] or "",
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
