from sprintjournal_ui.launcher import gui

raise SystemExit(gui())
