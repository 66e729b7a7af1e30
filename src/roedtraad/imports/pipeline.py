"""From uploaded bytes to a draft import, and from a corrected draft to a saved contract.

Reading a file never raises anything but `UnreadableDocument` (whose Danish reason is shown
to the user); saving runs `save_parsed_document` in one transaction.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from roedtraad.contracts.models import Contract
from roedtraad.core.ingest.contained import parse_contained
from roedtraad.core.ingest.model import ParsedDocument, UnreadableDocument
from roedtraad.imports.limits import max_bytes, parse_limits
from roedtraad.imports.models import DraftStatus, ImportDraft
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind, subtree

log = logging.getLogger(__name__)


class SaveRefused(Exception):
    """The draft cannot be saved now (e.g. the contract is entered); the message is Danish."""


def read_upload(upload) -> bytes:
    """At most one byte over the limit is read, so the source reader can refuse a large file
    without it ever being held in memory."""
    upload.seek(0)
    return upload.read(max_bytes() + 1)


def parse_bytes(filename: str, data: bytes) -> ParsedDocument:
    """Read and parse one file in a child process bounded in time and memory; every failure is
    an `UnreadableDocument`. Never call this inside a database transaction: a parse may take
    up to the time limit, and a transaction held that long blocks every other writer."""
    try:
        return parse_contained(filename, data, parse_limits())
    except UnreadableDocument:
        raise
    except Exception as error:  # a reader bug must be a message to the user, never a traceback
        log.exception("reading %s failed", filename)
        raise UnreadableDocument(filename, f"cannot be read: {error}", "filen kunne ikke læses") from error


def parse_in_request_bytes() -> int:
    """Uploads larger than this are parsed by the background worker, not in the request."""
    return int(settings.ROEDTRAAD_PARSE_IN_REQUEST_BYTES)


def parse_into(draft: ImportDraft, data: bytes) -> ImportDraft:
    """Parse the bytes into the draft (status parsed or failed), forget the bytes and save it.
    The parse runs before, and outside, the short write that saves the draft."""
    try:
        doc = parse_bytes(draft.filename, data)
    except UnreadableDocument as error:
        draft.status, draft.error, draft.data = DraftStatus.FAILED, error.reason_da[:500], None
        draft.save()
        return draft
    return store_parsed(draft, doc)


def store_parsed(draft: ImportDraft, doc: ParsedDocument) -> ImportDraft:
    """Keep the parsed document on the draft (status parsed) and forget the uploaded bytes."""
    from roedtraad.imports.rights import unit_named

    draft.store(doc)
    draft.status, draft.error, draft.data = DraftStatus.PARSED, "", None
    draft.holder = draft.holder or unit_named(doc.holder)
    draft.save()
    return draft


def error_line(filename: str, reason_da: str) -> str:
    """The one-line Danish message naming the file and the reason."""
    reason = " ".join(str(reason_da).split())
    return f"{filename}: {reason}"


def save_draft(
    draft: ImportDraft,
    holder: OrgUnit,
    year: int,
    kind: str,
    user,
    *,
    allow_remove: bool = False,
    roles: dict[tuple[int, int], str] | None = None,
    units: list[tuple[str, str, int]] | None = None,
):
    """Save the corrected document as the holder's contract, in one transaction: merged into an
    existing draft, which needs the right to edit it (`contracts.reimport`); `units` are the
    preview's answers for the units the document names and Rødtråd does not know
    (`unit_answers`), applied in the same transaction."""
    from roedtraad.contracts.importing import save_parsed_document

    doc = corrected_document(draft, holder, year, kind, roles)
    try:
        with transaction.atomic():
            apply_unit_answers(holder, units or [])
            contract = save_parsed_document(doc, holder=holder, user=user, allow_remove=allow_remove)
            # a DUS is saved as the year's framework: the draft then names no contract
            draft.contract = contract if isinstance(contract, Contract) else None
            draft.status, draft.holder = DraftStatus.SAVED, holder
            draft.store(doc)
            draft.save()
    except ValidationError as error:
        raise SaveRefused(" ".join(error.messages)) from error
    return contract


def units_under(holder: OrgUnit) -> list[OrgUnit]:
    """The holder and the units under it: where the preview may map or create a unit the
    document names and Rødtråd does not know."""
    parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    return list(OrgUnit.objects.filter(pk__in=subtree({holder.pk}, parents)).order_by("name"))


def unit_answers(post) -> list[tuple[str, str, int]]:
    """The preview's answers for units Rødtråd does not know: "unitname-<i>" (the name in the
    document) with "unit-<i>" = "map:<unit id>" (it is that unit) or "new:<parent id>" (create it
    under that unit); nothing chosen is "ignore" (its figures are not written)."""
    answers = []
    for field, name in post.items():
        if not field.startswith("unitname-") or not name.strip():
            continue
        action, _, unit = str(post.get(f"unit-{field.removeprefix('unitname-')}", "")).partition(":")
        if action in ("map", "new") and unit.isdigit():
            answers.append((" ".join(name.split())[:200], action, int(unit)))
    return answers


def apply_unit_answers(holder: OrgUnit, answers: list[tuple[str, str, int]]) -> list[OrgUnit]:
    """Map each unknown name to a unit under the holder (an alias) or create it under one; a
    unit outside the holder's subtree is refused (`ValidationError`). Returns the units touched.
    Runs inside the save's transaction, so a refused save creates nothing."""
    allowed = {unit.pk: unit for unit in units_under(holder)}
    touched = []
    for name, action, pk in answers:
        unit = allowed.get(pk)
        if unit is None:
            raise ValidationError("Enheden ligger ikke under kontraktholderen.")
        if action == "map":
            alias, _created = OrgUnitAlias.objects.get_or_create(alias=name, defaults={"unit": unit})
            touched.append(alias.unit)
        else:
            kind = (
                OrgUnitKind.DEPARTMENT
                if unit.kind in (OrgUnitKind.CENTRE, OrgUnitKind.DEPARTMENT)
                else OrgUnitKind.CENTRE
            )
            existing = OrgUnit.objects.filter(parent=unit, name__iexact=name).first()
            touched.append(existing or OrgUnit.objects.create(name=name, parent=unit, kind=kind))
    return touched


def corrected_document(
    draft: ImportDraft,
    holder: OrgUnit | None,
    year: int | None,
    kind: str,
    roles: dict[tuple[int, int], str] | None = None,
) -> ParsedDocument:
    """The draft's document as it will be saved: the holder, year and kind chosen in the preview,
    and the partners' roles answered there ((goal index, partner index) → role)."""
    doc = draft.parsed()
    for (goal_index, partner_index), role in (roles or {}).items():
        if goal_index < len(doc.goals) and partner_index < len(doc.goals[goal_index].partners):
            doc.goals[goal_index].partners[partner_index].role = " ".join(role.split())[:1000]
    doc.year = year or doc.year
    if doc.kind != "dus" and holder is not None:  # a framework (DUS) keeps its kind and has no holder
        doc.holder, doc.kind = holder.name, kind
    return doc
