"""The pygame window: app loop, one scene per turn phase, widgets, theme, and the test pilot."""
