from sprintjournal_ui.app import main

raise SystemExit(main())
