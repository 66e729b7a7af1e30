"""How a planned follow-up is named on the contract and goal pages."""

import datetime as dt

import pytest

from roedtraad.followup.models import PlannedFollowUp

DAY = dt.date(2026, 9, 7)


@pytest.mark.parametrize(
    ("kind", "forum", "label"),
    [
        ("dialogue", "Kontraktdialog", "Kontraktdialog"),
        ("dialogue", " kontraktdialog ", "Kontraktdialog"),
        ("dialogue", "", "Kontraktdialog"),
        ("dialogue", "Direktionsmøde", "Kontraktdialog (Direktionsmøde)"),
        ("meeting", "Områdeledermøde", "Møde i forum (Områdeledermøde)"),
        ("indicators", "LMU", "Gennemgang af måltal (LMU)"),
    ],
)
def test_the_forum_is_named_after_the_kind_unless_it_only_repeats_it(kind, forum, label):
    assert PlannedFollowUp(date=DAY, kind=kind, forum=forum).label == label
