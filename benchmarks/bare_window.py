"""The start-up baseline: a bare pygame-ce window that opens and draws once.

``python benchmarks/bare_window.py STATUS_FILE`` writes, as JSON, the wall clock time of
its first frame and the CPU time (user + system) the process had used by then: the same
two figures the game writes in its ``HD_TEST_STATUS`` file at its first title frame, so
``ui_startup.py`` compares like with like.  The window gets the game's own SDL settings
(no OpenGL for a 2D surface) and size.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")

import pygame  # noqa: E402


def main(status: str) -> int:
    pygame.display.init()
    screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    screen.fill((24, 32, 48))
    pygame.display.flip()
    pygame.event.get()  # reading input, as the game's first frame does
    first_frame, cpu = time.time(), time.process_time()
    with open(status, "w", encoding="utf-8") as fh:
        json.dump({"first_frame": first_frame, "first_frame_cpu": cpu}, fh)
    pygame.display.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
