"""The checks on the database: report shape, overrides, requirements, the check command."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from tests.factories import contract_with_goal, org_tree, shared_goal

from roedtraad.checks.models import RequirementOverride
from roedtraad.checks.services import (
    contract_report,
    ensure_requirements,
    override_requirement,
    run_checks,
)
from roedtraad.contracts.models import Contract, Goal, GoalSection, StopDoingItem
from roedtraad.core.ingest.parse import parse_text
from roedtraad.frameworks.models import Framework
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind

pytestmark = pytest.mark.django_db


def _requirement(report: dict, holder: str, slug: str) -> dict:
    contract = next(c for c in report["contracts"] if c["holder"] == holder)
    return next(r for r in contract["requirements"] if r["slug"] == slug)


def test_ensure_requirements_adds_the_catalogue_once():
    framework = Framework.objects.create(year=2026, title="DUS 2026")
    first = ensure_requirements(framework)
    assert [r.slug for r in first][:3] == ["holde-op-med", "ledelsesudvikling", "sygefravaer"]
    assert first[2].judged_by["needs_number"] is True
    first[2].judged_by["needs_number"] = False  # a person's edit is kept
    first[2].save()
    again = ensure_requirements(framework)
    assert len(again) == len(first) == 7
    assert again[2].judged_by["needs_number"] is False


def test_run_checks_reports_requirements_shared_goals_and_overlaps():
    units = org_tree()
    framework = Framework.objects.create(year=2026, title="DUS 2026")
    ensure_requirements(framework)
    ours = contract_with_goal(units["holder"])
    GoalSection.objects.create(goal=ours.goals.get(), key="aktiviteter", text="Månedlig opfølgning på fravær.")
    StopDoingItem.objects.create(contract=ours, text="Ugentlige statusmøder")
    shared_goal(ours, units["other"])
    theirs = contract_with_goal(units["other"])
    report = run_checks(2026)
    assert report["framework"] == "DUS 2026"
    assert {c["holder"] for c in report["contracts"]} == {"Plejehjemmet Solsikken", "Hjemmeplejen Øst"}
    sick = _requirement(report, "Plejehjemmet Solsikken", "sygefravaer")
    assert sick["status"] == "met"
    assert any("5 %" in e["quote"] for e in sick["evidence"])
    assert _requirement(report, "Hjemmeplejen Øst", "sygefravaer")["status"] == "partial"  # no activities
    assert _requirement(report, "Plejehjemmet Solsikken", "faelles-maal")["status"] == "met"  # partner role
    mine = next(c for c in report["contracts"] if c["holder"] == "Plejehjemmet Solsikken")
    partner = mine["shared_goals"][0]["partners"][0]
    assert (partner["unit"], partner["status"]) == ("Hjemmeplejen Øst", "one_sided")  # no goal names us
    pair = report["overlaps"][0]
    assert {pair["a"]["holder"], pair["b"]["holder"]} == {"Plejehjemmet Solsikken", "Hjemmeplejen Øst"}
    assert "sygefravær" in pair["shared_terms"]
    assert contract_report(theirs)["holder"] == "Hjemmeplejen Øst"


def test_override_replaces_the_status_and_keeps_author_date_and_reason():
    units = org_tree()
    framework = Framework.objects.create(year=2026, title="DUS 2026")
    requirement = next(r for r in ensure_requirements(framework) if r.slug == "holde-op-med")
    contract = contract_with_goal(units["holder"])
    contract.framework = framework
    contract.save()
    user = get_user_model().objects.create_user("fagchef", first_name="Fie", last_name="Fagchef")
    with pytest.raises(ValidationError):
        override_requirement(contract, requirement, "met", "  ", user)
    override_requirement(contract, requirement, "partial", "Første vurdering.", user)
    override_requirement(contract, requirement, "met", "Aftalt mundtligt i kontraktdialogen.", user)
    assert RequirementOverride.objects.count() == 2  # history is kept
    found = _requirement(run_checks(2026), "Plejehjemmet Solsikken", "holde-op-med")
    assert found["status"] == "met"
    assert found["override"]["automatic_status"] == "missing"
    assert found["override"]["author"] == "Fie Fagchef"
    assert "kontraktdialogen" in found["reason"]


def _save_parsed(path, holder: OrgUnit) -> Contract:
    doc = parse_text(path.read_text(encoding="utf-8"), path.name)
    contract = Contract.objects.create(holder=holder, year=doc.year, kind=doc.kind)
    for parsed in doc.goals:
        goal = Goal.objects.create(contract=contract, number=parsed.number, title=parsed.title[:300])
        for order, (key, text) in enumerate(parsed.sections.items()):
            GoalSection.objects.create(goal=goal, key=key, text=text, order=order)
    return contract


def test_partner_unknown_until_it_exists_then_one_sided(corpus_dir):
    # 003 goal 9: good transitions between Børn og Unge and Arbejdsmarked og Social.
    area = OrgUnit.objects.create(name="Arbejdsmarked og Social", kind=OrgUnitKind.AREA)
    _save_parsed(corpus_dir / "003_32fa8561ff7d9387.txt", area)

    def partner() -> dict:
        report = run_checks(2023)
        goals = report["contracts"][0]["shared_goals"]
        item = next(g for g in goals if g["goal"] == 9)
        return item["partners"][0]

    assert partner()["status"] == "unknown_partner"
    bu = OrgUnit.objects.create(name="Børn og Unge", kind=OrgUnitKind.AREA)
    OrgUnitAlias.objects.create(unit=bu, alias="BU")
    assert partner()["status"] == "no_contract"
    other = Contract.objects.create(holder=bu, year=2023)
    Goal.objects.create(contract=other, number=1, title="Dagtilbud")
    assert partner()["status"] == "one_sided"


def test_check_command_json_and_plain():
    units = org_tree()
    contract_with_goal(units["holder"])
    out = io.StringIO()
    call_command("check", "--json", "--year", "2026", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) >= {"framework", "contracts", "overlaps"}
    requirement = data["contracts"][0]["requirements"][0]
    assert set(requirement) >= {"slug", "status", "reason", "evidence"}
    plain = io.StringIO()
    call_command("check", stdout=plain)
    assert "System check identified no issues" in plain.getvalue()
