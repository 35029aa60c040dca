"""Where the bundled files are: the demo network, the sample plans, the guide, translations, fonts.

In a checkout or an editable install they are ``resources/`` of the source
tree; a wheel installs them as data files in ``<prefix>/share/evacplan``
(``[tool.setuptools.data-files]`` of pyproject.toml), where ``<prefix>`` is the
environment's (``sys.prefix``), the base interpreter's, or the user base of a
``pip install --user``.
"""

from __future__ import annotations

import site
import sys
from pathlib import Path

#: ``resources/`` of the source tree.
SOURCE = Path(__file__).resolve().parent.parent / "resources"


def installed_dirs() -> list[Path]:
    """The ``share/evacplan`` folders a wheel install may have put the files in, in the order searched."""
    prefixes = dict.fromkeys((sys.prefix, sys.base_prefix, site.getuserbase()))
    return [Path(p) / "share" / "evacplan" for p in prefixes]


def resources_dir() -> Path:
    """The folder of the bundled files: the source tree's when there is one, else the installed one.

    The first of :data:`SOURCE` and :func:`installed_dirs` that holds ``plans/``;
    :data:`SOURCE` when none does (a broken installation: the files are then
    reported missing under that path).
    """
    for d in [SOURCE, *installed_dirs()]:
        if (d / "plans").is_dir():
            return d
    return SOURCE
