"""Exclusions as spans (DOMAIN.md points 1, 2, 10, 12), their data in unntak.yaml, and the
first-character lookahead the compiled patterns carry.

The lookahead proof: each fast pattern is `(?=[first])(?:pattern)`. Here the inner pattern is
parsed with the standard library's regex parser by an analysis written independently of the
one in engine/phrases.py, and every character that can begin a match must be in `first`, so the
lookahead only skips positions where no match can start.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers_engine import check_text, status

from plansjekk.engine.exclusions import covered_words, covers
from plansjekk.engine.phrases import fast_pattern, first_chars, plain_pattern
from plansjekk.engine.selftest import run_exclusion_examples

try:  # the regex parser moved in Python 3.11
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

FAST = re.compile(r"^\(\?=\[(?P<first>[^\]]+)\]\)\(\?:(?P<inner>.*)\)$", re.DOTALL)
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "planer"


def _fast_patterns(ruleset) -> dict[str, re.Pattern[str]]:
    rules = ruleset.exclusions
    found = {f"{p.kind}.{p.name}": p.regex for p in rules.patterns if p.regex is not None}
    found.update({f"{p.kind}.{p.name}.requires{i}": r for p in rules.patterns for i, r in enumerate(p.requires)})
    found["egen_stemme"] = rules.own_voice
    return {name: rx for name, rx in found.items() if FAST.match(rx.pattern)}


# --- the data's own examples ------------------------------------------------------------------

def _example_cases():
    from plansjekk.engine.loader import load_rules
    from plansjekk.settings import Settings

    return [pytest.param(r, id=f"{r.kind}-{i}") for i, r in enumerate(run_exclusion_examples(load_rules(Settings())))]


@pytest.mark.parametrize("result", _example_cases())
def test_exclusion_example(result):
    """Exactly the [bracketed] words of each example in unntak.yaml are excluded for its kind."""
    assert result.got == result.expected, f"{result.where}: {result.marked}"


def test_every_kind_has_examples_that_exclude_and_that_keep(ruleset):
    examples = ruleset.exclusions.examples
    kinds = {p.kind for p in ruleset.exclusions.patterns}
    for kind in kinds:
        marked = [e for e in examples if e.kind == kind]
        assert any("[" in e.marked for e in marked), kind
        assert any("[" not in e.marked or e.marked.strip()[0] != "[" for e in marked), kind


def test_a_wrong_example_fails_the_selftest(tmp_path, ruleset):
    """The example check can fail: a sentence marked as excluded that the patterns keep."""
    import shutil

    from plansjekk.engine.loader import default_pack_dir, load_rules
    from plansjekk.settings import Settings

    pack = tmp_path / "pakke"
    shutil.copytree(default_pack_dir(), pack)
    path = pack / "unntak.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Familieteamet møtes hver uke og fordeler saker mellom tjenestene."',
                                 '"[Familieteamet møtes hver uke og fordeler saker mellom tjenestene.]"'),
                    encoding="utf-8")
    failed = [r for r in run_exclusion_examples(load_rules(Settings(rule_dirs=(pack,)))) if not r.ok]
    assert [r.kind for r in failed] == ["reformbakgrunn"]
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "[Familieteamet" in t)
    assert failed[0].where.endswith(f"unntak.yaml:{line}")


# --- spans, not sentences ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, kind, kept", [
    ("Etter at reformen kom, har vi opprettet et oppvekstteam som samles annenhver uke.", "reformbakgrunn",
     "har vi opprettet et oppvekstteam som samles annenhver uke"),
    ("Etter at reforma kom, har me oppretta eit oppvekstteam som møtest annakvar veke.", "reformbakgrunn",
     "har me oppretta eit oppvekstteam som møtest annakvar veke"),
    ("Vi har etter barnevernsreformen opprettet et oppvekstteam som møtes hver måned.", "reformbakgrunn",
     "Vi har opprettet et oppvekstteam som møtes hver måned"),
    ("Vi vil at alle barn skal få hjelp tidlig, i tråd med lovkravet.", "lovsitat",
     "Vi vil at alle barn skal få hjelp tidlig"),
    ("I samsvar med lova skal me samordne tenestene, og familieteamet møtest kvar veke.", "lovsitat",
     "skal me samordne tenestene og familieteamet møtest kvar veke"),
    ("Bufdir anbefaler et tverrfaglig team, og vi har derfor opprettet et oppvekstteam.", "veiledning",
     "og vi har derfor opprettet et oppvekstteam"),
])
def test_own_content_in_the_same_sentence_is_kept(ruleset, sentence, kind, kept):
    spans = [s for s in ruleset.exclusions.spans(sentence) if s.reason == kind]
    assert spans, sentence
    words = [m.group(0) for m in re.finditer(r"\w+", sentence)]
    covered = set(covered_words(sentence, spans))
    assert " ".join(w for i, w in enumerate(words) if i not in covered) == " ".join(re.findall(r"\w+", kept))
    assert not covers(sentence, spans)


@pytest.mark.parametrize("sentence, kind", [
    ("Kommunestyret selv skal vedta en plan for kommunens forebyggende arbeid etter første ledd.", "lovsitat"),
    ("Planen skal beskrive hva som er målene for arbeidet, hvordan arbeidet skal organiseres og fordeles "
     "mellom tjenestene, og hvordan tjenestene skal samarbeide.", "lovsitat"),
    ("Loven sier at planen skal beskrive mål, organisering og samarbeid.", "lovsitat"),
    ("Målene for reformen er at barn og familier skal få riktig hjelp til riktig tid.", "reformbakgrunn"),
    ("Reformen innebærer at vi får større ansvar for forebygging og samarbeid.", "reformbakgrunn"),
    ("Kommunen skal samordne tjenestene, jf. barnevernsloven § 15-1.", "lovsitat"),
    ("1 Innledning · 2 Mål · 3 Organisering · 4 Samarbeid", "innholdsfortegnelse"),
])
def test_quotes_and_background_are_excluded_whole(ruleset, sentence, kind):
    spans = [s for s in ruleset.exclusions.spans(sentence) if s.reason == kind]
    assert covers(sentence, spans), sentence


def test_a_reference_without_an_obligation_excludes_nothing(ruleset):
    """'Lovkravet' alone is no paraphrase of the law: it needs an obligation ('skal', 'må' …) in
    the sentence, as before."""
    assert not ruleset.exclusions.spans("Planen bygger på lovkravet og på erfaringene våre.")


# --- through the whole pipeline ----------------------------------------------------------------

COLLABORATION = {
    "nb-komma": "Etter at reformen kom, har vi opprettet et oppvekstteam der barnehage, skole og helsestasjon "
                "samarbeider og møtes annenhver uke.",
    "nb-uten-komma": "Siden barnevernsreformen trådte i kraft har vi et oppvekstteam der barnehage, skole og "
                     "helsestasjon samarbeider og møtes annenhver uke.",
    "nn": "Etter at reforma kom, har me oppretta eit oppvekstteam der barnehage, skule og helsestasjon "
          "samarbeider og møtest annakvar veke.",
    "nb-etterpå": "Vi har opprettet et oppvekstteam der barnehage, skole og helsestasjon samarbeider og møtes "
                  "annenhver uke, slik reformen legger opp til.",
}


@pytest.mark.parametrize("sentence", COLLABORATION.values(), ids=COLLABORATION.keys())
def test_own_collaboration_next_to_the_reform_counts(tmp_path, sentence):
    text = f"# Plan for forebyggende arbeid\n\n## Samhandling\n\n{sentence}\n"
    assert status(check_text(tmp_path, text), "samarbeid") == "oppfylt"


@pytest.mark.parametrize("sentence", [
    "Barnevernsreformen skal sikre at barnehage, skole og helsestasjon samarbeider og møtes jevnlig.",
    "Reforma skal sikre at barnehage, skule og helsestasjon samarbeider og møtest jamleg.",
    "Etter loven skal barnehage, skole og helsestasjon samarbeide og møtes jevnlig.",
])
def test_collaboration_that_is_only_reform_or_law_does_not(tmp_path, sentence):
    text = f"# Plan for forebyggende arbeid\n\n## Bakgrunn\n\n{sentence}\n"
    assert status(check_text(tmp_path, text), "samarbeid") == "mangler"


def test_list_items_continue_their_lead_in(tmp_path):
    """A list continues its lead-in's last clause: after a guidance lead-in the items are guidance;
    after an own clause they are the plan's own, even when the lead-in starts with the reform."""
    plan = ("# Plan for forebygging av omsorgssvikt og atferdsvansker\n\n## Mål\n\nVi vil at alle barn i kommunen "
            "skal få hjelp tidlig. Vi skal forebygge omsorgssvikt og atferdsvansker.\n\n## Samarbeid\n\n{}\n")
    guidance = ("Bufdir anbefaler at planen beskriver hvordan tjenestene:\n\n"
                "- samarbeider i faste møter med barnehage, skole og helsestasjon\n"
                "- samarbeider om tidlig innsats for barn og familier")
    assert status(check_text(tmp_path, plan.format(guidance)), "samarbeid") == "mangler"
    own = ("Etter at reformen kom, har vi organisert arbeidet slik:\n\n"
           "- barnehage, skole og helsestasjon samarbeider i faste møter annenhver uke\n"
           "- oppvekstteamet samarbeider om tidlig innsats for barn og familier")
    assert status(check_text(tmp_path, plan.format(own), name="egen.md"), "samarbeid") == "oppfylt"


# --- the first-character lookahead --------------------------------------------------------------

class Unbounded(Exception):
    """A match could start with (almost) any character: no lookahead is possible."""


def independent_first_chars(items: list) -> tuple[set[str], bool]:
    """(characters a match of this sequence can start with, can it match empty?)."""
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op, av) -> tuple[set[str], bool]:
    c = sre_constants
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE:
                chars |= {chr(x) for x in range(value[0], value[1] + 1)}
            else:
                raise Unbounded(kind)
        return chars, False
    if op is c.BRANCH:
        results = [independent_first_chars(list(branch)) for branch in av[1]]
        return set().union(*(r[0] for r in results)), any(r[1] for r in results)
    if op is c.SUBPATTERN:
        return independent_first_chars(list(av[-1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        chars, nullable = independent_first_chars(list(av[2]))
        return chars, nullable or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides
    raise Unbounded(op)


def test_the_checks_use_fast_patterns(ruleset):
    names = set(_fast_patterns(ruleset))
    assert {"lovsitat.lovhenvisning", "lovsitat.lovtekst", "lovsitat.lov_sier", "veiledning.raad",
            "horingsvedtak.hoering", "egen_stemme"} <= names


def test_lookahead_holds_every_character_a_match_can_start_with(ruleset):
    for name, fast in _fast_patterns(ruleset).items():
        m = FAST.match(fast.pattern)
        chars, nullable = independent_first_chars(list(sre_parse.parse(m["inner"], re.IGNORECASE)))
        assert not nullable, name
        missing = {ch for ch in chars if ch.lower() not in m["first"].lower()}
        assert not missing, f"{name}: {''.join(sorted(missing))!r} missing from its first characters"


def test_analysis_finds_a_missing_first_character():
    """The check above can fail: a lookahead without 'k' hides 'kommunen'."""
    chars, _ = independent_first_chars(list(sre_parse.parse(r"\b(kommunen|plan\w*)\b", re.IGNORECASE)))
    assert chars == {"k", "p"}


def test_no_lookahead_when_a_match_can_start_anywhere():
    """'*reform' may start with any letter: no lookahead is proven, the plain pattern is used."""
    assert first_chars(r"\b\w*reform\b") is None
    assert not FAST.match(fast_pattern(r"\b\w*reform\b").pattern)
    assert first_chars(r"(?:skal)?\s+") is None  # may start with a space as well: not claimed
    assert first_chars(r"\bskal\b|§\s*1") == {"s", "§"}


@pytest.mark.parametrize("sample", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_fast_patterns_agree_with_plain_ones_on_the_samples(sample, ruleset):
    from plansjekk.api import extract
    from plansjekk.nlp.sentences import split_sentences

    sentences = [s for section in extract(sample).sections for p in section.paragraphs
                 for s in split_sentences(p.text)]
    assert sentences
    for name, fast in _fast_patterns(ruleset).items():
        plain = plain_pattern(fast)
        assert plain.pattern != fast.pattern
        for text in sentences:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text)


def test_contents_and_pointer_sentences_are_whole_sentence_spans(ruleset):
    """After the merge with evidence's roles: a body line of a contents section and a pointer
    ("Se kapittel 6 …") are excluded as one innholdsfortegnelse span over the whole sentence,
    so no concept hit in them counts; the plan's own sentence next to them keeps no such span."""
    from plansjekk.engine.evaluate import build_context
    from plansjekk.engine.selftest import example_document

    text = ("# Plan for forebygging\n\n## Innhold\n\n- Samarbeid og ansvar\n- Tiltak for barn og familier\n\n"
            "## Samarbeid\n\nSe kapittel 6 for samarbeidet mellom tjenestene.\n"
            "Barnehage, skole og helsestasjon møtes i oppvekstteamet annenhver uke.\n")
    ctx = build_context(example_document(text, "nb"), ruleset)
    spans = {ctx.sentences[i].text: ctx.exclusions.spans(i) for i in range(len(ctx.sentences))
             if ctx.sentences[i].kind != "heading"}
    pointer = "Se kapittel 6 for samarbeidet mellom tjenestene."
    for line in ("Samarbeid og ansvar", "Tiltak for barn og familier", pointer):
        text_spans = next(v for k, v in spans.items() if line in k)
        whole = [s for s in text_spans if s.reason == "innholdsfortegnelse"]
        assert whole and whole[0].start == 0 and whole[0].end >= len(line), line
    own = next(v for k, v in spans.items() if "oppvekstteamet" in k)
    assert not any(s.reason == "innholdsfortegnelse" for s in own)


@pytest.mark.parametrize("sentence, counted", [
    ("Vi prioriterer tidlig hjelp til barn og familier, fordi loven sier at «kommunestyret skal vedta en plan "
     "for det forebyggende arbeidet».", False),
    ("Me prioriterer tidleg hjelp til born og familiar, fordi lova seier at «kommunestyret skal vedta ein plan "
     "for det førebyggjande arbeidet».", False),
    ("Vi skal sikre at alle barn får hjelp tidlig, og loven sier at «kommunestyret skal vedta en plan for det "
     "forebyggende arbeidet».", True),
])
def test_a_goals_section_counts_a_goal_verb_only_outside_the_law_quote(ruleset, sentence, counted):
    """evidence's `rolle` matcher (BV101's goals section) judges each concept hit by its span: the
    sentence is the plan's own ("Vi prioriterer …", not wholly excluded), but its only goal verb
    ("skal") stands inside the law quote, so it is no statement of goals."""
    from plansjekk.engine.evaluate import build_context
    from plansjekk.engine.matchers import match_role
    from plansjekk.engine.selftest import example_document

    bv101 = next(r for r in ruleset.rules if r.code == "BV101")
    role = next(m for m in bv101.evidence if m.type == "rolle")
    ctx = build_context(example_document(f"# Plan for forebygging\n\n## Mål for arbeidet\n\n{sentence}\n", "nb"),
                        ruleset)
    body = next(i for i, s in enumerate(ctx.sentences) if s.kind != "heading")
    assert ctx.excluded(body, list(bv101.exclude)) == []  # not the whole sentence
    out = match_role(role, ctx, list(bv101.exclude))
    assert bool(out.hits) is counted
    assert bool(out.excluded) is not counted


QUOTED_PLAN = """# Plan for forebygging av omsorgssvikt og atferdsvansker

## Mål for arbeidet

Vi prioriterer tidlig hjelp til barn og familier, fordi loven sier at «kommunestyret skal vedta en plan for det
forebyggende arbeidet».

## Tjenestene

Vi legger vekt på tidlig innsats, slik loven krever at «helsestasjonen, barnehagen og skolen skal samarbeide om
barn som trenger hjelp».
Barnehagen gir foreldreveiledning til alle familier som ønsker det.

## Samarbeid

Vi har et oppvekstteam, og reformen sier at «tjenestene skal samarbeide tverrfaglig om barn og familier».
"""


@pytest.mark.parametrize("name", ["kongsvinger-forebyggende-plan-2024-2028.docx", "nord-odal-forebyggende-plan.md",
                                  "ringerike-horingsutkast-plan-forebygging.html", "egen-plan-med-sitater.md"])
def test_no_ranked_quote_rests_on_an_excluded_span(ruleset, name, tmp_path):
    """Evidence-first ranking (ranking.py) over span-level exclusions: every quote a rule would
    show stands on a concept hit outside the excluded spans (for concept matchers), and no quoted
    sentence is excluded as a whole, on sample plans and on an own plan whose sentences are the
    plan's own but hold their goal verb, services and collaboration only inside law quotes."""
    from plansjekk.api import extract
    from plansjekk.engine.evaluate import build_context, decide
    from plansjekk.engine.matchers import MATCHERS
    from plansjekk.engine.ranking import rank
    from plansjekk.engine.schema import FunctionMatcher

    path = Path(__file__).resolve().parents[1] / "samples" / "planer" / name
    if name.startswith("egen-"):
        path = tmp_path / name
        path.write_text(QUOTED_PLAN, encoding="utf-8")
    ctx = build_context(extract(path), ruleset)
    shown = 0
    for rule in ruleset.rules:
        matchers = {m.kind: m for m in rule.evidence if not isinstance(m, FunctionMatcher)}
        if not matchers:
            continue
        exclude = list(rule.exclude)
        outcomes = {kind: MATCHERS[m.type](m, ctx, exclude) for kind, m in matchers.items()}
        _, witnesses = decide(rule, outcomes)
        for hit in rank(rule, ctx, [(kind, outcomes[kind].hits) for kind in witnesses]):
            m = matchers[hit.kind]
            assert ctx.excluded(hit.sentence, exclude) == [], (rule.code, ctx.sentences[hit.sentence].text)
            groups = (m.all if m.type == "samtidig" else [m.concepts] if m.type in ("terms", "rolle") and m.concepts
                      else [[f"tjeneste:{hit.terms[0]}"]] if m.type == "tjenester" else [])
            for group in groups:
                assert any(not ctx.excluded_at(c, hit.sentence, match, exclude)
                           for c in group for match in ctx.hits(c).get(hit.sentence, ())), \
                    (rule.code, group, ctx.sentences[hit.sentence].text)
            shown += 1
    assert shown > (2 if name.startswith("egen-") else 20)  # there is evidence: the check above ran
