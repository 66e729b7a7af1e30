from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from roedtraad.notifications.models import Kind


class PreferencesForm(forms.Form):
    """The kinds of notification the user wants mailed; an unticked kind is not mailed."""

    kinds = forms.MultipleChoiceField(
        label=_("Send mig en e-mail, når …"),
        help_text=_("Alle notifikationer står i din oversigt her i Rødtråd, også dem du ikke får som e-mail."),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
    )
