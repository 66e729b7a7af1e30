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
