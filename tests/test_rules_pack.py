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
    assert {r.code: r.name for r in ruleset.rules if r.pack == "bvl-15-1"} == CATALOGUE


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


def _line_of(text: str, needle: str) -> int:
    """The 1-based line of the only line holding `needle` (so a test cannot pass on a wrong line)."""
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    assert lines[0] > 1
    return lines[0]


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    text = "code: X001\ntitle: {nb: a, en: b}\nname: x\nseverity: [feil\n"
    pack = _broken_pack(tmp_path, "X001.yaml", text)
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    assert str(error.value).startswith(f"{pack / 'X001.yaml'}:5:")  # libyaml notices at the end of input


def test_schema_error_names_file_line_and_field(tmp_path):
    base = (default_pack_dir() / "BV210-ressurser.yaml").read_text(encoding="utf-8")
    broken = base.replace("severity: info", "severity: kritisk")
    pack = _broken_pack(tmp_path, "BV210-ressurser.yaml", broken)
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    assert f"BV210-ressurser.yaml:{_line_of(broken, 'severity: kritisk')}: severity:" in str(error.value)


def test_schema_error_inside_a_matcher_names_its_line(tmp_path):
    base = (default_pack_dir() / "BV208-innsatsnivaa.yaml").read_text(encoding="utf-8")
    broken = base.replace("    concepts: [innsatsnivaa]", "    concepts: [innsatsnivaa]\n    farge: rød", 1)
    assert "farge: rød" in broken
    pack = _broken_pack(tmp_path, "BV208.yaml", broken)
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    assert f"BV208.yaml:{_line_of(broken, 'farge: rød')}: evidence.0.farge:" in str(error.value)


def test_duplicate_key_names_its_second_line(tmp_path):
    base = (default_pack_dir() / "BV210-ressurser.yaml").read_text(encoding="utf-8")
    broken = base.replace("severity: info\n", "severity: info\ntags: [a]\nseverity: feil\n")
    pack = _broken_pack(tmp_path, "BV210.yaml", broken)
    with pytest.raises(RuleFileError) as error:
        load_pack(pack)
    message = str(error.value)
    assert f"BV210.yaml:{_line_of(broken, 'severity: feil')}:" in message
    assert f"først på linje {_line_of(broken, 'severity: info')}" in message


def _pack_with(tmp_path: Path, filename: str, edit) -> tuple[Path, str]:
    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    path = pack / filename
    text = edit(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return pack, text


def _error(pack: Path) -> str:
    from plansjekk.engine.loader import _load_all

    with pytest.raises(RuleFileError) as error:
        _load_all((pack,))
    return str(error.value)


def test_a_term_twice_in_one_concept_names_its_line(tmp_path):
    pack, text = _pack_with(tmp_path, "begreper.yaml", lambda t: t.replace(
        "  maal: [mål, målet,", "  maal: [mål, målet,\n         oppvekstmål, målet,", 1))
    message = _error(pack)
    assert f"begreper.yaml:{_line_of(text, 'oppvekstmål, målet')}: begreper.maal: «målet» står to ganger" in message
    assert f"først på linje {_line_of(text, '  maal: [mål, målet,')}" in message


def test_a_wildcard_inside_a_word_is_an_error_on_its_line(tmp_path):
    # "barnevern*tjeneste*" once matched nothing at all; the loader now says why
    pack, text = _pack_with(tmp_path, "begreper.yaml", lambda t: t.replace(
        "  maal: [mål, målet,", "  maal: [mål, målet,\n         oppvekst*mål,", 1))
    message = _error(pack)
    assert f"begreper.yaml:{_line_of(text, 'oppvekst*mål,')}: begreper.maal: «oppvekst*mål»" in message
    assert "* kan bare stå først eller sist i et ord" in message


def test_a_concept_defined_twice_is_an_error(tmp_path):
    pack, text = _pack_with(tmp_path, "begreper.yaml", lambda t: t.replace(
        "begreper:\n", "begreper:\n  maal: [oppvekstmål]\n", 1))
    message = _error(pack)
    assert "«maal» står to ganger" in message
    assert f"først på linje {_line_of(text, '  maal: [oppvekstmål]')}" in message


def test_a_phrase_twice_in_one_list_names_its_line(tmp_path):
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t.replace(
        "  plikt_modal: [skal, må, bør]", "  plikt_modal: [skal, må, bør,\n                Skal]", 1))
    message = _error(pack)
    assert f"unntak.yaml:{_line_of(text, '                Skal]')}: plikt_modal: «Skal» står to ganger" in message


def test_a_phrase_twice_through_a_reference_is_an_error(tmp_path):
    """'modal' holds {plikt_modal}, which holds 'skal': listing 'skal' in 'modal' again is a duplicate."""
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t.replace(
        '  modal: ["{plikt_modal}", plikt*,', '  modal: ["{plikt_modal}", plikt*,\n         skal,', 1))
    message = _error(pack)
    assert f"unntak.yaml:{_line_of(text, '         skal,')}: modal: «skal» står to ganger" in message


def test_a_list_in_two_phrase_files_names_both(tmp_path, monkeypatch):
    from plansjekk.engine import loader

    monkeypatch.setattr(loader, "PHRASE_FILES", ("unntak.yaml", "vedtak.yaml"))
    monkeypatch.setattr(loader, "DATA_FILES", (*loader.DATA_FILES, "vedtak.yaml"))
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t)
    (pack / "vedtak.yaml").write_text("# adoption phrases\nlists:\n  vedtatt: [vedtatt]\n  modal: [skal]\n",
                                      encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        loader.load_pack(pack)
    message = str(error.value)
    first = f"{pack / 'unntak.yaml'}:{_line_of(text, '  modal: [')}"
    assert f"vedtak.yaml:4: listen «modal» er allerede definert i {first}" in message


def test_an_unknown_list_names_the_phrase_line(tmp_path):
    anchor = '"{kva} som er {begrep:maal} for arbeidet",'
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t.replace(
        anchor, anchor + '\n                  "{finnes_ikke} loven",', 1))
    assert f"unntak.yaml:{_line_of(text, '{finnes_ikke} loven')}: ukjent liste «{{finnes_ikke}}»" in _error(pack)


def test_an_unknown_concept_in_a_phrase_is_an_error(tmp_path):
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t.replace(
        "{begrep:maal} for arbeidet", "{begrep:maalx} for arbeidet", 1))
    assert f"unntak.yaml:{_line_of(text, '{begrep:maalx}')}: ukjent begrep «maalx»" in _error(pack)


@pytest.mark.parametrize("old, new, needle, field", [
    ('        scope: henvisning\n        phrases: ["{lovhenvisning}"]',
     '        scope: overalt\n        phrases: ["{lovhenvisning}"]', "scope: overalt",
     "exclusions.lovsitat.patterns.4.scope"),
    ("  reformbakgrunn:\n", "  reformbakgrun:\n", "reformbakgrun:", "exclusions.reformbakgrun"),
    ("        min_count: 3", "        min_count: tre", "min_count: tre",
     "exclusions.innholdsfortegnelse.patterns.0.min_count"),
    ("        min_count: 3", "        min_count: 3\n        farge: rød", "farge: rød",
     "exclusions.innholdsfortegnelse.patterns.0.farge"),
    ('      - "Kommunestyret vedtok planen 12. juni 2024."', "      - [Kommunestyret vedtok planen]",
     "- [Kommunestyret vedtok planen]", "exclusions.horingsvedtak.examples.1"),
])
def test_exclusion_file_schema_error_names_the_line(tmp_path, old, new, needle, field):
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    pack, text = _pack_with(tmp_path, "unntak.yaml", edit)
    assert f"unntak.yaml:{_line_of(text, needle)}: {field}:" in _error(pack)


def test_exclusion_file_missing_key_names_the_mapping(tmp_path):
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t.replace(
        "    description: Å sende en plan på høring er ikke å vedta den.\n", "", 1))
    assert f"unntak.yaml:{_line_of(text, 'horingsvedtak:')}: exclusions.horingsvedtak: mangler «description»" \
        in _error(pack)


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
    assert len([c for c in rules if c.startswith("BV")]) == len(CATALOGUE)


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
    expected = "oppfylt when: (levels_named (≥2 hits, ≥2 distinct) | levels_matrix (≥2 distinct) | (level_all &"
    assert expected in " ".join(english.output.split())
    assert runner.invoke(app, ["regler", "vis", "BV999"]).exit_code == 2
    assert runner.invoke(app, ["regler", "test"]).exit_code == 0
    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    rule = pack / "BV208-innsatsnivaa.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("expect: mangler", "expect: oppfylt"), encoding="utf-8")
    failing = runner.invoke(app, ["regler", "--regler", str(pack), "test"])
    assert failing.exit_code == 1 and "BV208" in failing.output


# --- one definition of a concept ---------------------------------------------------------------

GOALS = ("Alle barn og unge i kommunen skal oppleve trygghet, mestring og tilhørighet, og familier som "
         "strever skal få hjelp tidlig.")
MAAL = ("Alle born og unge i kommunen skal oppleve tryggleik, meistring og tilhøyrsle, og familiar som "
        "strevar skal få hjelp tidleg.")


@pytest.mark.parametrize("heading, body", [
    ("Mål for arbeidet", GOALS), ("Hovedmålene våre", GOALS), ("Visjon og delmål", GOALS),
    ("Visjonar", MAAL), ("Hovudmåla våre", MAAL), ("Målsetjingane", MAAL), ("Dette vil vi oppnå", GOALS),
])
def test_a_goals_heading_is_found_through_the_goals_concept(tmp_path, heading, body):
    from helpers_engine import check_text, status

    text = f"# Plan for forebygging\n\n## {heading}\n\n{body}\n"
    assert status(check_text(tmp_path, text), "maal") == "oppfylt"


@pytest.mark.parametrize("heading, body", [
    ("Formålet med planen", "Formålet med denne planen er å gi en oversikt over hvordan tjenestene i kommunen "
                            "arbeider, og hvilket ansvar hver tjeneste har i det forebyggende arbeidet."),
    ("Føremålet med planen", "Føremålet med denne planen er å gje eit oversyn over korleis tenestene i kommunen "
                             "arbeider, og kva ansvar kvar teneste har i det førebyggjande arbeidet."),
])
def test_the_purpose_of_the_document_is_not_a_goal(tmp_path, heading, body):
    """DOMAIN.md point 9: 'formål'/'føremål' has the compound head 'mål' but is no goal."""
    from helpers_engine import check_text, status

    assert status(check_text(tmp_path, f"# Plan for forebygging\n\n## {heading}\n\n{body}\n"), "maal") == "mangler"


def test_goals_are_defined_once_and_every_rule_follows_that_definition(tmp_path, ruleset):
    """BV101's goal matchers and the exclusion data name the concept `maal`; no regex of their own
    spells out 'mål'. A word added to the concept reaches both. (BV101's goals section is now
    known by its role, roller.yaml; its own-goal sentence still by the concept.)"""
    bv101 = next(r for r in ruleset.rules if r.code == "BV101")
    assert not any(m.type == "overskrift" for m in bv101.evidence)
    own_goal = next(m for m in bv101.evidence if m.type == "samtidig")
    assert ["maal"] in own_goal.all
    assert "{begrep:maal}" in (default_pack_dir() / "unntak.yaml").read_text(encoding="utf-8")

    from plansjekk.engine.adoption import find_adoption
    from plansjekk.engine.evaluate import build_context, evaluate_rule
    from plansjekk.engine.selftest import example_document

    text = "# Plan for forebygging\n\nSiktepunktet vårt er at alle barn i kommunen skal vokse opp trygt.\n"
    pack, _ = _pack_with(tmp_path, "begreper.yaml",
                         lambda t: t.replace("  maal: [mål,", "  maal: [siktepunkt*, mål,", 1))
    extended = load_rules(Settings(rule_dirs=(pack,)))
    for rules, expected in ((ruleset, "mangler"), (extended, "oppfylt")):
        ctx = build_context(example_document(text, "nb"), rules)
        rule = next(r for r in rules.rules if r.code == "BV101")
        got = evaluate_rule(rule, ctx, find_adoption(ctx), "nb", explain=False).status.value
        assert got in (("mangler", "delvis") if expected == "mangler" else ("oppfylt",)), (expected, got)
    background = "Tiltakene følger de nasjonale siktepunktene for oppvekst."
    assert "reformbakgrunn" not in ruleset.exclusions.reasons(background)
    assert "reformbakgrunn" in extended.exclusions.reasons(background)


def test_rules_show_names_the_roles_and_concepts_a_rule_uses():
    from typer.testing import CliRunner

    from plansjekk.cli import app

    shown = CliRunner().invoke(app, ["regler", "vis", "BV101"])
    assert shown.exit_code == 0
    assert "goals_section = rolle: maal + maal_verb" in shown.output
    assert "own_goal = samtidig: maal + maal_innhold" in shown.output


def test_cli_rules_test_fails_on_a_wrong_exclusion_example(tmp_path):
    """`plansjekk regler test` runs the exclusion examples too and names the example's line."""
    from typer.testing import CliRunner

    from plansjekk.cli import app

    marked = '"[Bufdir anbefaler at planen har mål for arbeidet.]"'
    plain = marked.replace("[", "").replace("]", "")
    pack, text = _pack_with(tmp_path, "unntak.yaml", lambda t: t.replace(marked, plain))
    result = CliRunner().invoke(app, ["regler", "--regler", str(pack), "test"])
    assert result.exit_code == 1
    line = _line_of(text, '"Bufdir anbefaler at planen har mål for arbeidet."')
    assert f"unntak.yaml:{line}:veiledning" in "".join(result.output.split())  # however the terminal wraps


@pytest.mark.parametrize("old, new, needle, message", [
    ("    bakgrunn: true\n", "    bakgrunn: kanskje\n", "bakgrunn: kanskje", "roller.kunnskap.bakgrunn:"),
    ('  - {overskrift: "Hit vil vi", rolle: maal}', '  - {overskrift: "Hit vil vi", rolle: maall}',
     "rolle: maall", "ukjent rolle «maall»"),
])
def test_a_roles_file_error_names_its_line(tmp_path, old, new, needle, message):
    """roller.yaml (evidence's section roles) is read like the other data files: errors name the line."""
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    pack, text = _pack_with(tmp_path, "roller.yaml", edit)
    error = _error(pack)
    assert f"roller.yaml:{_line_of(text, needle)}:" in error and message in error
