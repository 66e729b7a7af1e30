"""The stop-doing register: every proposal of the year across the contracts, with its holder,
linked goals and the director's decision; filtered, exported as CSV, shown back on the contract.

The world (tests/web/conftest.py): area Omsorg holds Solsikken (the holder's draft) and
Hjemmeplejen (the other holder's entered contract); area Skole holds Nordskolen (submitted).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import translation
from tests.web.conftest import YEAR

from roedtraad.contracts import stop_doing, workflow
from roedtraad.contracts.models import Contract, StopDoingDecision, StopDoingItem
from roedtraad.contracts.stop_doing import DecisionInvalid

HTMX = {"HTTP_HX_REQUEST": "true"}
TODAY = dt.date(YEAR, 3, 9)


@pytest.fixture(autouse=True)
def danish():
    """The texts asserted are the Danish source strings, whatever an earlier test left active."""
    with translation.override("da"):
        yield


def proposal(contract: Contract, text: str, goals=(), order: int = 0) -> StopDoingItem:
    """A stop-doing item written into the contract (before it was submitted or entered)."""
    stored = Contract.objects.filter(pk=contract.pk)
    status = stored.values_list("status", flat=True).get()
    stored.update(status="draft")
    item = StopDoingItem.objects.create(contract=contract, text=text, order=order)
    item.goals.set(goals)
    stored.update(status=status)
    return item


@pytest.fixture
def proposals(world):
    """One proposal in each contract; the entered one is linked to its goal."""
    return {
        "draft": proposal(world["draft"], "Vi holder op med ugentlige statusmøder", [world["draft_goal"]]),
        "entered": proposal(world["entered"], "Vi stopper dobbeltregistrering af fravær", [world["entered_goal"]]),
        "submitted": proposal(world["submitted"], "Vi holder op med papirskemaer"),
    }


def register(client, **filters) -> str:
    response = client.get(reverse("stop_doing_register"), filters)
    assert response.status_code == 200
    return response.content.decode()


def decide_url(item: StopDoingItem) -> str:
    return reverse("stop_doing_decide", args=[item.pk])


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte order mark, so Excel reads æøå"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


# The list --------------------------------------------------------------------------------


def test_the_register_lists_every_stop_doing_proposal_of_the_year_with_its_holder_and_linked_goals(
    login, world, proposals
):
    html = register(login("director"))
    for item in proposals.values():
        assert item.text in html
    for holder in ("Solsikken", "Hjemmeplejen", "Nordskolen"):
        assert holder in html
    assert "Omsorg" in html and "Skole" in html  # the holder's area
    assert "1. Lavt sygefravær i Hjemmeplejen" in html  # the linked goal, linked
    assert reverse("goal_detail", args=[world["entered_goal"].pk]) in html
    assert "3 forslag" in html


def test_the_register_shows_the_latest_year_with_contracts_unless_another_is_chosen(login, world, proposals):
    older = Contract.objects.create(holder=world["other"], year=YEAR - 1, title="Sidste år")
    proposal(older, "Vi holder op med at printe referater")
    client = login("director")
    assert "Vi holder op med at printe referater" not in register(client)
    html = register(client, year=YEAR - 1)
    assert "Vi holder op med at printe referater" in html
    assert proposals["entered"].text not in html


def test_a_proposal_without_a_decision_is_proposed(login, world, proposals):
    rows = stop_doing.register_rows(world["users"]["director"], YEAR)
    assert {row.decision.choice for row in rows} == {"foreslaaet"}
    assert not StopDoingDecision.objects.exists()
    assert register(login("director")).count(">Foreslået</span>") == 3


def test_the_register_is_filtered_by_area_holder_and_decision(login, world, proposals):
    stop_doing.decide(world["users"]["director"], proposals["entered"], "stoppet", "Giver ingen værdi.", TODAY)
    client = login("director")
    by_area = register(client, area=world["school"].pk)
    assert proposals["submitted"].text in by_area
    assert proposals["draft"].text not in by_area and proposals["entered"].text not in by_area
    by_holder = register(client, holder=world["own"].pk)
    assert proposals["draft"].text in by_holder and proposals["entered"].text not in by_holder
    stopped = register(client, decision="stoppet")
    assert proposals["entered"].text in stopped and "1 forslag" in stopped
    assert proposals["draft"].text not in stopped
    proposed = register(client, decision="foreslaaet")
    assert proposals["entered"].text not in proposed and "2 forslag" in proposed


def test_a_holder_sees_only_the_proposals_of_contracts_they_may_read(login, world, proposals):
    own = register(login("holder"))
    assert proposals["draft"].text in own
    assert proposals["entered"].text not in own and proposals["submitted"].text not in own
    area = register(login("head_of_area"))  # Omsorg: both holders of the area, not Skole
    assert proposals["draft"].text in area and proposals["entered"].text in area
    assert proposals["submitted"].text not in area
    assert "0 forslag" in register(login("stranger"))


def test_a_proposal_is_listed_once_from_the_contract_in_force(login, world, proposals):
    revision = workflow.start_revision(world["entered"], world["users"]["other_holder"])
    html = register(login("director"))
    assert html.count('<tr id="forslag-') == 3  # the entered revision is in force, its draft copy is not listed
    assert f'id="forslag-{proposals["entered"].pk}"' in html
    assert f'id="forslag-{revision.stop_doing_items.get().pk}"' not in html


# Deciding --------------------------------------------------------------------------------


def test_only_the_director_decides(login, world, proposals):
    item = proposals["entered"]
    body = {"decision": "stoppet", "reason": "Ingen bruger registreringen."}
    for role in ("head_of_area", "other_holder", "reader"):
        client = login(role)
        assert "Træf beslutning" not in register(client)
        assert client.post(decide_url(item), body).status_code == 403
    assert not StopDoingDecision.objects.exists()
    director = login("director")
    assert "Træf beslutning" in register(director)
    response = director.post(decide_url(item), {**body, "next": reverse("stop_doing_register") + "?year=2026"})
    assert response.status_code == 302
    assert response.url == f"/hold-op-med/?year=2026#forslag-{item.pk}"
    decision = StopDoingDecision.objects.get(item=item)
    assert (decision.decision, decision.reason) == ("stoppet", "Ingen bruger registreringen.")
    assert decision.decided_by == world["users"]["director"]
    assert "Beslutningen er gemt." in director.get(response.url).content.decode()


def test_a_stranger_to_a_proposal_gets_404_and_the_service_refuses_anyone_but_the_director(login, world, proposals):
    body = {"decision": "stoppet", "reason": "Ingen bruger registreringen."}
    assert login("holder").post(decide_url(proposals["entered"]), body).status_code == 404
    assert login("stranger").post(decide_url(proposals["entered"]), body).status_code == 404
    with pytest.raises(workflow.NotAllowed):
        stop_doing.decide(world["users"]["head_of_area"], proposals["entered"], "stoppet", "Nej.", TODAY)
    assert not StopDoingDecision.objects.exists()


def test_stopping_a_proposal_without_a_reason_is_refused_with_a_message_naming_the_reason(login, world, proposals):
    item = proposals["entered"]
    response = login("director").post(decide_url(item), {"decision": "stoppet", "reason": "  "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Skriv en begrundelse, når forslaget stoppes." in html
    assert f'href="#beslutning-{item.pk}-reason"' in html  # the summary leads to the field
    assert not StopDoingDecision.objects.exists()
    with pytest.raises(DecisionInvalid) as refused:
        stop_doing.decide(world["users"]["director"], item, "afvist", "", TODAY)
    assert refused.value.field == "reason" and "begrundelse" in refused.value.message


def test_an_unknown_decision_is_refused_with_a_message_naming_the_decision(login, world, proposals):
    response = login("director").post(decide_url(proposals["entered"]), {"decision": "glemt", "reason": "x"})
    assert response.status_code == 400
    assert "Vælg en beslutning: foreslået, undersøges, stoppet eller afvist." in response.content.decode()
    assert not StopDoingDecision.objects.exists()


def test_a_too_long_reason_is_refused_naming_the_reason(world, proposals):
    with pytest.raises(DecisionInvalid) as refused:
        stop_doing.decide(world["users"]["director"], proposals["entered"], "undersoeges", "x" * 2001, TODAY)
    assert refused.value.field == "reason" and "Begrundelsen" in refused.value.message


def test_a_proposal_is_decided_only_once_its_contract_is_entered(login, world, proposals):
    client = login("director")
    html = register(client)
    assert "Der træffes beslutning, når den er indgået." in html
    response = client.post(decide_url(proposals["draft"]), {"decision": "stoppet", "reason": "Ja."}, follow=True)
    assert "Der træffes først beslutning om forslaget, når kontrakten er indgået." in response.content.decode()
    assert not StopDoingDecision.objects.exists()


def test_with_htmx_the_decided_row_is_swapped_in_place_and_a_refusal_keeps_the_form_open(login, world, proposals):
    item = proposals["entered"]
    client = login("director")
    refused = client.post(decide_url(item), {"decision": "afvist", "reason": ""}, **HTMX)
    html = refused.content.decode()
    assert refused.status_code == 200  # htmx swaps only 2xx answers
    assert html.lstrip().startswith(f'<tr id="forslag-{item.pk}"')
    assert "Skriv en begrundelse, når forslaget afvises." in html and "<details" in html and " open" in html
    done = client.post(decide_url(item), {"decision": "undersoeges", "reason": "HR ser på det."}, **HTMX)
    html = done.content.decode()
    assert "Beslutningen er gemt." in html and ">Undersøges</span>" in html and "HR ser på det." in html
    assert "<html" not in html


def test_a_decision_is_changed_and_kept_in_its_history_with_the_director(world, proposals):
    director = world["users"]["director"]
    stop_doing.decide(director, proposals["entered"], "undersoeges", "", TODAY)
    stop_doing.decide(director, proposals["entered"], "stoppet", "Ingen bruger den.", TODAY + dt.timedelta(days=30))
    decision = StopDoingDecision.objects.get()
    assert (decision.decision, decision.decided_on) == ("stoppet", TODAY + dt.timedelta(days=30))
    records = list(decision.history.order_by("history_id"))
    assert [r.decision for r in records] == ["undersoeges", "stoppet"]
    assert {r.history_user for r in records} == {director}
    assert records[-1].history_change_reason == "Beslutning: Stoppet"


# Shown back on the contract ----------------------------------------------------------------


def test_the_decision_shows_on_the_holders_contract(login, world, proposals):
    stop_doing.decide(world["users"]["director"], proposals["entered"], "stoppet", "Ingen bruger den.", TODAY)
    html = login("other_holder").get(reverse("contract_detail", args=[world["entered"].pk])).content.decode()
    assert ">Stoppet</span> Ingen bruger den." in html
    assert "9. marts 2026" in html
    draft = login("holder").get(reverse("contract_detail", args=[world["draft"].pk])).content.decode()
    assert "Direktørens beslutning" not in draft  # nothing decided, and not entered yet


def test_a_decision_survives_a_new_revision_of_the_contract(login, world, proposals):
    director, holder = world["users"]["director"], world["users"]["other_holder"]
    stop_doing.decide(director, proposals["entered"], "undersoeges", "HR ser på det.", TODAY)
    revision = workflow.start_revision(world["entered"], holder)
    copied = revision.stop_doing_items.get()
    page = login("other_holder").get(reverse("contract_detail", args=[revision.pk])).content.decode()
    assert ">Undersøges</span> HR ser på det." in page
    # Decided again on the entered contract while the revision is written: the revision shows it too.
    stop_doing.decide(director, proposals["entered"], "stoppet", "Ingen bruger den.", TODAY)
    assert stop_doing.decisions_for([copied])[copied.pk].decision == "stoppet"
    # The revision entered: the register lists its item, with the same decision, once.
    Contract.objects.filter(pk=revision.pk).update(status="entered")
    rows = stop_doing.register_rows(director, YEAR, decision="stoppet")
    assert [(row.item.pk, row.decision.reason) for row in rows] == [(copied.pk, "Ingen bruger den.")]
    assert StopDoingDecision.objects.count() == 1  # one decision per proposal, on its first item


# The CSV ---------------------------------------------------------------------------------


def test_the_csv_has_the_same_rows_as_the_filtered_page(login, world, proposals):
    stop_doing.decide(world["users"]["director"], proposals["entered"], "stoppet", "Giver ingen værdi.", TODAY)
    client = login("director")
    filters = {"year": YEAR, "area": world["care"].pk}
    page = register(client, **filters)
    response = client.get(reverse("stop_doing_csv"), filters)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="hold-op-med-{YEAR}.csv"'
    header, *rows = csv_rows(response)
    assert header[:6] == ["År", "Område", "Kontraktholder", "Det holder vi op med", "Hænger sammen med", "Beslutning"]
    page_rows = [row.item.text for row in stop_doing.register_rows(world["users"]["director"], YEAR)]
    assert [r[3] for r in rows] == [t for t in page_rows if t != proposals["submitted"].text]
    assert all(r[3] in page for r in rows) and page.count('<tr id="forslag-') == len(rows) == 2
    entered = next(r for r in rows if r[2] == "Hjemmeplejen")
    assert entered == [
        str(YEAR),
        "Omsorg",
        "Hjemmeplejen",
        "Vi stopper dobbeltregistrering af fravær",
        "1. Lavt sygefravær i Hjemmeplejen",
        "Stoppet",
        "Giver ingen værdi.",
        "09.03.2026",
        "Person direktoer",
    ]
    assert reverse("stop_doing_csv") + "?year=2026&amp;area=" in page  # the page's link keeps the filters


def test_the_csv_holds_only_what_the_user_may_read_and_writes_a_formula_as_text(login, world, proposals):
    proposal(world["draft"], '=HYPERLINK("http://example.com")', order=1)
    header, *rows = csv_rows(login("holder").get(reverse("stop_doing_csv")))
    assert {r[2] for r in rows} == {"Solsikken"}
    assert '\'=HYPERLINK("http://example.com")' in [r[3] for r in rows]
