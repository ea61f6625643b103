"""Run the real game under Xvfb and drive it with xdotool (real-window test, benchmarks)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.paths import ROOT

TOOLS = ("Xvfb", "xdotool", "import")
WINDOW_CLASS = "hashtag-diplomacy"


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class XSession:
    """An Xvfb display, the game in it, and the game's status file."""

    def __init__(self, workdir: Path, size: tuple[int, int] = (1280, 720)) -> None:
        self.workdir = workdir
        self.size = size
        self.status_path = workdir / "status.json"
        self.xvfb: subprocess.Popen[bytes] | None = None
        self.game: subprocess.Popen[bytes] | None = None
        self.display = ""
        self.window = ""

    # -- processes ----------------------------------------------------------------------

    def start_display(self) -> None:
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0",
             f"{self.size[0]}x{self.size[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER",)}
        env.update(DISPLAY=self.display, HD_TEST_STATUS=str(self.status_path),
                   XDG_CONFIG_HOME=str(self.workdir / "config"),
                   XDG_DATA_HOME=str(self.workdir / "data"), SDL_AUDIODRIVER="dummy")
        return env

    def start_game(self, *args: str) -> None:
        self.game = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT,
                                     env=self.env(), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)

    def find_window(self, timeout: float = 20) -> str:
        """The game's window, found by its X class (SDL's UTF-8 title defeats --name)."""
        done = subprocess.run(["xdotool", "search", "--sync", "--class", WINDOW_CLASS],
                              env=self.env(), capture_output=True, text=True,
                              timeout=timeout, check=True)
        self.window = done.stdout.split()[-1]
        return self.window

    def stop(self) -> None:
        for process in (self.game, self.xvfb):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()

    # -- reading and driving --------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.status_path.read_text("utf-8"))
            return data
        except (OSError, ValueError):
            return {}

    def wait_for(self, test: Callable[[dict[str, Any]], bool], timeout: float = 20) -> \
            dict[str, Any]:
        """Poll the status file until *test* holds (a real process cannot be stepped)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status()
            if status and test(status):
                return status
            if self.game is not None and self.game.poll() is not None:
                raise RuntimeError(f"the game exited: {self.game.stderr.read().decode()}"
                                   if self.game.stderr else "the game exited")
            time.sleep(0.01)
        raise TimeoutError(f"status never matched; last: {self.status().get('scene')}, "
                           f"focus {self.status().get('focused')}")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env(), check=True, timeout=20,
                       capture_output=True)

    def key(self, name: str) -> None:
        """Press a key and wait until the game has handled it."""
        before = self.status().get("inputs", 0)
        self.xdotool("key", name)
        self.wait_for(lambda s: s.get("inputs", 0) > before)

    def click(self, ident: str) -> None:
        """Move the real pointer onto widget *ident* (its rectangle from the status file)."""
        x, y, w, h = self.status()["widgets"][ident]
        before = self.status().get("inputs", 0)
        self.xdotool("mousemove", "--window", self.window, str(x + w // 2), str(y + h // 2))
        self.xdotool("click", "1")
        self.wait_for(lambda s: s.get("inputs", 0) > before)

    def tab_to(self, ident: str, limit: int = 60) -> None:
        for _ in range(limit):
            if self.status().get("focused") == ident:
                return
            self.key("Tab")
        raise AssertionError(f"Tab never reached {ident}")

    def screenshot(self, path: Path) -> Path:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env(), check=True,
                       timeout=30, capture_output=True)
        return path


# -- a student's game, keys and mouse --------------------------------------------------

def play_to_the_debrief(x: XSession) -> None:
    """Mouse for the title, keyboard for the rest: Enter on primary buttons, number keys
    for crisis answers, Tab to reach the rest."""
    x.wait_for(lambda s: s.get("scene") == "title")
    x.click("new_game")
    x.wait_for(lambda s: s.get("scene") in ("briefing", "questions"))
    for _ in range(80):
        status = x.status()
        scene = status["scene"]
        if scene == "debrief":
            return
        if scene == "questions":
            answer_with_keys(x)
        elif scene == "decide":
            decide_with_keys(x)
        elif scene == "ending":
            x.tab_to("debrief")
            x.key("Return")  # the questions after the game, if any, come first
            x.wait_for(lambda s: s.get("scene") in ("debrief", "questions"))
        else:
            x.key("Return")
            x.wait_for(lambda s, was=scene: s.get("scene") != was)
    raise AssertionError("the debrief was never reached")


def answer_with_keys(x: XSession) -> None:
    """The reliability questions before the briefing: Enter starts, a digit rates and
    moves the focus to “Next”, Enter goes on."""
    x.key("Return")
    while x.status().get("scene") == "questions":
        if x.status().get("focused") == "questions_done":  # after the game: the result
            x.key("Return")
            x.wait_for(lambda s: s.get("scene") != "questions")
            break
        x.key("4")
        x.wait_for(lambda s: s.get("focused") == "question_next")
        x.key("Return")


def decide_with_keys(x: XSession) -> None:
    turn = x.status()["turn"]
    if x.status().get("focused") == "tab_crises":
        x.key("Return")  # on the open Crises tab: opens the highlighted crisis
        x.wait_for(lambda s: s.get("modal") == "crisis")
        x.key("1")
        x.wait_for(lambda s: s.get("modal") is None)
    x.tab_to("tab_post")
    x.key("Return")
    x.wait_for(lambda s: "plan_post" in s.get("widgets", {}))
    if "plan_post" not in x.status()["disabled"]:
        planned = x.status()["texts"]
        x.tab_to("plan_post")
        x.key("Return")
        x.wait_for(lambda s, was=planned: s.get("texts") != was)
    x.tab_to("end_turn")
    x.key("Return")
    status = x.wait_for(lambda s: s.get("modal") == "confirm_end" or s.get("scene") != "decide")
    if status.get("modal") == "confirm_end":
        x.tab_to("confirm_end_turn")
        x.key("Return")
    x.wait_for(lambda s: s.get("scene") != "decide" or s.get("turn") != turn)
