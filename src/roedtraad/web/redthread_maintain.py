"""The director's page for the records goals link to: the council's policies and their strategy
tracks, budget changes, and the year's DUS tracks and focus areas. The writes go through
`frameworks.records` (the director's right; a record goals link to is not deleted)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from roedtraad.frameworks.models import BudgetChange, FocusArea, Framework, Policy, PolicyTrack, Track
from roedtraad.frameworks.records import RecordInUse, delete_record, linking_goals, require_maintainer, save_record
from roedtraad.web.contract_views import readers_only

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # type checking only: a development dependency


class _Styled(forms.ModelForm):
    """The design system's classes on every widget."""

    def __init__(self, *args, framework: Framework | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        for field in self.fields.values():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-input"
            widget.attrs.setdefault("class", css)
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("rows", 3)


class PolicyForm(_Styled):
    class Meta:
        model = Policy
        fields = ["name", "adopted_year", "description"]


class PolicyTrackForm(_Styled):
    class Meta:
        model = PolicyTrack
        fields = ["policy", "number", "title"]


class BudgetChangeForm(_Styled):
    class Meta:
        model = BudgetChange
        fields = ["budget", "kind", "number", "title"]


class TrackForm(_Styled):
    class Meta:
        model = Track
        fields = ["number", "title", "description"]

    def clean_number(self):
        number = self.cleaned_data["number"]
        framework = self.framework or self.instance.framework
        taken = Track.objects.filter(framework=framework, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Årets DUS har allerede et spor %(number)s.") % {"number": number})
        return number

    def save(self, commit=True):
        if self.framework is not None:
            self.instance.framework = self.framework
        return super().save(commit)


class FocusAreaForm(_Styled):
    class Meta:
        model = FocusArea
        fields = ["track", "title", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        framework = self.framework or getattr(self.instance, "framework", None)
        self.fields["track"].queryset = Track.objects.filter(framework=framework).order_by("number")

    def save(self, commit=True):
        if self.framework is not None:
            self.instance.framework = self.framework
        return super().save(commit)


@dataclass(frozen=True)
class Kind:
    model: type
    form: type[_Styled]
    singular: StrOrPromise  # a lazy translation
    of_year: bool = False  # a record of one year's DUS (made under the year's framework)


KINDS = {
    "politik": Kind(Policy, PolicyForm, gettext_lazy("politik")),
    "strategispor": Kind(PolicyTrack, PolicyTrackForm, gettext_lazy("strategispor i en politik")),
    "budget": Kind(BudgetChange, BudgetChangeForm, gettext_lazy("budgetforandring")),
    "spor": Kind(Track, TrackForm, gettext_lazy("spor i DUS"), of_year=True),
    "indsatsomraade": Kind(FocusArea, FocusAreaForm, gettext_lazy("indsatsområde i DUS"), of_year=True),
}


def _kind(name: str) -> Kind:
    if name not in KINDS:
        raise Http404(_("Ukendt slags."))
    return KINDS[name]


def _framework(request) -> Framework:
    asked = request.GET.get("year", "")
    frameworks = Framework.objects.order_by("-year")
    framework = frameworks.filter(year=int(asked)).first() if asked.isdigit() else frameworks.first()
    if framework is None:
        raise Http404(_("Året har ingen DUS."))
    return framework


def _back(framework: Framework) -> str:
    return f"{reverse('redthread_maintain')}?year={framework.year}"


def _crumbs(framework: Framework, label: str | None = None) -> list[dict]:
    year = framework.year
    crumbs = [{"label": _("Den røde tråd %(year)s") % {"year": year}, "url": f"{reverse('redthread')}?year={year}"}]
    crumbs.append({"label": _("Vedligehold"), "url": _back(framework)} if label else {"label": _("Vedligehold")})
    return crumbs + ([{"label": label}] if label else [])


def _director(view):
    def wrapped(request, *args, **kwargs):
        require_maintainer(request.user)
        return view(request, *args, **kwargs)

    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return readers_only(wrapped)


@_director
def maintain(request):
    framework = _framework(request)
    context = {
        "framework": framework,
        "years": list(Framework.objects.order_by("-year").values_list("year", flat=True)),
        "year": framework.year,
        "policies": Policy.objects.prefetch_related("tracks"),
        "budget_changes": BudgetChange.objects.all(),
        "tracks": framework.tracks.prefetch_related("focus_areas").order_by("number"),
        "loose_areas": framework.focus_areas.filter(track__isnull=True),
        "crumbs": _crumbs(framework),
    }
    return render(request, "web/redthread/maintain.html", context)


def _form_page(request, kind_name: str, instance=None):
    kind = _kind(kind_name)
    framework = _framework(request) if instance is None or not kind.of_year else instance.framework
    form = kind.form(request.POST or None, instance=instance, framework=framework if kind.of_year else None)
    if request.method == "POST" and form.is_valid():
        record = save_record(request.user, form)
        messages.success(request, _("«%(name)s» er gemt.") % {"name": record})
        return redirect(_back(framework))
    title = (_("Ret %(kind)s") if instance else _("Ny %(kind)s")) % {"kind": kind.singular}
    context = {
        "form": form,
        "title": title,
        "framework": framework,
        "kind": kind_name,
        "of_year": kind.of_year,
        "instance": instance,
        "used_by": linking_goals(instance) if instance is not None else 0,
        "back": _back(framework),
        "crumbs": _crumbs(framework, title),
    }
    return render(request, "web/redthread/record_form.html", context, status=400 if request.method == "POST" else 200)


@_director
def record_new(request, kind):
    return _form_page(request, kind)


@_director
def record_edit(request, kind, pk):
    return _form_page(request, kind, get_object_or_404(_kind(kind).model, pk=pk))


@_director
@require_POST
def record_delete(request, kind, pk):
    record = get_object_or_404(_kind(kind).model, pk=pk)
    framework = record.framework if _kind(kind).of_year else _framework(request)
    try:
        delete_record(request.user, record)
    except RecordInUse as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("«%(name)s» er slettet.") % {"name": record})
    return redirect(_back(framework))
