"""``python -m referatgraf``: the same as the ``referatgraf`` command."""

from referatgraf.cli import main

if __name__ == "__main__":  # not when a page worker (spawn) imports it
    main()
