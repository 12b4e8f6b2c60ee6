"""A strict look at HTML and SVG a browser would run: what could execute script."""

from __future__ import annotations

from html.parser import HTMLParser
from xml.etree import ElementTree

__all__ = ["html_dangers", "svg_dangers", "html_text", "MARKER"]

MARKER = "__pwned"
"""Every payload sets ``window.__pwned``; the report's own code never mentions it."""

_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_BAD_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "foreignobject"}


def _url_bad(value: str) -> bool:
    squeezed = "".join(value.split()).lower()
    return squeezed.startswith(_BAD_SCHEMES)


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        self._in_script = tag == "script"
        self._in_data = self._in_script and dict(attrs).get("type") == "application/json"

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_data:  # inert data; it must not be able to end its element early
            if "<" in data:
                self.dangers.append(f"'<' inside a JSON data block: {data[data.index('<'):][:80]!r}")
        elif self._in_script:
            if MARKER in data:
                self.dangers.append(f"user text inside <script>: {data[:80]!r}")
        else:
            self.text.append(data)

    def _check(self, tag: str, attrs) -> None:
        if tag in _BAD_ELEMENTS:
            self.dangers.append(f"<{tag}> element")
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.dangers.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARKER in value:
                self.dangers.append(f"<{tag} {name}={value[:60]!r}>")
            if name in _URL_ATTRS and _url_bad(value):
                self.dangers.append(f"<{tag} {name}={value[:60]!r}> (script URL)")


def html_dangers(html: str) -> list[str]:
    """Elements and attributes in ``html`` through which user text could run script."""
    scan = _Scan()
    scan.feed(html)
    scan.close()
    return scan.dangers


def html_text(html: str) -> str:
    """The visible text (outside scripts), white space folded."""
    scan = _Scan()
    scan.feed(html)
    scan.close()
    return " ".join(" ".join(scan.text).split())


def svg_dangers(svg: str) -> list[str]:
    """The same check for an SVG document, parsed as XML (it must be well-formed)."""
    root = ElementTree.fromstring(svg)
    dangers = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag == "script" or tag in _BAD_ELEMENTS:
            dangers.append(f"<{tag}> element")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                dangers.append(f"<{tag} {local}=...>")
            if local in ("href", "src") and _url_bad(value):
                dangers.append(f"<{tag} {local}={value[:60]!r}> (script URL)")
    return dangers
