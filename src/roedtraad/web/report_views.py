"""The reports' pages: the committee report (one measure for a quarter or a year, every unit's
figure, target, status and forecast, small units suppressed as for the committee), the year-end
report (for a holder or the municipality), each also as PDF (the page printed with WeasyPrint,
`reports.contract_pdf.path_pdf`) and as Word; the contract dialogue's pack as PDF and Word; and
the saved report layouts, made again for the next period with one click. The data and the rules
are `reports.committee`, `reports.year_end`, `reports.dialogue_pack` and `reports.definitions`."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad import rights
from roedtraad.contracts.stop_doing import years_with_contracts
from roedtraad.core.reports.periods import QUARTER, Period, PeriodInvalid, period_of
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.reports.committee import committee_docx, committee_report, measure_keys
from roedtraad.reports.contract_pdf import path_pdf
from roedtraad.reports.definitions import DefinitionInvalid, advance, readable_holder, save_definition
from roedtraad.reports.dialogue import agenda
from roedtraad.reports.dialogue_pack import dialogue_docx, pack_name
from roedtraad.reports.models import ReportDefinition, ReportKind
from roedtraad.reports.year_end import year_end_docx, year_end_report
from roedtraad.web import access
from roedtraad.web.contract_views import readers_only
from roedtraad.web.dialogue_views import _dialogue

# The largest id a database's bigint holds: a larger one is refused, never sent to the database.
MAX_ID = 2**63 - 1

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _file(data: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{fmt}") or ""
    return response


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404(_("Rapporten findes som pdf og docx."))
    return fmt


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-zæøå]+", "-", text.lower()).strip("-")


def _crumbs(label: str) -> list[dict]:
    return [{"label": _("Rapporter"), "url": reverse("reports")}, {"label": label}]


def _whole_number(text: str, high: int = MAX_ID) -> int | None:
    """A query parameter as a whole number from 0 to `high`; None for anything else. ASCII
    digits only: `str.isdigit` also takes "²" and other digits `int` cannot read, and a very
    long number is refused before `int` is asked to read it."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(high)):
        return None
    value = int(text)
    return value if value <= high else None


def _definition(request) -> ReportDefinition | None:
    """The user's saved layout the page was opened from (`?gemt=`), to offer the next period.
    An unreadable or someone else's `gemt` offers nothing: the report itself is still shown."""
    wanted = _whole_number(request.GET.get("gemt", ""))
    return rights.report_definitions_of(request.user).filter(pk=wanted).first() if wanted is not None else None


def _holder_id(request) -> int | None:
    """The `?kontraktholder=` id; None when none is given. Http404 for one that is no id."""
    given = request.GET.get("kontraktholder", "").strip()
    if not given:
        return None
    holder_id = _whole_number(given)
    if holder_id is None:
        raise Http404(_("Rødtråd kender ingen kontraktholder «%(holder)s».") % {"holder": given})
    return holder_id


# The reports' start page ----------------------------------------------------------------------


def _index(request, errors: dict[str, str] | None = None, status: int = 200):
    today = timezone.localdate()
    contracts = access.contracts_visible_to(request.user).select_related("holder")
    holders = sorted({c.holder for c in contracts}, key=lambda unit: unit.name.lower())
    context = {
        "measures": measure_keys(request.user),
        "years": years_with_contracts(request.user),
        "holders": holders,
        "period": request.GET.get("period") or period_of(today, QUARTER).code,
        "chosen": request.GET,
        "errors": errors or {},
        "definitions": [
            (d, d.current, d.current.next()) for d in rights.report_definitions_of(request.user).order_by("name")
        ],
        "crumbs": [{"label": _("Rapporter")}],
    }
    return render(request, "web/reports/index.html", context, status=status)


@readers_only
def reports(request):
    """The choices of a report; a chosen one is a redirect to its page, a wrong choice is said."""
    kind = request.GET.get("kind", "")
    if kind == ReportKind.COMMITTEE:
        try:
            period = Period.parse(request.GET.get("period", ""))
        except PeriodInvalid as bad:
            return _index(request, {"period": str(bad)}, 400)
        key = request.GET.get("key", "")
        if key not in {k for k, _name in measure_keys(request.user)}:
            return _index(request, {"key": _("Vælg et måltal.")}, 400)
        return redirect("committee_report", key, period.code)
    if kind == ReportKind.YEAR_END:
        year = _whole_number(request.GET.get("year", ""))
        if year is None or year not in years_with_contracts(request.user):
            return _index(request, {"year": _("Vælg et år, der har kontrakter.")}, 400)
        holder = _whole_number(request.GET.get("kontraktholder", ""))
        url = reverse("year_end_report", args=[year])
        return redirect(f"{url}?kontraktholder={holder}" if holder is not None else url)
    return _index(request)


# The committee report ------------------------------------------------------------------------


def _committee(request, key: str, period: str):
    try:
        made_for = Period.parse(period)
    except PeriodInvalid as bad:
        raise Http404(str(bad)) from bad
    report = committee_report(request.user, key, made_for)
    if report is None:
        raise Http404(_("Du kan ikke se måltal med nøglen %(key)s.") % {"key": key})
    return report


@readers_only
def committee_report_page(request, key: str, period: str):
    report = _committee(request, key, period)
    definition = _definition(request)
    context = {
        "report": report,
        "definition": definition if definition and definition.kind == ReportKind.COMMITTEE else None,
        "kind": ReportKind.COMMITTEE,
        "crumbs": _crumbs(report.title),
    }
    return render(request, "web/reports/committee.html", context)


@readers_only
def committee_report_file(request, key: str, period: str, fmt: str):
    report = _committee(request, key, period)
    name = _slug(f"{report.name} {report.period.code}")
    if _format(fmt) == "pdf":
        return _file(path_pdf(reverse("committee_report", args=[key, report.period.code]), request.user), fmt, name)
    return _file(committee_docx(report), fmt, name)


# The year-end report -------------------------------------------------------------------------


def _year_end(request, year: int):
    # Only a year the user sees contracts of: any other (0, 99999) has no report, and no date.
    if year not in years_with_contracts(request.user):
        raise Http404(_("Du kan ikke se kontrakter for %(year)s.") % {"year": year})
    try:
        holder = readable_holder(request.user, _holder_id(request))
    except LookupError as unknown:
        raise Http404 from unknown
    report = year_end_report(request.user, year, holder)
    if not report.contracts:
        raise Http404(_("Du kan ikke se kontrakter for %(year)s.") % {"year": year})
    return report


@readers_only
def year_end_report_page(request, year: int):
    report = _year_end(request, year)
    definition = _definition(request)
    context = {
        "report": report,
        "definition": definition if definition and definition.kind == ReportKind.YEAR_END else None,
        "kind": ReportKind.YEAR_END,
        "query": f"?kontraktholder={report.holder.pk}" if report.holder else "",
        "crumbs": _crumbs(report.title),
    }
    return render(request, "web/reports/year_end.html", context)


@readers_only
def year_end_report_file(request, year: int, fmt: str):
    report = _year_end(request, year)
    name = _slug(report.title)
    if _format(fmt) == "pdf":
        query = f"?kontraktholder={report.holder.pk}" if report.holder else ""
        return _file(path_pdf(reverse("year_end_report", args=[year]) + query, request.user), fmt, name)
    return _file(year_end_docx(report), fmt, name)


# The contract dialogue's pack ----------------------------------------------------------------


@readers_only
def dialogue_pack(request, pk: int, fmt: str):
    """The dialogue's agenda for print, for those who may see the dialogue (its page's rights)."""
    dialogue = _dialogue(request, pk)  # 404 to a stranger to the contract
    made = agenda(dialogue)
    if _format(fmt) == "pdf":
        return _file(path_pdf(reverse("dialogue_detail", args=[pk]), request.user), fmt, pack_name(made))
    hidden = hidden_indicators(request.user, [s.indicator for item in made.goals for s in item.indicators])
    participants = dialogue.participants.all() if access.shows_personal_data(request.user) else None
    data = dialogue_docx(
        made,
        hidden,
        participants,
        entries=dialogue.entries.select_related("goal").order_by("goal__number"),
        activities=dialogue.activities.select_related("goal").order_by("goal__number"),
    )
    return _file(data, fmt, pack_name(made))


# Saved layouts -------------------------------------------------------------------------------


def _own(request, pk: int) -> ReportDefinition:
    definition = rights.report_definitions_of(request.user).filter(pk=pk).first()
    if definition is None:
        raise Http404
    return definition


def _report_url(definition: ReportDefinition) -> str:
    period = definition.current
    if definition.kind == ReportKind.COMMITTEE:
        url = reverse("committee_report", args=[definition.indicator_key, period.code]) + "?"
    else:
        url = reverse("year_end_report", args=[period.year]) + "?"
        if definition.holder_id:
            url += f"kontraktholder={definition.holder_id}&"
    return f"{url}gemt={definition.pk}"


@readers_only
@require_POST
def report_definition_save(request):
    data = request.POST
    holder = data.get("holder", "").strip()
    holder_id = _whole_number(holder)
    if holder and holder_id is None:
        return _index(request, {"save_holder": _("Vælg en kontraktholder, hvis kontrakt du kan se.")}, 400)
    try:
        definition = save_definition(
            request.user,
            kind=data.get("kind", ""),
            name=data.get("name", ""),
            period=data.get("period", ""),
            indicator_key=data.get("key", ""),
            holder_id=holder_id,
        )
    except DefinitionInvalid as refused:
        return _index(request, {f"save_{refused.field}": refused.message}, 400)
    messages.success(request, _("Rapportens opsætning er gemt som «%(name)s».") % {"name": definition.name})
    return redirect(_report_url(definition))


@readers_only
def report_definition(request, pk: int):
    return redirect(_report_url(_own(request, pk)))


@readers_only
@require_POST
def report_definition_next(request, pk: int):
    try:
        definition = advance(request.user, _own(request, pk))
    except DefinitionInvalid as refused:
        return _index(request, {refused.field: refused.message}, 400)
    messages.success(
        request, _("«%(name)s» er lavet for %(period)s.") % {"name": definition.name, "period": definition.current}
    )
    return redirect(_report_url(definition))


@readers_only
@require_POST
def report_definition_delete(request, pk: int):
    definition = _own(request, pk)
    definition.delete()
    messages.success(request, _("«%(name)s» er slettet.") % {"name": definition.name})
    return redirect("reports")
