"""Read pages are kept per user until the data changes (roedtraad/web/pagecache.py): never stale,
never someone else's, and cheap when nothing changed."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roedtraad.contracts.editing import save_goal
from roedtraad.org.models import UserRole
from roedtraad.web import pagecache


def client_for(world, role: str) -> Client:
    client = Client()
    client.force_login(world["users"][role])
    return client


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def kept(client: Client, url: str) -> str:
    """Visit twice (the first visit gets the CSRF cookie, the second is kept), return the third."""
    page(client, url)
    page(client, url)
    return page(client, url)


@pytest.fixture
def contract_url(world) -> str:
    return reverse("contract_detail", args=[world["draft"].pk])


def test_a_kept_contract_page_is_answered_with_three_queries(world, contract_url):
    director = client_for(world, "director")
    kept(director, contract_url)
    with CaptureQueriesContext(connection) as queries:
        page(director, contract_url)
    # session, user, the user's roles and the org tree (the rights, read fresh), content token
    assert len(queries) == 5, [q["sql"][:80] for q in queries]


def test_a_holders_edit_shows_at_once_on_the_page_the_director_has_open(world, contract_url):
    director = client_for(world, "director")
    assert "Færre fald i hjemmet" not in kept(director, contract_url)
    goal = world["draft_goal"]
    save_goal(goal.pk, world["users"]["holder"], expected_version=goal.version, title="Færre fald i hjemmet")
    assert "Færre fald i hjemmet" in page(director, contract_url)


def test_a_page_kept_for_the_director_is_never_shown_to_a_reader(world, contract_url):
    director_page = kept(client_for(world, "director"), contract_url)
    reader_page = page(client_for(world, "reader"), contract_url)
    assert world["users"]["director"].person.name in director_page
    assert world["users"]["director"].person.name not in reader_page


def test_a_holder_who_loses_the_role_no_longer_sees_the_kept_page_of_their_draft(world, contract_url):
    holder = client_for(world, "holder")
    kept(holder, contract_url)
    UserRole.objects.filter(user=world["users"]["holder"]).delete()
    assert holder.get(contract_url).status_code in {403, 404}


def test_a_waiting_message_is_shown_instead_of_the_kept_page(world, contract_url):
    director = client_for(world, "director")
    kept_page = kept(director, contract_url)
    director.post(reverse("contract_close", args=[world["draft"].pk]))  # refused: a draft cannot close
    shown = page(director, contract_url)
    assert shown != kept_page and 'class="alert alert-error"' in shown
    assert page(director, contract_url) == kept_page  # the message was shown once; kept page again


def test_another_page_of_the_same_user_is_kept_apart(world, contract_url):
    director = client_for(world, "director")
    contract_page = kept(director, contract_url)
    goal_page = kept(director, reverse("goal_detail", args=[world["draft_goal"].pk]))
    assert contract_page != goal_page


def test_pages_are_not_kept_when_the_cache_is_switched_off(world, contract_url, settings):
    settings.ROEDTRAAD_PAGE_CACHE = False
    director = client_for(world, "director")
    kept(director, contract_url)
    with CaptureQueriesContext(connection) as queries:
        page(director, contract_url)
    assert len(queries) > 5


def test_a_role_moved_by_a_plain_sql_update_is_never_served_the_kept_page(world, contract_url):
    holder = client_for(world, "holder")
    kept(holder, contract_url)
    token = pagecache.current_token()
    # update() sends no signal, so the content token stays: only the rights fingerprint can tell
    UserRole.objects.filter(user=world["users"]["holder"]).update(unit=world["far"])
    assert pagecache.current_token() == token
    assert holder.get(contract_url).status_code in {403, 404}


def test_a_user_deactivated_by_sql_gets_no_kept_page(world, contract_url):
    from django.contrib.auth import get_user_model

    director = client_for(world, "director")
    kept(director, contract_url)
    get_user_model().objects.filter(pk=world["users"]["director"].pk).update(is_active=False)
    assert director.get(contract_url).status_code != 200


def test_one_users_many_query_strings_do_not_push_out_another_users_pages(world, contract_url, monkeypatch):
    # 40 pages of about 10 KB would fill the process's budget twice over without a per-user one
    monkeypatch.setattr(pagecache.PAGES, "max_bytes", 200_000)
    monkeypatch.setattr(pagecache.PAGES, "max_bytes_per_user", budget := 60_000)
    director, reader = client_for(world, "director"), client_for(world, "reader")
    reader_page = kept(reader, contract_url)
    for n in range(40):
        page(director, f"{contract_url}?n={n}")
    assert pagecache.PAGES.bytes_of(str(world["users"]["director"].pk)) <= budget
    with CaptureQueriesContext(connection) as queries:
        assert page(reader, contract_url) == reader_page
    assert len(queries) == 5, "the reader's page is still kept"


@pytest.mark.django_db(transaction=True)
def test_the_token_is_replaced_once_when_a_change_commits_and_not_when_it_is_rolled_back():
    from roedtraad.org.models import OrgUnit, OrgUnitKind

    pagecache.replace_token()
    before = pagecache.current_token()
    with pytest.raises(RuntimeError), transaction.atomic():
        OrgUnit.objects.create(name="Rullet tilbage", kind=OrgUnitKind.MUNICIPALITY)
        assert pagecache.current_token() == before  # not before the commit
        raise RuntimeError
    assert pagecache.current_token() == before
    with transaction.atomic():
        for n in range(3):
            OrgUnit.objects.create(name=f"Enhed {n}", kind=OrgUnitKind.MUNICIPALITY)
        assert len([e for e in connection.run_on_commit if e[1] is pagecache.replace_token]) == 1
    assert pagecache.current_token() != before
