"""Exact reference models of the convoy scheduling problem (test-only; OR-Tools CP-SAT).

:mod:`.cpsat` solves a :class:`planner.schedule.model.Problem` to proven
optimality for small instances; :mod:`.instances` builds such instances from
the bundled Neubrandenburg demo plan and network.
"""
