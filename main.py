"""Hashtag Diplomacy: start the game, or run an instructor's command (see --help)."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
