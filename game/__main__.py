"""``python -m game``: the same as the ``hashtag-diplomacy`` command and ``python main.py``."""

import gc
import sys

gc.disable()  # until the first frame, as in main.py (game.cli and game/ui/app.py enable it)

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
