"""Widgets the scenes draw with (pygame_gui elements and the game's own canvases)."""
