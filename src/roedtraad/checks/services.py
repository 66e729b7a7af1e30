"""The checks run on the database: plain data for the `check --json` command and views.

`run_checks(year)` returns the whole year's report, `contract_report(contract)` one
contract's part of it. A person's override (`RequirementOverride`, the latest one per
contract and requirement) replaces the automatic status; the automatic judgement is kept
beside it. `ensure_requirements(framework)` adds the catalogue's requirements to a DUS.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Prefetch

from roedtraad.checks.models import RequirementOverride
from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import Contract, Goal
from roedtraad.core.rules.catalogue import RequirementSpec, default_requirements
from roedtraad.core.rules.evaluate import ContractInput, Finding, GoalInput, IndicatorInput, evaluate, goal_topics
from roedtraad.core.rules.overlap import Overlap, find_overlaps
from roedtraad.core.rules.overlap_topics import band, group_overlaps
from roedtraad.core.rules.shared import SharedGoal, check_shared, linked_pairs
from roedtraad.frameworks.models import Framework, Requirement
from roedtraad.org.names import UnitNames

OVERLAP_TOP = 25


@transaction.atomic
def ensure_requirements(framework: Framework) -> list[Requirement]:
    """The framework's requirements, adding those of the catalogue it lacks (by slug).
    Existing requirements (and a person's edits of them) are left as they are."""
    existing = {r.slug: r for r in framework.requirements.all()}
    for spec in default_requirements():
        if spec.slug not in existing:
            existing[spec.slug] = Requirement.objects.create(
                framework=framework,
                slug=spec.slug,
                name=spec.name,
                text=spec.text,
                order=spec.order,
                judged_by=spec.judged_by,
            )
    return sorted(existing.values(), key=lambda r: (r.order, r.slug))


def requirement_specs(framework: Framework | None) -> list[tuple[Requirement | None, RequirementSpec]]:
    """The active requirements of a framework as specs; the catalogue when it has none."""
    rows = list(framework.requirements.filter(retired_at__isnull=True)) if framework else []
    if not rows:
        return [(None, spec) for spec in default_requirements()]
    catalogue = {s.slug: s for s in default_requirements()}
    known = RequirementSpec("", "")
    return [
        (
            r,
            RequirementSpec(
                r.slug,
                r.text,
                r.judged_by or catalogue.get(r.slug, known).judged_by,
                r.order,
                r.display_name,
            ),
        )
        for r in rows
    ]


def units_with_aliases() -> dict[str, list[str]]:
    """Every org unit's name with its aliases and short name (`org.names`, the one lookup)."""
    return UnitNames().names_by_unit()


def _goals_prefetch() -> Prefetch:
    goals = Goal.objects.filter(deleted_at__isnull=True).prefetch_related(
        "sections", "partners__unit", "indicators__targets"
    )
    return Prefetch("goals", queryset=goals)


def contracts_for_year(year: int) -> list[Contract]:
    """Each holder's contract in force for the year (`lineage.revisions_in_force`): a revision
    being written is judged only once it is entered."""
    wanted = revisions_in_force(year)
    qs = (
        Contract.objects.filter(year=year)
        .select_related("holder", "framework")
        .prefetch_related(_goals_prefetch(), "stop_doing_items")
        .order_by("holder__name")
    )
    return [c for c in qs if (c.holder_id, c.revision) in wanted]


def _indicators(goal: Goal) -> list[IndicatorInput]:
    out = []
    for indicator in goal.indicators.all():
        baseline = float(indicator.baseline_value) if indicator.baseline_value is not None else None
        for target in indicator.targets.all():
            out.append(IndicatorInput(target.text or indicator.name, baseline, float(target.value), indicator.unit))
    return out


def contract_input(contract: Contract) -> ContractInput:
    """What the rules see of a contract: goals with sections, partners, targets; stop-doing."""
    goals = [
        GoalInput(
            number=goal.number,
            title=goal.title,
            sections={s.key: s.text for s in goal.ordered_sections() if s.text.strip()},
            shared_with=[p.unit.name if p.unit else p.name for p in goal.partners.all()],
            indicators=_indicators(goal),
            partner_roles={str(p.unit or p.name): p.role for p in goal.partners.all() if p.role},
        )
        for goal in sorted(contract.goals.all(), key=lambda g: g.number)
        if goal.deleted_at is None
    ]
    stop = [item.text for item in contract.stop_doing_items.all()]
    return ContractInput(holder=contract.holder.name, year=contract.year, goals=goals, stop_doing=stop)


def latest_overrides(contracts: Iterable[Contract]) -> dict[tuple[int, int], RequirementOverride]:
    """The newest override per (contract id, requirement id)."""
    out: dict[tuple[int, int], RequirementOverride] = {}
    rows = RequirementOverride.objects.filter(contract__in=list(contracts)).select_related("author")
    for row in rows.order_by("created_at", "id"):
        out[(row.contract_id, row.requirement_id)] = row
    return out


def override_requirement(
    contract: Contract, requirement: Requirement, status: str, justification: str, author
) -> RequirementOverride:
    """Record a person's judgement of a requirement, with the reason; validated."""
    row = RequirementOverride(
        contract=contract, requirement=requirement, status=status, justification=justification, author=author
    )
    row.full_clean()
    row.save()
    return row


def _finding_data(finding: Finding, override: RequirementOverride | None) -> dict:
    data: dict[str, object] = {
        "slug": finding.slug,
        "status": finding.status,
        "reason": finding.reason,
        "evidence": [{"goal": e.goal, "section": e.section, "quote": e.quote} for e in finding.evidence],
        "override": None,
    }
    if override is not None:
        author = override.author.get_full_name() or override.author.get_username()
        data["override"] = {
            "automatic_status": finding.status,
            "automatic_reason": finding.reason,
            "justification": override.justification,
            "author": author,
            "created_at": override.created_at.isoformat(),
        }
        data["status"] = override.status
        data["reason"] = f"Vurderet af {author} {override.created_at:%d.%m.%Y}: {override.justification}"
    return data


def _shared_data(shared: Sequence[SharedGoal], holder: str) -> list[dict]:
    return [
        {
            "goal": item.goal,
            "title": item.title,
            "partners": [
                {"name": p.name, "unit": p.unit, "status": p.status, "partner_goal": p.partner_goal}
                for p in item.partners
            ],
        }
        for item in shared
        if item.holder == holder
    ]


def _overlap_data(overlap: Overlap, topic: str | None = None, explained: bool = True) -> dict:
    return {
        "topic": topic,
        "explained": explained,
        "band": band(overlap.score),
        "a": {"holder": overlap.a.holder, "goal": overlap.a.goal, "title": overlap.a.title},
        "b": {"holder": overlap.b.holder, "goal": overlap.b.goal, "title": overlap.b.title},
        "score": overlap.score,
        "shared_terms": overlap.shared_terms,
        "shared": overlap.shared,
        "sentences": list(overlap.sentence_pair),
    }


@dataclass
class _YearRun:
    framework: Framework | None
    contracts: list[Contract]
    inputs: list[ContractInput]
    specs: list[tuple[Requirement | None, RequirementSpec]]
    shared: list[SharedGoal]
    units: dict[str, list[str]]


def _run_year(year: int) -> _YearRun:
    framework = Framework.objects.filter(year=year).first()
    contracts = contracts_for_year(year)
    inputs = [contract_input(c) for c in contracts]
    units = units_with_aliases()
    shared = check_shared(inputs, units)
    return _YearRun(framework, contracts, inputs, requirement_specs(framework), shared, units)


def _contract_data(run: _YearRun, contract: Contract, data: ContractInput, overrides: dict) -> dict:
    findings = evaluate(data, [spec for _, spec in run.specs], units=run.units)
    requirements = [
        _finding_data(finding, overrides.get((contract.pk, row.pk)) if row else None)
        for (row, _), finding in zip(run.specs, findings, strict=True)
    ]
    return {
        "holder": data.holder,
        "contract": contract.pk,
        "requirements": requirements,
        "shared_goals": _shared_data(run.shared, data.holder),
    }


def default_year() -> int | None:
    """The newest year with a framework or a contract."""
    years = [Framework.objects.aggregate(y=Max("year"))["y"], Contract.objects.aggregate(y=Max("year"))["y"]]
    years = [y for y in years if y]
    return max(years) if years else None


def listed(overlap: dict) -> bool:
    """An overlap worth a row of its own: not on a DUS topic, and alike in a distinctive word."""
    return not overlap["topic"] and overlap["explained"]


def _grouped(run: _YearRun, overlaps: list[Overlap]) -> tuple[list[dict], list[dict]]:
    """The overlaps with the DUS topic each is folded into, and one row per topic."""
    specs = [spec for _, spec in run.specs]
    topics_of = {
        (data.holder, number): slugs for data in run.inputs for number, slugs in goal_topics(data, specs).items()
    }
    grouped = group_overlaps(overlaps, topics_of, [spec.slug for spec in specs])
    names = {spec.slug: spec.display_name for spec in specs}
    topics = [
        {
            "slug": group.slug,
            "name": names.get(group.slug, group.slug),
            "holders": group.holders,
            "goals": [{"holder": h, "goal": g} for h, g in sorted(group.goals)],
            "pairs": group.pairs,
        }
        for group in grouped.topics
    ]
    rows = [_overlap_data(o, grouped.topic_of.get(n), n not in grouped.unexplained) for n, o in enumerate(overlaps)]
    return rows, topics


def run_checks(year: int | None = None, overlap_top: int = OVERLAP_TOP) -> dict:
    """The year's checks: each contract's requirements and shared goals, and the overlaps."""
    year = year or default_year()
    if year is None:
        return {"framework": None, "year": None, "contracts": [], "overlaps": []}
    run = _run_year(year)
    overrides = latest_overrides(run.contracts)
    overlaps = find_overlaps(run.inputs, top=overlap_top, linked=linked_pairs(run.shared)) if overlap_top else []
    overlap_rows, topics = _grouped(run, overlaps) if overlaps else ([], [])
    return {
        "framework": run.framework.title if run.framework else None,
        "year": year,
        "contracts": [_contract_data(run, c, d, overrides) for c, d in zip(run.contracts, run.inputs, strict=True)],
        "overlaps": overlap_rows,
        "overlap_topics": topics,
    }


def contract_report(contract: Contract, overlap_top: int = 10) -> dict:
    """One contract's part of the year's checks, with the overlaps its goals take part in."""
    run = _run_year(contract.year)
    pairs = [(c, d) for c, d in zip(run.contracts, run.inputs, strict=True) if c.pk == contract.pk]
    if not pairs:  # an older revision: check it against the others' latest
        run.contracts.append(contract)
        run.inputs.append(contract_input(contract))
        pairs = [(contract, run.inputs[-1])]
    data = _contract_data(run, *pairs[0], latest_overrides([contract]))
    overlaps = find_overlaps(run.inputs, top=overlap_top * 10, linked=linked_pairs(run.shared))
    rows, _topics = _grouped(run, overlaps) if overlaps else ([], [])
    # Pairs on a topic the DUS asks of every contract are not worth a look from one contract.
    mine = [r for r in rows if data["holder"] in (r["a"]["holder"], r["b"]["holder"]) and listed(r)]
    data["framework"] = run.framework.title if run.framework else None
    data["overlaps"] = mine[:overlap_top]
    return data


def year_framework(contract: Contract) -> Framework | None:
    """The DUS the contract is judged by: its own, else the year's."""
    return contract.framework or Framework.objects.filter(year=contract.year).first()


def unmet_requirements(contract: Contract) -> list[dict]:
    """The requirements of the contract's DUS it does not meet (missing or partly met, a
    person's override counted), each with its text and the reason the check gives."""
    framework = year_framework(contract)
    specs = requirement_specs(framework)
    stored = Contract.objects.filter(pk=contract.pk).prefetch_related(_goals_prefetch(), "stop_doing_items").get()
    findings = evaluate(contract_input(stored), [spec for _, spec in specs], units=units_with_aliases())
    overrides = latest_overrides([stored])
    unmet = []
    for (row, spec), finding in zip(specs, findings, strict=True):
        data = _finding_data(finding, overrides.get((stored.pk, row.pk)) if row else None)
        if data["status"] != "met":
            unmet.append(
                {
                    "slug": spec.slug,
                    "name": spec.display_name,
                    "text": spec.text,
                    "status": data["status"],
                    "reason": data["reason"],
                }
            )
    return unmet
