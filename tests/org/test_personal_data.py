import pytest
from django.contrib.auth import get_user_model
from tests.factories import contract_with_goal, enter, org_tree

from roedtraad.contracts.models import Contract
from roedtraad.org.models import Person, Responsibility

pytestmark = pytest.mark.django_db


def test_erasing_a_person_keeps_the_contracts_and_erases_the_person():
    units = org_tree()
    user = get_user_model().objects.create_user("anne", "anne@example.org", "pw-123-abc")
    anne = Person.objects.create(name="Anne Andersen", email="anne@example.org", title="Leder", user=user)
    contract = contract_with_goal(units["holder"])
    contract.holder_person = anne
    contract.save()
    Responsibility.objects.create(person=anne, goal=contract.goals.get(), role="Ansvarlig", note="ring til Anne")
    enter(contract)

    anne.erase()

    anne.refresh_from_db()
    user.refresh_from_db()
    assert (anne.name, anne.email, anne.title) == (Person.ERASED_NAME, "", "")
    assert anne.is_erased
    assert not user.is_active and not user.has_usable_password() and user.email == ""
    assert Responsibility.objects.get(person=anne).note == ""
    contract = Contract.objects.get(pk=contract.pk)
    assert contract.status == "entered" and contract.goals.count() == 1
    assert contract.holder_person == anne
    assert not Person.objects.filter(name="Anne Andersen").exists()


def _everything_as_text() -> str:
    """Every row of every table of the project's apps and their history, serialised."""
    from django.apps import apps
    from django.core import serializers

    from roedtraad.org.erasure import APPS

    out = []
    for model in apps.get_models():
        if model._meta.app_label in APPS:
            out.append(serializers.serialize("json", model._base_manager.all()))
    return "\n".join(out)


def test_erase_removes_the_name_login_name_and_e_mail_from_text_history_and_import_drafts():
    from roedtraad.contracts.editing import save_goal
    from roedtraad.imports.models import ImportDraft

    units = org_tree()
    user = get_user_model().objects.create_user("anne.skoleleder@testby.dk", "anne.skoleleder@testby.dk", None)
    anne = Person.objects.create(name="Anne Skov Hansen", user=user, title="Skoleleder")
    contract = contract_with_goal(units["holder"])
    goal = contract.goals.get()
    Responsibility.objects.create(person=anne, goal=goal, role="skoleleder")
    from roedtraad.org.models import UserRole

    UserRole.objects.create(user=user, role="holder", unit=units["holder"])
    text = "Ansvarlig er skoleleder Anne  Skov\nHansen (anne.skoleleder@testby.dk)."
    save_goal(
        goal.pk, user, expected_version=goal.version, sections={"udviklingsmaal": text}, reason="Anne Skov Hansen skrev"
    )
    ImportDraft.objects.create(
        owner=user, filename="k.docx", document={"goals": [{"title": "x", "sections": {"a": text}}]}
    )
    contract.import_report = {"imported_by": user.username}
    contract.save()
    enter(contract)
    assert "Anne Skov Hansen" in _everything_as_text()

    anne.erase()

    everything = _everything_as_text()
    for trace in ("Anne Skov Hansen", "Anne  Skov", "anne.skoleleder", "Skov\\nHansen"):
        assert trace not in everything, trace
    goal.refresh_from_db()
    assert goal.sections.get(key="udviklingsmaal").text == "Ansvarlig er skoleleder [Skoleleder] ([Skoleleder])."
    user.refresh_from_db()
    assert user.username == f"slettet-{user.pk}" and not user.is_active
