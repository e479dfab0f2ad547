"""What the explorer's browser tests share: a free port, and the scripts that read a page.

Imported by the tests of JupyterLab, Notebook 7 and the Voilà app (``tests/e2e/conftest.py``
puts this folder on ``sys.path``).
"""

from __future__ import annotations

import socket
from typing import Any

#: Live charts drawn by vega-embed in the page (the static snapshot is not one of them).
LIVE = ".vega-embed svg.marks"

#: JupyterLab or Notebook 7 is up with the notebook open and its kernel idle.
NOTEBOOK_READY = """() => {
    const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const kernel = w && w.sessionContext && w.sessionContext.session
        && w.sessionContext.session.kernel;
    return kernel && kernel.status === 'idle' && w.content.widgets.length > 5;
}"""

#: Run every cell of the open notebook.
RUN_ALL = "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"

#: The marks of every live chart: what changes when a view follows a control.
MARKS = f"""() => [...document.querySelectorAll('{LIVE}')].map(svg =>
    [...svg.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')).join('|'))
    .join('||')"""

#: True when a live chart's bars all carry the year (the ranking of that year).
RANKS_YEAR = f"""(year) => [...document.querySelectorAll('{LIVE}')].some(svg => {{
    const bars = [...svg.querySelectorAll('.mark-rect path[aria-label]')]
        .map(e => e.getAttribute('aria-label'));
    return bars.length > 1 && bars.every(b => b.includes('Năm: ' + year));
}})"""

#: Marks the picker whose options are all years, wherever the layout puts it.
YEAR_PICKER = """() => {
    const s = [...document.querySelectorAll('select')].find(s => s.options.length > 1
        && [...s.options].every(o => /^\\d{4}$/.test(o.textContent.trim())));
    if (s) s.setAttribute('data-test', 'year');
    return !!s;
}"""


def free_port() -> int:
    """A local TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_notebook(page: Any, timeout: float) -> None:
    """Wait for the open notebook's kernel, then run every cell."""
    page.wait_for_function(NOTEBOOK_READY, timeout=timeout)
    page.evaluate(RUN_ALL)
