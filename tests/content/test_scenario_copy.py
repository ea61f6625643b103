"""A scenario copied with other parts answers its lookups from them, not from the
original's cached lookups (a copy with a topic's drafts removed kept offering them once
the original had been looked up)."""

from __future__ import annotations

from game.content.loader import load_scenario
from game.paths import SCENARIOS_DIR


def test_a_copy_looks_up_its_own_parts() -> None:
    s = load_scenario(SCENARIOS_DIR / "tutorial.yaml").scenario
    assert s is not None
    topic = s.topics[0]
    assert s.topic_by_id[topic.id].drafts  # the original's lookup, cached now
    bare = topic.model_copy(update={"drafts": []})
    copy = s.model_copy(update={"topics": [bare]})
    assert copy.topic_by_id == {topic.id: bare}
    assert s.topic_by_id[topic.id] is topic  # the original is untouched
    assert copy.narrative_by_id == s.narrative_by_id  # other lookups agree, made anew
