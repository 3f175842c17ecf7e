"""referatgraf: the command line and settings, the composition root of the project."""
