"""The game's screens, one scene per state; opened by name through ``registry``."""
