"""argmap: argument mapping and claim provenance.

Load a map with :func:`argmap.loading.load`; audit, evaluate and render it
with the modules named for each stage.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
