"""Interchange formats: JSON, people.txt and planning.txt."""
