"""The `newsflow` command line."""
