"""`python -m sprintjournal`: the same as the installed `sprintjournal` command.

The one module of the core allowed to reach the UI (pyproject.toml's import-linter contract names
this exception): with no verb the command starts the desktop app, which lives in `ui/`."""

from sprintjournal_ui.launcher import main

raise SystemExit(main())
