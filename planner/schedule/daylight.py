"""Night intervals for the no-night rule, from sunset and sunrise at the plan's place (astral)."""

from __future__ import annotations

from datetime import datetime, timedelta

from astral import Observer
from astral.sun import elevation, sun


def plan_location(plan):
    """(lon, lat) in degrees: the mean of the plan's pickups, destinations and depots."""
    pts = [(el.lon, el.lat) for el in list(plan.pickups) + list(plan.destinations) + list(plan.depots)]
    pts = pts or [(c.lon, c.lat) for c in plan.checkpoints]
    if not pts:
        return None
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def night_intervals(lon, lat, start: datetime, end: datetime):
    """Nights (sunset to next sunrise) overlapping ``[start, end]``, as aware datetimes.

    Polar day gives no night that day; polar night makes the whole day night.
    """
    obs = Observer(latitude=lat, longitude=lon)
    tz = start.tzinfo
    out = []
    day = start.date() - timedelta(days=1)
    last = end.date() + timedelta(days=1)
    events = []  # (time, kind) with kind 'rise' / 'set' / ('dark', day) whole-day darkness
    while day <= last:
        try:
            s = sun(obs, date=day, tzinfo=tz)
            events.append((s["sunrise"], "rise"))
            events.append((s["sunset"], "set"))
        except ValueError:  # the sun does not rise or does not set that day
            noon = datetime.combine(day, datetime.min.time(), tz) + timedelta(hours=12)
            if elevation(obs, noon) < 0:  # polar night; polar day adds no event
                events.append((noon - timedelta(hours=12), "set"))
                events.append((noon + timedelta(hours=12), "rise"))
        day += timedelta(days=1)
    events.sort()
    dark_from = None
    for t, kind in events:
        if kind == "set" and dark_from is None:
            dark_from = t
        elif kind == "rise" and dark_from is not None:
            if t > start and dark_from < end:
                out.append((max(dark_from, start), min(t, end)))
            dark_from = None
    if dark_from is not None and dark_from < end:
        out.append((max(dark_from, start), end))
    return out


def plan_nights(plan):
    """Night intervals of a plan's window, or [] when the no-night flag is off."""
    w = plan.window
    if not getattr(w, "no_night", False):
        return []
    loc = plan_location(plan)
    if loc is None:
        return []
    return night_intervals(loc[0], loc[1], w.start, w.end)
