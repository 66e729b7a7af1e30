"""`roedtraad redthread --json --year Y` on the web tests' municipality."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from roedtraad.contracts.models import Contract
from roedtraad.frameworks.models import FocusArea, Policy

pytestmark = pytest.mark.django_db


def thread(*args) -> dict:
    out = io.StringIO()
    call_command("redthread", "--json", "--year", "2026", *args, stdout=out)
    return json.loads(out.getvalue())


def test_policies_tracks_and_focus_areas_list_the_goals_that_serve_them(world):
    staff = Policy.objects.create(name="Personalepolitikken")
    Policy.objects.create(name="Erhvervspolitikken")
    FocusArea.objects.create(framework=world["track"].framework, track=world["track"], title="Sygefravær")
    Contract.objects.filter(pk=world["draft"].pk).update(status="draft")
    world["draft_goal"].policies.add(staff)
    result = thread()
    assert set(result) == {"policies", "tracks", "budget_changes", "unserved", "goals_without_reference"}
    staff_row = next(p for p in result["policies"] if p["name"] == "Personalepolitikken")
    assert staff_row["goals"] == [{"holder": "Solsikken", "number": 1, "title": "Lavt sygefravær i Solsikken"}]
    assert result["unserved"]["policies"] == ["Erhvervspolitikken"]
    assert result["unserved"]["focus_areas"] == ["Sygefravær"]
    (track,) = result["tracks"]
    assert len(track["goals"]) == 3 and track["focus_areas"] == ["Sygefravær"]
    assert result["goals_without_reference"] == []


def test_a_year_without_contracts_is_a_clear_error(world):
    with pytest.raises(CommandError, match="ingen kontrakter for 1999"):
        call_command("redthread", "--json", "--year", "1999")
