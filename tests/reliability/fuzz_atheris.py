#!/usr/bin/env python3
"""Coverage-guided fuzzing of argmap's readers with atheris (libFuzzer), for long runs by hand.

Not collected by pytest (the name does not start with ``test_``); atheris is not a
dependency. Install it next to argmap and run, for example::

    .venv/bin/pip install atheris
    .venv/bin/python tests/reliability/fuzz_atheris.py -max_total_time=3600 -timeout=5 \\
        -rss_limit_mb=1024 /tmp/argmap-fuzz-corpus claims ../shared/corpus/argdown ../shared/corpus/aif/aif-json

The first byte of each input picks the reader (YAML, JSON, Argdown, AIF, microtext
XML, ``argmap.toml`` configuration, review file); the rest
is the file's text. Any exception other than ``ArgmapError`` — and any input that
runs longer than ``-timeout`` seconds or grows past ``-rss_limit_mb`` — is a crash:
libFuzzer saves it as ``crash-<sha1>`` (or ``timeout-``/``oom-``) in the working
folder; reproduce with ``python tests/reliability/fuzz_atheris.py crash-<sha1>``.
Directories given on the command line seed the corpus (files of any format: the
reader then follows the first byte, so seeds get reinterpreted too, which is fine).
Set ``ARGMAP_FUZZ_FORMAT=argdown`` (or yaml, json, aif, microtext, config, review) to fuzz one reader only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

try:
    import atheris
except ImportError:  # not a dependency: pytest's doctest collection imports this file too
    atheris = None

FORMATS = [("yaml", "fuzz.yaml"), ("json", "fuzz.json"), ("argdown", "fuzz.argdown"), ("aif", "fuzz.json"),
           ("microtext", "fuzz.xml"), ("config", "argmap.toml"), ("review", "fuzz.review.yaml")]
ONLY = os.environ.get("ARGMAP_FUZZ_FORMAT")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    if ONLY:
        fmt, name = next(f for f in FORMATS if f[0] == ONLY)
        body = data
    else:
        fmt, name = FORMATS[data[0] % len(FORMATS)]
        body = data[1:]
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # the loader refuses undecodable files before any reader sees them
    try:
        if fmt == "microtext":
            read_microtext(text, name, LIMITS)
        elif fmt == "config":
            parse_config(text, name)
        elif fmt == "review":
            review_file = Path(tempfile.gettempdir()) / f"argmap-fuzz-{os.getpid()}.review.yaml"
            review_file.write_text(text, encoding="utf-8", errors="surrogatepass")
            load_review(review_file)
        else:
            load_text(text, name, fmt=fmt, limits=LIMITS)
    except ArgmapError as exc:
        assert exc.diagnostics, "an ArgmapError without a diagnostic"


def main() -> None:
    global ArgmapError, LIMITS, load_text, read_microtext, parse_config, load_review
    if atheris is None:
        sys.exit("fuzz_atheris.py needs atheris: pip install atheris")
    with atheris.instrument_imports():
        from argmap.diagnostics import ArgmapError
        from argmap.limits import Limits
        from argmap.audit.config import parse_config
        from argmap.loading import load_text
        from argmap.readers.microtext import read_text as read_microtext
        from argmap.review.files import load_review
    LIMITS = Limits(max_bytes=1024 * 1024, max_nodes=200_000, max_depth=200, max_string=64 * 1024)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
