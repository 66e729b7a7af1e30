"""The outbox page (a user's own notifications; the director's: everyone's) and the choice of e-mails.

Pages of the app, not of the domain: `services` never imports this module (see the import
contracts in pyproject.toml).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad.notifications.forms import PreferencesForm
from roedtraad.notifications.models import Kind, Notification, NotificationPreference
from roedtraad.rights import rights_for

PER_PAGE = 50


@login_required
def outbox(request):
    everyone = rights_for(request.user).director
    rows = Notification.objects.all() if everyone else Notification.objects.filter(recipient=request.user)
    rows = rows.select_related("recipient__person")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "everyone": everyone, "crumbs": [{"label": _("Notifikationer")}]}
    return render(request, "notifications/outbox.html", context)


def enabled_kinds(user) -> list[str]:
    off = set(NotificationPreference.objects.filter(user=user, enabled=False).values_list("kind", flat=True))
    return [kind for kind in Kind.values if kind not in off]


@login_required
def preferences(request):
    form = PreferencesForm(
        request.POST if request.method == "POST" else None, initial={"kinds": enabled_kinds(request.user)}
    )
    if form.is_valid():
        chosen = set(form.cleaned_data["kinds"])
        for kind in Kind.values:
            NotificationPreference.objects.update_or_create(
                user=request.user, kind=kind, defaults={"enabled": kind in chosen}
            )
        messages.success(request, _("Dine valg af e-mails er gemt."))
        return redirect("notifications:settings")
    context = {
        "form": form,
        "crumbs": [
            {"label": _("Notifikationer"), "url": reverse("notifications:outbox")},
            {"label": _("Valg af e-mails")},
        ],
    }
    return render(request, "notifications/preferences.html", context, status=400 if form.errors else 200)
