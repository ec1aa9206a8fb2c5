"""Resources shipped with SprintJournal: report templates, styles, icons, the demo journal."""
