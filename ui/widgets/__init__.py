"""Widgets and delegates the panels are built from; none reads the journal by itself."""
