"""The stop-doing register: every proposal of the year with its holder, linked goals and the
director's decision, filtered by year, area, holder and decision, and the same rows as CSV.

Rights are the rulebook's (`rights.stop_doing_items_visible_to`, `rights.can_decide_stop_doing`),
the decision is `contracts.stop_doing.decide`'s. Only the director gets the decision form; a
post by anyone else who may read the item answers 403, a stranger to it 404. With htmx the
decided row is swapped in place; without JavaScript the form is a plain POST followed by a
redirect back to the register, and a refused form is shown on a page of its own.
"""

from __future__ import annotations

import csv
from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from roedtraad.contracts import stop_doing
from roedtraad.contracts.errors import WorkflowError
from roedtraad.contracts.models import Contract, StopDoingChoice, StopDoingItem
from roedtraad.contracts.workflow import NotAllowed
from roedtraad.web import access, pagecache
from roedtraad.web.contract_views import _partial, readers_only
from roedtraad.web.filters import ContractFilter

REGISTER = "web/stop_doing/register.html"
# Characters a spreadsheet reads as the start of a formula: such a cell is written as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class StopDoingFilter(ContractFilter):
    """Year (no "all years": the register is one year's), area, holder and decision."""

    decision = forms.ChoiceField(label=gettext_lazy("Beslutning"), required=False)

    def __init__(self, data, contracts, years: list[int], **kwargs):
        super().__init__(data, contracts, **kwargs)
        del self.fields["status"]
        cast(forms.ChoiceField, self.fields["year"]).choices = [(y, str(y)) for y in years]
        decision = cast(forms.ChoiceField, self.fields["decision"])
        decision.choices = [("", _("Alle")), *StopDoingChoice.choices]
        decision.widget.attrs["class"] = "form-select"


class DecisionForm(forms.Form):
    """The director's decision on one proposal. The choices and the reason are checked by
    `contracts.stop_doing.decide`, whose messages name the field; the form only carries them."""

    decision = forms.CharField(label=gettext_lazy("Beslutning"), required=False)
    reason = forms.CharField(
        label=gettext_lazy("Begrundelse"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-input"}),
    )

    def __init__(self, *args, item: StopDoingItem, **kwargs):
        kwargs.setdefault("auto_id", f"beslutning-{item.pk}-%s")  # one form per row: ids stay unique
        super().__init__(*args, **kwargs)
        self.fields["decision"].widget = forms.Select(choices=StopDoingChoice.choices, attrs={"class": "form-select"})
        limit = _("Højst %(max)s tegn.") % {"max": f"{stop_doing.REASON_MAX:,}".replace(",", ".")}
        self.fields["reason"].help_text = _("Skal udfyldes, når forslaget stoppes eller afvises.") + " " + limit
        self.fields["reason"].widget.attrs["aria-describedby"] = f"beslutning-{item.pk}-reason-hint"


def _filtered(request):
    """The filter form, the chosen year and the rows it selects (the page and the CSV alike)."""
    user = request.user
    visible = access.contracts_visible_to(user)
    years = stop_doing.years_with_contracts(user)
    data = request.GET.copy()
    if not data.get("year"):
        data["year"] = str(years[0]) if years else ""
    form = StopDoingFilter(data, visible, years)
    if not form.is_valid():
        year = years[0] if years else None
        return form, year, (stop_doing.register_rows(user, year) if year else [])
    year = form.cleaned_data.get("year") or (years[0] if years else None)
    if year is None:
        return form, None, []
    contracts = form.apply(visible)
    rows = stop_doing.register_rows(user, year, contracts, form.cleaned_data.get("decision") or "")
    return form, year, rows


def _decision_forms(request, rows) -> None:
    """The director's form on every row that can be decided (an entered or closed contract)."""
    if not access.can_decide_stop_doing(request.user):
        return
    for row in rows:
        if row.decidable:
            row.form = DecisionForm(
                item=row.item, initial={"decision": row.decision.choice, "reason": row.decision.reason}
            )


@readers_only
@pagecache.per_user
def register(request):
    form, year, rows = _filtered(request)
    _decision_forms(request, rows)
    context = {
        "form": form,
        "year": year,
        "rows": rows,
        "decides": access.can_decide_stop_doing(request.user),
        "csv_query": request.GET.urlencode(),
        "back": request.get_full_path(),
        "crumbs": [{"label": _("Det holder vi op med")}],
    }
    return render(request, _partial(request, REGISTER, "results"), context)


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


@readers_only
def register_csv(request):
    """The filtered rows for a spreadsheet: UTF-8 with a byte order mark and semicolons, which is
    what a Danish Excel opens with æøå and columns intact."""
    _form, year, rows = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hold-op-med-{year or "ingen"}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("År"),
            _("Område"),
            _("Kontraktholder"),
            _("Det holder vi op med"),
            _("Hænger sammen med"),
            _("Beslutning"),
            _("Begrundelse"),
            _("Besluttet den"),
            _("Besluttet af"),
        ]
    )
    for row in rows:
        shown = row.decision
        writer.writerow(
            [
                row.contract.year,
                _cell(str(row.area or "")),
                _cell(str(row.holder)),
                _cell(row.item.text),
                _cell("; ".join(f"{goal.number}. {goal.title}" for goal in row.goals)),
                shown.label,
                _cell(shown.reason),
                shown.decided_on.strftime("%d.%m.%Y") if shown.decided_on else "",
                _cell(shown.decided_by),
            ]
        )
    return response


def _back(request, item: StopDoingItem) -> str:
    """Where a plain post returns: the register page it came from (a safe `next`), at the row."""
    target = request.POST.get("next", "")
    if not (target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())):
        target = reverse("stop_doing_register")
    return f"{target.split('#')[0]}#forslag-{item.pk}"


def _row(request, item: StopDoingItem, form: DecisionForm | None = None, message: str = "", error: str = ""):
    """The item's register row again (htmx), with the form as posted when it was refused."""
    own = Contract.objects.filter(pk=item.contract_id)
    rows = [r for r in stop_doing.register_rows(request.user, item.contract.year, own) if r.item.pk == item.pk]
    row = rows[0] if rows else None
    if row is None:  # not in the contract in force (an older revision's item): nothing to swap
        return HttpResponse(status=204)
    _decision_forms(request, [row])
    if form is not None:
        row.form = form
    context = {"row": row, "decides": True, "row_message": message, "row_error": error, "open": form is not None}
    context["back"] = request.POST.get("next", "")
    return render(request, "web/stop_doing/row.html", context)


@login_required
@require_POST
def decide(request, pk):
    item = access.stop_doing_to_decide(request.user, pk)
    form = DecisionForm(request.POST, item=item)
    error = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            stop_doing.decide(request.user, item, data["decision"], data["reason"], timezone.localdate())
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        except stop_doing.DecisionInvalid as exc:
            form.add_error(exc.field, exc.message)
        except WorkflowError as exc:
            error = str(exc)
    if form.is_valid() and not error:
        done = _("Beslutningen er gemt.")
        if request.htmx:
            return _row(request, item, message=done)
        messages.success(request, done)
        return redirect(_back(request, item))
    if error:
        if request.htmx:
            return _row(request, item, error=error)
        messages.error(request, error)
        return redirect(_back(request, item))
    if request.htmx:
        return _row(request, item, form=form)
    context = {
        "item": item,
        "form": form,
        "back": _back(request, item),
        "crumbs": [
            {"label": _("Det holder vi op med"), "url": reverse("stop_doing_register")},
            {"label": _("Beslutning")},
        ],
    }
    return render(request, "web/stop_doing/decide.html", context, status=400)
