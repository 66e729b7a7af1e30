"""The contract page names a planned contract dialogue once, not as "Kontraktdialog (Kontraktdialog)"."""

from django.urls import reverse

from roedtraad.followup.models import PlannedFollowUp


def test_a_planned_contract_dialogue_whose_forum_repeats_the_kind_is_named_once(login, world):
    contract = world["draft"]
    PlannedFollowUp.objects.filter(contract=contract).update(forum="Kontraktdialog")
    page = login("holder").get(reverse("contract_detail", args=[contract.pk])).content.decode()
    assert "Kontraktdialog" in page
    assert "Kontraktdialog (Kontraktdialog)" not in page
