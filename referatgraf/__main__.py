"""``python -m referatgraf``: the same as the ``referatgraf`` command."""

from referatgraf.cli import main

main()
