"""Saving an imported document: the contract with its goals, sections, partners, indicators
and stop-doing items; importing again updates the draft; an entered contract is left alone;
a failure leaves nothing half-saved; a DUS becomes the year's framework."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.factories import enter

from roedtraad.contracts import importing
from roedtraad.contracts.importing import ImportRefused, save_parsed_document
from roedtraad.contracts.models import Contract, ContractLocked, Goal, GoalPartner, GoalSection, StopDoingItem
from roedtraad.core.ingest.parse import parse_text
from roedtraad.followup.models import Indicator, Target
from roedtraad.frameworks.models import Framework
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind

pytestmark = pytest.mark.django_db

SECTIONS_DOC = "003_32fa8561ff7d9387.txt"  # Arbejdsmarked og Social: sections, shared goals, centre targets
WORKPLAN_DOC = "000_d3024c2f26f0e94b.txt"
FRAMEWORK_DOC = "002_8b6c67c7d02b70e3.txt"


def parsed(corpus_dir, name):
    return parse_text((corpus_dir / name).read_text(encoding="utf-8"), name)


@pytest.fixture
def agreement(corpus_dir):
    return parsed(corpus_dir, SECTIONS_DOC)


def test_a_target_for_a_known_centre_of_the_holder_is_kept_on_the_centre_and_unknown_units_are_not_created(agreement):
    holder = OrgUnit.objects.create(name="Arbejdsmarked og Social", kind=OrgUnitKind.HOLDER)
    centre = OrgUnit.objects.create(name="Kompetencecenteret", kind=OrgUnitKind.CENTRE, parent=holder)
    units_before = OrgUnit.objects.count()
    contract = save_parsed_document(agreement)
    assert OrgUnit.objects.count() == units_before, "an import creates no unit as a side effect"
    assert Indicator.objects.filter(goal__contract=contract, org_unit=centre).exists()
    written = Target.objects.filter(indicator__goal__contract=contract).count()
    unknown = contract.import_report.get("unknown_unit", [])
    assert unknown and all(note["unit"] not in ("Arbejdsmarked og Social", "Kompetencecenteret") for note in unknown)
    assert written + len(unknown) == sum(len(g.indicators) for g in agreement.goals), "every figure written or noted"


def test_saving_a_parsed_agreement_creates_its_goals_sections_partners_and_indicators(agreement):
    contract = save_parsed_document(agreement)
    assert (contract.holder.name, contract.holder.kind, contract.year) == ("Arbejdsmarked og Social", "holder", 2023)
    assert (contract.kind, contract.status, contract.source_name) == ("aftale", "draft", SECTIONS_DOC)
    goals = list(contract.goals.order_by("number"))
    assert [g.title for g in goals] == [g.title for g in agreement.goals]
    assert GoalSection.objects.filter(goal__contract=contract).count() == sum(len(g.sections) for g in agreement.goals)
    shared = [g for g in goals if g.scope == "shared"]
    assert shared and all(g.partners.exists() for g in shared)
    indicators = Indicator.objects.filter(goal__contract=contract)
    assert indicators.filter(key="sygefravaer", org_unit=contract.holder).exists()
    assert {i.valid_from.isoformat() for i in indicators} == {"2023-01-01"}
    assert contract.stop_doing_items.count() == len(agreement.stop_doing)
    assert contract.import_report["coverage"] == agreement.coverage


def test_the_holder_is_found_by_name_or_alias_whatever_the_case_and_spacing(agreement):
    unit = OrgUnit.objects.create(name="AMS", kind=OrgUnitKind.HOLDER)
    OrgUnitAlias.objects.create(unit=unit, alias="arbejdsmarked  og SOCIAL")
    contract = save_parsed_document(agreement)
    assert contract.holder == unit
    assert OrgUnit.objects.filter(kind=OrgUnitKind.HOLDER).count() == 1, "no second holder unit"


def test_a_partner_named_like_a_known_unit_is_linked_to_it(agreement):
    partner = OrgUnit.objects.create(name="Sundhed, Omsorg og Handicap", kind=OrgUnitKind.AREA)
    save_parsed_document(agreement)
    linked = GoalPartner.objects.filter(name="Sundhed, Omsorg og Handicap")
    assert linked.exists() and all(p.unit == partner for p in linked)
    assert GoalPartner.objects.filter(unit__isnull=True).exclude(name="").exists(), "unknown partners keep their name"


def test_importing_the_same_document_twice_updates_the_draft_instead_of_duplicating(agreement):
    first = save_parsed_document(agreement)
    counts = (Goal.objects.count(), GoalSection.objects.count(), Indicator.objects.count(), Target.objects.count())
    again = save_parsed_document(agreement)
    assert again.pk == first.pk
    assert Contract.objects.count() == 1
    assert (Goal.objects.count(), GoalSection.objects.count(), Indicator.objects.count(), Target.objects.count()) == (
        counts
    )
    assert StopDoingItem.objects.count() == len(agreement.stop_doing)


def test_an_entered_contract_is_not_overwritten_a_new_revision_is_needed(agreement):
    contract = enter(save_parsed_document(agreement))
    titles = list(contract.goals.values_list("title", flat=True))
    agreement.goals = agreement.goals[:1]
    with pytest.raises(ContractLocked, match="ny revision"):
        save_parsed_document(agreement)
    assert list(Contract.objects.get(pk=contract.pk).goals.values_list("title", flat=True)) == titles


def test_a_failure_in_the_middle_of_saving_leaves_nothing_half_saved(agreement, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importing, "save_indicator", broken)
    with pytest.raises(RuntimeError):
        save_parsed_document(agreement)
    assert not Contract.objects.exists()
    assert not Goal.objects.exists() and not GoalSection.objects.exists()
    assert not OrgUnit.objects.exists(), "the new holder unit is rolled back too"


def test_a_document_without_a_year_or_a_holder_is_refused(agreement):
    agreement.year = None
    with pytest.raises(ImportRefused):
        save_parsed_document(agreement)
    agreement.year, agreement.holder = 2023, "  "
    with pytest.raises(ImportRefused):
        save_parsed_document(agreement)
    assert not Contract.objects.exists()


def test_the_year_may_be_given_when_the_document_states_none(corpus_dir):
    doc = parsed(corpus_dir, WORKPLAN_DOC)
    doc.year = None
    contract = save_parsed_document(doc, framework_year=2024)
    assert (contract.year, contract.layout, contract.holder.name) == (2024, "workplan", "Landsbyen Sølund")


def test_a_framework_document_becomes_the_years_dus_with_tracks_focus_areas_and_requirements(corpus_dir):
    doc = parsed(corpus_dir, FRAMEWORK_DOC)
    framework = save_parsed_document(doc)
    assert isinstance(framework, Framework) and framework.year == 2023
    assert [t.title for t in framework.tracks.order_by("number")] == doc.tracks
    assert [a.title for a in framework.focus_areas.all()] == doc.focus_areas
    slugs = list(framework.requirements.order_by("order").values_list("slug", flat=True))
    assert slugs == [
        "holde-op-med",
        "ledelsesudvikling",
        "sygefravaer",
        "fleksible-arbejdsformer",
        "god-modtagelse",
        "opgaveloesning",
        "faelles-maal",
    ]
    assert save_parsed_document(doc).pk == framework.pk
    assert framework.requirements.count() == 7 and framework.tracks.count() == 2


def test_a_contract_imported_after_its_dus_points_to_it(corpus_dir, agreement):
    framework = save_parsed_document(parsed(corpus_dir, FRAMEWORK_DOC))
    assert save_parsed_document(agreement).framework == framework


def test_targets_in_days_and_amounts_are_indicators_of_their_own_unit_beside_the_percentage():
    from pathlib import Path

    name = "sec_jobcenter_vest_2026.txt"
    text = (Path(__file__).parents[1] / "core" / "ingest" / "unseen" / name).read_text(encoding="utf-8")
    contract = save_parsed_document(parse_text(text, name))
    sick = contract.goals.get(number=2)
    got = {(i.key, i.unit, i.direction) for i in Indicator.objects.filter(goal=sick)}
    assert got == {
        ("sygefravaer", "%", "down"),
        ("sygefravaer-dage-pr-medarbejder", "dage pr. medarbejder", "down"),
    }
    costs = Indicator.objects.get(goal=contract.goals.get(number=3), unit="mio. kr. ændring")
    assert [t.value for t in costs.targets.all()] == [Decimal("-0.8")]
    share = Indicator.objects.get(goal=contract.goals.get(number=1), unit="%")
    assert (share.direction, [t.value for t in share.targets.all()]) == ("up", [Decimal("75")])
