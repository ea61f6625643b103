"""``python -m game``: the same as the ``hashtag-diplomacy`` command and ``python main.py``."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
