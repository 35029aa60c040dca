"""The network store (kept importable here; the code lives in :mod:`planner.network.store`)."""

from planner.network.store import (  # noqa: F401
    DEMO_NAME,
    RESOURCES,
    bundled_osm_path,
    check_meta,
    demo_network,
    list_networks,
    load_network,
    network_info,
    remove_network,
    save_network,
    store_dir,
)
