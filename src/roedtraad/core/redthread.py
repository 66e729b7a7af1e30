"""The red thread of a year (DUS track 1, "from policy to effect for the citizen"): which goals
serve which policy, DUS track, focus area and budget change, what no goal serves, and which
goals refer to nothing. Plain values in, plain dicts out (the JSON of `roedtraad redthread`).

A goal that serves a focus area also serves the focus area's track.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GoalRef:
    holder: str
    number: int
    title: str

    def as_json(self) -> dict:
        return {"holder": self.holder, "number": self.number, "title": self.title}


@dataclass(frozen=True)
class FocusAreaRef:
    key: int
    name: str
    track: int | None  # the key of its DUS track


@dataclass
class GoalLinks:
    goal: GoalRef
    policies: set[int] = field(default_factory=set)
    tracks: set[int] = field(default_factory=set)
    focus_areas: set[int] = field(default_factory=set)
    budget_changes: set[int] = field(default_factory=set)

    @property
    def refers_to_nothing(self) -> bool:
        return not (self.policies or self.tracks or self.focus_areas or self.budget_changes)


@dataclass
class YearThread:
    policies: Sequence[tuple[int, str, Sequence[str]]]  # (key, name, its strategy tracks)
    tracks: Sequence[tuple[int, str]]
    focus_areas: Sequence[FocusAreaRef]
    budget_changes: Sequence[tuple[int, str]]
    goals: Sequence[GoalLinks]


def _served(goals: Sequence[GoalLinks], attribute: str, key: int) -> list[dict]:
    return [g.goal.as_json() for g in goals if key in getattr(g, attribute)]


def tracks_served(tracks: Iterable[int], tracks_of_focus_areas: Iterable[int | None]) -> set[int]:
    """The DUS tracks a goal serves: those it names, and those of the focus areas it names."""
    return set(tracks) | {track for track in tracks_of_focus_areas if track is not None}


def _with_tracks_of_focus_areas(year: YearThread) -> list[GoalLinks]:
    track_of = {area.key: area.track for area in year.focus_areas}
    return [
        GoalLinks(
            g.goal,
            set(g.policies),
            tracks_served(g.tracks, (track_of.get(a) for a in g.focus_areas)),
            set(g.focus_areas),
            set(g.budget_changes),
        )
        for g in year.goals
    ]


def unserved(year: YearThread) -> dict[str, list[int]]:
    """The keys of the policies, DUS tracks and focus areas that no goal serves (a goal on a
    focus area serves its track too), in the year's order."""
    goals = _with_tracks_of_focus_areas(year)
    served = {name: set().union(*(getattr(g, name) for g in goals)) for name in ("policies", "tracks", "focus_areas")}
    return {
        "policies": [key for key, _, _ in year.policies if key not in served["policies"]],
        "tracks": [key for key, _ in year.tracks if key not in served["tracks"]],
        "focus_areas": [a.key for a in year.focus_areas if a.key not in served["focus_areas"]],
    }


def red_thread(year: YearThread) -> dict:
    goals = _with_tracks_of_focus_areas(year)
    missing = unserved(year)
    policies = [
        {"name": name, "tracks": list(tracks), "goals": _served(goals, "policies", key)}
        for key, name, tracks in year.policies
    ]
    areas_of = {key: [a for a in year.focus_areas if a.track == key] for key, _ in year.tracks}
    tracks = [
        {"name": name, "focus_areas": [a.name for a in areas_of[key]], "goals": _served(goals, "tracks", key)}
        for key, name in year.tracks
    ]
    budget = [{"name": name, "goals": _served(goals, "budget_changes", key)} for key, name in year.budget_changes]
    return {
        "policies": policies,
        "tracks": tracks,
        "budget_changes": budget,
        "unserved": {
            "policies": [name for key, name, _ in year.policies if key in missing["policies"]],
            "tracks": [name for key, name in year.tracks if key in missing["tracks"]],
            "focus_areas": [a.name for a in year.focus_areas if a.key in missing["focus_areas"]],
        },
        "goals_without_reference": [g.goal.as_json() for g in year.goals if g.refers_to_nothing],
    }
