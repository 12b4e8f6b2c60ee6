"""The long-running commands: watching a map's files, and serving the viewer while they change.

What lives here: :mod:`.watch` (the files a map is made from, followed with
watchfiles until Ctrl-C) and :mod:`.server` (``argmap serve``: the viewer on
127.0.0.1, updated in place). May import the output layer (``argmap.reports``,
``argmap.rendering``) and everything below it; only ``argmap.commands`` imports
this package.
"""
