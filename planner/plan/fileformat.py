"""The ``*.evacplan.json`` file format: dict conversion, migrations, atomic load/save.

A plan file is one JSON object ``{"format": "evacplan", "version": 3, ...}``
with WGS84 coordinates. Keys are written in a fixed order (the dataclass
field order) and coordinates rounded to 7 decimals (about 1 cm), so saving
twice gives the same bytes and saved plans diff cleanly.

Reading is strict about structure (wrong JSON types, unknown keys, bad dates
raise :class:`planner.errors.PlanError` naming element and field); ranges,
references and geometry are checked by :func:`planner.plan.validate`.

Versions: 1 added people by group and named fields; 2 checkpoint convoy times,
escorts, vehicle sizes and contacts; 3 a corridor's ``waypoints`` (the points
clicked when it was drawn along the roads, ``[]`` for a line drawn straight).
Version 3 is a version of its own although the field is optional, because
readers are strict: an evacplan that reads up to version 2 refuses an unknown
field, and it is clearer for it to say "made by a newer evacplan (format
version 3)" than "unknown field 'waypoints'". A version-2 file reads as version
3 with no waypoints (its corridors are edited by their vertices, as before).
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from datetime import datetime, time
from pathlib import Path

from planner import fileio
from planner.errors import PlanError, has_surrogate, quote
from planner.limits import MAX_PLAN_BYTES, NAME_QUOTE_CHARS
from planner.messages import Message
from planner.plan.model import (
    LAYERS,
    V1_CHECKPOINT_MINUTES,
    Contacts,
    Corridor,
    HazardZone,
    NetworkRef,
    People,
    Plan,
    RoadClosure,
    Rules,
    VehicleType,
    Window,
)
from planner.plan.problems import ERROR, MESSAGES, problem

FORMAT = "evacplan"
VERSION = 3
SUFFIX = ".evacplan.json"
COORD_DECIMALS = 7

#: Why a file is not a plan at all: ``code -> English template`` (after "<path>: "); the GUI translates
#: them under the context ``PlanFile``. Problems inside a plan are :data:`planner.plan.problems.MESSAGES`'.
FILE_MESSAGES = {
    "not_utf8": "not UTF-8 text (byte {byte})",
    "not_json": "not valid JSON (line {line}, column {column}: {error})",
    "too_deep": "JSON nested too deeply",
    "not_number": "not valid JSON ({name} is not a number in a plan)",
    "not_plan": 'not an evacplan plan (expected a JSON object with "format": "evacplan")',
    "version_type": "'version' must be a whole number, got {value}",
    "version_newer": "made by a newer evacplan (format version {version}; this one reads up to {latest})",
    "version_unsupported": "format version {version} is not supported",
    "window_missing": "window is missing",
    "more_problems": "(and {n:d} more problems)",
    "save_nonfinite": "cannot save a non-finite number ({value})",
}


def _file_text(code: str, **params: object) -> str:
    return Message(code, FILE_MESSAGES[code], params).text


def file_error(where: str, code: str, /, **params: object) -> PlanError:
    """A :class:`PlanError` saying ``"<where>: <FILE_MESSAGES[code] filled>"``, with its code and params."""
    text = _file_text(code, **params)
    return PlanError(f"{where}: {text}" if where else text, code=code, params=params, where=where)


# ---------------------------------------------------------------- migrations


def _migrate_0_to_1(d: dict) -> dict:
    """Version 0 (pre-release drafts): ``network`` was a bare name, points were
    ``"point": [lon, lat]``, people a single number (all general), and the
    window used ``from``/``to``."""
    d = dict(d)
    if isinstance(d.get("network"), str):
        d["network"] = {"name": d["network"], "sha256": None}
    win = d.get("window")
    if isinstance(win, dict):
        win = dict(win)
        if "from" in win:
            win["start"] = win.pop("from")
        if "to" in win:
            win["end"] = win.pop("to")
        d["window"] = win
    for layer in ("pickups", "destinations", "depots", "checkpoints"):
        items = d.get(layer)
        if not isinstance(items, list):
            continue
        new = []
        for el in items:
            if isinstance(el, dict):
                el = dict(el)
                pt = el.get("point")
                if isinstance(pt, list) and len(pt) == 2:
                    del el["point"]
                    el["lon"], el["lat"] = pt
                if (
                    layer == "pickups"
                    and isinstance(el.get("people"), (int, float))
                    and not isinstance(el.get("people"), bool)
                ):
                    el["people"] = {"general": el["people"]}
            new.append(el)
        d[layer] = new
    d["version"] = 1
    return d


def _migrate_1_to_2(d: dict) -> dict:
    """Version 1 had checkpoints served vehicle by vehicle (default 20 min each) and no
    convoy time: a migrated checkpoint keeps its minutes per vehicle (20 when the file
    left it out), gets ``minutes_per_convoy`` 0 and checks empty vehicles."""
    d = dict(d)
    items = d.get("checkpoints")
    if isinstance(items, list):
        new = []
        for el in items:
            if isinstance(el, dict):
                el = dict(el)
                el.setdefault("minutes_per_vehicle", V1_CHECKPOINT_MINUTES)
                el.setdefault("minutes_per_convoy", 0.0)
                el.setdefault("checks_empty", True)
            new.append(el)
        d["checkpoints"] = new
    d["version"] = 2
    return d


def _migrate_2_to_3(d: dict) -> dict:
    """Version 3 added a corridor's optional ``waypoints``: a version-2 corridor has none
    (the reader's default), so only the version changes."""
    d = dict(d)
    d["version"] = 3
    return d


# One function per version step: MIGRATIONS[n] turns a version-n dict into version n+1.
MIGRATIONS = {0: _migrate_0_to_1, 1: _migrate_1_to_2, 2: _migrate_2_to_3}


def migrate(d: dict, source: str = "plan") -> dict:
    """Bring a plan dict of any known version up to :data:`VERSION`."""
    version = d.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise file_error(source, "version_type", value=repr(version))
    if version > VERSION:
        raise file_error(source, "version_newer", version=version, latest=VERSION)
    while version < VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise file_error(source, "version_unsupported", version=version)
        d = step(d)
        version = d["version"]
    return d


# ---------------------------------------------------------------- to dict


_COORD_LISTS = ("line", "polygon", "points", "waypoints")  # fields holding lists of (lon, lat)


def _coord(c):
    lon, lat = c
    return [round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS)]


def _dt(x):
    return None if x is None else x.isoformat()


def _tm(x):
    return None if x is None else x.isoformat(timespec="minutes")


def _element_to_dict(el) -> dict:
    out = {}
    for f in fields(el):
        v = getattr(el, f.name)
        if f.name in ("lon", "lat"):
            v = round(float(v), COORD_DECIMALS)
        elif f.name in _COORD_LISTS:
            v = [_coord(c) for c in v]
        elif f.name == "people":
            v = {g.name: getattr(v, g.name) for g in fields(People)}
        elif f.name == "vehicles":
            v = [_vehicle_to_dict(vt) for vt in v]
        elif isinstance(v, datetime):
            v = _dt(v)
        elif isinstance(v, time):
            v = _tm(v)
        out[f.name] = v
    return out


def _vehicle_to_dict(vt: VehicleType) -> dict:
    out = {}
    for f in fields(VehicleType):
        v = getattr(vt, f.name)
        out[f.name] = _dt(v) if isinstance(v, datetime) else list(v) if isinstance(v, list) else v
    return out


def plan_to_dict(plan: Plan) -> dict:
    """The plan as a JSON-ready dict in file order (``format`` and ``version`` first)."""
    d = {
        "format": FORMAT,
        "version": VERSION,
        "name": plan.name,
        "network": {"name": plan.network.name, "sha256": plan.network.sha256},
        "window": {
            "start": _dt(plan.window.start),
            "end": _dt(plan.window.end),
            "no_night": plan.window.no_night,
        },
        "rules": {f.name: getattr(plan.rules, f.name) for f in fields(Rules)},
    }
    for attr in LAYERS:
        d[attr] = [_element_to_dict(el) for el in getattr(plan, attr)]
    d["contacts"] = {f.name: getattr(plan.contacts, f.name) for f in fields(Contacts)}
    d["notes"] = plan.notes
    return d


def _is_scalar(x):
    return x is None or isinstance(x, (str, int, float, bool))


def _dumps(obj, indent=0) -> str:
    """JSON with 2-space indent, lists of scalars (coordinates) kept on one line."""
    pad = "  " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{pad}  {json.dumps(k, ensure_ascii=False)}: {_dumps(v, indent + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        if all(_is_scalar(v) for v in obj):
            return "[" + ", ".join(_dumps(v) for v in obj) + "]"
        return "[\n" + ",\n".join(f"{pad}  {_dumps(v, indent + 1)}" for v in obj) + "\n" + pad + "]"
    if isinstance(obj, float) and not math.isfinite(obj):
        raise file_error("", "save_nonfinite", value=repr(obj))
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def dumps_plan(plan: Plan) -> str:
    """The plan file's text (UTF-8, ends with a newline)."""
    return _dumps(plan_to_dict(plan)) + "\n"


# ---------------------------------------------------------------- from dict


class _Reader:
    """Reads typed fields out of a JSON dict, collecting every error with its place."""

    def __init__(self, source):
        self.source = source
        self.problems = []

    def fail(self, element_id, where, field, code, **params):
        """Note the error ``code`` of :data:`planner.plan.problems.MESSAGES` (its ``field`` param is ``field``)."""
        if "{field}" in MESSAGES[code]:
            params = {"field": field, **params}
        self.problems.append(problem(ERROR, element_id, field, where, code, **params))

    def obj(self, d, where, element_id, allowed, required=()):
        if not isinstance(d, dict):
            self.fail(element_id, where, "", "not_object", value=_show(d))
            return None
        for k in d:
            if k not in allowed:
                self.fail(element_id, where, str(k), "unknown_field", name=quote(str(k)))
        for k in required:
            if k not in d:
                self.fail(element_id, where, k, "missing")
        return d

    def value(self, d, key, kind, where, element_id, default=None, nullable=False):
        """``kind``: 'str', 'int', 'float', 'bool', 'datetime', 'time'."""
        if key not in d:
            return default
        v = d[key]
        if v is None:
            if nullable:
                return None
            self.fail(element_id, where, key, "null")
            return default
        ok = True
        if kind == "str":
            ok = isinstance(v, str)
            if ok and has_surrogate(v):
                self.fail(element_id, where, key, "surrogate", value=_show(v))
                return default
        elif kind == "bool":
            ok = isinstance(v, bool)
        elif kind in ("int", "float"):
            ok = isinstance(v, (int, float)) and not isinstance(v, bool)
            if ok and isinstance(v, float) and not math.isfinite(v):
                ok = False
            if ok and kind == "float":
                v = float(v)
            elif ok and kind == "int" and isinstance(v, float) and v.is_integer():
                v = int(v)  # 2.0 is 2; 2.5 stays and validation reports it
        elif kind in ("datetime", "time"):
            if not isinstance(v, str):
                ok = False
            else:
                try:
                    v = (datetime if kind == "datetime" else time).fromisoformat(v)
                except ValueError:
                    ok = False
                if ok and kind == "datetime" and v.tzinfo is None:
                    self.fail(element_id, where, key, "no_offset", value=repr(d[key]))
                    return default
        if not ok:
            code = {
                "str": "text_type",
                "int": "whole_type",
                "float": "number_type",
                "bool": "flag",
                "datetime": "datetime_type",
                "time": "time_type",
            }[kind]
            self.fail(element_id, where, key, code, value=_show(v))
            return default
        return v

    def texts(self, d, key, where, element_id):
        v = d.get(key, [])
        if not isinstance(v, list):
            self.fail(element_id, where, key, "plates_type", value=_show(v))
            return []
        out = []
        for i, x in enumerate(v):
            if isinstance(x, str) and has_surrogate(x):
                self.fail(element_id, where, f"{key}[{i}]", "surrogate", value=_show(x))
            elif isinstance(x, str):
                out.append(x)
            else:
                self.fail(element_id, where, f"{key}[{i}]", "text_type", value=_show(x))
        return out

    def coords(self, d, key, where, element_id):
        v = d.get(key, [])
        if not isinstance(v, list):
            self.fail(element_id, where, key, "pairs_type", value=_show(v))
            return []
        out = []
        for i, c in enumerate(v):
            if (
                isinstance(c, list)
                and len(c) == 2
                and all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in c)
            ):
                out.append((float(c[0]), float(c[1])))
            else:
                self.fail(element_id, where, f"{key}[{i}]", "pair_type", value=_show(c))
        return out


def _show(v) -> str:
    """A JSON value as a message quotes it: JSON for scalars and short lists of scalars (escaped where not
    printable), at most 80 characters; the type's name for anything else."""
    short_list = isinstance(v, list) and len(v) <= 4 and all(_is_scalar(x) for x in v)
    if short_list:
        v = [x[:40] if isinstance(x, str) else x for x in v]
    elif not _is_scalar(v):
        return type(v).__name__
    s = json.dumps(v[:200] if isinstance(v, str) else v, ensure_ascii=False)
    if not s.isprintable():
        s = json.dumps(v[:200] if isinstance(v, str) else v)
    return s if len(s) <= 80 else s[:79] + "…"


_KINDS = {str: "str", int: "int", float: "float", bool: "bool"}


def _field_kind(cls, name):
    """Reader kind for a dataclass field, from its default's type or annotation."""
    ann = str(cls.__dataclass_fields__[name].type)
    if "datetime" in ann:
        return "datetime"
    if "time" in ann:
        return "time"
    for t, k in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str")):
        if ann.startswith(t.__name__) or ann in (f"Optional[{t.__name__}]", f"{t.__name__} | None"):
            return k
    raise AssertionError(f"no reader for {cls.__name__}.{name}: {ann}")


def _read_flat(r, d, cls, where, element_id, skip=()):
    """Read the scalar fields of dataclass ``cls`` from dict ``d``; returns kwargs."""
    kw = {}
    for f in fields(cls):
        if f.name in skip or f.name not in d:
            continue
        nullable = "Optional" in str(f.type) or str(f.type).endswith("| None")  # either spelling
        kind = _field_kind(cls, f.name)
        v = r.value(d, f.name, kind, where, element_id, default=None, nullable=nullable)
        if v is not None or (nullable and d.get(f.name) is None):
            kw[f.name] = v
    return kw


_GEOM = {"line": Corridor, "polygon": HazardZone, "points": RoadClosure}


def _read_element(r, cls, d, index, layer):
    where0 = f"{layer}[{index}]"
    names = [f.name for f in fields(cls)]
    if not isinstance(d, dict):
        r.fail(None, where0, "", "not_object", value=_show(d))
        return None
    el_id = d.get("id")
    if not isinstance(el_id, str) or not el_id:
        r.fail(None, where0, "id", "id_empty", value=_show(el_id))
        return None
    if has_surrogate(el_id):
        r.fail(None, where0, "id", "surrogate", value=_show(el_id))
        return None
    name = d.get("name", "")
    shown_id = el_id if len(el_id) <= 40 and el_id.isprintable() else quote(el_id, 40)
    where = (
        f"{cls.KIND} {shown_id} {quote(name, NAME_QUOTE_CHARS)}"
        if isinstance(name, str) and name
        else f"{cls.KIND} {shown_id}"
    )
    required = ["id"] + [n for n in ("lon", "lat") if n in names]
    r.obj(d, where, el_id, names, required)
    kw = _read_flat(r, d, cls, where, el_id, skip=("people", "vehicles", *_COORD_LISTS))
    for n in ("lon", "lat"):
        if n in names and n not in kw:
            kw[n] = math.nan  # missing or wrong: already reported
    kw.setdefault("name", "")
    for key in _COORD_LISTS:
        if key in names:
            kw[key] = r.coords(d, key, where, el_id)
    if "people" in names and "people" in d:
        pd = r.obj(d["people"], f"{where} people", el_id, [f.name for f in fields(People)])
        if pd is not None:
            kw["people"] = People(**_read_flat(r, pd, People, f"{where} people", el_id))
    if "vehicles" in names and "vehicles" in d:
        vs = d["vehicles"]
        if not isinstance(vs, list):
            r.fail(el_id, where, "vehicles", "vehicles_type", value=_show(vs))
        else:
            kw["vehicles"] = []
            for i, vd in enumerate(vs):
                w = f"{where} vehicles[{i}]"
                if r.obj(vd, w, el_id, [f.name for f in fields(VehicleType)]) is not None:
                    vkw = _read_flat(r, vd, VehicleType, w, el_id, skip=("plates",))
                    if "plates" in vd:
                        vkw["plates"] = r.texts(vd, "plates", w, el_id)
                    kw["vehicles"].append(VehicleType(**vkw))
    return cls(**kw)


_TOP_KEYS = ["format", "version", "name", "network", "window", "rules", *LAYERS, "contacts", "notes"]


def plan_from_dict(d: dict, source: str = "plan") -> Plan:
    """Build a :class:`Plan` from a file dict of any known version.

    Raises
    ------
    PlanError
        Naming every structural problem (wrong JSON type, unknown or missing
        field, date without offset) with its element and field; ``.problems``
        holds them as :class:`Problem` objects.
    """
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise file_error(source, "not_plan")
    d = migrate(d, source)
    r = _Reader(source)
    r.obj(d, "plan", None, _TOP_KEYS, required=("network", "window"))
    name = r.value(d, "name", "str", "plan", None, default="")
    notes = r.value(d, "notes", "str", "plan", None, default="")

    net = NetworkRef(name="")
    nd = r.obj(d.get("network", {}), "plan network", None, ["name", "sha256"], required=("name",))
    if nd is not None:
        net = NetworkRef(
            name=r.value(nd, "name", "str", "plan network", None, default=""),
            sha256=r.value(nd, "sha256", "str", "plan network", None, nullable=True),
        )

    window = None
    wd = r.obj(d.get("window", {}), "plan window", None, ["start", "end", "no_night"], required=("start", "end"))
    if wd is not None:
        kw = _read_flat(r, wd, Window, "plan window", None)
        if "start" in kw and "end" in kw:
            window = Window(**kw)

    rules = Rules()
    rd = r.obj(d.get("rules", {}), "plan rules", None, [f.name for f in fields(Rules)])
    if rd is not None:
        rules = Rules(**_read_flat(r, rd, Rules, "plan rules", None))

    contacts = Contacts()
    cd = r.obj(d.get("contacts", {}), "plan contacts", None, [f.name for f in fields(Contacts)])
    if cd is not None:
        contacts = Contacts(**_read_flat(r, cd, Contacts, "plan contacts", None))

    layers = {}
    for attr, cls in LAYERS.items():
        items = d.get(attr, [])
        if not isinstance(items, list):
            r.fail(None, "plan", attr, "list_type", value=_show(items))
            items = []
        layers[attr] = [el for i, x in enumerate(items) if (el := _read_element(r, cls, x, i, attr)) is not None]

    if r.problems or window is None:
        probs = r.problems
        if not probs:
            raise file_error(source, "window_missing")
        more = " " + _file_text("more_problems", n=len(probs) - 1)
        # code "problems": the message is the first problem's (with the count of the others)
        raise PlanError(
            f"{source}: {probs[0].message}" + (more if len(probs) > 1 else ""),
            probs,
            code="problems",
            params={"n": len(probs) - 1},
            where=source,
        )
    return Plan(name=name, network=net, window=window, rules=rules, contacts=contacts, notes=notes, **layers)


# ---------------------------------------------------------------- files


def load_plan(path) -> Plan:
    """Read a ``*.evacplan.json`` file (any known format version).

    Raises
    ------
    PlanError
        When the file cannot be read, is not JSON, or is not a plan; the
        message names the file and, where it applies, the element and field.
    """
    path = Path(path)
    raw = fileio.read_input_bytes(path, "the plan", MAX_PLAN_BYTES, error=PlanError)
    try:
        text = raw.decode("utf-8-sig")
        d = json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise file_error(str(path), "not_utf8", byte=exc.start) from None
    except json.JSONDecodeError as exc:
        raise file_error(str(path), "not_json", line=exc.lineno, column=exc.colno, error=exc.msg) from None
    except RecursionError:
        raise file_error(str(path), "too_deep") from None
    except _NotANumber as exc:
        raise file_error(str(path), "not_number", name=exc.name) from None
    except ValueError as exc:
        raise PlanError(f"{path}: {exc}") from None
    return plan_from_dict(d, source=str(path))


class _NotANumber(ValueError):
    """NaN or Infinity in the JSON text (json reads them; a plan holds finite numbers only)."""

    def __init__(self, name):
        super().__init__(_file_text("not_number", name=name))
        self.name = name


def _reject_constant(name):
    raise _NotANumber(name)


def save_plan(plan: Plan, path) -> Path:
    """Write the plan atomically: a temporary file in the same folder, fsync, rename.

    A crash or a failing write leaves the previous file untouched. Returns the path.

    Raises
    ------
    PlanError
        When the plan cannot be serialised or the file cannot be written.
    """
    return write_text_atomic(path, dumps_plan(plan), what="the plan")


def write_text_atomic(path, text: str, what: str = "the file") -> Path:
    """Write ``text`` atomically (:func:`planner.fileio.write_text_atomic`), raising ``PlanError``."""
    return fileio.write_text_atomic(path, text, what=what, error=PlanError)
