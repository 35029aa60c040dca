"""Dock panels of the main window: elements tree, properties, results, problems."""
