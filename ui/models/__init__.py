"""Qt item models over the JournalStore."""
