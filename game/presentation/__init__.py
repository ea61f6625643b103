"""What the player reads, in words and figures, without pygame: labels of the engine's
codes and the view of a game (`labels`, `viewmodel`, `turn_changes`).

Shared by the window (`game.ui`) and the reports (`game.reports`), which must not import
the window.  Its strings belong to the ``ui`` catalog domain, as before the move.
"""
