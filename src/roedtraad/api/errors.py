"""Every refusal of the API is JSON naming what was wrong: `{"detail": ..., "field": ...,
"errors": [{"field": ..., "message": ...}]}`, the same shape for a bad field (422), a missing
right (403), something not there (404), a conflict (409) and a missing or revoked token (401).
Never a traceback or an HTML page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from roedtraad.contracts.errors import ContractLocked, WorkflowError
from roedtraad.contracts.rows import RowConflict
from roedtraad.followup.measurement_import import MeasurementsRefused

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger("roedtraad.api")


class FieldError(Schema):
    field: str | None = None
    message: str


class ApiError(Schema):
    detail: str
    field: str | None = None
    errors: list[FieldError] = []
    stored_version: int | None = None  # a 409 on a changed row: the version to send again


class ApiProblem(Exception):
    """A refusal the API answers with `status` and the JSON above."""

    def __init__(self, status: int, detail: str, field: str | None = None, errors: Sequence[FieldError] = ()):
        super().__init__(detail)
        self.status, self.detail, self.field, self.errors = status, detail, field, list(errors)


def field_name(loc: Sequence[object]) -> str | None:
    """A pydantic location as the name a client sent: ("body", "payload", "items", 0, "period")
    → "items.0.period"; ("query", "year") → "year"."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form", "file"):
        source = parts.pop(0)
        if source == "body" and len(parts) > 1:
            parts.pop(0)  # the view's parameter name, which the client never sees
    return ".".join(str(p) for p in parts) or None


def _body(detail: str, field: str | None = None, errors: Sequence[FieldError] = (), **extra) -> dict:
    return ApiError(detail=detail, field=field, errors=list(errors), **extra).model_dump()


def install(api: NinjaAPI) -> None:
    """The API's exception handlers: the domain's errors as JSON with the status they mean."""

    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        response = api.create_response(request, body, status=status)
        if status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="roedtraad"'
        return response

    @api.exception_handler(ApiProblem)
    def _problem(request, exc: ApiProblem):
        return respond(request, exc.status, _body(exc.detail, exc.field, exc.errors))

    @api.exception_handler(ValidationError)
    def _invalid(request, exc: ValidationError):
        errors = [FieldError(field=field_name(e.get("loc", ())), message=str(e.get("msg", ""))) for e in exc.errors]
        first = errors[0] if errors else FieldError(message=_("Forespørgslen er ugyldig."))
        detail = f"{first.field}: {first.message}" if first.field else first.message
        return respond(request, 422, _body(detail, first.field, errors))

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request, exc):
        detail = _("Send en gyldig API-nøgle: Authorization: Bearer <nøgle>. Nøglen kan være tilbagekaldt.")
        return respond(request, 401, _body(detail, "Authorization"))

    @api.exception_handler(HttpError)
    def _http(request, exc: HttpError):
        return respond(request, exc.status_code, _body(str(exc)))

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return respond(request, 404, _body(_("Findes ikke, eller du har ikke adgang til det.")))

    @api.exception_handler(PermissionDenied)
    def _refused(request, exc):
        message = getattr(exc, "message", "") or _("Du har ikke ret til at gøre det.")
        return respond(request, 403, _body(str(message)))

    @api.exception_handler(RowConflict)
    def _conflict(request, exc: RowConflict):
        errors = [FieldError(message=p) for p in exc.problems]
        return respond(request, 409, _body(exc.message, "version", errors, stored_version=exc.stored_version))

    @api.exception_handler(ContractLocked)
    def _locked(request, exc: ContractLocked):
        return respond(request, 409, _body(exc.message))

    @api.exception_handler(MeasurementsRefused)
    def _refused_measurements(request, exc):
        return respond(request, 409, _body(str(exc)))

    @api.exception_handler(WorkflowError)
    def _workflow(request, exc: WorkflowError):
        if isinstance(exc, PermissionDenied):  # NotAllowed
            return respond(request, 403, _body(exc.message))
        errors = [FieldError(message=p) for p in exc.problems]
        return respond(request, 422, _body(exc.message, None, errors))

    @api.exception_handler(Exception)
    def _unexpected(request, exc):
        logger.exception("API %s %s", request.method, request.path)
        return respond(request, 500, _body(_("Der skete en fejl i Rødtråd. Fejlen er skrevet i loggen.")))
