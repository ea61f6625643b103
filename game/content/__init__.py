"""Scenarios: safe YAML loading with positions, the scenario model, and the checker.

Nothing here imports pygame: the checker runs on machines with no screen.
"""
