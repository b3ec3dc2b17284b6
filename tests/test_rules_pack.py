"""The rule pack as data: every example gives its status, every rule has examples, errors name file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plansjekk.engine.loader import default_pack_dir, load_pack, load_rules
from plansjekk.engine.selftest import run_examples, statuses_rule_can_give
from plansjekk.errors import RuleFileError
from plansjekk.settings import Settings

CATALOGUE = {
    "BV101": "maal", "BV102": "organisering", "BV103": "ansvarsfordeling", "BV104": "samarbeid",
    "BV105": "vedtak", "BV201": "strategier", "BV202": "tjenester", "BV203": "avklaring",
    "BV204": "medvirkning", "BV205": "forankring", "BV206": "kunnskapsgrunnlag", "BV207": "tiltak",
    "BV208": "innsatsnivaa", "BV209": "oppfolging", "BV210": "ressurser", "BV211": "maalgruppe",
    "BV301": "lovhenvisning",
}


def test_catalogue_codes_and_names_are_the_contract(ruleset):
    assert {r.code: r.name for r in ruleset.rules} == CATALOGUE


def _cases():
    ruleset = load_rules(Settings())
    report = run_examples(ruleset)
    return [pytest.param(r, id=f"{r.rule}-{r.example.expect.value}-{r.example.lang}-{i}")
            for i, r in enumerate(report.results)]


@pytest.mark.parametrize("result", _cases())
def test_rule_example(result):
    assert result.got == result.example.expect, result.example.text


def test_every_rule_has_examples_for_each_status_and_both_languages(ruleset):
    for rule in ruleset.rules:
        statuses = {e.expect for e in rule.examples}
        assert set(statuses_rule_can_give(rule)) <= statuses, rule.code
        assert {"nb", "nn"} <= {e.lang for e in rule.examples}, rule.code


def test_selftest_fails_when_a_rule_lacks_an_example(tmp_path, ruleset):
    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    path = pack / "BV208-innsatsnivaa.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("examples:")[0] + "examples: []\n", encoding="utf-8")
    report = run_examples(load_rules(Settings(rule_dirs=(pack,))))
    assert not report.ok
    assert ("BV208", "mangler") in [(code, s.value) for code, s in report.missing]


def _broken_pack(tmp_path: Path, filename: str, text: str) -> Path:
    pack = tmp_path / "egen"
    pack.mkdir()
    (pack / filename).write_text(text, encoding="utf-8")
    return pack


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    pack = _broken_pack(tmp_path, "X001.yaml", "code: X001\nname: [uavsluttet\nseverity: feil\n")
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    assert "X001.yaml:3" in str(error.value) or "X001.yaml:2" in str(error.value)


def test_schema_error_names_file_line_and_field(tmp_path):
    base = (default_pack_dir() / "BV210-ressurser.yaml").read_text(encoding="utf-8")
    broken = base.replace("severity: info", "severity: kritisk")
    pack = _broken_pack(tmp_path, "BV210-ressurser.yaml", broken)
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if text.startswith("severity"))
    message = str(error.value)
    assert "BV210-ressurser.yaml" in message and "severity" in message
    assert f"BV210-ressurser.yaml:{line}: severity" in message


def test_status_condition_naming_an_unknown_kind_names_the_status_line(tmp_path):
    base = (default_pack_dir() / "BV210-ressurser.yaml").read_text(encoding="utf-8")
    broken = base.replace("  delvis: resources_word", "  delvis: finnes_ikke")
    pack = _broken_pack(tmp_path, "BV210-ressurser.yaml", broken)
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if text.startswith("status:"))
    assert f"BV210-ressurser.yaml:{line}: status" in str(error.value) and "finnes_ikke" in str(error.value)


def test_evidence_kind_no_condition_uses_is_an_error(tmp_path):
    base = (default_pack_dir() / "BV210-ressurser.yaml").read_text(encoding="utf-8")
    broken = base.replace("  delvis: resources_word\n", "")
    pack = _broken_pack(tmp_path, "BV210-ressurser.yaml", broken)
    with pytest.raises(RuleFileError, match="resources_word"):
        load_pack(pack)


def test_unknown_matcher_type_is_an_error(tmp_path):
    base = (default_pack_dir() / "BV208-innsatsnivaa.yaml").read_text(encoding="utf-8")
    pack = _broken_pack(tmp_path, "BV208.yaml", base.replace("type: terms", "type: magi", 1))
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    assert "BV208.yaml:" in str(error.value) and "evidence" in str(error.value)


def test_unknown_concept_is_an_error(tmp_path):
    base = (default_pack_dir() / "BV208-innsatsnivaa.yaml").read_text(encoding="utf-8")
    pack = _broken_pack(tmp_path, "BV208.yaml", base.replace("concepts: [innsatsnivaa]", "concepts: [finnes_ikke]", 1))
    with pytest.raises(RuleFileError) as error:
        load_rules(Settings(rule_dirs=(pack,)))
    assert "finnes_ikke" in str(error.value)


def test_extra_pack_overrides_rule_with_same_code(tmp_path):
    base = (default_pack_dir() / "BV210-ressurser.yaml").read_text(encoding="utf-8")
    pack = _broken_pack(tmp_path, "BV210.yaml", base.replace("severity: info", "severity: feil"))
    rules = {r.code: r for r in load_rules(Settings(rule_dirs=(pack,)))}
    assert rules["BV210"].severity.value == "feil"
    assert len(rules) == len(CATALOGUE)


def test_cli_rules_commands(tmp_path):
    from typer.testing import CliRunner

    from plansjekk.cli import app

    runner = CliRunner()
    listing = runner.invoke(app, ["regler", "--lang", "en"])
    assert listing.exit_code == 0 and "BV211" in listing.output
    shown = runner.invoke(app, ["regler", "vis", "ansvarsfordeling"])
    assert shown.exit_code == 0 and "BV103" in shown.output and "with_task" in shown.output
    assert "oppfylt når: (services_with_task (≥3 ulike) | responsibility_table)" in " ".join(shown.output.split())
    english = runner.invoke(app, ["regler", "vis", "BV208", "--lang", "en"])
    assert "oppfylt when: levels_named (≥2 distinct)" in " ".join(english.output.split())
    assert runner.invoke(app, ["regler", "vis", "BV999"]).exit_code == 2
    assert runner.invoke(app, ["regler", "test"]).exit_code == 0
    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    rule = pack / "BV208-innsatsnivaa.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("expect: mangler", "expect: oppfylt"), encoding="utf-8")
    failing = runner.invoke(app, ["regler", "--regler", str(pack), "test"])
    assert failing.exit_code == 1 and "BV208" in failing.output
