"""``argmap schema``: the JSON Schema of map files, for editors and language servers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from argmap.commands._common import emit


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@click.option("--review", is_flag=True, help="The schema of review files (argmap-review: 1) instead of map files.")
def schema(output: Optional[Path], review: bool) -> None:
    """Print the JSON Schema of argmap map files (or, with --review, of review files).

    Point a YAML language server at it with a first line such as
    `# yaml-language-server: $schema=argmap.schema.json`.
    """
    if review:
        from argmap.review.files import Review as model

        title = "argmap review file"
    else:
        from argmap.model import ArgumentMap as model

        title = "argmap map file"
    doc = model.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = title
    emit(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", output, kind="json")
