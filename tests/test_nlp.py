"""NLP layer: Ordbank lexicon, compound heads, sentence splitting, annotate()."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.cachedir import CACHE_ENV
from plansjekk.model import Document, Paragraph, ParagraphKind, Section
from plansjekk.nlp import ordbank
from plansjekk.nlp.lexicon import Lexicon, get_lexicon
from plansjekk.nlp.pipeline import Sentence, annotate, split_sentences, tokenize
from plansjekk.nlp.sentences import sentence_spans


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return get_lexicon()


# --- lexicon: whole-form lemmas ---------------------------------------------------------

@pytest.mark.parametrize("form, lemma", [
    ("målene", "mål"),
    ("tjenestene", "tjeneste"),
    ("samarbeider", "samarbeide"),
    ("kommunen", "kommune"),
    ("foreldre", "forelder"),
    ("barnehagen", "barnehage"),
    ("Tjenesten", "tjeneste"),  # lookup is case-insensitive
    ("er", "være"),
])
def test_lemma_of_common_forms(lex: Lexicon, form: str, lemma: str) -> None:
    assert lemma in lex.lemmas(form)


def test_unknown_word_has_no_lemma_but_keeps_itself(lex: Lexicon) -> None:
    assert lex.lemmas("tenestene") == ()
    assert "tenestene" in lex.analyse("tenestene")


def test_analyse_goals_form(lex: Lexicon) -> None:
    assert lex.analyse("målene") == {"målene", "mål"}


# --- lexicon: compounds -------------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("barnevernstjenesten", {"barnevernstjenesten", "barnevernstjeneste", "tjeneste"}),
    ("skolehelsetjenesten", {"skolehelsetjeneste", "helsetjeneste", "tjeneste"}),
    ("foreldreveiledning", {"foreldreveiledning", "veiledning"}),
    ("helsestasjonen", {"helsestasjon", "stasjon"}),
    ("hovedmålene", {"hovedmål", "mål"}),
    ("atferdsvansker", {"atferdsvanske", "vanske"}),
    ("pp-tjenesten", {"pp-tjeneste", "tjeneste"}),
    ("nav-kontoret", {"kontor"}),
    ("kommunepsykologen", {"psykolog"}),  # not in Ordbank: split anyway
    ("kommunens", {"kommune"}),  # genitive
])
def test_compound_heads(lex: Lexicon, word: str, expected: set[str]) -> None:
    assert expected <= lex.analyse(word)


@pytest.mark.parametrize("word, wrong", [
    ("tiltakene", "tak"),  # "til" is not a noun
    ("spørsmålet", "mål"),  # "spør(s)" is a verb
    ("formålet", "mål"),
    ("tjenesten", "neste"),  # "tje" is no word
    ("beskrive", "rive"),  # verbs are not split
])
def test_no_false_heads(lex: Lexicon, word: str, wrong: str) -> None:
    assert wrong not in lex.analyse(word)


def test_nynorsk_compound_gets_bokmaal_head(lex: Lexicon) -> None:
    keys = lex.analyse("førebyggingsarbeid")
    assert {"førebyggingsarbeid", "arbeid"} <= keys


@pytest.mark.parametrize("word", [
    "", "123", "15-1", "https://www.bufdir.no/barnevern?x=1", "😀", "x" * 5000,
    "a@b.no", "---", "§", "ø" * 70, "\u00e5".join("ab"), "ﬁ", "\x00",
])
def test_odd_input_never_crashes(lex: Lexicon, word: str) -> None:
    keys = lex.analyse(word)
    assert word.lower() in keys or word == ""


def test_decomposed_unicode_is_normalised(lex: Lexicon) -> None:
    decomposed = "ma\u030alene"  # "målene" with a combining ring
    assert "mål" in lex.analyse(decomposed)


# --- cache file ------------------------------------------------------------------------------

SMALL = {"noun": {"tjenesten": ["tjeneste"], "tjeneste": ["tjeneste"], "Mål": ["mål"]},
         "verb": {"samarbeider": ["samarbeide"]}}


def test_cache_is_built_and_rebuilt_when_corrupt(tmp_path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(ordbank, "read_source", lambda: calls.append(1) or SMALL)
    assert not ordbank.is_cached(tmp_path)
    first = Lexicon.load(tmp_path)
    assert ordbank.is_cached(tmp_path)
    assert first.lemmas("tjenesten") == ("tjeneste",) and len(calls) == 1
    path = ordbank.cache_path(tmp_path)
    assert path.exists()
    assert Lexicon.load(tmp_path).lemmas("mål") == ("mål",) and len(calls) == 1  # read from cache

    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # flip bits in the blob: the checksum catches it
    path.write_bytes(bytes(data))
    again = Lexicon.load(tmp_path)
    assert again.lemmas("samarbeider") == ("samarbeide",) and len(calls) == 2
    ordbank.parse(path.read_bytes())  # the rewritten file is valid

    path.write_bytes(b"garbage")
    assert Lexicon.load(tmp_path).lemmas("tjeneste") == ("tjeneste",) and len(calls) == 3


def test_rebuild_removes_stale_versions(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ordbank, "read_source", lambda: SMALL)
    stale = tmp_path / "nb-ordbank-0.9-1-f1.bin"
    stale.write_bytes(b"old")
    Lexicon.load(tmp_path)
    assert not stale.exists() and ordbank.cache_path(tmp_path).exists()


def test_cache_dir_from_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert ordbank.cache_path().parent == tmp_path / "lexicon"


def test_concurrent_builds_leave_one_valid_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ordbank, "read_source", lambda: SMALL)
    errors: list[BaseException] = []

    def build() -> None:
        try:
            Lexicon.load(tmp_path)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [p.name for p in tmp_path.iterdir()] == [ordbank.cache_path(tmp_path).name]
    ordbank.parse(ordbank.cache_path(tmp_path).read_bytes())


def test_compiled_lemma_encoding_roundtrips() -> None:
    tables = {"noun": {"barna": ["barn"], "barn": ["barn"], "gåsa": ["gås"], "menn": ["mann"]},
              "verb": {"var": ["være"]}, "adj": {"var": ["var"]}}
    lex = Lexicon(ordbank.parse(ordbank.compile_tables(tables)))
    assert lex.lemmas("barna") == ("barn",)
    assert lex.lemmas("menn") == ("mann",)
    assert lex.lemmas("gåsa") == ("gås",)
    assert set(lex.lemmas("var")) == {"være", "var"}
    assert lex.noun_lemmas("var") == ()
    assert lex.lemmas("zzz") == () and lex.lemmas("a") == ()


# --- sentence splitting ----------------------------------------------------------------------

def test_abbreviations_and_ordinals_do_not_split() -> None:
    text = ("Kommunen skal bl.a. samarbeide med NAV, jf. barnevernsloven § 15-1. "
            "Tiltak, f.eks. Foreldreveiledning, gis fra 1. januar 2025. Se kap. 3. Tiltak står der. "
            "Det gjelder ca. 40 barn, dvs. Alle i målgruppen. Helsestasjon o.l. Tilbud finnes. "
            "Se Innst. 354 L (2016–2017) og Arkivref. 2011/5093. Slutt.")
    assert split_sentences(text) == [
        "Kommunen skal bl.a. samarbeide med NAV, jf. barnevernsloven § 15-1.",
        "Tiltak, f.eks. Foreldreveiledning, gis fra 1. januar 2025.",
        "Se kap. 3. Tiltak står der.",
        "Det gjelder ca. 40 barn, dvs. Alle i målgruppen.",
        "Helsestasjon o.l. Tilbud finnes.",
        "Se Innst. 354 L (2016–2017) og Arkivref. 2011/5093.",
        "Slutt.",
    ]


def test_question_exclamation_and_quotes_split() -> None:
    assert split_sentences("Hva nå? Vi må handle! «Trygg oppvekst» er planen. 2024 var året.") == [
        "Hva nå?", "Vi må handle!", "«Trygg oppvekst» er planen.", "2024 var året."]


def test_inline_bullets_and_list_lines_split() -> None:
    assert split_sentences("Tjenester: • Helsestasjon • Skole • PP-tjenesten") == [
        "Tjenester:", "Helsestasjon", "Skole", "PP-tjenesten"]
    text = "Ansvar:\n- Helsestasjonen følger opp.\n- Barnehagen melder.\n2) SLT samordner"
    assert split_sentences(text) == [
        "Ansvar:", "Helsestasjonen følger opp.", "Barnehagen melder.", "2) SLT samordner"]


def test_plain_newline_inside_a_sentence_does_not_split() -> None:
    text = "Kommunen skal\nsamarbeide med skolen."
    assert split_sentences(text) == [text]


def test_huge_text_is_capped_not_crashing() -> None:
    parts = split_sentences("ord " * 300_000)  # 1.2 MB without a full stop
    assert len(parts) > 100 and all(len(p) <= 1500 for p in parts)
    assert split_sentences("") == [] and split_sentences(" \n ") == []


# --- annotate -----------------------------------------------------------------------------

def _doc() -> Document:
    return Document(
        path="plan.txt", format="text", pages=3, language="nb", title="Plan",
        sections=(
            Section(None, 0, None, 1, 1, (Paragraph("Plan for forebygging.", 1),)),
            Section("3 Mål", 1, "3", 2, 3, (
                Paragraph("Målene er klare. Barnevernstjenesten skal, jf. § 15-1, samarbeide.", 2),
                Paragraph("Helsestasjonen. Følger opp familier", 3, ParagraphKind.LIST_ITEM),
                Paragraph("– | Ansvar: Skolehelsetjenesten", 3, ParagraphKind.TABLE_ROW, line=40),
                Paragraph("• Barnehagen", 3, ParagraphKind.LIST_ITEM),
            ), line=12),
            Section("4 Førebygging i skulen", 1, "4", 3, 3, (
                Paragraph("Korleis skal tenestene samarbeide? Målet er tidleg innsats for æ, ø og å.", 3),
            )),
        ))


def test_annotate_maps_sections_pages_and_kinds() -> None:
    sentences = annotate(_doc())
    rows = [(s.section_index, s.paragraph_index, s.page, s.kind, s.heading, s.text) for s in sentences]
    assert rows == [
        (0, 0, 1, "body", None, "Plan for forebygging."),
        (1, -1, 2, "heading", "3 Mål", "3 Mål"),
        (1, 0, 2, "body", "3 Mål", "Målene er klare."),
        (1, 0, 2, "body", "3 Mål", "Barnevernstjenesten skal, jf. § 15-1, samarbeide."),
        (1, 1, 3, "list_item", "3 Mål", "Helsestasjonen. Følger opp familier"),
        (1, 2, 3, "table_row", "3 Mål", "– | Ansvar: Skolehelsetjenesten"),  # "–" is an empty cell
        (1, 3, 3, "list_item", "3 Mål", "Barnehagen"),
        (2, -1, 3, "heading", "4 Førebygging i skulen", "4 Førebygging i skulen"),
        (2, 0, 3, "body", "4 Førebygging i skulen", "Korleis skal tenestene samarbeide?"),
        (2, 0, 3, "body", "4 Førebygging i skulen", "Målet er tidleg innsats for æ, ø og å."),
    ]
    assert sentences[5].line == 40 and sentences[1].line == 12
    doc = _doc()
    for s in sentences:  # offset locates the sentence in its source text
        section = doc.sections[s.section_index]
        source = section.heading if s.paragraph_index == -1 else section.paragraphs[s.paragraph_index].text
        assert source[s.offset:s.offset + len(s.text)] == s.text


def test_token_offsets_slice_sentence_text() -> None:
    for s in annotate(_doc()):
        assert s.tokens
        for t in s.tokens:
            assert s.text[t.start:t.end] == t.text
            assert t.lower == t.text.lower()


def test_tokens_carry_lemma_keys() -> None:
    sentences = annotate(_doc())
    by_text = {t.text: t for s in sentences for t in s.tokens}
    assert "tjeneste" in by_text["Barnevernstjenesten"].keys
    assert "mål" in by_text["Målene"].keys
    assert "tjeneste" in by_text["Skolehelsetjenesten"].keys
    assert "jf." in by_text and "15-1" in by_text  # spaCy nb exceptions keep these whole


def test_nynorsk_sentence_survives_with_offsets() -> None:
    text = "Korleis skal tenestene samarbeide om førebygging i skulen? Æ, ø og å er med."
    (tokens, tokens2) = tokenize(split_sentences(text))
    words = [t.text for t in tokens]
    assert words == ["Korleis", "skal", "tenestene", "samarbeide", "om", "førebygging", "i", "skulen", "?"]
    first = split_sentences(text)[0]
    assert all(first[t.start:t.end] == t.text for t in tokens)
    assert [t.lower for t in tokens2][:5] == ["æ", ",", "ø", "og", "å"]
    assert "tenestene" in tokens[2].keys and "samarbeide" in tokens[3].keys


def test_annotate_odd_documents() -> None:
    empty = Document("x", "text", None, None, None, ())
    assert annotate(empty) == []
    weird = Document("x", "text", None, None, None, (
        Section("", 1, None, None, None, (Paragraph("", None), Paragraph("😀 https://x.no 123 §§", None),
                                          Paragraph("•", None), Paragraph("a" * 20000, None))),))
    out = annotate(weird)
    assert all(isinstance(s, Sentence) for s in out)
    assert [t.text for t in out[0].tokens][:2] == ["😀", "https://x.no"]


# --- property: any text survives --------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcæøå ABCÆØÅ.!?§-•\n\t0123456789()«»:;,/") + ["f.eks. ", "jf. ", "😀", "\u030a"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=80).map("".join)))
def test_any_text_gives_consistent_spans_and_tokens(text: str) -> None:
    spans = [(s, e) for s, e, _ in sentence_spans(text)]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))  # in order, no overlap
    doc = Document("x", "text", None, None, None, (Section(text, 1, None, 1, 1, (Paragraph(text, 1),)),))
    for sentence in annotate(doc):
        assert sentence.text.strip() and len(sentence.text) <= 1500
        for t in sentence.tokens:
            assert sentence.text[t.start:t.end] == t.text


def test_spacy_pipeline_has_the_ordbank_lemmatizer_component():
    from plansjekk.nlp.pipeline import LEMMATIZER, get_nlp

    nlp = get_nlp()
    assert nlp.pipe_names == [LEMMATIZER]
    lemmas = {t.text: t.lemma_ for t in nlp("Tjenestene samarbeider om målene, og tenestene førebyggjer.")}
    assert lemmas["Tjenestene"] == "tjeneste" and lemmas["samarbeider"] == "samarbeide"
    assert lemmas["målene"] == "mål"
    assert lemmas["tenestene"] == "tenestene"  # nynorsk: not in Ordbank, kept as written
