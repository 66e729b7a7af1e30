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
from roedtraad.core.rules.text import Term, Text, any_term_pattern, find_terms, has_number, sentences, stems

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

    def __call__(self, sentence: Text) -> bool:
        own = sentence.stems
        if not own or not self.stems:
            return False
        return len(own & self.stems) / len(own) >= 0.7 and len(own) >= 4


class _GoalText:
    """A goal with its title, sections and their sentences as `Text`s, made once per contract
    for all requirements."""

    def __init__(self, goal: GoalInput):
        self.goal = goal
        self.title = Text(goal.title)
        self.sections = {
            key: (Text(text), [(s, Text(s)) for s in sentences(text)]) for key, text in goal.sections.items()
        }

    def sentences(self, key: str) -> list[tuple[str, Text]]:
        return self.sections[key][1] if key in self.sections else []


def _goal_hits(view: _GoalText, terms: list[Term], keys: Sequence[str] | None, restates: _Restatement) -> list[_Hit]:
    hits = []
    anyterm = any_term_pattern(tuple(terms))
    for key, (whole, sents) in view.sections.items():
        if keys and key not in keys:
            continue
        if not anyterm.search(whole):
            continue
        for sentence, text in sents:
            if anyterm.search(text) and not restates(text):
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


def _activity_evidence(view: _GoalText, rule: dict[str, Any], terms: list[Term]) -> Evidence | None:
    """The activity that best shows how the goal is reached: one naming the subject if any."""
    found = [
        (key, sentence, text)
        for key in rule.get("activity_sections") or ACTIVITY_SECTIONS
        for sentence, text in view.sentences(key)
        if len(sentence) > 25
    ]
    if not found:
        return None
    key, sentence, _ = next((f for f in found if find_terms(terms, f[2])), found[0])
    return Evidence(view.goal.number, key, sentence)


def _judge_goal(view: _GoalText, spec: RequirementSpec, restates: _Restatement) -> tuple[Finding, tuple]:
    """The requirement judged on one goal alone, and a rank (better goals rank higher)."""
    rule, goal = spec.judged_by, view.goal
    terms = _terms(rule, "terms")
    in_title = bool(find_terms(terms, view.title))
    hits = _goal_hits(view, terms, rule.get("sections"), restates)
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
        also = _goal_hits(view, _terms(rule, "also_terms"), None, restates)
        evidence += [Evidence(goal.number, also[0].section, also[0].sentence)] if also else []
        lacks += [] if also else ["uden " + " / ".join(rule["also_terms"])]
    if rule.get("needs_number"):
        found = _number_evidence(goal, hits, rule)
        evidence += [found] if found else []
        lacks += [] if found else ["intet måltal"]
    if rule.get("needs_activities"):
        found = _activity_evidence(view, rule, terms) if (in_title or len(hits) > 1) else None
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


def _judge_terms(views: list[_GoalText], spec: RequirementSpec) -> Finding:
    restates = _Restatement(spec.text)
    best = Finding(spec.slug, MISSING, "Ingen af kontraktens mål omtaler det, kravet beder om.")
    best_rank: tuple = (0, 0, 0)
    for view in views:
        finding, rank = _judge_goal(view, spec, restates)
        if rank > best_rank:
            best, best_rank = finding, rank
    return best


def _judge_stop_doing(contract: ContractInput, views: list[_GoalText], spec: RequirementSpec) -> Finding:
    items = [i for i in contract.stop_doing if i.strip()]
    if items:
        evidence = [Evidence(None, STOP_DOING, item) for item in items[:5]]
        return Finding(spec.slug, MET, f"Kontrakten foreslår {len(items)} ting at holde op med.", evidence)
    restates = _Restatement(spec.text)
    terms = _terms(spec.judged_by, "terms")
    hits = [(v.goal, h) for v in views for h in _goal_hits(v, terms, None, restates)]
    if hits:
        evidence = [Evidence(g.number, h.section, h.sentence) for g, h in hits[:3]]
        return Finding(
            spec.slug, PARTIAL, "Holde op med nævnes i målene, men uden en samlet liste af forslag.", evidence
        )
    return Finding(spec.slug, MISSING, "Kontrakten foreslår ikke noget at holde op med.")


def _judge_shared(
    contract: ContractInput, views: list[_GoalText], spec: RequirementSpec, partners: dict[int, list[str]] | None, index
) -> Finding:
    from roedtraad.core.rules.shared import detect_partners

    terms = _terms(spec.judged_by, "responsibility_terms")
    best = Finding(spec.slug, MISSING, "Kontrakten har ingen fælles mål.")
    restates = _Restatement(spec.text)
    for view in views:
        goal = view.goal
        named = (partners or {}).get(goal.number) or detect_partners(goal, index, contract.holder)
        if not named:
            continue
        hits = _goal_hits(view, terms, None, restates)
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
    findings, views = [], [_GoalText(g) for g in contract.goals]
    for spec in requirements:
        kind = spec.judged_by.get("evaluator", "terms")
        if kind == "stop_doing":
            findings.append(_judge_stop_doing(contract, views, spec))
        elif kind == "shared_goal":
            findings.append(_judge_shared(contract, views, spec, partners, index))
        else:
            findings.append(_judge_terms(views, spec))
    return findings


def goal_topics(contract: ContractInput, requirements: Iterable[RequirementSpec]) -> dict[int, list[str]]:
    """Per goal number, the topic requirements (judged by terms) that goal works on by itself,
    met or in part, in the requirements' order: what the overlap list groups by."""
    # A goal is on the topic when it names it, with or without what "met" also asks for
    # ("ledelsesgrundlag" alone is a goal on leadership development).
    specs = [
        RequirementSpec(s.slug, s.text, {"terms": [*s.judged_by.get("terms", []), *s.judged_by.get("also_terms", [])]})
        for s in requirements
        if s.judged_by.get("evaluator", "terms") == "terms"
    ]
    restates = [_Restatement(spec.text) for spec in specs]
    topics: dict[int, list[str]] = {}
    for view in (_GoalText(g) for g in contract.goals):
        for spec, restate in zip(specs, restates, strict=True):
            finding, _rank = _judge_goal(view, spec, restate)
            if finding.status != MISSING:
                topics.setdefault(view.goal.number, []).append(spec.slug)
    return topics
