"""Headless playthroughs with scripted strategies: the balance simulator."""
