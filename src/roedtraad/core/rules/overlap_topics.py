"""Overlapping goals grouped by the DUS topic they share.

The DUS asks every contract for the same topics (sick leave, a good reception of new
colleagues, …), so goals on those topics overlap across all holders: as pairs they are noise
("onboarding" in 12 contracts is 66 pairs). A pair whose two goals are both the evidence of
the same topic requirement becomes part of one row per topic; the remaining pairs are the ones
worth a look, described with a similarity band instead of a score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from roedtraad.core.rules.overlap import Overlap

GoalKey = tuple[str, int]  # (holder, goal number)
HIGH_SIMILARITY = 0.5


@dataclass
class TopicGroup:
    slug: str
    goals: set[GoalKey] = field(default_factory=set)
    pairs: int = 0

    @property
    def holders(self) -> list[str]:
        return sorted({holder for holder, _ in self.goals})


@dataclass
class GroupedOverlaps:
    topics: list[TopicGroup]
    pairs: list[Overlap]  # the overlaps outside the DUS topics with something in common, best first
    topic_of: dict[int, str]  # index in the given overlaps → the topic it was grouped under
    unexplained: set[int] = field(default_factory=set)  # indexes of pairs with no distinctive word in common


def band(score: float) -> str:
    """ "high" or "some": a person reads a band, not a cosine."""
    return "high" if score >= HIGH_SIMILARITY else "some"


def _pair_topic(overlap: Overlap, topics_of: Mapping[GoalKey, list[str]]) -> str | None:
    a = topics_of.get((overlap.a.holder, overlap.a.goal), [])
    b = set(topics_of.get((overlap.b.holder, overlap.b.goal), []))
    return next((slug for slug in a if slug in b), None)


def group_overlaps(
    overlaps: Iterable[Overlap], topics_of: Mapping[GoalKey, list[str]], order: list[str]
) -> GroupedOverlaps:
    """`topics_of` gives, per goal, the topic requirements it is evidence of (in the DUS's order);
    pairs already linked as one shared goal are never folded into a topic."""
    groups: dict[str, TopicGroup] = {}
    rest: list[Overlap] = []
    topic_of: dict[int, str] = {}
    unexplained: set[int] = set()
    for index, overlap in enumerate(overlaps):
        slug = None if overlap.shared else _pair_topic(overlap, topics_of)
        if slug is None:
            if overlap.shared or overlap.shared_terms:
                rest.append(overlap)
            else:  # alike only in words every goal uses: nothing a person could act on
                unexplained.add(index)
            continue
        group = groups.setdefault(slug, TopicGroup(slug))
        group.goals |= {(overlap.a.holder, overlap.a.goal), (overlap.b.holder, overlap.b.goal)}
        group.pairs += 1
        topic_of[index] = slug
    for key, slugs in topics_of.items():  # every goal on a grouped topic, not only those in pairs
        for slug in slugs:
            if slug in groups:
                groups[slug].goals.add(key)
    ranked = sorted(groups.values(), key=lambda g: order.index(g.slug) if g.slug in order else len(order))
    return GroupedOverlaps(ranked, rest, topic_of, unexplained)
