"""Dockable panels, one widget per slice of the journal."""
