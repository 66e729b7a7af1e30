"""The rights in roedtraad.web.access, per role."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from roedtraad.web import access

READ = {
    # role: contracts (by world key) the role may read
    "director": {"draft", "entered", "submitted"},
    "head_of_area": {"draft", "entered"},
    "holder": {"draft"},
    "other_holder": {"entered"},
    "reader": {"draft", "entered", "submitted"},
    "stranger": set(),
}


@pytest.mark.parametrize("role", READ)
def test_contracts_visible_to_each_role(world, role):
    visible = set(access.contracts_visible_to(world["users"][role]).values_list("pk", flat=True))
    assert visible == {world[key].pk for key in READ[role]}


@pytest.mark.parametrize("role", READ)
def test_contract_for_user_is_404_for_a_stranger_to_the_contract(world, role):
    user = world["users"][role]
    for key in ("draft", "entered", "submitted"):
        if key in READ[role]:
            assert access.contract_for_user(user, world[key].pk) == world[key]
            assert access.goal_for_user(user, world[f"{key}_goal"].pk).contract == world[key]
        else:
            with pytest.raises(Http404):
                access.contract_for_user(user, world[key].pk)
            with pytest.raises(Http404):
                access.goal_for_user(user, world[f"{key}_goal"].pk)


def test_a_reader_who_tries_to_write_gets_403(world):
    with pytest.raises(PermissionDenied):
        access.contract_for_user(world["users"]["reader"], world["draft"].pk, write=True)


def test_holder_edits_own_draft_only(world):
    holder = world["users"]["holder"]
    assert access.contract_for_user(holder, world["draft"].pk, write=True) == world["draft"]
    with pytest.raises(Http404):
        access.contract_for_user(holder, world["entered"].pk, write=True)


def test_head_of_area_reviews_but_does_not_edit(world):
    head = world["users"]["head_of_area"]
    with pytest.raises(PermissionDenied):
        access.contract_for_user(head, world["draft"].pk, write=True)
    assert access.can(head, "comment", world["draft"])
    assert access.can(head, "follow_up", world["entered"])
    assert not access.can(head, "enter", world["draft"])


def test_only_the_director_enters(world):
    assert access.can(world["users"]["director"], "enter", world["submitted"])
    assert access.actions_for(world["users"]["reader"], world["submitted"]) == {"read"}


def test_entered_contract_is_not_edited_but_followed_up(world):
    other = world["users"]["other_holder"]
    assert access.actions_for(other, world["entered"]) == {"read", "comment", "new_revision", "follow_up"}


def test_the_public_view_publishes_entered_contracts_only_and_opens_no_working_page(world, settings):
    from django.contrib.auth.models import AnonymousUser

    from roedtraad import rights

    assert not rights.public_contracts().exists(), "off: nothing is public"
    settings.ROEDTRAAD_PUBLIC_VIEW = True
    assert set(rights.public_contracts().values_list("pk", flat=True)) == {world["entered"].pk}
    assert not access.contracts_visible_to(AnonymousUser()).exists()
    assert not access.can_read(world["users"]["stranger"], world["entered"])
    assert not access.shows_personal_data(AnonymousUser())


def test_indicators_follow_the_units_a_role_covers(world):
    holder_ids = set(access.indicators_visible_to(world["users"]["holder"]).values_list("goal_id", flat=True))
    assert holder_ids == {world["draft_goal"].pk}
