"""Benchmarks of ``referatgraf load``: synthetic minutes (``bench.generate``), the timed run
against pyoxigraph's own bulk loader (``bench.run``), and a parse check of the synthetic corpus
(``bench.check``). Not part of the installed package; run from the source tree."""
