"""The rules of the game, in pure Python: no pygame, no I/O beyond saves."""
