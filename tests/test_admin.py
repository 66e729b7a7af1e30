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
