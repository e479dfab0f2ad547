"""What an executed notebook shows (imported by name: conftest.py puts this folder on
``sys.path``)."""

from __future__ import annotations

from typing import Any


def html_outputs(nb: dict[str, Any]) -> list[str]:
    """The ``text/html`` of every code cell's outputs, in order."""
    return [
        "".join(o["data"]["text/html"])
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for o in c["outputs"]
        if "text/html" in o.get("data", {})
    ]
