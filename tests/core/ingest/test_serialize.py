"""A draft import keeps the document's order of sections through the database's JSON."""

import json

from roedtraad.core.ingest.model import ParsedDocument, ParsedGoal
from roedtraad.core.ingest.serialize import from_data, to_data


def test_sections_keep_the_documents_order_even_when_the_json_object_is_reordered():
    goal = ParsedGoal(
        number=1, title="Faste teams", sections={"baggrund_formaal": "a", "udviklingsmaal": "b", "aktiviteter": "c"}
    )
    data = to_data(
        ParsedDocument(file="x.txt", kind="kontrakt", layout="sections", holder="H", year=2027, goals=[goal])
    )
    # jsonb orders keys by length: the shortest first.
    goal_data = data["goals"][0]
    goal_data["sections"] = dict(sorted(goal_data["sections"].items(), key=lambda kv: (len(kv[0]), kv[0])))
    restored = from_data(json.loads(json.dumps(data)))
    assert list(restored.goals[0].sections) == ["baggrund_formaal", "udviklingsmaal", "aktiviteter"]
