"""Judge a contract against the framework's requirements, with the sentences that decide.

`evaluate(contract, requirements)` returns one `Finding` per requirement: "met", "partial"
or "missing", a one-line Danish reason and the quoted evidence. The rules are the
`judged_by` dicts of the requirements (see `roedtraad.core.rules.catalogue`), so a person
can read and change them; this module only applies them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from roedtraad.core.rules.catalogue import ACTIVITY_SECTIONS, TARGET_SECTIONS, RequirementSpec
from roedtraad.core.rules.text import Term, any_term_pattern, find_terms, has_number, sentences, stems

MET, PARTIAL, MISSING = "met", "partial", "missing"
STATUS_RANK = {MISSING: 0, PARTIAL: 1, MET: 2}
TITLE = "titel"
STOP_DOING = "hold_op_med"


class IndicatorInput(NamedTuple):
    """(text, baseline, target, unit) of a quantified target."""

    text: str
    baseline: float | None = None
    target: float | None = None
    unit: str = ""


@dataclass
class GoalInput:
    number: int
    title: str
    sections: dict[str, str] = field(default_factory=dict)
    shared_with: list[str] = field(default_factory=list)
    indicators: list[IndicatorInput] = field(default_factory=list)
    partner_roles: dict[str, str] = field(default_factory=dict)  # partner → responsibility and role


@dataclass
class ContractInput:
    holder: str
    year: int | None
    goals: list[GoalInput] = field(default_factory=list)
    stop_doing: list[str] = field(default_factory=list)


@dataclass
class Evidence:
    goal: int | None
    section: str
    quote: str


@dataclass
class Finding:
    slug: str
    status: str
    reason: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class _Hit:
    section: str
    sentence: str


class _Restatement:
    """Recognises sentences that merely repeat the requirement's own wording."""

    def __init__(self, text: str):
        self.stems = set(stems(text))

    def __call__(self, sentence: str) -> bool:
        own = set(stems(sentence))
        if not own or not self.stems:
            return False
        return len(own & self.stems) / len(own) >= 0.7 and len(own) >= 4


def _goal_hits(goal: GoalInput, terms: list[Term], keys: Sequence[str] | None, restates: _Restatement) -> list[_Hit]:
    hits = []
    anyterm = any_term_pattern(tuple(terms))
    for key, text in goal.sections.items():
        if keys and key not in keys:
            continue
        if not anyterm.search(text.lower()):
            continue
        for sentence in sentences(text):
            if anyterm.search(sentence.lower()) and not restates(sentence):
                hits.append(_Hit(key, sentence))
    return hits


def _terms(rule: dict[str, Any], key: str) -> list[Term]:
    return [Term.of(t) for t in rule.get(key, [])]


def _number_evidence(goal: GoalInput, hits: list[_Hit], rule: dict[str, Any]) -> Evidence | None:
    allowed = rule.get("number_sections") or TARGET_SECTIONS
    for hit in hits:
        if hit.section in allowed and has_number(hit.sentence):
            return Evidence(goal.number, hit.section, hit.sentence)
    for indicator in goal.indicators:
        if indicator.target is not None:
            return Evidence(goal.number, "indikator", indicator.text)
    return None


def _activity_evidence(goal: GoalInput, rule: dict[str, Any], terms: list[Term]) -> Evidence | None:
    """The activity that best shows how the goal is reached: one naming the subject if any."""
    found = [
        (key, sentence)
        for key in rule.get("activity_sections") or ACTIVITY_SECTIONS
        for sentence in sentences(goal.sections.get(key, ""))
        if len(sentence) > 25
    ]
    if not found:
        return None
    key, sentence = next(((k, s) for k, s in found if find_terms(terms, s)), found[0])
    return Evidence(goal.number, key, sentence)


def _judge_goal(goal: GoalInput, spec: RequirementSpec, restates: _Restatement) -> tuple[Finding, tuple]:
    """The requirement judged on one goal alone, and a rank (better goals rank higher)."""
    rule = spec.judged_by
    terms = _terms(rule, "terms")
    in_title = bool(find_terms(terms, goal.title))
    hits = _goal_hits(goal, terms, rule.get("sections"), restates)
    if not in_title and not hits:
        return Finding(spec.slug, MISSING, "Nævnes ikke."), (0, 0, 0)
    first = (
        Evidence(goal.number, TITLE, goal.title)
        if in_title
        else Evidence(goal.number, hits[0].section, hits[0].sentence)
    )
    evidence, lacks = [first], []
    if not in_title and len(hits) < int(rule.get("min_sentences", 1)):
        lacks.append("emnet nævnes kun i forbifarten")
    if rule.get("also_terms"):
        also = _goal_hits(goal, _terms(rule, "also_terms"), None, restates)
        evidence += [Evidence(goal.number, also[0].section, also[0].sentence)] if also else []
        lacks += [] if also else ["uden " + " / ".join(rule["also_terms"])]
    if rule.get("needs_number"):
        found = _number_evidence(goal, hits, rule)
        evidence += [found] if found else []
        lacks += [] if found else ["intet måltal"]
    if rule.get("needs_activities"):
        found = _activity_evidence(goal, rule, terms) if (in_title or len(hits) > 1) else None
        evidence += [found] if found else []
        lacks += [] if found else ["ingen aktiviteter eller strategi for at nå målet"]
    if not in_title and len(evidence) == 1 and len(hits) > 1:
        evidence.append(Evidence(goal.number, hits[1].section, hits[1].sentence))
    where = f"Mål {goal.number} «{goal.title}»"
    status = PARTIAL if lacks else MET
    reason = f"{where} nævner det, men {', '.join(lacks)}." if lacks else f"{where} opfylder kravet."
    rank = (STATUS_RANK[status], int(in_title), len(hits))
    return Finding(spec.slug, status, reason, _dedupe(evidence)), rank


def _dedupe(evidence: Iterable[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for item in evidence:
        key = (item.goal, item.section, item.quote)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _judge_terms(contract: ContractInput, spec: RequirementSpec) -> Finding:
    restates = _Restatement(spec.text)
    best = Finding(spec.slug, MISSING, "Ingen af kontraktens mål omtaler det, kravet beder om.")
    best_rank: tuple = (0, 0, 0)
    for goal in contract.goals:
        finding, rank = _judge_goal(goal, spec, restates)
        if rank > best_rank:
            best, best_rank = finding, rank
    return best


def _judge_stop_doing(contract: ContractInput, spec: RequirementSpec) -> Finding:
    items = [i for i in contract.stop_doing if i.strip()]
    if items:
        evidence = [Evidence(None, STOP_DOING, item) for item in items[:5]]
        return Finding(spec.slug, MET, f"Kontrakten foreslår {len(items)} ting at holde op med.", evidence)
    restates = _Restatement(spec.text)
    terms = _terms(spec.judged_by, "terms")
    hits = [(g, h) for g in contract.goals for h in _goal_hits(g, terms, None, restates)]
    if hits:
        evidence = [Evidence(g.number, h.section, h.sentence) for g, h in hits[:3]]
        return Finding(
            spec.slug, PARTIAL, "Holde op med nævnes i målene, men uden en samlet liste af forslag.", evidence
        )
    return Finding(spec.slug, MISSING, "Kontrakten foreslår ikke noget at holde op med.")


def _judge_shared(
    contract: ContractInput, spec: RequirementSpec, partners: dict[int, list[str]] | None, index
) -> Finding:
    from roedtraad.core.rules.shared import detect_partners

    terms = _terms(spec.judged_by, "responsibility_terms")
    best = Finding(spec.slug, MISSING, "Kontrakten har ingen fælles mål.")
    for goal in contract.goals:
        named = (partners or {}).get(goal.number) or detect_partners(goal, index, contract.holder)
        if not named:
            continue
        hits = _goal_hits(goal, terms, None, _Restatement(spec.text))
        hits += [_Hit("partner_rolle", f"{p}: {r}") for p, r in goal.partner_roles.items() if r.strip()]
        where = f"Mål {goal.number} «{goal.title}» er fælles med {', '.join(named)}"
        first = Evidence(goal.number, TITLE, goal.title)
        if hits:
            quote = Evidence(goal.number, hits[0].section, hits[0].sentence)
            return Finding(spec.slug, MET, f"{where}, og ansvar er angivet.", [first, quote])
        best = Finding(spec.slug, PARTIAL, f"{where}, men ansvar og roller er ikke angivet.", [first])
    return best


def evaluate(
    contract: ContractInput,
    requirements: Iterable[RequirementSpec],
    partners: dict[int, list[str]] | None = None,
    units: Mapping[str, Iterable[str]] | None = None,
) -> list[Finding]:
    """One finding per requirement. `partners` (goal number → partner names) overrides the
    shared-goal recognition when the caller already knows them; `units` (known org units →
    aliases) lets it recognise partners named only in passing ("i samarbejde med X")."""
    from roedtraad.core.rules.shared import UnitIndex

    index = units if isinstance(units, UnitIndex) or units is None else UnitIndex(units)
    findings = []
    for spec in requirements:
        kind = spec.judged_by.get("evaluator", "terms")
        if kind == "stop_doing":
            findings.append(_judge_stop_doing(contract, spec))
        elif kind == "shared_goal":
            findings.append(_judge_shared(contract, spec, partners, index))
        else:
            findings.append(_judge_terms(contract, spec))
    return findings
