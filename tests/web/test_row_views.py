"""The contract editor in the browser: a new goal, activities, partners, stop-doing items.

Plain posts answer with a redirect and a message (no JavaScript needed); htmx posts get the
block back to swap in place. Strangers get 404, readers 403, an entered contract a message.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from roedtraad.contracts.models import Activity, Goal, GoalPartner, StopDoingItem

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def danish():
    """The texts asserted are the Danish source strings, whatever an earlier test left active."""
    with translation.override("da"):
        yield


def page(client, name, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def activity_data(text="Fraværssamtale efter tredje sygedag", **extra):
    return {"activity-text": text, "activity-status": "planned", **extra}


# A new goal ------------------------------------------------------------------------------


def test_a_holder_adds_a_goal_from_the_contract_page_and_it_opens_in_the_editor(login, world):
    client = login("holder")
    assert "Tilføj udviklingsmål" in page(client, "contract_detail", world["draft"].pk)
    response = client.post(reverse("contract_goal_add", args=[world["draft"].pk]), {"goal-title": "Flere i job"})
    goal = Goal.objects.get(contract=world["draft"], title="Flere i job")
    assert goal.number == 2
    assert response.url == reverse("goal_edit", args=[goal.pk])
    assert "Redigér mål" in client.get(response.url).content.decode()


def test_a_new_goal_without_a_title_shows_the_error_naming_the_field(login, world):
    response = login("holder").post(reverse("contract_goal_add", args=[world["draft"].pk]), {"goal-title": " "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Titel på det nye mål</a>: Skriv en titel til det nye mål." in html
    assert world["draft"].goals.count() == 1


def test_readers_see_no_add_goal_button_and_may_not_post_one(login, world):
    client = login("reader")
    assert "Tilføj udviklingsmål" not in page(client, "contract_detail", world["draft"].pk)
    response = client.post(reverse("contract_goal_add", args=[world["draft"].pk]), {"goal-title": "Nyt"})
    assert response.status_code == 403


def test_an_entered_contract_refuses_a_new_goal_with_a_message(login, world):
    client = login("other_holder")
    url = reverse("contract_goal_add", args=[world["entered"].pk])
    response = client.post(url, {"goal-title": "Nyt"}, follow=True)
    assert "er indgået og låst" in response.content.decode()
    assert world["entered"].goals.count() == 1


# Activities ------------------------------------------------------------------------------


def test_a_holder_adds_an_activity_to_a_goal_in_their_draft(login, world):
    client = login("holder")
    goal = world["draft_goal"]
    response = client.post(
        reverse("activity_add", args=[goal.pk]), activity_data(**{"activity-due_date": "30.06.2026"})
    )
    assert response.status_code == 302 and response.url.endswith("#aktiviteter")
    activity = goal.activities.get(text="Fraværssamtale efter tredje sygedag")
    assert activity.due_date.isoformat() == "2026-06-30"
    html = client.get(response.url).content.decode()
    assert "Aktiviteten er tilføjet." in html and "Fraværssamtale efter tredje sygedag" in html


def test_with_htmx_the_activities_block_comes_back_in_place(login, world):
    client = login("holder")
    url = reverse("activity_add", args=[world["draft_goal"].pk])
    form = client.get(url, **HTMX).content.decode()
    assert form.strip().startswith('<section id="aktiviteter"') and 'hx-post="' + url in form and "autofocus" in form
    response = client.post(url, activity_data(), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and html.strip().startswith('<section id="aktiviteter"')
    assert "Aktiviteten er tilføjet." in html and "Fraværssamtale efter tredje sygedag" in html
    assert "<html" not in html


def test_an_activity_without_text_shows_the_error_summary(login, world):
    client = login("holder")
    url = reverse("activity_add", args=[world["draft_goal"].pk])
    response = client.post(url, activity_data(text="", **{"activity-due_date": "i morgen"}))
    html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_activity-text">Aktivitet</a>: Skriv, hvad aktiviteten går ud på.' in html
    assert '<a href="#id_activity-due_date">Frist</a>: Fristen skal være en dato, fx 31.12.2026.' in html
    htmx = client.post(url, activity_data(text=""), **HTMX)
    assert htmx.status_code == 200 and "Skriv, hvad aktiviteten går ud på." in htmx.content.decode()
    assert world["draft_goal"].activities.count() == 1


def test_a_holder_edits_an_activity(login, world):
    client = login("holder")
    activity = world["draft_goal"].activities.get()
    url = reverse("activity_edit", args=[activity.pk])
    assert "Fraværssamtaler efter fast model</textarea>" in page(client, "activity_edit", activity.pk)
    client.post(url, activity_data(text="Fraværssamtaler hver måned", **{"activity-status": "in_progress"}))
    activity.refresh_from_db()
    assert (activity.text, activity.status) == ("Fraværssamtaler hver måned", "in_progress")


def test_the_director_deletes_an_activity(login, world):
    activity = world["draft_goal"].activities.get()
    response = login("director").post(reverse("activity_delete", args=[activity.pk]), **HTMX)
    assert response.status_code == 200 and "Aktiviteten er slettet." in response.content.decode()
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_another_holder_cannot_delete_my_activity(login, world):
    activity = world["draft_goal"].activities.get()
    assert login("other_holder").post(reverse("activity_delete", args=[activity.pk])).status_code == 404
    assert Activity.objects.filter(pk=activity.pk).exists()


@pytest.mark.parametrize("role", ["head_of_area", "reader"])
def test_readers_of_a_draft_may_not_change_its_activities(login, world, role):
    client = login(role)
    activity = world["draft_goal"].activities.get()
    assert "Tilføj aktivitet" not in page(client, "goal_detail", world["draft_goal"].pk)
    assert client.post(reverse("activity_edit", args=[activity.pk]), activity_data()).status_code == 403
    assert client.post(reverse("activity_add", args=[world["draft_goal"].pk]), activity_data()).status_code == 403
    assert world["draft_goal"].activities.get().text == "Fraværssamtaler efter fast model"


def test_an_entered_contract_refuses_a_new_activity_with_a_message(login, world):
    client = login("other_holder")
    goal = world["entered_goal"]
    assert "Tilføj aktivitet" not in page(client, "goal_detail", goal.pk)
    response = client.post(reverse("activity_add", args=[goal.pk]), activity_data(), follow=True)
    assert "er indgået og låst" in response.content.decode()
    htmx = client.post(reverse("activity_add", args=[goal.pk]), activity_data(), **HTMX)
    assert 'role="alert"' in htmx.content.decode() and "låst" in htmx.content.decode()
    assert goal.activities.count() == 1


def test_a_save_from_the_editor_returns_to_the_editor(login, world):
    client = login("holder")
    goal = world["draft_goal"]
    editor = reverse("goal_edit", args=[goal.pk])
    html = page(client, "goal_edit", goal.pk)
    assert 'id="aktiviteter"' in html and 'id="partnere"' in html
    response = client.post(reverse("activity_add", args=[goal.pk]), {**activity_data(), "next": editor})
    assert response.url == editor
    outside = client.post(reverse("activity_add", args=[goal.pk]), {**activity_data(), "next": "https://example.com/"})
    assert outside.url.startswith(reverse("goal_detail", args=[goal.pk]))


# Partners --------------------------------------------------------------------------------


def test_a_holder_adds_a_partner_chosen_from_the_units(login, world):
    client = login("holder")
    goal = world["draft_goal"]
    form = page(client, "partner_add", goal.pk)
    assert "Hjemmeplejen (Omsorg)" in form and "(Solsikken)" not in form and ">Solsikken (Omsorg)<" not in form
    data = {"partner-unit": world["other"].pk, "partner-role": "Stiller en sygeplejerske til rådighed"}
    response = client.post(reverse("partner_add", args=[goal.pk]), data, **HTMX)
    assert "Stiller en sygeplejerske til rådighed" in response.content.decode()
    assert goal.partners.filter(unit=world["other"]).exists()


def test_a_partner_without_unit_and_role_shows_both_errors(login, world):
    response = login("holder").post(reverse("partner_add", args=[world["draft_goal"].pk]), {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Partner</a>: Vælg den enhed, der skal være partner." in html
    assert "Ansvar og rolle</a>: Skriv partnerens ansvar og rolle i målet." in html


def test_the_last_partner_of_a_shared_goal_cannot_be_removed(login, world):
    goal = world["draft_goal"]
    Goal.objects.filter(pk=goal.pk).update(scope="shared")
    partner = goal.partners.get()
    client = login("holder")
    response = client.post(reverse("partner_delete", args=[partner.pk]), follow=True)
    assert "er den sidste partner i det fælles mål og kan ikke fjernes" in response.content.decode()
    htmx = client.post(reverse("partner_delete", args=[partner.pk]), **HTMX).content.decode()
    assert htmx.strip().startswith('<section id="partnere"') and 'role="alert"' in htmx
    assert GoalPartner.objects.filter(pk=partner.pk).exists()


def test_a_partner_of_a_local_goal_is_removed(login, world):
    partner = world["draft_goal"].partners.get()
    response = login("holder").post(reverse("partner_delete", args=[partner.pk]))
    assert response.status_code == 302
    assert not GoalPartner.objects.filter(pk=partner.pk).exists()


def test_a_stranger_gets_404_for_a_partner(login, world):
    partner = world["draft_goal"].partners.get()
    assert login("stranger").post(reverse("partner_delete", args=[partner.pk])).status_code == 404


# Stop-doing items ------------------------------------------------------------------------


def test_a_holder_adds_a_stop_doing_item_linked_to_a_goal(login, world):
    client = login("holder")
    contract, goal = world["draft"], world["draft_goal"]
    form = page(client, "stop_doing_add", contract.pk)
    assert "<legend" in form and "Hænger sammen med målene" in form
    data = {"stop_doing-text": "Ugentlige statusmøder", "stop_doing-goals": [goal.pk]}
    response = client.post(reverse("stop_doing_add", args=[contract.pk]), data)
    assert response.url.endswith("#hold-op-med")
    item = StopDoingItem.objects.get(contract=contract)
    assert list(item.goals.all()) == [goal]
    html = page(client, "contract_detail", contract.pk)
    assert "Ugentlige statusmøder" in html and f'href="/goals/{goal.pk}/"' in html


def test_a_stop_doing_item_cannot_link_a_goal_of_another_contract(login, world):
    data = {"stop_doing-text": "Dobbeltregistrering", "stop_doing-goals": [world["entered_goal"].pk]}
    response = login("holder").post(reverse("stop_doing_add", args=[world["draft"].pk]), data)
    assert response.status_code == 400
    assert "Hænger sammen med målene</a>: Vælg kun mål fra denne kontrakt." in response.content.decode()
    assert not StopDoingItem.objects.exists()


def test_a_holder_edits_and_deletes_a_stop_doing_item(login, world):
    client = login("holder")
    item = StopDoingItem.objects.create(contract=world["draft"], text="Papirblanketter")
    htmx = client.get(reverse("stop_doing_edit", args=[item.pk]), **HTMX).content.decode()
    assert htmx.strip().startswith('<section id="hold-op-med"') and "Papirblanketter</textarea>" in htmx
    client.post(reverse("stop_doing_edit", args=[item.pk]), {"stop_doing-text": "Papirblanketter ved indskrivning"})
    item.refresh_from_db()
    assert item.text == "Papirblanketter ved indskrivning"
    response = client.post(reverse("stop_doing_delete", args=[item.pk]), **HTMX)
    assert "Punktet er slettet." in response.content.decode()
    assert not StopDoingItem.objects.exists()


def test_an_entered_contract_refuses_a_new_stop_doing_item(login, world):
    client = login("other_holder")
    url = reverse("stop_doing_add", args=[world["entered"].pk])
    response = client.post(url, {"stop_doing-text": "Papirblanketter"}, follow=True)
    assert "er indgået og låst" in response.content.decode()
    assert not StopDoingItem.objects.exists()


def test_a_head_of_area_cannot_delete_a_stop_doing_item(login, world):
    item = StopDoingItem.objects.create(contract=world["draft"], text="Papirblanketter")
    assert login("head_of_area").post(reverse("stop_doing_delete", args=[item.pk])).status_code == 403
    assert login("other_holder").post(reverse("stop_doing_delete", args=[item.pk])).status_code == 404
    assert StopDoingItem.objects.filter(pk=item.pk).exists()


# No query per row ------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_more_rows_do_not_mean_more_queries(login, world, settings):
    settings.ROEDTRAAD_PAGE_CACHE = False
    client = login("holder")
    contract, goal = world["draft"], world["draft_goal"]
    pages = [reverse("contract_detail", args=[contract.pk]), reverse("goal_detail", args=[goal.pk])]
    pages.append(reverse("goal_edit", args=[goal.pk]))
    owner = world["users"]["holder"].person

    def add_rows(count: int) -> None:
        for number in range(count):
            Activity.objects.create(goal=goal, text=f"Aktivitet {number}", owner=owner)
            GoalPartner.objects.create(goal=goal, unit=world["far"], role=f"Rolle {number}")
            item = StopDoingItem.objects.create(contract=contract, text=f"Punkt {number}")
            item.goals.set(world.add_goals(contract, 1) + [goal])

    add_rows(1)
    one = [_queries(client, url) for url in pages]
    add_rows(4)
    assert [_queries(client, url) for url in pages] == one


def test_an_activity_changed_meanwhile_shows_both_versions_and_saving_again_is_deliberate(login, world):
    activity = world["draft_goal"].activities.get()
    url = reverse("activity_edit", args=[activity.pk])
    opened = activity.version
    director = login("director")
    director.post(url, {"activity-text": "Den gemte tekst", "activity-status": "planned", "activity-version": opened})
    holder = login("holder")
    mine = {"activity-text": "Min tekst", "activity-status": "planned", "activity-version": opened}
    response = holder.post(url, mine)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Den gemte tekst" in page and "Min tekst" in page and "ikke gemt" in page
    activity.refresh_from_db()
    assert activity.text == "Den gemte tekst"
    again = holder.post(url, {**mine, "activity-version": activity.version})
    assert again.status_code == 302
    activity.refresh_from_db()
    assert activity.text == "Min tekst"


def test_an_activity_over_its_stated_limit_is_refused_in_the_form_with_the_text_kept(login, world):
    url = reverse("activity_add", args=[world["draft_goal"].pk])
    client = login("holder")
    assert "Højst 2.000 tegn." in client.get(url).content.decode()
    text = "Fraværssamtaler efter fast model. " * 70  # about 2,400 characters
    response = client.post(url, {"activity-text": text, "activity-status": "planned"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "må højst have 2.000 tegn" in page and text.strip()[:300] in page
    assert 'maxlength="' not in page.split('name="activity-text"')[1].split(">")[0]
    assert world["draft_goal"].activities.count() == 1
