"""Templates, the escaper, the URL check and the Content-Security-Policy of every page.

>>> str(esc('<script>"x"</script>'))
'&lt;script&gt;&#34;x&#34;&lt;/script&gt;'
>>> safe_url("javascript:alert(1)") is None, safe_url("https://example.org/a?b=1")
(True, 'https://example.org/a?b=1')
>>> html = page("coverage.html.j2", styles=["coverage.css"], title="<b>", summary="", parts=[], claims=[])
>>> "<title>Coverage: &lt;b&gt;</title>" in html and "script-src 'none'" in html
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from importlib import resources
from typing import Any, Iterable, Optional

from markupsafe import Markup, escape

from argmap.util.words import count
from argmap.util.terminal import strip_controls

__all__ = ["esc", "safe_url", "static", "page", "fragment", "csp"]

_URL_BAD = re.compile(r"[\s\x00-\x1f\x7f]")
_WEB_URL = re.compile(r"(?i)^https?://[^/]")


def _clean(value: Any) -> Any:
    """What a template prints for ``value``: None as nothing, text without control characters."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return strip_controls(value)
    return value


def esc(value: Any) -> Markup:
    """User text for HTML text or a quoted attribute: control characters removed, then escaped."""
    return escape(_clean(value) if isinstance(value, str) or value is None else str(value))


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is a plain http(s) URL that can safely be a link, else None."""
    if not url or _URL_BAD.search(url):
        return None
    return url if _WEB_URL.match(url) else None


@functools.lru_cache(maxsize=None)
def static(name: str) -> str:
    """The text of one file under ``static/`` (CSS, JavaScript, a vendored library or its licence)."""
    return resources.files(__package__).joinpath("static", *name.split("/")).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,
        finalize=_clean,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["safe_url"] = safe_url
    env.filters["count"] = lambda n, word, plural=None: count(int(n), word, plural)  # {{ xs|length|count("x") }}
    env.filters["css_word"] = lambda word: re.sub(r"[^a-z0-9-]", "", str(word).lower())
    env.filters["tojson_text"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(style: str, script: str = "", connect: str = "") -> str:
    """The policy: nothing loads; only this ``style`` and ``script`` (by hash) apply."""
    parts = [
        "default-src 'none'",
        f"style-src {_sha256(style)}",
        "img-src data:",
        f"script-src {_sha256(script)}" if script else "script-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if connect:
        parts.append(f"connect-src {connect}")
    return "; ".join(parts)


def page(template: str, *, styles: Iterable[str] = (), scripts: Iterable[str] = (), connect: str = "",
         **context: Any) -> str:
    """Render ``template`` in the shell: ``styles`` and ``scripts`` (names under ``static/``) are
    inlined, each kind as one element, and the policy allows exactly them."""
    style = "".join(static(n) for n in styles)
    script = "\n".join(static(n) for n in scripts)
    return _environment().get_template(template).render(
        csp=Markup(csp(style, script, connect)), style=Markup(style), script=Markup(script) if script else "", **context
    )


def fragment(template: str, macro: str, **arguments: Any) -> str:
    """One macro of ``template`` rendered alone (a part a live page swaps in place)."""
    module = _environment().get_template(template).make_module()
    return str(getattr(module, macro)(**arguments))
