"""Constrained routing on a stored road network (design section 5).

The usable network of a plan (caps, hazards, closures, corridors, the
vehicle's access and size limits) is built once by
:func:`planner.restrictions.build_usable_network`; every query here runs
``scipy.sparse.csgraph.dijkstra`` on its turn-aware graph
(:mod:`planner.turngraph`), so every turn of every route, alternative and
matrix entry is legal under the OSM turn restrictions.

Main entry point for the scheduler::

    routes = route_plan(plan, net, max_speed_kph=None, alternatives=1)
    routes.routes[(pickup_id, destination_id)]      # best loaded Route
    routes.time_s[(from_id, to_id)]                 # seconds, math.inf if unreachable

Lower-level queries: :func:`shortest_route`, :func:`route_via` (forced through
checkpoints in order), :func:`alternative_routes` (penalty re-routing) and
:func:`travel_matrix` (one multi-source call, or for large matrices the turn
graph's contraction hierarchy).

Modules, each importing only those above it: ``route`` (the :class:`Route`
built from a chain of edges), ``hierarchy`` (the contraction hierarchy and
its many-to-many query), ``search`` (single queries and the matrix),
``alternatives``, ``explain`` (why a place is unreachable) and ``plan``
(:func:`route_plan`, :class:`PlanRoutes`, the ``evacplan route`` table).
"""

from planner.restrictions import build_usable_network
from planner.routing.alternatives import MAX_OVERLAP, MAX_STRETCH, PENALTY, alternative_routes
from planner.routing.explain import explain_unreachable
from planner.routing.plan import PlanRoutes, format_routes, route_plan
from planner.routing.route import CheckpointPass, Route
from planner.routing.search import route_via, shortest_route, travel_matrix
from planner.usable import RoutingProblem, UsableNetwork, checkpoint_index

__all__ = [
    "CheckpointPass",
    "PlanRoutes",
    "Route",
    "RoutingProblem",
    "UsableNetwork",
    "alternative_routes",
    "build_usable_network",
    "checkpoint_index",
    "explain_unreachable",
    "route_plan",
    "route_via",
    "shortest_route",
    "travel_matrix",
]
