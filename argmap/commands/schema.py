"""``argmap schema``: the JSON Schema of map files, for editors and language servers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import emit


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
def schema(output: Optional[Path]) -> None:
    """Print the JSON Schema of argmap map files.

    Point a YAML language server at it with a first line such as
    `# yaml-language-server: $schema=argmap.schema.json`.
    """
    from argmap.model import ArgumentMap

    doc = ArgumentMap.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "argmap map file"
    emit(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", output)
