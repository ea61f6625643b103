"""Which scene shows which turn phase; scenes are imported when first needed (fast start)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.vocabulary import Phase

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scenes.base import Scene


def first_scene(app: App, ask_language: bool) -> Scene:
    """The language choice on the very first start, the title screen afterwards."""
    if ask_language:
        from game.ui.scenes.language import LanguageScene

        return LanguageScene(app)
    from game.ui.scenes.title import TitleScene

    return TitleScene(app)


def scene_for_phase(app: App, phase: Phase) -> Scene:
    """One scene per state of the turn machine."""
    if phase is Phase.BRIEFING and app.session.questions_due():
        from game.ui.scenes.questions import QuestionsScene

        return QuestionsScene(app, "pre")  # the ratings come before anything is seen
    if phase is Phase.BRIEFING:
        from game.ui.scenes.briefing import BriefingScene

        return BriefingScene(app)
    if phase is Phase.FEED:
        from game.ui.scenes.feed import FeedScene

        return FeedScene(app)
    if phase is Phase.DECIDE:
        from game.ui.scenes.decide import DecideScene

        return DecideScene(app)
    if phase is Phase.RESOLVE:
        from game.ui.scenes.resolve import ResolveScene

        return ResolveScene(app)
    from game.ui.scenes.ending import EndingScene

    return EndingScene(app)
