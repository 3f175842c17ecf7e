"""The store's current state (sparql/store_state.py): read once per time to live, once for good
without one, one read for callers that come together, the last state kept while the store
cannot be read; and its setting, ``$REFERATGRAF_STATE_TTL``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from referatgraf.cli import main
from referatgraf.settings import resolve
from sparql.store_state import DEFAULT_TTL, CurrentState, Ready, State


class Reads:
    """A store whose state is the next of ``tokens`` at each read (the last one stays)."""

    def __init__(self, *tokens: str | Exception, seconds: float = 0.0) -> None:
        self.tokens = list(tokens)
        self.seconds = seconds
        self.count = 0

    def __call__(self) -> State:
        self.count += 1
        time.sleep(self.seconds)
        token = self.tokens.pop(0) if len(self.tokens) > 1 else self.tokens[0]
        if isinstance(token, Exception):
            raise token
        return State(token)


def test_without_a_time_to_live_the_state_is_read_once() -> None:
    reads = Reads("a", "b")
    current = CurrentState(reads, ttl=None)
    assert [current.token() for _ in range(3)] == ["a", "a", "a"]
    assert reads.count == 1


def test_a_seeded_state_is_used_until_it_is_too_old() -> None:
    now = [10.0]
    reads = Reads("b")
    current = CurrentState(reads, ttl=1.0, clock=lambda: now[0])
    current.seed(State("a"))
    now[0] = 10.9
    assert current.token() == "a"
    assert reads.count == 0
    now[0] = 11.0
    assert current.token() == "b"
    assert reads.count == 1


def test_callers_that_come_together_share_one_read() -> None:
    reads = Reads("a", seconds=0.2)
    current = CurrentState(reads, ttl=60.0)
    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(lambda _: current.token(), range(8)))
    assert tokens == ["a"] * 8
    assert reads.count == 1


def test_listeners_hear_of_a_change_before_anyone_gets_the_new_state() -> None:
    now = [0.0]
    current = CurrentState(Reads("a", "a", "b"), ttl=1.0, clock=lambda: now[0])
    heard: list[tuple[str, str, str | None]] = []

    def listener(old: State, new: State) -> None:
        held = current._state  # what other callers would be given meanwhile
        heard.append((old.token, new.token, None if held is None else held.token))

    current.on_change(listener)
    for moment in (0.0, 1.0, 2.0, 3.0):
        now[0] = moment
        current.token()
    assert heard == [("a", "b", "a")]


def test_a_store_that_cannot_be_read_keeps_the_last_state(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [0.0]
    reads = Reads("a", OSError("connection refused"), "b")
    current = CurrentState(reads, ttl=1.0, clock=lambda: now[0])
    assert current.token() == "a"
    now[0] = 1.0
    assert current.token() == "a"
    assert "cannot read the store's state: connection refused" in caplog.text
    now[0] = 1.5  # not read again before the time to live has passed once more
    assert current.token() == "a"
    assert reads.count == 2
    now[0] = 2.0
    assert current.token() == "b"


def test_no_state_at_all_is_the_empty_token() -> None:
    assert CurrentState(Reads(OSError("down")), ttl=1.0).token() == ""


def test_the_setting_defaults_to_one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFERATGRAF_STATE_TTL", raising=False)
    assert resolve("data/store").state_ttl == DEFAULT_TTL == 1.0
    monkeypatch.setenv("REFERATGRAF_STATE_TTL", "0.25")
    assert resolve("data/store").state_ttl == 0.25


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf"])
def test_a_bad_setting_stops_every_command_with_its_name(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("REFERATGRAF_STATE_TTL", value)
    with pytest.raises(ValueError, match="REFERATGRAF_STATE_TTL"):
        resolve("data/store")
    ran = CliRunner().invoke(main, ["stats", "--store", "does-not-matter"])
    assert ran.exit_code == 2
    message = f"$REFERATGRAF_STATE_TTL is {value!r}, not a number of seconds (0 or more)"
    assert message in ran.output


def test_listeners_run_in_the_reading_thread() -> None:
    threads: list[str] = []
    now = [0.0]
    current = CurrentState(Reads("a", "b"), ttl=1.0, clock=lambda: now[0])
    current.on_change(lambda _old, _new: threads.append(threading.current_thread().name))
    current.token()
    now[0] = 1.0
    reader = threading.Thread(target=current.token, name="reader")
    reader.start()
    reader.join()
    assert threads == ["reader"]


def test_a_state_is_a_value_that_crosses_a_socket() -> None:
    modified = dt.datetime(2020, 3, 1, 10, 0, 5, tzinfo=dt.UTC)
    state = State("abc", modified, documents=3, latest_run="https://example.org/run/1")
    assert pickle.loads(pickle.dumps(state)) == state
    assert State() == State(token="", modified=None, documents=0, latest_run="")
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.token = "other"  # type: ignore[misc]


def test_a_workers_handshake_crosses_a_socket() -> None:
    ready = Ready(State("abc"), sandboxed=False, sandbox_note="no seccomp here")
    assert pickle.loads(pickle.dumps(ready)) == ready
    failed = Ready(None, sandboxed=True, error="no store at data/store")
    assert pickle.loads(pickle.dumps(failed)) == Ready(None, True, "", "no store at data/store")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ready.sandboxed = True  # type: ignore[misc]


def test_the_store_is_read_again_as_empty_while_it_never_could_be() -> None:
    current = CurrentState(Reads(OSError("away")), ttl=None)
    assert current.get() == State()
    assert current.token() == ""
