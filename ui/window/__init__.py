"""The main window, split by topic: actions, files, recovery, background tasks, networks, dialogs."""
