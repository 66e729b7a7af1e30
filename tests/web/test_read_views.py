"""The read pages, each with success and refusal by role."""

from __future__ import annotations

import pytest
from django.urls import reverse


def get(client, name, *args, **params):
    return client.get(reverse(name, args=args), params)


def results(response) -> str:
    """The results part of a list page (the filter form names every holder)."""
    return response.content.decode().split('id="results"', 1)[1]


# Start page ---------------------------------------------------------------------------


def test_holder_start_page_lists_own_draft(login, world):
    page = get(login("holder"), "home").content.decode()
    assert "Kladder der skal gøres færdige" in page
    assert "Solsikken" in page and "Nordskolen" not in page


def test_head_of_area_start_page_lists_contracts_to_review_in_area_only(login, world):
    page = get(login("head_of_area"), "home").content.decode()
    assert "Indsendte kontrakter til gennemsyn" in page
    assert "Nordskolen" not in page  # submitted, but in another area


def test_director_start_page_lists_submitted_contracts_and_indicators_off_track(login, world):
    page = get(login("director"), "home").content.decode()
    assert "indgåelse" in page and "Nordskolen" in page
    assert "Måltal der ikke er på sporet" in page and "Afdeling" in page


def test_reader_start_page_has_no_work_lists(login, world):
    page = get(login("reader"), "home").content.decode()
    assert "Kladder der skal gøres færdige" not in page


def test_stranger_start_page_says_no_role(login, world):
    assert "ingen rolle" in get(login("stranger"), "home").content.decode()


def test_anonymous_start_page_offers_login(client, world):
    assert reverse("login") in get(client, "home").content.decode()


# Overview -----------------------------------------------------------------------------


def test_director_overview_filters_by_status(login, world):
    page = results(get(login("director"), "contract_list", status="submitted"))
    assert "Nordskolen" in page and "Solsikken" not in page


def test_head_of_area_overview_filters_by_area(login, world):
    page = results(get(login("head_of_area"), "contract_list", area=world["care"].pk))
    assert "Solsikken" in page and "Hjemmeplejen" in page and "Nordskolen" not in page


def test_other_holder_overview_shows_only_own_contract(login, world):
    page = results(get(login("other_holder"), "contract_list"))
    assert "Hjemmeplejen" in page and "Solsikken" not in page


def test_overview_htmx_request_gets_only_the_results(login, world):
    response = login("reader").get(reverse("contract_list"), HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith('<div id="results"')


def test_anonymous_overview_redirects_to_login(client, world):
    assert get(client, "contract_list").status_code == 302


def test_the_public_year_page_shows_entered_contracts_and_the_working_pages_stay_behind_login(client, world, settings):
    settings.ROEDTRAAD_PUBLIC_VIEW = True
    page = client.get(reverse("public_year", args=[world["entered"].year])).content.decode()
    assert "Hjemmeplejen" in page and "Solsikken" not in page
    for name, pk in (("contract_list", None), ("goal_detail", world["entered_goal"].pk)):
        response = get(client, name, pk) if pk else get(client, name)
        assert response.status_code == 302 and "/login/" in response["Location"]
    history = client.get(reverse("goal_history", args=[world["entered_goal"].pk]))
    assert history.status_code == 302 and "/login/" in history["Location"]


def test_the_public_pages_are_not_there_when_the_public_view_is_off(client, world):
    assert client.get(reverse("public_index")).status_code == 404
    assert client.get(reverse("public_year", args=[world["entered"].year])).status_code == 404


# Contract and goal ---------------------------------------------------------------------


def test_holder_reads_own_contract_with_goals(login, world):
    page = get(login("holder"), "contract_detail", world["draft"].pk).content.decode()
    assert "Lavt sygefravær i Solsikken" in page


def test_other_holder_gets_404_for_the_holders_contract(login, world):
    assert get(login("other_holder"), "contract_detail", world["draft"].pk).status_code == 404


def test_reader_reads_goal_sections_in_template_order(login, world):
    page = get(login("reader"), "goal_detail", world["draft_goal"].pk).content.decode()
    assert page.index("Baggrund og formål") < page.index("Udviklingsmål</h2>")
    assert '<svg role="img"' in page and "<table" in page and "Sundhedscentret" in page


def test_head_of_area_gets_404_for_goal_in_another_area(login, world):
    assert get(login("head_of_area"), "goal_detail", world["submitted_goal"].pk).status_code == 404


def test_deleted_goal_is_404_even_for_the_director(login, world):
    world["draft_goal"].soft_delete()
    assert get(login("director"), "goal_detail", world["draft_goal"].pk).status_code == 404


def test_director_reads_indicator_with_chart(login, world):
    indicator = world["far"].contracts.get().goals.get().indicators.get()
    page = get(login("director"), "indicator_detail", indicator.pk).content.decode()
    assert "<desc" in page and "Måltal" in page


def test_holder_gets_404_for_indicator_of_another_holder(login, world):
    indicator = world["entered_goal"].indicators.get()
    assert get(login("holder"), "indicator_detail", indicator.pk).status_code == 404


# Search -------------------------------------------------------------------------------


def test_reader_search_finds_danish_word_forms(login, world):
    page = get(login("reader"), "search", q="medarbejderen fraværet").content.decode()
    assert "3 udviklingsmål fundet" in page
    assert "<mark>" in page


def test_search_filters_by_holder_and_status(login, world):
    page = results(get(login("reader"), "search", q="sygefravær", status="entered"))
    assert "1 udviklingsmål fundet" in page and "Hjemmeplejen" in page


def test_search_filters_by_track(login, world):
    from roedtraad.frameworks.models import Track

    other = Track.objects.create(framework=world["track"].framework, number=2, title="God ledelse")
    page = get(login("reader"), "search", q="fravær", track=other.pk).content.decode()
    assert "0 udviklingsmål fundet" in page


def test_holder_search_does_not_reveal_other_contracts(login, world):
    page = results(get(login("holder"), "search", q="sygefravær"))
    assert "1 udviklingsmål fundet" in page and "Nordskolen" not in page


@pytest.mark.parametrize("query", ["", "og i at"])
def test_search_without_words_shows_no_results(login, world, query):
    assert "fundet" not in get(login("reader"), "search", q=query).content.decode()


# Information pages and language ------------------------------------------------------------


def test_accessibility_link_uses_setting(client, world, settings):
    settings.ROEDTRAAD_ACCESSIBILITY_URL = "https://was.digst.dk/example"
    assert "https://was.digst.dk/example" in get(client, "privacy").content.decode()


def test_accessibility_link_falls_back_to_in_app_page(client, world):
    assert f'href="{reverse("accessibility")}"' in get(client, "privacy").content.decode()


def test_english_is_the_second_language(client, world):
    page = client.get("/en/personal-data/").content.decode()
    assert 'lang="en"' in page


def test_the_public_page_shows_no_comments_no_history_and_no_names(client, world, settings):
    from roedtraad.contracts.models import GoalSection
    from roedtraad.review.models import GoalComment

    settings.ROEDTRAAD_PUBLIC_VIEW = True
    goal = world["entered_goal"]
    GoalComment.objects.create(goal=goal, text="Intern bemærkning")
    person = world["users"]["other_holder"].person
    GoalSection.objects.filter(goal=goal, key="udviklingsmaal").update(text=f"Ansvarlig er {person.name}.")
    page = client.get(reverse("public_year", args=[world["entered"].year])).content.decode()
    assert goal.title in page and "Ansvarlig er [navn]." in page
    assert "Intern bemærkning" not in page and person.name not in page
    assert "Historik" not in page and "/history/" not in page


def test_an_anonymous_visitor_is_offered_only_pages_they_can_open(client, world, settings):
    page = client.get(reverse("home")).content.decode()
    assert 'href="/contracts/"' not in page and 'action="/search/"' not in page and "/checks/" not in page
    settings.ROEDTRAAD_PUBLIC_VIEW = True
    page = client.get(reverse("public_index")).content.decode()
    assert 'href="/offentlig/"' in page and 'href="/contracts/"' not in page


def test_dates_read_as_danish_month_names_never_as_english_abbreviations(login, world):
    import datetime as dt

    world["draft_goal"].activities.update(due_date=dt.date(2026, 3, 1))
    page = get(login("holder"), "goal_detail", world["draft_goal"].pk).content.decode()
    assert "1. marts 2026" in page and "1. Mar " not in page


def test_only_a_holder_gets_the_list_of_activities_due_on_the_start_page(login, world):
    assert 'id="activities-heading"' not in get(login("director"), "home").content.decode()
    assert 'id="activities-heading"' in get(login("holder"), "home").content.decode()


def test_a_small_holders_figures_are_not_on_the_public_page(client, world, settings):
    from roedtraad.followup.models import Indicator, Measurement
    from roedtraad.org.models import OrgUnit

    settings.ROEDTRAAD_PUBLIC_VIEW = True
    holder = world["other"]  # the entered contract's holder
    indicator = Indicator.objects.create(
        key="sygefravaer", name="Sygefravær i alt", org_unit=holder, goal=world["entered_goal"], valid_from="2026-01-01"
    )
    Measurement.objects.create(indicator=indicator, period="2026-03-01", value="4.25")
    OrgUnit.objects.filter(pk=holder.pk).update(headcount=4)
    page = client.get(reverse("public_year", args=[world["entered"].year])).content.decode()
    assert "Sygefravær i alt" in page and "Skjult (små tal)" in page and "4,25" not in page
    OrgUnit.objects.filter(pk=holder.pk).update(headcount=40)
    assert "4,25" in client.get(reverse("public_year", args=[world["entered"].year])).content.decode()
