"""Hashtag Diplomacy: start the game, or run an instructor's command (see --help)."""

import gc
import sys

# Starting allocates much and frees little: no collection before the title's first frame
# (~5 ms of CPU).  game.cli turns collections back on for the instructor's commands, the
# window after its first frame (game/ui/app.py).
gc.disable()

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
