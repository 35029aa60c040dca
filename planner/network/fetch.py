"""Downloading a road network from OpenStreetMap with osmnx (needs a network connection)."""

from __future__ import annotations

from planner.errors import NetworkError
from planner.network.build import default_name, network_from_graph
from planner.network.model import RoadNetwork
from planner.progress import null_progress

PRESETS = {
    # The city, every road a bus can use.
    "mariupol": {"bbox": (37.38, 47.03, 37.78, 47.20), "road_filter": "bus", "what": "Mariupol, roads a bus can use"},
    # The corridor region west and north to Zaporizhzhia: main roads only.
    "mariupol-zaporizhzhia": {
        "bbox": (34.95, 46.70, 37.80, 47.95),
        "custom_filter": (
            '["highway"~"motorway|motorway_link|trunk|trunk_link|primary|primary_link|secondary|secondary_link"]'
        ),
        "road_filter": "bus",
        "what": "Mariupol to Zaporizhzhia via Manhush, Berdiansk, Tokmak and Vasylivka, main roads",
    },
}


def _network_reachable(timeout=5.0) -> bool:
    import socket
    from urllib.parse import urlparse

    import osmnx as ox

    host = urlparse(ox.settings.overpass_url).hostname
    try:
        socket.create_connection((host, 443), timeout=timeout).close()
        return True
    except OSError:
        return False


def fetch(preset=None, *, place=None, name=None, progress=null_progress) -> RoadNetwork:
    """Download a road network from OpenStreetMap with osmnx (needs a network).

    Parameters
    ----------
    preset : {"mariupol", "mariupol-zaporizhzhia"}, optional
    place : str, optional
        A place name osmnx can geocode (instead of a preset).

    Raises
    ------
    NetworkError
        Unknown preset, or OpenStreetMap is not reachable from this machine.
    """
    import osmnx as ox

    if preset is None and not place:
        raise NetworkError("fetch needs a preset (mariupol, mariupol-zaporizhzhia) or --place")
    if preset is not None and preset not in PRESETS:
        raise NetworkError(f"unknown preset {preset!r}; presets: {', '.join(PRESETS)}")
    if not _network_reachable():
        raise NetworkError(
            "cannot reach OpenStreetMap from this machine (offline?); "
            "import a file you have instead: evacplan data import FILE --name NAME"
        )
    progress(None, f"downloading {preset or place} from OpenStreetMap")
    try:
        if preset:
            p = PRESETS[preset]
            w, s, e, n = p["bbox"]
            kw = {"custom_filter": p["custom_filter"]} if "custom_filter" in p else {"network_type": "drive_service"}
            G = ox.graph_from_bbox((w, s, e, n), simplify=False, retain_all=True, truncate_by_edge=True, **kw)
        else:
            G = ox.graph_from_place(place, network_type="drive_service", simplify=False, retain_all=True)
    except (OSError, ValueError, RuntimeError, KeyError) as exc:  # requests/osmnx errors derive from these
        raise NetworkError(f"download of {preset or place!r} from OpenStreetMap failed: {exc}") from None
    return network_from_graph(
        G,
        name=name or preset or default_name(place.replace(" ", "-").replace(",", "")),
        source=f"OpenStreetMap via osmnx: {preset or place}",
        progress=progress,
    )
