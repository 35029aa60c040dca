"""The map: style, geometry, roads, plan elements, results, tools and the view (imports flow in that order)."""
