"""A user's own API keys: the list (name, made, last used, revoked), a new key shown once, and
revoking one. Each key has exactly its user's rights (`api.endpoints`)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from roedtraad.api import tokens

SESSION_NEW_TOKEN = "roedtraad_new_api_token"


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Navn"),
        max_length=tokens.NAME_MAX,
        help_text=gettext_lazy("Hvilken integration nøglen er til, fx «Targit sygefravær»."),
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )


def _page(request, form: TokenForm, status: int = 200):
    context = {
        "tokens": tokens.tokens_of(request.user),
        "new_token": request.session.pop(SESSION_NEW_TOKEN, ""),
        "form": form,
        "crumbs": [{"label": _("API-nøgler")}],
    }
    response = render(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the page may show a new key
    return response


@login_required
@require_GET
def token_list(request):
    return _page(request, TokenForm())


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    _row, token = tokens.create_token(request.user, form.cleaned_data["name"])
    request.session[SESSION_NEW_TOKEN] = token  # shown once, on the page the redirect leads to
    messages.success(request, _("Din API-nøgle er lavet. Kopiér den nu: den vises kun denne ene gang."))
    return redirect("api_tokens")


@login_required
@require_POST
def token_revoke(request, pk: int):
    if not tokens.revoke_token(request.user, pk):
        raise Http404  # not the user's own key, or revoked already
    messages.success(request, _("API-nøglen er tilbagekaldt og virker ikke længere."))
    return redirect("api_tokens")
