"""An ``oxigraph serve`` on a loopback port, for the tests of the remote store: started over
a fresh folder with ``--timeout-s``, stopped (and waited for) at the end."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.location import StoreUrl
from tests.servers import free_port, running_server

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
STARTUP_SECONDS = 30


@contextmanager
def oxigraph_serve(folder: Path, timeout_s: int = 2) -> Iterator[StoreUrl]:
    """``oxigraph serve --location FOLDER`` on a free port; its URL while it runs."""
    port = free_port()
    command = [str(OXIGRAPH), "serve", "--location", str(folder / "oxigraph")]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout-s", str(timeout_s)]
    url = StoreUrl(f"http://127.0.0.1:{port}")
    ready = f"{url}/query?query=ASK%7B%7D"
    log = folder / "oxigraph.log"
    with running_server(command, ready, log, STARTUP_SECONDS, name="oxigraph serve"):
        yield url


__all__ = ["OXIGRAPH", "free_port", "oxigraph_serve"]
