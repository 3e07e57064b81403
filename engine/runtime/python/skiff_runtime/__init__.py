"""Skiff's helpers that run inside a task before a component (offline package checks)."""
