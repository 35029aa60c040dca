"""The demo plan's exact CP-SAT model at the level of convoy rounds (run by ``benchmarks/exact_demo.py``).

- :mod:`.data`: the problem's constants in whole seconds (:class:`~.data.Data`), the proven slot cap, lower
  bounds on round durations and the valid visit and pair cuts;
- :mod:`.model`: the model of generic convoy slots (:func:`~.model.build`) and a known schedule forced
  into it (:func:`~.model.fix`);
- :mod:`.solve`: solving it objective by objective (:func:`~.solve.solve_stages`, with neighbourhood
  search), its values back to a :class:`~planner.schedule.model.Solution` and an independent recheck of
  that schedule's times.

Import from the modules (``from benchmarks.exact_convoys.model import build``): nothing is re-exported
here, since the name ``data`` is both a module and its main function.
"""
