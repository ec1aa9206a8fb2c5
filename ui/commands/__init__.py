"""Undoable edits: the store command every undo step is built on, and the panels' edit helpers."""
