"""The one page shell of argmap's HTML pages: review report, coverage page, diff page, viewer.

What lives here: the Jinja2 environment (autoescaping on, every value cleaned of
control characters by :func:`esc`), the URL check :func:`safe_url`, the
allow-list SVG sanitiser (:mod:`.svg`), the templates (``templates/``) and the
CSS and JavaScript (``static/``, with the vendored svg-pan-zoom and its
licence in ``static/vendor/``). Every page is one self-contained file with a
Content-Security-Policy that lets only its own script and style (by hash) act.

May import: the core (``argmap.util.terminal``), Jinja2 and MarkupSafe. Pages get
their data from the caller; nothing here loads maps.
"""

from __future__ import annotations

from argmap.reports.page.shell import esc, fragment, page, safe_url, static
from argmap.reports.page.svg import sanitize_svg

__all__ = ["esc", "fragment", "page", "safe_url", "sanitize_svg", "static"]
