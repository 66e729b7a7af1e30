"""The importer in the web app: upload, preview side by side with the source, correct, save."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad.contracts.importing import import_plan, indicator_notes
from roedtraad.contracts.models import Contract
from roedtraad.core.ingest.model import UnreadableDocument
from roedtraad.imports import corrections, preview, rights
from roedtraad.imports.forms import BoundaryForm, FragmentForm, SaveForm, SectionForm, TitleForm, UploadForm
from roedtraad.imports.models import DraftStatus, ImportBatch, ImportDraft
from roedtraad.imports.pipeline import (
    SaveRefused,
    corrected_document,
    error_line,
    max_bytes,
    parse_bytes,
    parse_in_request_bytes,
    read_upload,
    save_draft,
    store_parsed,
    unit_answers,
    units_under,
)
from roedtraad.imports.tasks import BACKGROUND_FROM, parse_batch
from roedtraad.org.models import OrgUnit, OrgUnitKind
from roedtraad.rights import rights_for


def save_effects(draft: ImportDraft, holder: OrgUnit | None, year) -> dict:
    """What saving the draft for the holder and year would change, for the preview: the plan
    of goals added, changed and removed and what stays, and the figures it would not write."""
    if holder is None or draft.document.get("kind") == "dus" or not str(year or "").isdigit():
        return {}
    doc = corrected_document(draft, holder, int(year), "kontrakt")
    notes = indicator_notes(doc, holder)
    unknown = list(dict.fromkeys(note["unit"] for note in notes.get("unknown_unit", [])))
    return {
        "plan": import_plan(doc, holder, int(year)),
        "notes": notes,
        "plan_holder": holder,
        "unknown_units": unknown,
        "unit_choices": units_under(holder) if unknown else [],
    }


def _crumbs(*extra: dict) -> list[dict]:
    return [{"label": _("Importér dokumenter"), "url": reverse("imports:upload")}, *extra]


@login_required
def upload(request):
    rights.require_importer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST":
        files = request.FILES.getlist("files")
        if not files:
            errors.append(_("Vælg mindst én fil."))
        elif len(files) >= BACKGROUND_FROM or any(f.size > parse_in_request_bytes() for f in files):
            return _start_batch(request, files)
        else:
            drafts, errors = _parse_now(request.user, files)
            if drafts and not errors and len(drafts) == 1:
                return redirect("imports:preview", pk=drafts[0].pk)
            if drafts:
                for error in errors:
                    messages.error(request, error)
                return redirect("imports:upload")
    recent = ImportDraft.objects.filter(owner=request.user).exclude(status=DraftStatus.FAILED)[:20]
    context = {"form": form, "errors": errors, "recent": recent, "crumbs": [{"label": _("Importér dokumenter")}]}
    context["max_mb"] = max_bytes() // (1024 * 1024)
    return render(request, "imports/upload.html", context, status=400 if errors else 200)


def _parse_now(user, files) -> tuple[list[ImportDraft], list[str]]:
    """Parse a few files at once in the request; a file that cannot be read is not kept."""
    drafts, errors = [], []
    for upload_file in files:
        draft = ImportDraft(owner=user, filename=upload_file.name[:300])
        try:
            doc = parse_bytes(draft.filename, read_upload(upload_file))  # outside any transaction
        except UnreadableDocument as error:
            errors.append(error_line(draft.filename, error.reason_da))
            continue
        store_parsed(draft, doc)
        drafts.append(draft)
    return drafts, errors


def _start_batch(request, files):
    with transaction.atomic():
        batch = ImportBatch.objects.create(owner=request.user)
        for upload_file in files:
            ImportDraft.objects.create(
                owner=request.user, batch=batch, filename=upload_file.name[:300], data=read_upload(upload_file)
            )
    result = parse_batch.enqueue(batch.pk)  # after the commit, so the worker finds the files
    ImportBatch.objects.filter(pk=batch.pk).update(task_id=str(result.id)[:64])
    return redirect("imports:batch", pk=batch.pk)


@login_required
def batch_status(request, pk):
    rights.require_importer(request.user)
    batch = get_object_or_404(ImportBatch, pk=pk, owner=request.user)
    drafts = list(batch.drafts.order_by("id"))
    done = all(d.status not in (DraftStatus.PENDING, DraftStatus.PARSING) for d in drafts)
    context = {"batch": batch, "drafts": drafts, "done": done, "crumbs": _crumbs({"label": _("Samlet import")})}
    context["read"] = sum(d.status in (DraftStatus.PARSED, DraftStatus.FAILED, DraftStatus.SAVED) for d in drafts)
    template = "imports/batch.html#status" if request.htmx else "imports/batch.html"
    return render(request, template, context)


def _preview_context(request, draft: ImportDraft, save_form: SaveForm | None = None) -> dict:
    doc = draft.parsed()
    named = rights.unit_named(doc.holder)
    units = rights.importable_units(request.user)
    if save_form is None:
        initial = {
            "holder": draft.holder if draft.holder and units.filter(pk=draft.holder.pk).exists() else None,
            "year": doc.year,
            "kind": doc.kind if doc.kind in ("kontrakt", "aftale") else "kontrakt",
        }
        initial["holder"] = initial["holder"] or rights.default_unit(request.user, named)
        save_form = SaveForm(initial=initial, units=units)
    holder = save_form["holder"].value() if save_form.is_bound else save_form.initial.get("holder")
    holder = units.filter(pk=getattr(holder, "pk", holder)).first() if holder else None
    year = save_form["year"].value() if save_form.is_bound else save_form.initial.get("year")
    return {
        **save_effects(draft, holder, year),
        "draft": draft,
        "doc": doc,
        "named_unit": named,
        "foreign_holder": named is not None and not units.filter(pk=named.pk).exists(),
        "cards": preview.goal_cards(doc),
        "segments": preview.source_segments(doc),
        "coverage_percent": round(doc.coverage * 100, 1),
        "save_form": save_form,
        "crumbs": _crumbs({"label": draft.filename}),
    }


@login_required
def draft_preview(request, pk):
    draft = rights.draft_for_user(request.user, pk)
    if draft.status in (DraftStatus.PENDING, DraftStatus.PARSING):
        return redirect("imports:batch", pk=draft.batch_id) if draft.batch_id else redirect("imports:upload")
    if draft.status == DraftStatus.FAILED:
        messages.error(request, error_line(draft.filename, draft.error))
        return redirect("imports:upload")
    return render(request, "imports/preview.html", _preview_context(request, draft))


def _correct(request, pk, form_class, apply, anchor: str = ""):
    """Apply one correction to the draft (row locked; the form names the goal or fragment it
    was made for). htmx gets the goal card back, other requests go back to the preview."""
    draft = rights.draft_for_user(request.user, pk)
    form = form_class(request.POST)
    target = reverse("imports:preview", args=[draft.pk])
    with transaction.atomic():
        draft = ImportDraft.objects.select_for_update().get(pk=draft.pk)
        if not form.is_valid() or draft.status != DraftStatus.PARSED:
            return _refused(request, target, _("Rettelsen kunne ikke gemmes. Prøv igen."))
        doc = draft.parsed()
        try:
            changed_index = apply(doc, form.cleaned_data)
        except corrections.CorrectionError as error:
            return _refused(request, target, str(error))
        draft.store(doc)
        draft.save(update_fields=["document", "updated_at"])
    if request.htmx and changed_index is not None and anchor == "card":
        context = {"card": preview.goal_card(doc, changed_index), "draft": draft}
        return render(request, "imports/_goal_card.html", context)
    suffix = f"#goal-{changed_index + 1}" if changed_index is not None else ""
    return redirect(target + suffix)


STALE = "Importen er ændret i mellemtiden. Se den nye udgave og ret igen."


def _expect_goal(doc, index: int, data: dict) -> None:
    """The form was made for this goal: refuse when the goal at `index` is another one now."""
    if data.get("expect") and (index >= len(doc.goals) or doc.goals[index].title != data["expect"]):
        raise corrections.CorrectionError(_(STALE))


def _expect_fragment(doc, index: int, data: dict) -> None:
    if data.get("expect") and (index >= len(doc.unassigned) or str(doc.unassigned[index].start) != data["expect"]):
        raise corrections.CorrectionError(_(STALE))


def _refused(request, target: str, message: str):
    if request.htmx:
        response = HttpResponse(status=409)
        response["HX-Redirect"] = target
        messages.error(request, message)
        return response
    messages.error(request, message)
    return redirect(target)


@login_required
@require_POST
def edit_section(request, pk, index):
    def apply(doc, data):
        _expect_goal(doc, index, data)
        corrections.set_section(doc, index, data["old_key"], data["key"], data["text"])
        return index

    return _correct(request, pk, SectionForm, apply, anchor="card")


@login_required
@require_POST
def edit_title(request, pk, index):
    def apply(doc, data):
        _expect_goal(doc, index, data)
        corrections.set_title(doc, index, data["title"])
        return index

    return _correct(request, pk, TitleForm, apply, anchor="card")


@login_required
@require_POST
def goal_boundary(request, pk, index, action):
    def apply(doc, data):
        _expect_goal(doc, index, data)
        at = data.get("at")
        if action == "merge":
            corrections.merge_with_previous(doc, index)
            return index - 1
        if action == "remove":
            corrections.remove_goal(doc, index)
            return None
        if at is None:
            raise corrections.CorrectionError(_("Vælg den linje, hvor målet skal starte."))
        if action == "split":
            corrections.split_goal(doc, index, at)
            return index + 1
        corrections.move_goal_start(doc, index, at, title_from_line=data["title_from_line"])
        return index

    if action not in ("merge", "remove", "split", "start"):
        return HttpResponse(status=404)
    return _correct(request, pk, BoundaryForm, apply)


@login_required
@require_POST
def fragment_action(request, pk, index, action):
    def apply(doc, data):
        _expect_fragment(doc, index, data)
        if action == "promote":
            goal = corrections.promote_fragment(doc, index)
            return doc.goals.index(goal)
        if data.get("goal") is None:
            raise corrections.CorrectionError(_("Vælg det mål, teksten hører til."))
        corrections.assign_fragment(doc, index, data["goal"], data.get("key") or "baggrund_formaal")
        return data["goal"]

    if action not in ("promote", "assign"):
        return HttpResponse(status=404)
    return _correct(request, pk, FragmentForm, apply)


def _partner_roles(post) -> dict[tuple[int, int], str]:
    """The preview's answers "role-<goal index>-<partner index>" → the partner's role."""
    roles = {}
    for name, value in post.items():
        parts = name.split("-")
        if len(parts) == 3 and parts[0] == "role" and parts[1].isdigit() and parts[2].isdigit() and value.strip():
            roles[(int(parts[1]), int(parts[2]))] = value
    return roles


@login_required
@require_POST
def save(request, pk):
    draft = rights.draft_for_user(request.user, pk)
    units = rights.importable_units(request.user)
    any_holder = SaveForm(request.POST, units=OrgUnit.objects.filter(kind=OrgUnitKind.HOLDER))
    if any_holder.is_valid() and not units.filter(pk=any_holder.cleaned_data["holder"].pk).exists():
        raise PermissionDenied("import for another holder")
    form = SaveForm(request.POST, units=units)
    if not form.is_valid() or draft.status != DraftStatus.PARSED:
        if draft.status == DraftStatus.SAVED and draft.contract_id:
            return redirect("contract_detail", pk=draft.contract_id)
        messages.error(request, _("Kontrakten blev ikke gemt. Ret felterne og prøv igen."))
        return render(request, "imports/preview.html", _preview_context(request, draft, form), status=400)
    data = form.cleaned_data
    if draft.document.get("kind") == "dus" and not rights_for(request.user).director:
        raise PermissionDenied("only a director imports the DUS")
    try:
        contract = save_draft(
            draft,
            data["holder"],
            data["year"],
            data["kind"],
            request.user,
            allow_remove=data["remove_goals"],
            roles=_partner_roles(request.POST),
            units=unit_answers(request.POST),
        )
    except SaveRefused as error:
        messages.error(request, str(error))
        return render(request, "imports/preview.html", _preview_context(request, draft, form), status=409)
    messages.success(request, _("%(file)s er gemt som %(contract)s.") % {"file": draft.filename, "contract": contract})
    if not isinstance(contract, Contract):  # a DUS is saved as the year's framework
        return redirect("imports:upload")
    return redirect("contract_detail", pk=contract.pk)


@login_required
@require_POST
def discard(request, pk):
    draft = rights.draft_for_user(request.user, pk)
    draft.delete()
    messages.info(request, _("Importen af %(file)s er slettet.") % {"file": draft.filename})
    return redirect("imports:upload")
