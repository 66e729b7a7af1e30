"""Measurement files uploaded in the browser: the upload, the preview where the user confirms or
changes the columns and maps unknown units, and the save (`followup.uploads` does the work)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from roedtraad import rights
from roedtraad.core.measurements.mapping import FIELD_LABELS, FIELDS
from roedtraad.followup import uploads
from roedtraad.followup.measurement_files import max_bytes
from roedtraad.followup.models import Indicator, MeasurementUpload, UploadStatus


def _require_importer(user) -> None:
    if not rights.imports_measurements(user):
        raise PermissionDenied(_("Du kan ikke indlæse målinger."))


def _crumbs(label: str | None = None) -> list[dict]:
    crumbs = [{"label": _("Måltal"), "url": reverse("indicator_list")}]
    if label:
        crumbs += [{"label": _("Indlæs målinger"), "url": reverse("measurement_upload")}, {"label": label}]
    else:
        crumbs.append({"label": _("Indlæs målinger")})
    return crumbs


@login_required
def upload(request):
    _require_importer(request.user)
    error = ""
    if request.method == "POST":
        sent = request.FILES.get("file")
        if sent is None:
            error = _("Vælg en fil.")
        elif sent.size > max_bytes():
            error = _("Filen er større end %(mb)d MB.") % {"mb": max_bytes() // (1024 * 1024)}
        else:
            made = uploads.start(request.user, sent.name, sent.read())
            return redirect("measurement_preview", pk=made.pk)
    recent = MeasurementUpload.objects.filter(owner=request.user).defer("data")[:20]
    context = {"error": error, "recent": recent, "max_mb": max_bytes() // (1024 * 1024), "crumbs": _crumbs()}
    return render(request, "web/measurements/upload.html", context, status=400 if error else 200)


@login_required
def preview(request, pk: int):
    _require_importer(request.user)
    made = get_object_or_404(MeasurementUpload.objects.defer("data"), pk=pk, owner=request.user)
    problems: list[str] = []
    if request.method == "POST" and made.status == UploadStatus.READY:
        choices, problems = _choices(request, made)
        if not problems:
            uploads.choose(made, **choices)
            return redirect("measurement_preview", pk=made.pk)
    if request.htmx and not made.busy:  # the worker is done: the whole page, with the preview
        return HttpResponseClientRefresh()
    context = _context(request, made, problems)
    if request.htmx:
        return render(request, "web/measurements/preview.html#status", context)
    return render(request, "web/measurements/preview.html", context, status=400 if problems else 200)


@login_required
@require_POST
def save(request, pk: int):
    _require_importer(request.user)
    made = get_object_or_404(MeasurementUpload.objects.defer("data"), pk=pk, owner=request.user)
    if made.status == UploadStatus.READY and not made.preview.get("problem"):
        uploads.save(made)
    return redirect("measurement_preview", pk=made.pk)


def _context(request, made: MeasurementUpload, problems: list[str]) -> dict:
    shown = dict(made.preview or {})
    shown["indicators"] = [  # the periods as dates, so the page names their months in Danish
        row | {"first": dt.date.fromisoformat(row["first"]), "last": dt.date.fromisoformat(row["last"])}
        for row in shown.get("indicators", [])
    ]
    headers = shown.get("headers", [])
    column_of = {field: column for field, column in shown.get("mapping", {}).items()}
    columns = [
        {"index": i, "header": header, "field": next((f for f, c in column_of.items() if c == i), "")}
        for i, header in enumerate(headers)
    ]
    return {
        "upload": made,
        "shown": shown,
        "columns": columns,
        "fields": [(f, FIELD_LABELS[f]) for f in FIELDS],
        "units": list(uploads.importable_units(request.user).values("id", "name")),
        "unit_questions": _unit_choices(made),
        "keys": _measure_keys(request.user),
        "problems": problems,
        "crumbs": _crumbs(made.filename),
    }


def _unit_choices(made: MeasurementUpload) -> list[dict]:
    chosen = made.aliases or {}
    return [{"index": i, "name": name, "chosen": chosen.get(name)} for i, name in enumerate(unit_questions(made))]


def unit_questions(made: MeasurementUpload) -> list[str]:
    """The file's unit names Rødtråd does not know, and those the user has mapped already (so a
    choice can be changed back)."""
    return sorted(set(made.preview.get("unknown_units", [])) | set(made.aliases or {}), key=str.lower)


def _measure_keys(user) -> list[tuple[str, str]]:
    """The measures of the indicators the user can import for, by key, for the key choice."""
    indicators = Indicator.objects.filter(org_unit__in=uploads.importable_units(user))
    names: dict[str, str] = {}
    for key, name in indicators.values_list("key", "name").order_by("key", "name"):
        names.setdefault(key, name)
    return sorted(names.items(), key=lambda item: item[1].lower())


def _choices(request, made: MeasurementUpload) -> tuple[dict, list[str]]:
    """The preview form's column, unit and measure choices, checked; problems in Danish."""
    headers = made.preview.get("headers", [])
    problems = []
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = request.POST.get(f"column_{index}", "")
        if not field:
            continue
        if field not in FIELDS:
            problems.append(_("Kolonnen «%(column)s» har et ukendt felt.") % {"column": header})
        elif field in mapping:
            problems.append(_("Feltet «%(field)s» er valgt for mere end én kolonne.") % {"field": FIELD_LABELS[field]})
        else:
            mapping[field] = index
    allowed = set(uploads.importable_units(request.user).values_list("id", flat=True))
    aliases = dict(made.aliases or {})
    for index, name in enumerate(unit_questions(made)):
        chosen = request.POST.get(f"unit_{index}", "")
        if not chosen:
            aliases.pop(name, None)
        elif not chosen.isdigit() or int(chosen) not in allowed:
            problems.append(_("Du kan ikke vælge den enhed for «%(name)s».") % {"name": name})
        else:
            aliases[name] = int(chosen)
    key = request.POST.get("key", "")
    if key and key not in dict(_measure_keys(request.user)):
        problems.append(_("Målingen «%(key)s» findes ikke.") % {"key": key})
    return {"mapping": mapping or None, "aliases": aliases, "key": key}, problems
