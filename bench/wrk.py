"""wrk's report, read: requests per second, p50 and p99 latency and non-2xx answers of a run
(``wrk --latency``), and the median of several runs; the page and endpoint benchmarks share it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def parse_wrk(output: str) -> Run:
    """wrk's ``--latency`` report as a :class:`Run`.

    >>> parse_wrk(SAMPLE_WRK_OUTPUT)
    Run(requests_per_second=312.5, p50_ms=24.1, p99_ms=1050.0, errors=3)
    """
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if rate is None:
        raise ValueError(f"no Requests/sec in wrk's output:\n{output}")
    return Run(
        float(rate.group(1)),
        _latency(output, "50"),
        _latency(output, "99"),
        int(errors.group(1)) if errors else 0,
    )


def _latency(output: str, percentile: str) -> float:
    found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if found is None:
        raise ValueError(f"no {percentile}% latency in wrk's output (run it with --latency)")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.requests_per_second for r in runs),
        statistics.median(r.p50_ms for r in runs),
        statistics.median(r.p99_ms for r in runs),
        sum(r.errors for r in runs),
    )


SAMPLE_WRK_OUTPUT = """\
Running 15s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Latency Distribution
     50%   24.10ms
     75%   30.00ms
     90%   41.00ms
     99%    1.05s
  4688 requests in 15.00s, 80.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    312.50
"""
