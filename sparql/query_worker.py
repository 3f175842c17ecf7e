"""One query worker: ``python -m sparql.query_worker --store DIR --fd N`` (started by
``worker_pool.py``).

It takes the network away from itself (``sandbox.py``), opens the store read-only, says it is
ready with the store's state, then answers jobs one at a time over the socket it inherited as
file descriptor N. The server kills it (SIGKILL) when a job outlives the time limit, and
starts another; nothing here needs to cooperate with that.

Frames on the socket: an 8-byte big-endian length, then that many bytes. A reply is a 4-byte
length, the pickled :class:`~sparql.evaluate.Outcome`, then the body as raw bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import pickle
import socket
import struct
import sys
from typing import Any

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.location import StoreLocation, StoreUrl, store_location
from graph.store import MinutesStore, StoreError
from sparql.evaluate import Job, Outcome, evaluate
from sparql.named import named_query
from sparql.sandbox import SandboxError, deny_network, die_with_parent
from sparql.store_state import Ready, State

LENGTH = struct.Struct("!Q")
REMOTE_NOTE = (
    "the store is a store server, which evaluates the queries; SERVICE is refused before "
    "a query is sent to it"
)
META = struct.Struct("!I")


def receive(sock: socket.socket) -> bytes | None:
    header = _exactly(sock, LENGTH.size)
    if header is None:
        return None
    return _exactly(sock, LENGTH.unpack(header)[0])


def send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(LENGTH.pack(len(payload)) + payload)


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = sock.recv(min(size - len(chunks), 1 << 20))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def store_state(store: MinutesStore) -> State:
    """What identifies the store's content cheaply: the latest load run and the number of
    whole documents, in one query (:mod:`sparql.store_state` reads it every second or so from a
    store server)."""
    solutions = store.query(named_query("store_state"))
    assert isinstance(solutions, QuerySolutions)
    row = next(iter(solutions), None)
    run = row["run"].value if row is not None and row["run"] is not None else ""
    ended = row["ended"] if row is not None else None
    documents = row["documents"] if row is not None else None
    count = int(documents.value) if documents is not None else 0
    token = hashlib.sha256(f"{run}\n{count}".encode()).hexdigest()[:20]
    modified = None
    if isinstance(ended, Literal):
        try:
            modified = dt.datetime.fromisoformat(ended.value.replace("Z", "+00:00"))
        except ValueError:
            modified = None
    return State(token=token, modified=modified, documents=count, latest_run=run)


def store_figures(store: MinutesStore) -> dict[str, Any]:
    """The VoID figures of the service description (a full scan: run once per server)."""
    classes = []
    solutions = store.query(named_query("void_classes"))
    assert isinstance(solutions, QuerySolutions)
    for row in solutions:
        class_, entities, example = row["class"], row["entities"], row["example"]
        if isinstance(class_, NamedNode) and entities is not None:
            sample = example.value if example is not None else ""
            classes.append((class_.value, int(entities.value), sample))
    return {"triples": len(store), "classes": classes, "graphs": len(store.named_graphs())}


def serve(
    sock: socket.socket, store_path: StoreLocation, query_timeout: float | None = None
) -> int:
    """Answer jobs over ``sock``; a store server that takes a time limit per query is sent
    ``query_timeout`` (seconds) with each, so that it stops what the endpoint gives up on."""
    die_with_parent()
    sandboxed, note = True, ""
    if isinstance(store_path, StoreUrl):  # the worker talks to the store: no filter, and no
        sandboxed, note = False, REMOTE_NOTE  # need for one (nothing is evaluated here)
    else:
        try:
            deny_network()
        except SandboxError as error:
            sandboxed, note = False, str(error)
    try:
        store = MinutesStore.open_read_only(store_path, query_timeout=query_timeout)
        ready = Ready(store_state(store), sandboxed, note)
    except (StoreError, OSError) as error:
        ready = Ready(None, sandboxed, note, error=str(error))
    send(sock, pickle.dumps(ready))
    if ready.state is None:
        return 1
    while (payload := receive(sock)) is not None:
        request = pickle.loads(payload)  # noqa: S301  (our own server, over a private socketpair)
        if isinstance(request, Job):
            outcome, body = evaluate(store, request)
        else:
            outcome, body = _internal(store, request)
        meta = pickle.dumps(outcome)
        send(sock, META.pack(len(meta)) + meta + body)
    return 0


def _internal(store: MinutesStore, request: object) -> tuple[Outcome, bytes]:
    if request == "figures":
        return Outcome(200, "application/python-pickle"), pickle.dumps(store_figures(store))
    return Outcome(400, message=f"unknown request {request!r}"), b""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sparql.query_worker")
    parser.add_argument("--store", type=store_location, required=True)
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--query-timeout", type=float, default=None)
    args = parser.parse_args(argv)
    with socket.socket(fileno=args.fd) as sock:
        return serve(sock, args.store, args.query_timeout)


if __name__ == "__main__":
    sys.exit(main())
