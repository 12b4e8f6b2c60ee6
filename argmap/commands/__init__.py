"""One module per command; :mod:`argmap.cli` imports them lazily."""
