"""One module per command; :mod:`argmap.cli` imports them lazily.

Commands are thin: they parse options, call plain functions of the layers below
and write the result. May import anything except :mod:`argmap.cli`.
"""
