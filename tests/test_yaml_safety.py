"""Every YAML file plansjekk reads goes through one safe reader (defects 11 and 12 of issue 12).

Aliases are refused (a "billion laughs" file is an error, not gigabytes), impossible dates and
broken regular expressions are errors naming the file and line, on load, before any check.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plansjekk.batch.overrides import load_overrides
from plansjekk.cli import app
from plansjekk.engine.loader import default_pack_dir, load_pack
from plansjekk.errors import PlansjekkError, RuleFileError
from plansjekk.safe_yaml import YamlError, parse_yaml

LAUGHS = "\n".join(["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
                   + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
                      f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
                      for i in range(8)]) + "\n"


def test_an_alias_bomb_is_refused_with_its_line() -> None:
    with pytest.raises(YamlError, match=r"x\.yaml:\d+: YAML-ankere og -aliaser"):
        parse_yaml(LAUGHS, Path("x.yaml"))


def test_plain_yaml_still_loads_with_lines() -> None:
    data = parse_yaml("navn: Hole\nliste:\n  - a: 1\n", Path("x.yaml"))
    assert data["navn"] == "Hole" and data["liste"][0] == {"a": 1, "__line__": 3}


def _pack_with(tmp_path: Path, name: str, text: str) -> Path:
    pack = tmp_path / "pakke"
    pack.mkdir()
    shutil.copy(default_pack_dir() / "begreper.yaml", pack / "begreper.yaml")
    (pack / name).write_text(text, encoding="utf-8")
    return pack


def test_alias_bomb_in_a_rule_file_is_a_rule_file_error(tmp_path: Path) -> None:
    pack = _pack_with(tmp_path, "X001.yaml", LAUGHS)
    with pytest.raises(RuleFileError, match="X001.yaml:.*aliaser"):
        load_pack(pack)


def test_alias_bomb_in_overrides_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "overstyringer.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(PlansjekkError, match="overstyringer.yaml:.*aliaser"):
        load_overrides(path, [])


@pytest.mark.parametrize("body, message", [
    ("- kommune: Asker\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n  dato: 2024-13-45\n",
     r"overstyringer\.yaml:5: ugyldig verdi «2024-13-45»"),
    ("- kommune: [Asker, Bærum]\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n",
     r"overstyringer\.yaml:1: «kommune» må være én verdi"),
    ("- kommune: Asker\n  regel: {kode: BV101}\n  status: oppfylt\n  begrunnelse: x\n",
     r"overstyringer\.yaml:1: «regel» må være én verdi"),
])
def test_override_values_of_the_wrong_kind_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    from fixtures_results import RULES

    path = tmp_path / "overstyringer.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PlansjekkError, match=message):
        load_overrides(path, RULES)


def _broken_rule(tmp_path: Path) -> tuple[Path, int]:
    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    rule = pack / "BV104-samarbeid.yaml"
    text = rule.read_text(encoding="utf-8").replace("'samhandling'", "'samhandling(('", 1)
    assert "samhandling((" in text
    rule.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "samhandling((" in t)  # the patterns: line
    return pack, line


def test_an_invalid_regex_is_a_rule_file_error_with_line(tmp_path: Path) -> None:
    pack, line = _broken_rule(tmp_path)
    with pytest.raises(RuleFileError, match=rf"BV104-samarbeid\.yaml:{line}: .*ugyldig regulært uttrykk"):
        load_pack(pack)


def test_cli_exits_2_on_a_bad_rule_value_before_checking(tmp_path: Path) -> None:
    pack, _ = _broken_rule(tmp_path)
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nMålet er at barn skal ha det trygt.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sjekk", str(plan), "--regler", str(pack), "--no-cache"])
    assert result.exit_code == 2, result.output
    assert "BV104-samarbeid.yaml" in result.output and "Traceback" not in result.output


def test_cli_exits_2_on_a_bad_override_date(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text("- kommune: Asker\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n"
                    "  dato: 2024-13-45\n", encoding="utf-8")
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nMålet er at barn skal ha det trygt.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sjekk", str(plan), "--overstyringer", str(path), "--no-cache"])
    assert result.exit_code == 2 and "o.yaml:5" in result.output, result.output
