"""The window and its loop: events to the scene, scene per turn phase, redraw only when needed."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import threading
import time
import warnings
from pathlib import Path
from typing import Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# X11 window class, so tools (and the real-window test) find the window by class.
os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "hashtag-diplomacy")
# Draw into a plain software framebuffer: otherwise SDL may load the OpenGL driver (Mesa's
# llvmpipe: +60 MB of memory measured under Xvfb) just to show a 2D surface.
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")

import pygame  # noqa: E402

from game.ui.gui_import import import_pygame_gui  # noqa: E402

import_pygame_gui()  # what the title screen uses of it, and no PyYAML (see the module)
import pygame_gui  # noqa: E402
from pygame_gui.core.surface_cache import SurfaceCache  # noqa: E402
from pygame_gui.core.ui_appearance_theme import UIAppearanceTheme  # noqa: E402

from game import collector, i18n  # noqa: E402
from game.ui.memory import release_freed_memory  # noqa: E402
from game.ui.scenes import registry  # noqa: E402
from game.ui.scenes.base import Scene  # noqa: E402
from game.ui.session import Session  # noqa: E402
from game.ui.settings import Settings, load_settings, save_settings  # noqa: E402
from game.ui.shape_store import ShapeStore, store_path  # noqa: E402
from game.ui.status import StatusFile  # noqa: E402
from game.ui.theme import Theme  # noqa: E402

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 720)
MINIMUM_SIZE = (960, 600)
ACTIVE_FPS = 60
IDLE_WAIT = 0.25      # while the player reads: a frame 4 times a second (timers)
IDLE_POLL = 0.03      # and a look at the event queue every 30 ms (the input latency when idle)
BUSY_SECONDS = 0.6    # full frame rate this long after any input
UNSAVED_SECONDS = 10.0  # "the game could not be saved" stays this long (or until clicked)
PREWARM_JOIN_SECONDS = 10.0  # the engine's import takes ~0.2 s: closing waits for it
STALE_KEY_SECONDS = 1.0  # longer than the first repeat's delay (0.4 s here, X11: 0.66 s)
# Keys that act once per press, however long they are held (see App._stale_key).
ONCE_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE,
                       pygame.K_F5, *(getattr(pygame, f"K_{n}") for n in range(10)),
                       *(getattr(pygame, f"K_KP{n}") for n in range(10))})


class GameTheme(UIAppearanceTheme):
    """pygame_gui's theme, without making the shadows of every element it knows when it
    is loaded (~2.5 ms of start-up for its default theme and ours).  pygame_gui makes a
    shadow's corners when a shape with that shadow is first drawn (the same function:
    the same pixels); the game's buttons and panels have none (theme.json)."""

    def _preload_shadow_edges(self) -> None:
        pass


class GameUIManager(pygame_gui.UIManager):
    """pygame_gui's manager, told where the pointer is by the app's events.

    The real mouse and the pilot's simulated one then behave the same (SDL does not move
    its own pointer for posted events)."""

    pointer: tuple[int, int] = (-1, -1)

    def _update_mouse_position(self) -> None:
        self.mouse_position = self.calculate_scaled_mouse_position(self.pointer)

    def create_new_theme(self, theme_path: Any = None) -> UIAppearanceTheme:
        theme = GameTheme(self.resource_loader, self._locale)
        if theme_path is not None:
            theme.load_theme(theme_path)
        return theme


_shape_cache: list[SurfaceCache] = []
_shape_store: list[ShapeStore] = []


def _shared_shape_cache(own: SurfaceCache) -> SurfaceCache:
    """The process's shape cache: the first manager's own (a new one would cost start-up
    an extra 4 MB surface to clear), holding the shapes the last start's first screen
    drew (game/ui/shape_store.py)."""
    if not _shape_cache:
        _shape_cache.append(own)
        store = ShapeStore(store_path())
        store.load_into(own)
        _shape_store.append(store)
    return _shape_cache[0]


def _keep_first_screen_shapes() -> None:
    """Save the first screen's shapes for the next start (once per process)."""
    if _shape_cache and _shape_store:
        _shape_store[0].save_from(_shape_cache[0])


class App:
    """One window, one scene at a time, one game (``session.game``) at most."""

    def __init__(self, args: argparse.Namespace, *, config_dir: Path | None = None,
                 data_dir: Path | None = None) -> None:
        self.args = args
        self.config_dir = config_dir
        self.settings = load_settings(config_dir)
        language = getattr(args, "lang", None) or self.settings.language
        i18n.set_language(i18n.choose_language(language))
        self.session = Session(scenario_arg=getattr(args, "scenario", None),
                               seed_arg=getattr(args, "seed", None), save_dir=data_dir,
                               questions_on=not getattr(args, "no_questions", False))
        self.fullscreen = bool(getattr(args, "fullscreen", False))
        self.windowed_size = DEFAULT_SIZE
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        self.screen = self._open_window()
        self.size = self.screen.get_size()
        self.theme = Theme(self.settings.font_size, self.settings.high_contrast)
        self.ui = self._new_manager()
        self.running = True
        self.frame_count = 0
        self.inputs = 0  # key presses and clicks handled (the status file reports it)
        self._frozen = False
        self._prewarm: threading.Thread | None = None
        self.stack: list[Scene] = []
        self.status = StatusFile.from_env()
        self._busy_until = 0.0
        self._needs_draw = True
        self._notice: str | None = None  # shown once the frame's scene changes are done
        # Keys held down when the screen changed: their repeats belong to the screen they
        # were pressed on, so one press never acts on two screens (key -> when it changed).
        self._held: set[int] = set()
        self._stale: dict[int, float] = {}
        self.scene: Scene = registry.first_scene(self, ask_language=language is None)
        self.scene.rebuild()
        from game.ui.settings import settings_damaged

        if settings_damaged():
            self._notice = i18n._("The settings file is damaged and could not be read: the "
                                  "default settings are used until you change them.")

    # -- window -----------------------------------------------------------------------------

    def _open_window(self) -> pygame.Surface:
        pygame.display.set_caption("Hashtag Diplomacy")
        if self.fullscreen:
            screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            # Older pygame-ce, or no window manager: the window simply has no minimum.
            with contextlib.suppress(AttributeError, pygame.error), warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MINIMUM_SIZE
        return screen

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.size
        self.fullscreen = not self.fullscreen
        self.screen = self._open_window()
        self.on_resize(self.screen.get_size())

    def on_resize(self, size: tuple[int, int]) -> None:
        size = (max(size[0], 320), max(size[1], 240))
        if size == self.size:
            return
        self.size = size
        self.screen = pygame.display.get_surface()
        self.ui.set_window_resolution(size)
        self.scene.rebuild()
        self.busy()

    # -- theme, language, settings ---------------------------------------------------------

    def _new_manager(self) -> GameUIManager:
        manager = GameUIManager(self.size, self.theme.gui_theme(),
                                enable_live_theme_updates=False)
        # Each new manager (another text size or contrast, another App in the same process)
        # would draw every button shape again, supersampled: they share one cache instead.
        # Its keys hold everything a shape looks like (size, colours, borders, corners).
        theme = manager.get_theme()
        theme.shape_cache = _shared_shape_cache(theme.shape_cache)
        return manager

    def clear_ui(self) -> None:
        self.ui.clear_and_reset()
        self.release_dead_widgets()

    def release_dead_widgets(self) -> None:
        """After widgets were killed (a whole screen, or the desk's panel)."""
        # pygame_gui's sprite group keeps the rect of every killed element as a dirty rect
        # and never reads or empties the list: it grew a little at every rebuild.
        self.ui.get_sprite_group().lostsprites.clear()
        if self.frame_count:  # before the first frame no widget has died yet: a collection
            self._collect_garbage()  # would only walk the imports (~10 ms of start-up)

    def _collect_garbage(self) -> None:
        """Dead widgets sit in reference cycles that hold their SDL surfaces: collect them
        when a scene is rebuilt rather than whenever the collector gets round to it (peak
        memory 158 -> see benchmarks/RESULTS.md).  Once the scenarios are loaded, what is
        alive stays alive for the whole session: freezing it makes later collections scan
        only the new objects (~1 ms instead of ~80 ms)."""
        gc.collect()
        if not self._frozen and self.session.entries is not None:
            collector.freeze()
            self._frozen = True

    def apply_settings(self, new: Settings) -> None:
        """Use new settings at once: language, theme and sizes, then rebuild the screen."""
        old, self.settings = self.settings, new.validated()
        save_settings(self.settings, self.config_dir)
        if self.settings.language and self.settings.language != i18n.get_language():
            i18n.set_language(self.settings.language)
        if (old.text_size, old.high_contrast) != (new.text_size, new.high_contrast):
            self.theme = Theme(self.settings.font_size, self.settings.high_contrast)
            pointer = self.ui.pointer
            self.ui = self._new_manager()
            self.ui.pointer = pointer
        self.scene.rebuild()
        self.busy()

    def set_language(self, lang: str) -> None:
        self.apply_settings(Settings(lang, self.settings.text_size, self.settings.high_contrast,
                                     self.settings.turn_timer))

    # -- scenes -----------------------------------------------------------------------------

    def _screen_changed(self) -> None:
        """A key still down now was pressed on the screen just left: ignore its repeats
        (timed from now, once the new screen is built: building it may take a while)."""
        now = time.monotonic()
        self._stale = {key: now for key in self._held}

    def show(self, scene: Scene) -> None:
        """Replace the current scene (and forget any scene waiting under it)."""
        _keep_first_screen_shapes()  # before the next screen's shapes join them
        self.scene.leave()
        self.stack.clear()
        self.scene = scene
        scene.rebuild()
        self._screen_changed()
        self.busy()

    def push(self, scene: Scene) -> None:
        """Show *scene* on top; :meth:`pop` comes back to the current one."""
        _keep_first_screen_shapes()
        self.stack.append(self.scene)
        self.scene = scene
        scene.rebuild()
        self._screen_changed()
        self.busy()

    def pop(self) -> None:
        if not self.stack:
            return
        self.scene.leave()
        self.scene = self.stack.pop()
        self.scene.rebuild()
        self._screen_changed()
        self.follow_game()
        self.busy()

    def follow_game(self) -> None:
        """Show the scene of the turn machine's state when the game changed state."""
        game = self.session.game
        if game is None or self.stack or self.scene.phase is None:
            return
        if self.scene.phase != game.phase:
            self.autosave()
            self.show(registry.scene_for_phase(self, game.phase))

    def enter_game(self) -> None:
        """From a menu scene, show the scene of the game's current phase."""
        game = self.session.game
        if game is not None:
            self.autosave()
            self.show(registry.scene_for_phase(self, game.phase))

    def autosave(self) -> None:
        """Save the game in progress; if the disk refuses, say so on the screen (after this
        frame's scene changes, so the notice lands on the scene the player sees)."""
        problem = self.session.autosave()
        release_freed_memory()
        if problem is not None:
            from game.ui.saving import unsaved_notice

            self._notice = unsaved_notice(problem)

    def notify(self, text: str, seconds: float | None = None) -> None:
        """A short message at the bottom of the current scene that goes away by itself."""
        from game.ui.widgets.notice import NOTICE_SECONDS, Notice

        scene = self.scene
        scene.canvas("notice", Notice(scene.screen_rect, self.ui, self.theme, text, self.busy,
                                      seconds or NOTICE_SECONDS))
        self.busy()

    def busy(self) -> None:
        self._busy_until = time.monotonic() + BUSY_SECONDS
        self._needs_draw = True

    def quit(self) -> None:
        self.session.autosave(final=True)  # closing the window mid-turn loses nothing
        self.running = False

    # F1 and F5 open screens built from the scenes' helpers, which stand on scenes/base.py:
    # the scene asks its host for them, so base imports neither (no import circle).

    def show_help(self, scene: Scene) -> None:
        """The keyboard help, as a dialog of *scene*."""
        from game.ui.scenes.common import help_blocks, message_dialog  # F1 only: not at start

        message_dialog(scene, "help", i18n._("Keyboard"), help_blocks(),
                       [("help_close", i18n._("Close"), scene.close_modal, True)])

    def reload_scenario(self, scene: Scene) -> None:
        """Read the scenario file of the game in progress again (F5, for authors)."""
        from game.ui.reload import reload_game  # F5 is for authors: not loaded at start-up

        reload_game(scene)

    # -- one frame --------------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.ui.pointer = event.pos
        if self._stale_key(event):
            return
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.inputs += 1
        if event.type == pygame.VIDEORESIZE:
            self.on_resize(event.size)
            return
        if event.type == pygame.WINDOWSIZECHANGED:
            self.on_resize(pygame.display.get_surface().get_size())
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if self.scene.handle_event(event):
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.scene.on_mouse_down(event.pos)  # first: what the click does may move it on
        self.ui.process_events(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.scene.on_button(event.ui_element)

    def _stale_key(self, event: pygame.event.Event) -> bool:
        """True for a key repeat that must not act (the event is dropped).

        pygame repeats a key until it sees the key released, so a slow frame (a screen
        being built, a save being read) turns one press of Enter into a burst that would
        act on the next screen or dialog too.  An activation key (Enter, Space, Escape, a
        number) acts once per press: its repeats are dropped.  Any other key (arrows,
        Backspace) repeats on the screen it was pressed on, not on the next one; a repeat
        after a screen change more than STALE_KEY_SECONDS apart counts as a new press.
        Releasing the key, or the window losing the focus, ends it."""
        if event.type == pygame.KEYUP:
            self._held.discard(event.key)
            self._stale.pop(event.key, None)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self._held.clear()
            self._stale.clear()
        elif event.type == pygame.KEYDOWN:
            if event.key in self._held and event.key in ONCE_KEYS:
                return True
            self._held.add(event.key)
            now = time.monotonic()
            since = self._stale.get(event.key)
            if since is not None and now - since < STALE_KEY_SECONDS:
                self._stale[event.key] = now
                return True
            self._stale.pop(event.key, None)
        return False

    def frame(self, events: list[pygame.event.Event], dt: float, draw: bool = True) -> None:
        """Handle *events*, update, and draw if anything may have changed."""
        if events:
            self.busy()
        for event in events:
            self.dispatch(event)
        self.scene.run_later()
        self.follow_game()
        if self._notice is not None:
            self.notify(self._notice, UNSAVED_SECONDS)
            self._notice = None
        self.scene.update(dt)
        animating = self.scene.animating()
        dirty = any(c.dirty_pending for c in self.scene.canvases)
        self.ui.update(dt)
        if animating or dirty:
            self.busy()
        if draw and (self._needs_draw or time.monotonic() < self._busy_until):
            self.draw()
        self.frame_count += 1
        if self.status is not None:
            self.status.update(self)

    def draw(self) -> None:
        self.screen.fill(self.theme.colour("bg"))
        self.ui.draw_ui(self.screen)
        self.scene.ring.draw(self.screen, self.theme)
        pygame.display.flip()
        self._needs_draw = False

    def idle(self) -> bool:
        return time.monotonic() >= self._busy_until and not self.scene.animating()

    def run(self, frames: int | None = None) -> int:
        clock = pygame.time.Clock()
        last = time.monotonic()
        while self.running:
            if frames is None and self.idle():
                events = self._wait_for_events()
            else:
                clock.tick(ACTIVE_FPS)
                events = pygame.event.get()
            now = time.monotonic()
            self.frame(events, min(0.1, now - last))
            last = now
            if self.frame_count == 1:
                gc.enable()  # main.py held collections back until the first frame
                self._prewarm = threading.Thread(target=_prewarm, daemon=True)
                self._prewarm.start()
            if frames is not None and self.frame_count >= frames:
                break
        return 0

    @staticmethod
    def _wait_for_events() -> list[pygame.event.Event]:
        """Sleep until input arrives or IDLE_WAIT passes.  ``pygame.event.wait(timeout)``
        would do this, but SDL polls every millisecond inside it: ~3 % of a core for
        nothing (measured under Xvfb); sleeping between looks costs ~0 %."""
        deadline = time.monotonic() + IDLE_WAIT
        events = pygame.event.get()
        while not events and time.monotonic() < deadline:
            time.sleep(IDLE_POLL)
            events = pygame.event.get()
        return events

    def close(self) -> None:
        if self._prewarm is not None:
            # An interpreter that exits while a thread is importing may abort ("FATAL:
            # exception not rethrown", seen when quitting within ~0.2 s of the title).
            self._prewarm.join(PREWARM_JOIN_SECONDS)
        _keep_first_screen_shapes()
        self.scene.leave()
        if self._frozen:
            collector.unfreeze()  # another app in this process (tests) must not inherit it
        pygame.display.quit()


def _prewarm() -> None:
    """Import the engine while the player reads the title screen (it takes ~0.2 s)."""
    import game.content.loader  # noqa: F401
    import game.engine.game  # noqa: F401


def run(args: argparse.Namespace) -> int:
    """``python main.py``: open the window and play until the player quits."""
    logging.basicConfig(level=os.environ.get("HD_LOG", "WARNING"),
                        format="%(levelname)s %(name)s: %(message)s")
    frames = getattr(args, "frames", None)
    if frames is not None and frames < 0:
        frames = 0
    try:  # building the app reads settings and saves: inside the crash handler too
        app = App(args)
    except pygame.error as exc:
        log.error("cannot open the game window: %s", exc)
        print(i18n._("Cannot open the game window: {error}").format(error=exc))
        return 1
    except Exception:
        report = crash_report()
        print(i18n._("The game stopped because of an error. Details were saved in {path}.")
              .format(path=report))
        with contextlib.suppress(Exception):
            pygame.display.quit()
        return 1
    try:
        return app.run(frames)
    except Exception:  # a bug must not end a class with a traceback on the screen
        report = crash_report()
        print(i18n._("The game stopped because of an error. Details were saved in {path}.")
              .format(path=report))
        return 1
    finally:
        gc.enable()  # also when no frame was drawn (main.py disabled it)
        app.close()


def crash_report() -> Path:
    """Write the current exception's traceback to the data folder; returns the file."""
    import traceback

    from game.paths import user_data_dir

    path = user_data_dir() / "crash.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(time.strftime("\n=== %Y-%m-%d %H:%M:%S ===\n"))
            traceback.print_exc(file=fh)
    except OSError:
        log.exception("the game stopped, and the crash report could not be written")
    return path

