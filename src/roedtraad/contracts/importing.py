"""Saving an imported document: a contract with its goals, sections, partners, indicators
and stop-doing items, or a year's framework (DUS) with its tracks, focus areas and
requirements. One transaction per document: a failure leaves nothing half-saved.

Importing the same holder's contract for the same year again merges the document into the
draft (`reimport`: nothing people added is lost, removed goals are soft-deleted); a submitted
contract is not replaced, and an entered (locked) one needs a new revision first.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from roedtraad.contracts import reimport
from roedtraad.contracts.lineage import indicators_of
from roedtraad.contracts.models import Contract, ContractKind, ContractLocked, Goal, GoalLayout
from roedtraad.contracts.workflow import record
from roedtraad.core.ingest.model import ParsedDocument, ParsedGoal, ParsedIndicator, ParsedPartner
from roedtraad.core.ingest.scope import is_group
from roedtraad.followup.models import Direction, Indicator, Target
from roedtraad.frameworks.models import FocusArea, Framework, Requirement, Track
from roedtraad.org.models import OrgUnit, OrgUnitKind
from roedtraad.org.names import UnitNames

# Requirement themes of the DUS, by the words that name them (first match wins).
THEMES: list[tuple[str, re.Pattern]] = [
    ("holde-op-med", re.compile(r"hold(?:e)?\s+op\s+med", re.I)),
    ("ledelsesudvikling", re.compile(r"ledelsesudvikling|ledelsesgrundlag", re.I)),
    ("sygefravaer", re.compile(r"sygefravær", re.I)),
    ("fleksible-arbejdsformer", re.compile(r"fleksible\s+arbejdsformer", re.I)),
    ("god-modtagelse", re.compile(r"god\s+modtagelse", re.I)),
    ("opgaveloesning", re.compile(r"opgaveløsning", re.I)),
    ("faelles-maal", re.compile(r"fælles\s+mål", re.I)),
]
_SICK_LEAVE = re.compile(r"sygefravær|fravær", re.I)


class ImportRefused(ValidationError):
    """The document cannot be saved as it is (no holder, no year); the message is Danish."""


def save_parsed_document(
    doc: ParsedDocument,
    *,
    framework_year: int | None = None,
    user=None,
    holder: OrgUnit | None = None,
    allow_remove: bool = False,
    create_holder: bool = True,
) -> Contract | Framework:
    """Save a parsed contract (→ `Contract`) or framework (kind "dus" → `Framework`).

    `framework_year` is the year when the document states none; `holder` overrides the unit
    named in the document; `user` is recorded in the history and must have the right to edit
    an existing contract (None: the command line). Over an existing draft the document is
    merged (`reimport`); goals it no longer has are removed only with `allow_remove`. A holder
    named in the document that Rødtråd does not know becomes a new unit only with `create_holder`;
    otherwise the import is refused, naming it."""
    year = doc.year or framework_year
    if not year:
        raise ImportRefused("Dokumentet angiver ikke noget år; angiv året.", code="no_year")
    with transaction.atomic():
        if doc.kind == "dus":
            return save_framework(doc, year)
        return _save_contract(doc, year, user, holder, allow_remove, create_holder)


def existing_contract(holder: OrgUnit, year: int) -> Contract | None:
    """The contract an import for the holder and year is saved over (its latest revision)."""
    return Contract.objects.filter(holder=holder, year=year).order_by("-revision").first()


def import_plan(doc: ParsedDocument, holder: OrgUnit, year: int) -> reimport.ImportPlan:
    """What saving the document as the holder's contract for the year would change."""
    return reimport.plan_import(existing_contract(holder, year), doc, _numbered(doc.goals))


def _save_contract(
    doc: ParsedDocument, year: int, user, holder: OrgUnit | None, allow_remove: bool, create_holder: bool
) -> Contract:
    if not doc.goals:
        raise ImportRefused(
            "Rødtråd fandt ingen udviklingsmål i dokumentet, så intet er gemt. "
            "Markér målenes overskrifter i gennemsynet, eller tjek at filen er en udviklingskontrakt.",
            code="no_goals",
        )
    unit = holder or holder_unit(doc.holder, create_holder)
    contract = existing_contract(unit, year)
    if contract is not None and contract.is_locked:
        raise ContractLocked(contract)
    if contract is not None:
        reimport.require_replaceable(contract, user)
    numbered = _numbered(doc.goals)
    plan = reimport.plan_import(contract, doc, numbered)
    contract = contract or Contract(holder=unit, year=year)
    contract.kind = doc.kind if doc.kind in ContractKind.values else ContractKind.KONTRAKT
    contract.layout = GoalLayout.WORKPLAN if doc.layout == "workplan" else GoalLayout.SECTIONS
    contract.introduction = doc.introduction or contract.introduction
    contract.source_name = doc.file[:300]
    contract.framework = Framework.objects.filter(year=year).first() or contract.framework
    contract.import_report = import_report(doc, user)
    record(contract, user, f"Importeret fra {doc.file}")
    contract.save()
    goals = reimport.merge_into(contract, plan, user, source=doc.file, allow_remove=allow_remove)
    units = UnitIndex()
    notes: dict[str, list] = {"outside_holder": [], "unknown_unit": [], "unknown_references": []}
    for number, parsed in numbered:
        goal = goals[number]
        partners = parsed.partners or [ParsedPartner(name) for name in parsed.shared_with if not is_group(name)]
        reimport.add_partners(goal, partners, units.find)
        reimport.add_activities(goal, parsed.activities, user, units.find)
        reimport.add_responsible(goal, parsed.responsible)
        notes["unknown_references"] += reimport.add_references(goal, parsed.references)
        reimport.add_planned_follow_ups(contract, goal, parsed.follow_ups)
        for indicator in parsed.indicators:
            _save_or_note(goal, indicator, unit, year, units, notes)
    reimport.add_stop_doing(contract, plan.stop_doing_added, doc.stop_doing_goals)
    contract.import_report.update({key: found for key, found in notes.items() if found})
    contract.save(update_fields=["import_report"])
    return contract


def _save_or_note(goal: Goal, indicator: ParsedIndicator, holder: OrgUnit, year: int, units, notes) -> None:
    place, scope = indicator_place(indicator, holder, units)
    if place == "write":
        assert scope is not None  # "write" always comes with the unit
        save_indicator(goal, indicator, scope, year)
    else:
        notes[place].append(_note(goal.number, indicator, scope))


def indicator_place(indicator: ParsedIndicator, holder: OrgUnit, units: UnitIndex) -> tuple[str, OrgUnit | None]:
    """Where an imported indicator goes: "write" when its unit is the holder or lies under it;
    "outside_holder" for another unit's figures (that unit's own, never written by this
    holder's document); "unknown_unit" for a unit Rødtråd does not know (never created)."""
    scope = units.scope_unit(indicator.scope, holder)
    if scope is None:
        return "unknown_unit", None
    return ("write" if scope.lies_within(holder) else "outside_holder"), scope


def _note(number: int, indicator: ParsedIndicator, scope: OrgUnit | None) -> dict:
    unit = scope.name if scope is not None else " ".join(indicator.scope.split())
    return {"goal": number, "unit": unit, "text": indicator.text}


def indicator_notes(doc: ParsedDocument, holder: OrgUnit) -> dict[str, list[dict]]:
    """The document's indicators that a save would not write, by reason (for the preview)."""
    units = UnitIndex()
    notes: dict[str, list[dict]] = {"outside_holder": [], "unknown_unit": []}
    for number, parsed in _numbered(doc.goals):
        for indicator in parsed.indicators:
            place, scope = indicator_place(indicator, holder, units)
            if place != "write":
                notes[place].append(_note(number, indicator, scope))
    return notes


def _numbered(goals: list[ParsedGoal]) -> list[tuple[int, ParsedGoal]]:
    numbers = [g.number for g in goals]
    if len(set(numbers)) == len(numbers) and all(n > 0 for n in numbers):
        return list(zip(numbers, goals, strict=True))
    return list(enumerate(goals, start=1))


_PERCENT_UNITS = {"%", "% ændring", "pct.-point"}
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def save_indicator(goal: Goal, parsed: ParsedIndicator, unit: OrgUnit, year: int) -> Indicator:
    """The indicator of the goal's measure for the unit from the contract's year (one per key,
    unit and first day: last year's goal keeps its own), with the target for the year it names;
    "på sigt" (no year) is kept as a target for the year after the contract's. A measure in
    other units than percent (days per employee, amounts) is an indicator of its own."""
    named = parsed.name or goal.title
    key = "sygefravaer" if _SICK_LEAVE.search(f"{parsed.text} {named}") else slug_for(named)
    if parsed.unit not in _PERCENT_UNITS:
        key = f"{key}-{slugify(parsed.unit.replace('.', ' ').translate(_ASCII))}"[:60]
    better_up = (
        parsed.direction == "up"
        if parsed.direction
        else (parsed.baseline is not None and parsed.target > parsed.baseline)
    )
    fields = {
        "name": (parsed.name or ("Sygefravær" if key == "sygefravaer" else goal.title))[:200],
        "unit": parsed.unit[:30],
        "direction": Direction.HIGHER_IS_BETTER if better_up else Direction.LOWER_IS_BETTER,
        "baseline_value": None if parsed.baseline is None else Decimal(str(parsed.baseline)),
        "baseline_period": parsed.baseline_period[:60],
        **({"aggregation": parsed.aggregation} if parsed.aggregation else {}),
    }
    # The goal's own measure, also where it is still tied to the revision in force: a draft
    # revision's goal takes its figures over when it is entered (`lineage.carry_follow_up`).
    indicator = indicators_of(goal).filter(key=key, org_unit=unit).order_by("-valid_from").first()
    if indicator is not None:
        Indicator.objects.filter(pk=indicator.pk).update(**fields)
    else:
        indicator, _ = Indicator.objects.update_or_create(
            key=key, org_unit=unit, valid_from=dt.date(year, 1, 1), defaults={**fields, "goal": goal}
        )
    target_year = parsed.year or year + 1
    Target.objects.update_or_create(
        indicator=indicator,
        period_start=dt.date(target_year, 1, 1),
        period_end=dt.date(target_year, 12, 31),
        defaults={"value": Decimal(str(parsed.target)), "text": parsed.text, "long_term": parsed.long_term},
    )
    return indicator


def import_report(doc: ParsedDocument, user=None) -> dict:
    """What the import could and could not place, kept with the contract."""
    return {
        "file": doc.file,
        "layout": doc.layout,
        "coverage": doc.coverage,
        "goals": len(doc.goals),
        "unassigned": [{"text": f.text, "start": f.start, "end": f.end} for f in doc.unassigned],
        "artefacts": [{"text": f.text, "kind": f.kind, "start": f.start, "end": f.end} for f in doc.artefacts],
        "imported_at": timezone.now().isoformat(),
        "imported_by": user.get_username() if user is not None and user.is_authenticated else "",
    }


# --- Org units -------------------------------------------------------------------------------


def normalise(name: str) -> str:
    return " ".join((name or "").split()).casefold()


class UnitIndex(UnitNames):
    """Org units by every name they go by (`org.names`), loaded once per import."""

    def scope_unit(self, scope: str, holder: OrgUnit) -> OrgUnit | None:
        """The unit a target applies to: the holder when the text names none, a known unit by
        name or alias, else None (an import never creates a unit as a side effect)."""
        if not normalise(scope):
            return holder
        return self.find(scope)


def holder_unit(name: str, create: bool = True) -> OrgUnit:
    """The holder's unit by name or alias; a new holder unit when none matches and `create`."""
    if not normalise(name):
        raise ImportRefused("Dokumentet angiver ikke nogen kontraktholder; angiv den.", code="no_holder")
    found = UnitIndex().find(name)
    if found is not None:
        return found
    if not create:
        raise ImportRefused(
            f"Rødtråd kender ikke kontraktholderen »{' '.join(name.split())}«, så intet er gemt.",
            code="unknown_holder",
        )
    return OrgUnit.objects.create(name=" ".join(name.split())[:200], kind=OrgUnitKind.HOLDER)


# --- Framework (DUS) -------------------------------------------------------------------------


def slug_for(text: str, words: int = 6) -> str:
    """A slug of the first words, Danish letters spelt out (æ → ae, ø → oe, å → aa)."""
    first = " ".join(text.split()[:words]).lower()
    first = first.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return slugify(first)[:60].strip("-") or "maal"


def requirement_slug(text: str) -> str:
    return next((slug for slug, pattern in THEMES if pattern.search(text)), None) or slug_for(text)


def save_framework(doc: ParsedDocument, year: int) -> Framework:
    framework, _ = Framework.objects.get_or_create(year=year, defaults={"title": f"DUS {year}"})
    framework.introduction = doc.introduction
    framework.save()
    tracks = []
    for number, title in enumerate(doc.tracks, start=1):
        track, _ = Track.objects.update_or_create(framework=framework, number=number, defaults={"title": title[:300]})
        tracks.append(track)
    framework.tracks.filter(number__gt=len(doc.tracks)).delete()
    known = {normalise(a.title): a for a in framework.focus_areas.all()}
    for title in doc.focus_areas:
        if normalise(title) not in known:
            known[normalise(title)] = FocusArea.objects.create(framework=framework, title=title[:300])
    used: set[str] = set()
    for order, text in enumerate(doc.requirements):
        slug = _unique(requirement_slug(text), used)
        Requirement.objects.update_or_create(
            framework=framework, slug=slug, defaults={"text": text, "order": order, "retired_at": None}
        )
    return framework


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug[:56]}-{n}", n + 1
    used.add(candidate)
    return candidate
