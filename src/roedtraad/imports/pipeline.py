"""From uploaded bytes to a draft import, and from a corrected draft to a saved contract.

Reading a file never raises anything but `UnreadableDocument` (whose Danish reason is shown
to the user); saving runs `save_parsed_document` in one transaction.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from roedtraad.core.ingest.model import ParsedDocument, UnreadableDocument
from roedtraad.core.ingest.parse import parse_source
from roedtraad.imports.models import DraftStatus, ImportDraft
from roedtraad.org.models import OrgUnit

log = logging.getLogger(__name__)


class SaveRefused(Exception):
    """The draft cannot be saved now (e.g. the contract is entered); the message is Danish."""


def max_bytes() -> int:
    return int(settings.ROEDTRAAD_MAX_UPLOAD_BYTES)


def read_upload(upload) -> bytes:
    """At most one byte over the limit is read, so the source reader can refuse a large file
    without it ever being held in memory."""
    upload.seek(0)
    return upload.read(max_bytes() + 1)


def parse_bytes(filename: str, data: bytes) -> ParsedDocument:
    """Read and parse one file; every failure is an `UnreadableDocument`."""
    from roedtraad.core.ingest.sources import read_source

    try:
        source = read_source(filename, data, max_bytes=max_bytes())
        return parse_source(source)
    except UnreadableDocument:
        raise
    except Exception as error:  # a reader bug must be a message to the user, never a traceback
        log.exception("reading %s failed", filename)
        raise UnreadableDocument(filename, f"cannot be read: {error}", "filen kunne ikke læses") from error


def parse_into(draft: ImportDraft, data: bytes) -> ImportDraft:
    """Parse the bytes into the draft (status parsed or failed) and forget the bytes."""
    try:
        doc = parse_bytes(draft.filename, data)
    except UnreadableDocument as error:
        draft.status, draft.error = DraftStatus.FAILED, error.reason_da[:500]
    else:
        from roedtraad.imports.rights import unit_named

        draft.store(doc)
        draft.status, draft.error = DraftStatus.PARSED, ""
        draft.holder = draft.holder or unit_named(doc.holder)
    draft.data = None
    draft.save()
    return draft


def error_line(filename: str, reason_da: str) -> str:
    """The one-line Danish message naming the file and the reason."""
    reason = " ".join(str(reason_da).split())
    return f"{filename}: {reason}"


def save_draft(draft: ImportDraft, holder: OrgUnit, year: int, kind: str, user):
    """Save the corrected document as the holder's contract, in one transaction."""
    from roedtraad.contracts.importing import save_parsed_document

    doc = draft.parsed()
    doc.year = year
    if doc.kind != "dus":  # a framework (DUS) keeps its kind and has no holder
        doc.holder, doc.kind = holder.name, kind
    try:
        with transaction.atomic():
            contract = save_parsed_document(doc, holder=holder, user=user)
            draft.contract, draft.status, draft.holder = contract, DraftStatus.SAVED, holder
            draft.store(doc)
            draft.save()
    except ValidationError as error:
        raise SaveRefused(" ".join(error.messages)) from error
    return contract
