"""Hashtag Diplomacy: a bilingual classroom role-play game of digital diplomacy."""

__version__ = "0.1.0"
