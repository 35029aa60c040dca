"""evacplan engine: road networks, plans, routing, scheduling and exports.

Plain Python, no Qt: the GUI in ``ui/`` and the ``evacplan`` command both call
these functions.
"""


def _version() -> str:
    """The version, from its one source: ``[project] version`` in pyproject.toml.

    A source checkout (run with ``PYTHONPATH``, or installed with ``pip install -e .``)
    reads it from the pyproject.toml beside the package, so a stale installed copy
    never shadows it; an installed wheel reads it from its metadata.
    """
    import tomllib
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        with pyproject.open("rb") as f:
            project = tomllib.load(f).get("project", {})
        if project.get("name") == "evacplan":
            return str(project["version"])
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        pass  # not a source checkout (or not ours): ask the installed metadata
    try:
        return version("evacplan")
    except PackageNotFoundError:
        return "0+unknown"


__version__ = _version()
