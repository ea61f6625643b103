"""What students wrote: their posts' words in the student report (JSON and HTML, escaped)
and the class summary (own posts by student); reports made before posts were listed still
summarise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game import i18n
from game.content.model import Scenario
from game.engine.actions import PostMessage
from game.engine.game import Game
from game.engine.vocabulary import Channel, Tone
from game.reports.classroom import draft_posts, own_posts, read_folder
from game.reports.content import build_report
from game.reports.files import write_report
from game.reports.html import page
from game.reports.summary_html import own_posts_part
from game.reports.summary_html import page as summary_page
from tests.reports.conftest import GENERATED

HOSTILE = "Vérifiez <script>alert(1)</script> & « sources » !"


def played(s: Scenario, words: str) -> Game:
    """A game whose first turn posts once in the student's own words, once with a draft."""
    game = Game(s, 3)
    game.start()
    game.open_desk()
    audience = s.audiences[0].id
    game.act(PostMessage(Channel.MICROBLOG, audience, Tone.FACTUAL, s.topics[0].id, "fr",
                         "own", words))
    game.act(PostMessage(Channel.MICROBLOG, audience, Tone.EMPATHETIC, s.topics[0].id, "en"))
    game.pass_turn()
    game.resolve()
    return game


def report(classroom: Scenario, name: str, words: str = HOSTILE) -> dict[str, Any]:
    return build_report(played(classroom, words), None, {"name": name, "class": "2nde B"},
                        generated=GENERATED)


def test_the_report_lists_each_post_with_its_words(classroom: Scenario) -> None:
    i18n.set_language("en")
    data = report(classroom, "Léa")
    own, draft = data["posts"]
    assert own["text"] == HOSTILE and own["own"] is True and own["language"] == "fr"
    assert own["turn"] == 1 and own["tone"] == "Factual"
    assert draft["own"] is False and draft["text"].startswith("The summit — ")
    html = page(data)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html
    assert '<blockquote lang="fr">' in html and "your own words" in html
    assert "1 of your posts is in your own words." in html


def test_the_class_summary_lists_what_each_student_wrote(tmp_path: Path,
                                                         classroom: Scenario) -> None:
    i18n.set_language("fr")
    folder = tmp_path / "class"
    folder.mkdir()
    write_report(report(classroom, "Zoé", "Notre équipe est sur place\u202f!"), folder)
    write_report(report(classroom, "Adam"), folder)
    data = read_folder(folder)
    assert len(data.reports) == 2 and not data.skipped
    reports = [r for _path, r in data.reports]
    posts = own_posts(reports)
    assert {p["name"] for p in posts} == {"Zoé", "Adam"} and draft_posts(reports) == 2
    html = summary_page(data, GENERATED)
    assert "Ce que les élèves ont écrit" in html and "Notre équipe est sur place" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.index(">Adam<") < html.index(">Zoé<"), "sorted as a class list"
    assert "2\u00a0publications ont repris un brouillon du scénario." in html


def test_hostile_or_old_posts_in_a_class_file_are_cleaned_or_left_out() -> None:
    base = {"player": {"name": "Ana", "class": "B"}}
    old = dict(base)  # made before posts were listed
    assert own_posts([old]) == [] and own_posts_part([old]) == ""
    bad = {**base, "posts": [
        {"turn": 1, "text": "a\u202e\nb" + "x" * 1000, "own": True, "language": "fr"},
        {"turn": "1", "text": "wrong turn", "own": True, "language": "fr"},
        {"turn": 1, "text": 5, "own": True, "language": "fr"},
        "not a post",
        {"turn": 2, "text": "a draft", "own": False, "language": "en"}]}
    posts = own_posts([bad])
    assert len(posts) == 1 and posts[0]["text"].startswith("a b") and len(posts[0]["text"]) == 280
    assert draft_posts([bad]) == 1
    json.dumps(posts)
