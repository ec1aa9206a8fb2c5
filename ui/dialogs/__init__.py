"""Dialogs, each with a classmethod ask(...)."""
