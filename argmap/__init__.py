"""argmap: argument mapping and claim provenance.

Load a map with :func:`argmap.loading.load`; audit, evaluate and render it
with the modules named for each stage.
"""

__all__ = ["__version__", "HOMEPAGE"]

__version__ = "0.1.0"

HOMEPAGE = "https://github.com/argmap/argmap"
"""The project's home (also ``[project.urls]`` in pyproject.toml); SARIF reports link to it."""
