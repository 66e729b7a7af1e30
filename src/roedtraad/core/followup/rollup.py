"""Status of a whole from the statuses of its parts: an area from its units, a goal from its indicators.

Rule for `roll_up` (children are (name, status, weight); the weight is e.g. the headcount):
  * Children that are `no_data` or `stale` do not count (stale figures are named in the reason).
    No child left → `no_data`.
  * Weights are used when every counted child has a positive weight; otherwise every counted
    child weighs 1 (a mix of weighed and unweighed units cannot be compared).
  * Weighted share of `off_track` >= 1/3 → `off_track`.
  * Else any `off_track` child, or a weighted share of `at_risk`-or-worse >= 1/3 → `at_risk`.
  * Else `on_track` (a few `at_risk` children under a third are still named in the reason).

`contract_status` rolls a contract up from its goals in the same way, each goal weighing the same.

`goal_status` takes the worse of the indicators' roll-up and the colour of the latest follow-up
entry (green → on_track, amber → at_risk, red → off_track); missing information on one side
leaves the other to decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from .forecast import STALE
from .status import AT_RISK, NO_DATA, OFF_TRACK, ON_TRACK

SHARE = 1 / 3
RAG = {"green": ON_TRACK, "amber": AT_RISK, "red": OFF_TRACK}
_RAG_DA = {"green": "grøn", "amber": "gul", "red": "rød"}
_RANK = {ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2}
_KNOWN = {ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, STALE}
_EPS = 1e-9


@dataclass(frozen=True)
class Rolled:
    status: str
    reason: str  # Danish: what decided the status


def roll_up(children: list[tuple[str, str, float | None]]) -> Rolled:
    """Status of a unit from its child units' statuses (see the module docstring)."""
    return _roll(children, "enhed", "enheder", "Ingen underliggende enheder.")


def contract_status(goals: list[tuple[str, str]]) -> Rolled:
    """Status of a contract from its goals' statuses ((name, status), each goal weighing the same)."""
    return _roll([(name, status, None) for name, status in goals], "mål", "mål", "Kontrakten har ingen mål.")


def goal_status(indicator_statuses: list[str], latest_entry_rag: str | None) -> Rolled:
    """Status of a goal: the worse of its indicators and the latest follow-up entry's colour."""
    named: list[tuple[str, str, float | None]] = [
        (f"indikator {i}", status, None) for i, status in enumerate(indicator_statuses, 1)
    ]
    indicators = _roll(named, "indikator", "indikatorer", "Målet har ingen indikatorer.")
    if latest_entry_rag is None:
        return indicators
    if latest_entry_rag not in RAG:
        raise ValueError(f"unknown colour {latest_entry_rag!r}; expected green, amber or red")
    entry = RAG[latest_entry_rag]
    colour = _RAG_DA[latest_entry_rag]
    if indicators.status == NO_DATA:
        return Rolled(entry, f"Seneste opfølgning er vurderet {colour}. {indicators.reason}")
    if _RANK[entry] > _RANK[indicators.status]:
        return Rolled(
            entry, f"Seneste opfølgning er vurderet {colour}, hvilket er værre end indikatorerne. {indicators.reason}"
        )
    if _RANK[entry] < _RANK[indicators.status]:
        return Rolled(
            indicators.status, f"{indicators.reason} Det er værre end seneste opfølgning, der er vurderet {colour}."
        )
    return Rolled(entry, f"{indicators.reason} Seneste opfølgning er også vurderet {colour}.")


def _roll(children: list[tuple[str, str, float | None]], singular: str, plural: str, empty: str) -> Rolled:
    if not children:
        return Rolled(NO_DATA, empty)
    for name, status, _ in children:
        if status not in _KNOWN:
            raise ValueError(f"unknown status {status!r} for {name!r}")
    counted = [(name, status, weight) for name, status, weight in children if status in _RANK]
    stale = [name for name, status, _ in children if status == STALE]
    missing = [name for name, status, _ in children if status == NO_DATA]
    tail = ""
    if stale:
        tail += f" {_count(len(stale), singular, plural)} har forældede tal og tæller ikke med ({', '.join(stale)})."
    if missing:
        tail += f" {_count(len(missing), singular, plural)} har ingen målinger ({', '.join(missing)})."
    if not counted:
        return Rolled(NO_DATA, f"Ingen {plural} har målinger.{tail}")

    weighted = all(weight is not None and weight > 0 for _, _, weight in counted)
    weights = {name: (weight if weighted and weight is not None else 1.0) for name, _, weight in counted}
    total = sum(weights.values())
    off = [name for name, status, _ in counted if status == OFF_TRACK]
    risk = [name for name, status, _ in counted if status == AT_RISK]
    share_off = sum(weights[n] for n in off) / total
    share_bad = share_off + sum(weights[n] for n in risk) / total
    if share_off >= SHARE - _EPS:
        status = OFF_TRACK
    elif off or share_bad >= SHARE - _EPS:
        status = AT_RISK
    else:
        status = ON_TRACK

    n = len(counted)

    def part(names: list[str], what: str) -> str:
        text = f"{len(names)} af {n} {plural} {what} ({', '.join(names)})"
        if weighted:
            text += f", i alt {round(100 * sum(weights[x] for x in names) / total)} % af vægten"
        return text

    parts = []
    if off:
        parts.append(part(off, "er ikke på sporet"))
    if risk:
        if not off and n > len(risk):
            parts.append(f"{n - len(risk)} af {n} {plural} er på sporet")
        parts.append(part(risk, "er i risiko"))
    if not parts:
        parts.append(f"Alle {n} {plural} er på sporet" if n > 1 else f"Den ene {singular} med målinger er på sporet")
    return Rolled(status, "; ".join(parts) + "." + tail)


def _count(k: int, singular: str, plural: str) -> str:
    return f"{k} {singular if k == 1 else plural}"
