"""SprintJournal core: the journal file, the sprint model, import/export. Never imports Qt."""

__version__ = "0.1.0"
