"""Configuration: argmap.toml / [tool.argmap], found upwards from the map; CLI options win."""

from __future__ import annotations

import json

import pytest

from argmap.audit import rule
from argmap.audit.config import Config, discover, load_config
from argmap.diagnostics import ArgmapError, Severity

# ARG102 (info) on 'f', ARG101 (warning) on 'p', ARG103 (warning) on 'i'.
MAP = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: T.
    kind: causal
  - id: f
    text: F.
  - id: p
    text: P.
    kind: interpretation
inferences:
  - id: i
    premises: [f, p]
    conclusion: t
    warrant: W.
"""


def _layout(tmp_path, config_name: str, config_text: str):
    (tmp_path / config_name).write_text(config_text, encoding="utf-8")
    sub = tmp_path / "maps" / "deep"
    sub.mkdir(parents=True)
    path = sub / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


def _audit(run_cli, path, *options):
    result = run_cli("audit", path, "--format", "json", "--sort", "file", *options)
    return result.exit_code, [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]]


def test_defaults_without_configuration(tmp_path, run_cli):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    assert discover(path) == Config()
    assert _audit(run_cli, path) == (0, [("ARG102", "info"), ("ARG101", "warning"), ("ARG103", "warning")])


def test_argmap_toml_found_from_parent_folder(tmp_path, run_cli):
    path = _layout(tmp_path, "argmap.toml", 'ignore = ["uncited-fact"]\nfail-on = "warning"\n')
    assert discover(path).path == tmp_path / "argmap.toml"
    assert _audit(run_cli, path) == (1, [("ARG101", "warning"), ("ARG103", "warning")])


def test_pyproject_tool_argmap_with_severity_table(tmp_path, run_cli):
    text = '[project]\nname = "x"\n\n[tool.argmap]\nselect = ["ARG1"]\n\n[tool.argmap.severity]\nuncited-fact = "error"\n'
    path = _layout(tmp_path, "pyproject.toml", text)
    assert _audit(run_cli, path) == (1, [("ARG102", "error"), ("ARG101", "warning"), ("ARG103", "warning")])


def test_pyproject_without_tool_argmap_is_skipped(tmp_path):
    (tmp_path / "argmap.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    inner = tmp_path / "proj"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert discover(inner / "m.yaml").fail_on == "info"


def test_nearest_configuration_wins(tmp_path):
    (tmp_path / "argmap.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    inner = tmp_path / "proj"
    inner.mkdir()
    (inner / "argmap.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert discover(inner / "m.yaml").fail_on == "never"


def test_command_line_wins_over_file(tmp_path, run_cli):
    path = _layout(tmp_path, "argmap.toml", 'select = ["ARG102"]\nfail-on = "info"\n')
    assert _audit(run_cli, path) == (1, [("ARG102", "info")])
    assert _audit(run_cli, path, "--select", "ARG103", "--fail-on", "error") == (0, [("ARG103", "warning")])


def test_extend_select_adds_to_the_defaults(tmp_path, run_cli):
    from argmap.audit import rules

    off = [r for r in rules() if not r.enabled]
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    base = _audit(run_cli, path)
    assert _audit(run_cli, path, "--extend-select", "ARG2,ARG3") == base
    assert _audit(run_cli, path, "--select", "ARG102", "--extend-select", "ARG103") == (
        0,
        [("ARG102", "info"), ("ARG103", "warning")],
    )
    for r in off:  # rules that are off by default run when extend-selected
        assert not Config().selects(r) and Config(extend_select=[r.code]).selects(r)
        assert not Config(extend_select=[r.code], ignore=[r.name]).selects(r)
    (tmp_path / "x").mkdir()
    cfg = _layout(tmp_path / "x", "argmap.toml", 'select = ["ARG102"]\nextend-select = ["unsupported-step"]\n')
    assert _audit(run_cli, cfg)[1] == [("ARG102", "info"), ("ARG103", "warning")]


def test_explicit_config_option(tmp_path, run_cli):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    other = tmp_path / "elsewhere.toml"
    other.write_text('ignore = ["ARG1"]\n', encoding="utf-8")
    assert _audit(run_cli, path, "--config", other) == (0, [])


def test_severity_override_applies_in_run(tmp_path):
    cfg = Config(severity={"ARG103": Severity.error})
    assert cfg.severity_of(rule("ARG103")) is Severity.error
    assert cfg.severity_of(rule("ARG102")) is Severity.info


def test_severity_by_family_prefix_and_by_name(tmp_path, run_cli):
    text = '[severity]\nARG1 = "error"\nuncited-fact = "warning"\n'
    path = _layout(tmp_path, "argmap.toml", text)
    assert _audit(run_cli, path) == (1, [("ARG102", "warning"), ("ARG101", "error"), ("ARG103", "error")])


@pytest.mark.parametrize(
    "text,where,fragment",
    [
        ('select = ["ARG1"\n', ":2:1:", "invalid TOML"),
        ('fail-on = "warning"\nselct = ["ARG1"]\n', ":2:1:", "unknown argmap setting 'selct' (did you mean 'select'?)"),
        ('ignore = ["ARG1O1"]\n', ":1:11:", "'ARG1O1' matches no audit rule"),
        ('fail-on = "sometimes"\n', ":1:1:", "'fail-on' must be one of error, warning, info, never"),
        ('\n[severity]\nARG101 = "fatal"\n', ":3:1:", "severity of 'ARG101' must be info, warning or error"),
        ('select = "ARG1"\nignore = [1]\n', ":2:1:", "'ignore' must be a list"),
    ],
)
def test_bad_configuration_gives_located_error(tmp_path, run_cli, text, where, fragment):
    path = _layout(tmp_path, "argmap.toml", text)
    with pytest.raises(ArgmapError) as exc:
        load_config(tmp_path / "argmap.toml")
    message = str(exc.value.diagnostics[0])
    assert message.startswith(str(tmp_path / "argmap.toml") + where) and fragment in message, message
    result = run_cli("audit", path)
    assert result.exit_code == 2 and f"argmap: error: {message}" in result.stderr  # a configuration error: 2
