"""What every scene shares: building widgets by id, the focus ring, dialogs, deferred actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel

from game.content.controls import drawable
from game.ui.focus import Focusable, FocusRing
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.modal import Modal
from game.ui.widgets.textlayout import ellipsize

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.vocabulary import Phase
    from game.ui.session import Session
    from game.ui.settings import Settings
    from game.ui.theme import Theme

DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


# pygame_gui measures label text a few pixels wider than pygame.font does.
LABEL_MARGIN = 12


def first_fitting(theme: Theme, texts: list[str], width: int, role: str = "body",
                  bold: bool = False) -> str:
    """The first of *texts* that fits *width* (longest first, shortest last)."""
    for text in texts:
        if theme.text_width(text, role, bold) <= width - LABEL_MARGIN:
            return text
    return texts[-1]


class SceneHost(Protocol):
    """What a scene needs of the window that shows it (``game.ui.app.App`` is one): scenes
    depend on this, not on the app, so the app can import scenes without a circle."""

    session: Session
    settings: Settings
    theme: Theme
    ui: Any
    size: tuple[int, int]
    scene: Scene
    inputs: int
    frame_count: int

    def show(self, scene: Scene) -> None: ...
    def push(self, scene: Scene) -> None: ...
    def pop(self) -> None: ...
    def enter_game(self) -> None: ...
    def autosave(self) -> None: ...
    def notify(self, text: str, seconds: float | None = None) -> None: ...
    def busy(self) -> None: ...
    def quit(self) -> None: ...
    def clear_ui(self) -> None: ...
    def release_dead_widgets(self) -> None: ...
    def set_language(self, lang: str) -> None: ...
    def apply_settings(self, new: Settings) -> None: ...
    def show_help(self, scene: Scene) -> None: ...
    def reload_scenario(self, scene: Scene) -> None: ...


class Scene:
    """A screen.  ``build()`` creates its widgets; anything that must survive a rebuild
    (language, text size, window size change) lives in plain attributes, not widgets."""

    name: ClassVar[str] = "scene"
    phase: ClassVar[Phase | None] = None  # the turn-machine state this scene shows
    default_focus: str | None = None

    def __init__(self, app: SceneHost) -> None:
        self.app = app
        self.focus = FocusRing()
        self.modal: Modal | None = None
        self._modal_builder: Callable[[], None] | None = None
        self.widgets: dict[str, Any] = {}
        self.canvases: list[Canvas] = []
        self._presses: dict[int, Callable[[], None]] = {}
        self._later: list[Callable[[], None]] = []

    # -- shortcuts ------------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        return self.app.theme

    @property
    def ui(self) -> Any:
        return self.app.ui

    @property
    def game(self) -> Game:
        game = self.app.session.game
        assert game is not None, "this scene needs a game in progress"
        return game

    @property
    def screen_rect(self) -> pygame.Rect:
        return pygame.Rect((0, 0), self.app.size)

    # -- life cycle -----------------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def rebuild(self) -> None:
        """Throw the widgets away and build them again (the scene's own state is kept)."""
        keep = self.focus.current_id
        keep_modal = self.modal.focus.current_id if self.modal else None
        builder = self._modal_builder
        self.app.clear_ui()
        self.modal = None
        self._modal_builder = None
        self.widgets.clear()
        self.canvases.clear()
        self._presses.clear()
        self.focus.clear()
        self.build()
        if not self.focus.focus(keep) and not self.focus.focus(self.default_focus):
            self.focus.focus_first()
        if builder is not None:
            builder()
            self._modal_builder = builder
            if self.modal is not None and keep_modal is not None:
                self.modal.focus.focus(keep_modal)

    def leave(self) -> None:
        """Called when another scene replaces this one."""

    def update(self, dt: float) -> None:
        """Per-frame work (timers, animations)."""

    def animating(self) -> bool:
        """True while something moves on its own and needs full-speed frames."""
        return False

    def later(self, action: Callable[[], None]) -> None:
        """Run *action* after this frame's events (never while pygame_gui walks its sprites)."""
        self._later.append(action)

    def run_later(self) -> None:
        actions, self._later = self._later, []
        for action in actions:
            action()

    # -- building blocks ------------------------------------------------------------------

    @property
    def ring(self) -> FocusRing:
        return self.modal.focus if self.modal is not None else self.focus

    @property
    def layer(self) -> int:
        return self.modal.layer if self.modal is not None else 1

    def _own(self, ident: str, element: Any) -> Any:
        self.widgets[ident] = element
        if self.modal is not None:
            self.modal.elements.append(element)
            # Above the dialog's panel whatever the element type's own starting height.
            element.change_layer(self.modal.panel.get_top_layer() + 1)
        return element

    def button(self, ident: str, text: str, rect: pygame.Rect,
               on_press: Callable[[], None] | None, *, primary: bool = False,
               group: str | None = None, enabled: bool = True, object_id: str | None = None,
               keys: Callable[[int, int], bool] | None = None, focusable: bool = True,
               tooltip: str | None = None) -> UIButton:
        oid = object_id or ("#primary" if primary else None)
        text = drawable(text)  # pygame_gui draws it: no NUL may reach pygame
        element = UIButton(rect, text, self.ui, starting_height=self.layer,
                           object_id=pygame_gui.core.ObjectID(object_id=oid, class_id=None)
                           if oid else None, tool_tip_text=drawable(tooltip) if tooltip else None)
        # pygame_gui goes on to draw the hovered, selected and active looks over the next
        # frames, text included, shown or not (~3/4 of a button's cost; most buttons are
        # rebuilt before any is hovered): each is drawn when first shown instead, as
        # pygame_gui already does for the disabled look.
        element.drawable_shape.states_to_redraw_queue.clear()
        if not enabled:
            element.disable()
        self._own(ident, element)
        if on_press is not None:
            self._presses[id(element)] = on_press
        if focusable:
            self.ring.add(Focusable(ident, element, self._activator(element), group, keys))
        return element

    def _activator(self, element: Any) -> Callable[[], None]:
        def activate() -> None:
            if element.is_enabled and id(element) in self._presses:
                self.later(self._presses[id(element)])
        return activate

    def label(self, ident: str, text: str, rect: pygame.Rect, *, style: str | None = None,
              role: str = "body", bold: bool = False) -> UILabel:
        """A one-line label; text too long for its rectangle is cut with an ellipsis."""
        text = drawable(text)  # pygame_gui draws it: no NUL may reach pygame
        fitted = ellipsize(text, self.theme.font(role, bold), max(10, rect.width - LABEL_MARGIN))
        element = UILabel(rect, fitted, self.ui,
                          object_id=pygame_gui.core.ObjectID(object_id=style, class_id=None)
                          if style else None)
        element.full_text = text
        return self._own(ident, element)

    def canvas(self, ident: str, element: Canvas, *, group: str | None = None,
               activate: Callable[[], None] | None = None) -> Any:
        self._own(ident, element)
        self.canvases.append(element)
        if activate is None and hasattr(element, "activate"):
            activate = element.activate  # lists: Enter activates the selected item
        if element.focusable or hasattr(element, "items"):
            self.ring.add(Focusable(ident, element, activate, group, element.handle_key))
        return element

    # -- dialogs --------------------------------------------------------------------------

    def open_modal(self, ident: str, size: tuple[int, int], builder: Callable[[], None],
                   on_close: Callable[[], None] | None = None,
                   focus: str | None = None) -> Modal:
        """Open a dialog; *builder* fills it (and runs again if the scene is rebuilt)."""
        self.close_modal(notify=False)

        def build() -> None:
            width = min(size[0], self.app.size[0] - 2 * self.theme.pad)
            height = min(size[1], self.app.size[1] - 2 * self.theme.pad)
            rect = pygame.Rect(0, 0, width, height)
            rect.center = self.screen_rect.center
            self.modal = Modal(ident, self.ui, self.theme, self.screen_rect, rect, on_close)
            builder()
            if not self.modal.focus.focus(focus):
                self.modal.focus.focus_first()

        self._modal_builder = build
        build()
        assert self.modal is not None
        return self.modal

    def close_modal(self, notify: bool = True) -> None:
        modal, self.modal = self.modal, None
        self._modal_builder = None
        if modal is None:
            return
        for ident in [k for k, v in self.widgets.items() if v in modal.elements]:
            del self.widgets[ident]
        self.canvases = [c for c in self.canvases if c not in modal.elements]
        modal.kill()
        if notify and modal.on_close is not None:
            modal.on_close()

    # -- input ----------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Keys go to the focus ring first; returns True if the event was used here."""
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_F5:
            return self.on_reload()
        if self.ring.handle_key(event.key, event.mod):
            return True
        if event.key == pygame.K_ESCAPE:
            if self.modal is not None:
                self.close_modal()
            else:
                self.on_escape()
            return True
        if event.key in DIGIT_KEYS:
            n = DIGIT_KEYS[event.key]
            return self._modal_number(n) if self.modal is not None else self.on_number(n)
        if event.key == pygame.K_F1 and self.modal is None:
            self.show_help()
            return True
        return False

    def show_help(self) -> None:
        self.app.show_help(self)

    def on_button(self, element: Any) -> None:
        """pygame_gui reported a click on *element*: focus follows the mouse, then act.
        A button that takes no focus may name the one that does (a selector's arrows)."""
        if self.modal is not None and element not in self.modal.elements:
            return
        self.ring.focus_element(getattr(element, "focus_target", element))
        action = self._presses.get(id(element))
        if action is not None:
            self.later(action)

    def on_mouse_down(self, pos: tuple[int, int]) -> None:
        """A left click on one of our canvases (a list, a text, a field) moves the keyboard
        focus to it, as a click on a button does; pygame_gui tells only of buttons."""
        for item in self.ring.items:
            element = item.element
            if isinstance(element, Canvas) and item.reachable and element.hover_point(*pos):
                self.ring.focus_element(element)
                return

    def _modal_number(self, n: int) -> bool:
        """Number keys in a dialog pick the n-th item of its list (crisis answers)."""
        assert self.modal is not None
        for item in self.modal.focus.items:
            if hasattr(item.element, "items"):
                self.modal.focus.focus(item.id)
                return bool(item.element.activate(n - 1))
        return False

    def on_escape(self) -> None:
        """Escape with no dialog open: go back (scenes decide where)."""

    def on_reload(self) -> bool:
        """F5: read the scenario file again, on the screens of a game in progress."""
        if self.phase is None or self.app.session.game is None:
            return False
        self.later(lambda: self.app.reload_scenario(self))
        return True

    def on_number(self, n: int) -> bool:
        return False

    # -- reading the screen (pilot, status file) ----------------------------------------

    def texts(self) -> list[str]:
        out: list[str] = []
        for element in self.widgets.values():
            if not element.alive() or not element.visible:
                continue
            if isinstance(element, Canvas):
                out.extend(element.texts())
            elif isinstance(element, UILabel | UIButton):
                out.append(getattr(element, "full_text", element.text))
        return out
