"""Run the real command line in a subprocess, as a user would (``tests.conftest.referatgraf``,
over the session's ``samples_store``)."""

from __future__ import annotations

from tests.conftest import SAMPLES as SAMPLE_FILES
from tests.conftest import Ran, referatgraf

__all__ = ["SAMPLE_FILES", "Ran", "referatgraf"]
