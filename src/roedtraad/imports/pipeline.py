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
from roedtraad.core.ingest.limits import ParseLimits
from roedtraad.core.ingest.model import ParsedDocument, UnreadableDocument
from roedtraad.imports.models import DraftStatus, ImportDraft
from roedtraad.org.models import OrgUnit

log = logging.getLogger(__name__)


class SaveRefused(Exception):
    """The draft cannot be saved now (e.g. the contract is entered); the message is Danish."""


def max_bytes() -> int:
    return int(settings.ROEDTRAAD_MAX_UPLOAD_BYTES)


def parse_limits() -> ParseLimits:
    """The limits on reading one file, from the settings (`ROEDTRAAD_PARSE_*`)."""
    return ParseLimits(max_bytes=max_bytes(), **settings.ROEDTRAAD_PARSE_LIMITS)


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
):
    """Save the corrected document as the holder's contract, in one transaction: merged into an
    existing draft, which needs the right to edit it (`contracts.reimport`)."""
    from roedtraad.contracts.importing import save_parsed_document

    doc = corrected_document(draft, holder, year, kind, roles)
    try:
        with transaction.atomic():
            contract = save_parsed_document(doc, holder=holder, user=user, allow_remove=allow_remove)
            # a DUS is saved as the year's framework: the draft then names no contract
            draft.contract = contract if isinstance(contract, Contract) else None
            draft.status, draft.holder = DraftStatus.SAVED, holder
            draft.store(doc)
            draft.save()
    except ValidationError as error:
        raise SaveRefused(" ".join(error.messages)) from error
    return contract


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
