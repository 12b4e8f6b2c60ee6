"""Drafting: from an article's text to a first map that an analyst then reviews.

What lives here: the lexicon of connectives and hedges (data in
``argmap/data/lexicon.yaml``), cutting a text into units, proposing
inferences from connectives, and building the draft map. Every drafted
element says ``draft: true``; rule ARG402 reports the ones still unreviewed.
May import: the core (model, locations, diagnostics), provenance (anchoring,
sentence splitting) and PyYAML; never the command line or rendering.
"""
