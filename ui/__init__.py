"""The SprintJournal Qt desktop layer."""
