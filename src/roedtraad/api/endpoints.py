"""The REST API (django-ninja) at /api/: read endpoints for contracts, goals, indicators,
measurements, follow-up entries, the requirement checks and the red thread; write endpoints for
measurements and follow-up entries. Its OpenAPI document is /api/openapi.json, its browsable docs
/api/docs (Swagger UI served from django-ninja's own static files, no CDN).

Every call carries `Authorization: Bearer <token>` (`api.tokens`); the token's user is the
request's user, so every queryset comes from the rulebook (`roedtraad.rights`) and every write
goes through the domain function the pages use."""

import datetime as dt

from django.db.models import Prefetch, Q
from django.http import Http404, JsonResponse
from django.urls import path as django_path
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status
from ninja.security import HttpBearer

from roedtraad import rights
from roedtraad.api import errors, measurements, tokens
from roedtraad.api.docs import LocalSwagger
from roedtraad.api.errors import ApiError, ApiProblem
from roedtraad.api.filters import MAX_ID, Filters, by_unit, units_under
from roedtraad.api.schemas import (
    CheckOut,
    ContractOut,
    FollowUpChange,
    FollowUpIn,
    FollowUpOut,
    GoalOut,
    IndicatorOut,
    MeasurementBatch,
    MeasurementIn,
    MeasurementOut,
    MeasurementsSaved,
    RedThreadOut,
)
from roedtraad.checks.services import default_year, run_checks
from roedtraad.followup import entries
from roedtraad.followup.models import FollowUpEntry, Measurement, Target
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.frameworks.models import BudgetChange, FocusArea, Framework, Policy, Track


class TokenAuth(HttpBearer):
    """A token of an active user, not revoked; the request then acts as that user."""

    def authenticate(self, request, token: str):
        row = tokens.token_user(token)
        if row is None:
            return None
        request.user = row.user
        request.api_token = row
        return row


class Page(LimitOffsetPagination):
    """`limit` (1–500, default 50) and `offset`; the answer has `items` and `count`."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10**9)


class RoedtraadApi(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        return operation.view_func.__name__  # "list_contracts", not the module path

    def _get_urls(self):
        """ninja's own root view (/api/) raises a bare 404 that Django answers as an HTML page:
        here it says, in JSON, where the document and the docs are."""
        urls = super()._get_urls()
        return [*urls[:-1], django_path("", self._root, name="api-root")]

    def _root(self, request):
        return JsonResponse(
            {"name": self.title, "openapi": reverse("api:openapi-json"), "docs": reverse("api:openapi-view")}
        )


api = RoedtraadApi(
    title="Rødtråd API",
    version="1",
    description=(
        "Udviklingskontrakter, mål, indikatorer, målinger, opfølgning, kravtjek og den røde tråd. "
        "Send `Authorization: Bearer <nøgle>`; en nøgle har præcis sin brugers rettigheder. "
        "Nøgler laves under «API-nøgler» eller med `roedtraad api-token --user BRUGER`."
    ),
    urls_namespace="api",
    docs=LocalSwagger(),
    auth=TokenAuth(),
)
errors.install(api)

# The refusals an operation may answer, each as ApiError (errors.py).
ERRORS = {frozenset({400, 401, 403, 404, 409, 422}): ApiError}
ObjectId = Path(..., ge=1, le=MAX_ID)


def _user(request):
    return request.user


# Contracts --------------------------------------------------------------------------------


def _contracts(request, filters: Filters):
    contracts = rights.contracts_visible_to(_user(request)).select_related("holder__parent__parent", "framework")
    if filters.year is not None:
        contracts = contracts.filter(year=filters.year)
    return by_unit(contracts, filters, "holder_id").order_by("-year", "holder__name", "-revision", "pk")


@api.get("/contracts", response={200: list[ContractOut], **ERRORS}, tags=["kontrakter"])
@paginate(Page)
def list_contracts(request, filters: Query[Filters]):
    """The contracts the token's user may read (drafts too, for those who may read them)."""
    return _contracts(request, filters)


@api.get("/contracts/{contract_id}", response={200: ContractOut, **ERRORS}, tags=["kontrakter"])
def get_contract(request, contract_id: int = ObjectId):
    contract = rights.contracts_visible_to(_user(request)).select_related("holder__parent__parent", "framework")
    found = contract.filter(pk=contract_id).first()
    if found is None:
        raise Http404
    return found


# Goals ------------------------------------------------------------------------------------


class GoalFilters(Filters):
    contract: int | None = Field(None, ge=1, le=MAX_ID, description="Kun målene i denne kontrakt (id)")


@api.get("/goals", response={200: list[GoalOut], **ERRORS}, tags=["mål"])
@paginate(Page)
def list_goals(request, filters: Query[GoalFilters]):
    goals = rights.goals_visible_to(_user(request)).select_related("contract__holder")
    goals = goals.prefetch_related("policies", "tracks", "focus_areas", "budget_changes")
    if filters.year is not None:
        goals = goals.filter(contract__year=filters.year)
    if filters.contract is not None:
        goals = goals.filter(contract_id=filters.contract)
    return by_unit(goals, filters, "contract__holder_id").order_by("contract_id", "number", "pk")


# Indicators and measurements --------------------------------------------------------------


class IndicatorFilters(Filters):
    goal: int | None = Field(None, ge=1, le=MAX_ID, description="Kun dette måls indikatorer (id)")
    key: str | None = Field(None, max_length=60, pattern=r"^[-a-zA-Z0-9_]*$", description="Målingen, fx sygefravaer")


def _covering(year: int) -> Q:
    """Indicators measured in some part of the year."""
    return Q(valid_from__lte=dt.date(year, 12, 31)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=dt.date(year, 1, 1)))


def _indicators(request, filters: IndicatorFilters):
    indicators = rights.indicators_visible_to(_user(request)).select_related("org_unit")
    if filters.year is not None:
        indicators = indicators.filter(_covering(filters.year))
    if filters.goal is not None:
        indicators = indicators.filter(goal_id=filters.goal)
    if filters.key:
        indicators = indicators.filter(key=filters.key)
    return by_unit(indicators, filters, "org_unit_id")


def _hide_small_numbers(request, indicators) -> set[int]:
    """The indicators whose figures the user may not see (`followup.small_numbers`), kept on the
    request for the schema's resolvers."""
    request.api_hidden = hidden_indicators(_user(request), indicators.select_related(None).only("pk"))
    return request.api_hidden


@api.get("/indicators", response={200: list[IndicatorOut], **ERRORS}, tags=["indikatorer"])
@paginate(Page)
def list_indicators(request, filters: Query[IndicatorFilters]):
    """Indicators with their targets; a small unit's baseline is hidden (`suppressed`) from those
    who may not see small numbers, and its measurements are not listed for them."""
    indicators = _indicators(request, filters)
    _hide_small_numbers(request, indicators)
    targets = Prefetch("targets", queryset=Target.objects.order_by("period_start", "pk"))
    return indicators.prefetch_related(targets).order_by("key", "org_unit__name", "valid_from", "pk")


class MeasurementFilters(IndicatorFilters):
    indicator: int | None = Field(None, ge=1, le=MAX_ID, description="Kun denne indikators målinger (id)")


@api.get("/measurements", response={200: list[MeasurementOut], **ERRORS}, tags=["indikatorer"])
@paginate(Page)
def list_measurements(request, filters: Query[MeasurementFilters]):
    """Measurements of the indicators the user may see, those of small units hidden from them
    left out. `year` is the measurement's period's year."""
    year, filters.year = filters.year, None  # here the period's year, not the indicator's
    indicators = _indicators(request, filters)
    if filters.indicator is not None:
        indicators = indicators.filter(pk=filters.indicator)
    hidden = _hide_small_numbers(request, indicators)
    rows = Measurement.objects.filter(indicator__in=indicators.values("pk")).exclude(indicator_id__in=hidden)
    if year is not None:
        rows = rows.filter(period__year=year)
    return rows.order_by("indicator_id", "period", "pk")


def _push(request, items: list[MeasurementIn], batch: bool) -> dict:
    source = f"API: {request.api_token.name}"[:200]
    counts, saved = measurements.push(_user(request), items, source=source, batch=batch)
    return {**counts, "measurements": saved}


@api.post("/measurements", response={200: MeasurementsSaved, **ERRORS}, tags=["indikatorer"])
def push_measurement(request, payload: MeasurementIn):
    """One figure: the indicator (id), the period (2026-03, 2026K1, 2026) and the value. A value
    already stored for the period is replaced (the old one stays in the history); the same value
    again changes nothing. Who may write: the director, and a head of area or a holder for the
    units under them."""
    return _push(request, [payload], batch=False)


@api.post("/measurements/batch", response={200: MeasurementsSaved, **ERRORS}, tags=["indikatorer"])
def push_measurements(request, payload: MeasurementBatch):
    """Up to 1000 figures in one transaction: all are saved, or none (the refusals name `items.N.field`)."""
    return _push(request, payload.items, batch=True)


# Follow-up entries ------------------------------------------------------------------------


class FollowUpFilters(Filters):
    goal: int | None = Field(None, ge=1, le=MAX_ID, description="Kun dette måls opfølgninger (id)")


def _entries(request):
    goals = rights.goals_visible_to(_user(request))
    request.api_personal = rights.shows_personal_data(_user(request))
    return FollowUpEntry.objects.filter(goal__in=goals.values("pk")).select_related("author", "goal")


@api.get("/follow-ups", response={200: list[FollowUpOut], **ERRORS}, tags=["opfølgning"])
@paginate(Page)
def list_follow_ups(request, filters: Query[FollowUpFilters]):
    """Follow-up entries on the goals the user may read; the author's name only for users with a role."""
    rows = _entries(request)
    if filters.year is not None:
        rows = rows.filter(goal__contract__year=filters.year)
    if filters.goal is not None:
        rows = rows.filter(goal_id=filters.goal)
    return by_unit(rows, filters, "goal__contract__holder_id").order_by("goal_id", "-date", "-pk")


def _entry(request, pk: int) -> FollowUpEntry:
    entry = _entries(request).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


@api.post("/follow-ups", response={201: FollowUpOut, **ERRORS}, tags=["opfølgning"])
def add_follow_up(request, payload: FollowUpIn):
    """A follow-up entry on a goal of an entered contract (`followup.entries.add_entry`): by the
    director, the head of area or the holder, as on the goal's page."""
    goal = rights.goals_visible_to(_user(request)).select_related("contract").filter(pk=payload.goal).first()
    if goal is None:
        raise ApiProblem(404, _("Målet %(id)s findes ikke, eller du har ikke adgang.") % {"id": payload.goal}, "goal")
    data = payload.model_dump(include={"date", "forum", "status", "text"})
    entry = entries.add_entry(goal, _user(request), **data)
    return Status(201, _entry(request, entry.pk))


@api.put("/follow-ups/{entry_id}", response={200: FollowUpOut, **ERRORS}, tags=["opfølgning"])
def change_follow_up(request, payload: FollowUpChange, entry_id: int = ObjectId):
    """Change an entry (`followup.entries.change_entry`): its author only, while the contract is
    followed up. `version` is the one read: a change based on an older version is refused (409)."""
    entry = _entry(request, entry_id)
    data = payload.model_dump(include={"date", "forum", "status", "text"})
    entries.change_entry(entry.pk, _user(request), expected_version=payload.version, **data)
    return _entry(request, entry.pk)


# Requirement checks and the red thread ------------------------------------------------------


@api.get("/checks", response={200: list[CheckOut], **ERRORS}, tags=["kravtjek"])
@paginate(Page)
def list_checks(request, filters: Query[Filters]):
    """The DUS requirements each contract in force meets (met / partial / missing), a person's
    judgement counted (`checks.services.run_checks`), for the contracts the user may read."""
    year = filters.year or default_year()
    if year is None:
        return []
    visible = set(_contracts(request, filters.model_copy(update={"year": year})).values_list("pk", flat=True))
    report = run_checks(year, overlap_top=0)
    return [
        {
            "contract": item["contract"],
            "holder": item["holder"],
            "year": year,
            "requirements": [
                {
                    "slug": r["slug"],
                    "status": r["status"],
                    # the person's name is personal data: the reason without it
                    "reason": r["override"]["justification"] if r["override"] else r["reason"],
                    "overridden": r["override"] is not None,
                }
                for r in item["requirements"]
            ],
        }
        for item in report["contracts"]
        if item["contract"] in visible
    ]


@api.get("/redthread", response={200: RedThreadOut, **ERRORS}, tags=["den røde tråd"])
def red_thread(request, filters: Query[Filters]):
    """The year's red thread (`reports.redthread`): each policy, DUS track, focus area and budget
    change with the goals in force that serve it and that the user may read; what no goal in the
    municipality serves (judged over every contract, as the pages do)."""
    from roedtraad.reports.redthread import goals_in_force, links_of, tracks_of, unserved_records

    years = list(Framework.objects.order_by("-year").values_list("year", flat=True))
    year = filters.year if filters.year is not None else (years[0] if years else None)
    if year is None or year not in years:
        raise ApiProblem(404, _("Året har ingen DUS."), "year")
    goals = goals_in_force(year, _user(request))
    units = units_under(filters)
    if units is not None:
        goals = [g for g in goals if g.contract.holder_id in units]
    framework = Framework.objects.get(year=year)

    def served(records, links) -> list[dict]:
        return [{"id": r.pk, "name": str(r), "goals": [g.pk for g in goals if r.pk in links(g)]} for r in records]

    missing = unserved_records(year)
    return {
        "year": year,
        "policies": served(Policy.objects.order_by("name"), lambda g: {p.pk for p in g.policies.all()}),
        "tracks": served(Track.objects.filter(framework=framework).order_by("number"), tracks_of),
        "focus_areas": served(
            FocusArea.objects.filter(framework=framework).order_by("pk"), lambda g: {a.pk for a in g.focus_areas.all()}
        ),
        "budget_changes": served(
            BudgetChange.objects.order_by("budget", "number"), lambda g: {b.pk for b in g.budget_changes.all()}
        ),
        "unserved": {kind: [str(r) for r in records] for kind, records in missing.items()},
        "goals_without_reference": [g.pk for g in goals if links_of(g).refers_to_nothing],
    }


# Anything else under /api/ is a JSON 404, never Django's HTML page.
@api.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False, url_name="not_found"
)
def not_found(request, rest: str):
    raise Http404
