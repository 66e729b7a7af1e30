"""Every model of the project is in the admin, and its list view and search work."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from roedtraad.demo.build import build


def project_models():
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("roedtraad")
        for model in config.get_models()
        if not model.__name__.startswith("Historical")
    ]


def test_every_project_model_is_in_the_admin():
    assert [m.__name__ for m in project_models() if m not in admin.site._registry] == []


@pytest.mark.django_db
def test_every_admin_list_view_and_search_answers_with_the_demo_data(client):
    build()
    client.force_login(get_user_model().objects.get(username="admin"))
    for model in project_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
        if admin.site._registry[model].search_fields:
            assert client.get(url, {"q": "Fjordby"}).status_code == 200, url


def test_an_indicator_changed_since_the_admin_form_was_opened_is_refused_with_the_input_kept(admin_client):
    import datetime as dt

    from roedtraad.followup.models import Indicator
    from roedtraad.org.models import OrgUnit, OrgUnitKind

    unit = OrgUnit.objects.create(name="Solsikken", kind=OrgUnitKind.HOLDER)
    indicator = Indicator.objects.create(
        key="sygefravaer", name="Sygefravær", org_unit=unit, valid_from=dt.date(2026, 1, 1)
    )
    opened = indicator.version
    Indicator.objects.filter(pk=indicator.pk).update(version=opened + 1, name="Sygefravær i alt")  # someone else saved
    url = f"/admin/followup/indicator/{indicator.pk}/change/"
    data = {
        "key": "sygefravaer",
        "name": "Mit navn",
        "unit": "%",
        "direction": "down",
        "aggregation": "rolling_12m",
        "org_unit": unit.pk,
        "valid_from": "2026-01-01",
        "version": opened,
        "targets-TOTAL_FORMS": "0",
        "targets-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "ændret af en anden" in response.content.decode()
    assert "Mit navn" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.name == "Sygefravær i alt"
