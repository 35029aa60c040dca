"""evacplan engine: road networks, plans, routing, scheduling and exports.

Plain Python, no Qt: the GUI in ``ui/`` and the ``evacplan`` command both call
these functions.
"""

__version__ = "0.1.0"
