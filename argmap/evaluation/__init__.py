"""Evaluation internals: frameworks, support status, acceptability, critical steps, explanations.

The public entry point is :func:`argmap.evaluate.evaluate`.
"""

__all__: list[str] = []
