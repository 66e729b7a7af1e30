"""Exports from the web: the page where a user asks for a year's contracts as Word, PDF or a
workbook, the job page that follows the worker's progress with htmx, and the download (the
job's owner only; `exports.jobs` does the work). One contract's Word or PDF file from its
contract page is made in the request: it takes a second or two."""

from __future__ import annotations

from urllib.parse import quote

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_htmx.http import HttpResponseClientRefresh

from roedtraad.exports import jobs
from roedtraad.exports.models import ExportFormat, ExportJob
from roedtraad.org.models import OrgUnit
from roedtraad.web import access


class ExportForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("År"), coerce=int)
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=ExportFormat.choices, widget=forms.RadioSelect)
    holder = forms.TypedChoiceField(label=gettext_lazy("Kontraktholder"), coerce=int, required=False, empty_value=None)
    one_file_per_contract = forms.BooleanField(label=gettext_lazy("Én fil pr. kontrakt (ZIP)"), required=False)

    def __init__(self, data, user, **kwargs):
        super().__init__(data, **kwargs)
        self.years = jobs.years_for(user)
        self.fields["year"].choices = [(y, str(y)) for y in self.years]
        visible = access.contracts_visible_to(user).values("holder_id")
        self.holders = list(OrgUnit.objects.filter(pk__in=visible).order_by("name"))
        self.fields["holder"].choices = [("", _("Alle kontrakter, du kan læse"))] + [
            (unit.pk, unit.name) for unit in self.holders
        ]

    def holder_unit(self) -> OrgUnit | None:
        chosen = self.cleaned_data.get("holder")
        return next((unit for unit in self.holders if unit.pk == chosen), None)


def _crumbs(label: str | None = None) -> list[dict]:
    crumbs: list[dict] = [{"label": _("Kontrakter"), "url": reverse("contract_list")}]
    if label:
        return [*crumbs, {"label": _("Eksport"), "url": reverse("export_start")}, {"label": label}]
    return [*crumbs, {"label": _("Eksport")}]


@login_required
def export_start(request):
    """Asks for an export and goes to its job page at once: the worker makes the file."""
    form = ExportForm(request.POST if request.method == "POST" else None, request.user)
    refusal = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            job = jobs.start(
                request.user,
                format=data["format"],
                year=data["year"],
                holder=form.holder_unit(),
                one_file_per_contract=data["one_file_per_contract"],
            )
        except jobs.ExportRefused as error:
            refusal = str(error)
        else:
            return redirect("export_job", pk=job.pk)
    if not form.is_bound:
        form.initial = {"year": form.years[0] if form.years else None, "format": ExportFormat.PDF}
    recent = ExportJob.objects.filter(owner=request.user).defer("result").select_related("holder")[:20]
    context = {"form": form, "refusal": refusal, "recent": recent, "keep_days": jobs.KEEP.days, "crumbs": _crumbs()}
    status = 400 if form.is_bound else 200
    return render(request, "web/exports/start.html", context, status=status)


def _own_job(request, pk: int) -> ExportJob:
    """The user's own job; anybody else's is not found (404), as if it did not exist."""
    return get_object_or_404(ExportJob.objects.defer("result").select_related("holder"), pk=pk, owner=request.user)


@login_required
def export_job(request, pk: int):
    job = _own_job(request, pk)
    if request.htmx and not job.busy:  # the worker is done: the whole page, with the download link
        return HttpResponseClientRefresh()
    context = {"job": job, "keep_days": jobs.KEEP.days, "crumbs": _crumbs(str(job))}
    template = "web/exports/job.html#status" if request.htmx else "web/exports/job.html"
    return render(request, template, context)


@login_required
def export_download(request, pk: int):
    job = _own_job(request, pk)
    data = ExportJob.objects.filter(pk=job.pk).values_list("result", flat=True).first()
    if data is None:
        raise Http404  # not finished, failed or dropped after a week
    return _attachment(bytes(data), job.result_name)


def _attachment(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=jobs.content_type(name))
    # The names are lower-case letters, digits and hyphens (exports.jobs.member_names), but æøå
    # need the RFC 6266 form; an ASCII fallback for old clients.
    fallback = name.encode("ascii", "replace").decode().replace("?", "_")
    response["Content-Disposition"] = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def contract_docx(request, pk: int):
    """One contract as Word, as the user may read it (a small unit's figures hidden)."""
    from roedtraad.reports.contract_document import contract_docx_bytes, file_name

    contract = access.contract_for_user(request.user, pk)
    return _attachment(contract_docx_bytes(contract, request.user), file_name(contract))


@login_required
def contract_pdf(request, pk: int):
    """One contract as PDF: its page as the user gets it, printed."""
    from roedtraad.reports.contract_document import file_name
    from roedtraad.reports.contract_pdf import contract_pdf as printed

    contract = access.contract_for_user(request.user, pk)
    return _attachment(printed(contract, request.user), file_name(contract).removesuffix(".docx") + ".pdf")
