"""The evacplan desktop planner (PySide6): views and editors of a ``planner.plan.Plan``.

The GUI never computes: it calls the engine functions the CLI calls, in a worker
thread, and shows the result (DESIGN.md sections 2 and 9).
"""
