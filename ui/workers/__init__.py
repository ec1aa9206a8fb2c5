"""Work off the GUI thread: the thread pool, photo preparation in helper processes, imports."""
