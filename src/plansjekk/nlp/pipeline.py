"""Annotate a Document: every heading and paragraph, split into sentences of lemma-keyed tokens.

Tokens follow spaCy's `nb` tokenizer rules (its exceptions keep "f.eks.", "bl.a.", "PP-tjenesten",
"29.05.2024" whole); no trained model is used. `tokenize` runs them through tokenizer.py's
RuleTokenizer, which rebuilds spaCy's tokenizer from rules exported once into a cache, so
checking a document does not import spaCy (~0.8 s); only building that cache, the spaCy
fallback and `get_nlp` (for API users) do. Each token carries its matching keys from the
Ordbank lexicon.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from plansjekk.model import Document
from plansjekk.nlp.lexicon import Lexicon, get_lexicon
from plansjekk.nlp.sentences import sentence_spans, split_sentences
from plansjekk.nlp.tokenizer import get_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Sentence", "Token", "annotate", "get_nlp", "split_sentences", "tokenize"]

SPLIT_KINDS = frozenset({"body"})  # other kinds (lists, table rows, headings) stay one unit
UNMARK_KINDS = frozenset({"body", "list_item"})  # drop a leading "• "; table rows keep "–" cells


class Token(NamedTuple):  # a tuple: a 60-page plan has ~25,000 of them, made 3× faster than a dataclass
    text: str
    lower: str
    keys: frozenset[str]  # Lexicon.analyse(lower): the word, its lemmas, its compound heads
    start: int  # character offsets within Sentence.text
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: tuple[Token, ...]
    section_index: int  # index into Document.sections
    paragraph_index: int  # index within the section's paragraphs; -1 for the heading
    page: int | None
    line: int | None
    kind: str  # "body", "list_item", "table_row", "table_header", "heading"
    heading: str | None  # heading of the section the sentence is in
    offset: int = 0  # where `text` starts in the paragraph (or heading) text


_NLP_LOCK = threading.Lock()
_NLP: Language | None = None


LEMMATIZER = "plansjekk_ordbank_lemmatizer"


def get_nlp() -> Language:
    """The shared Norwegian pipeline: spaCy's blank "nb" tokenizer plus a lemmatizer component
    backed by the Norsk Ordbank lexicon (no trained model exists, none is needed).

    `annotate` calls the tokenizer directly and reads lemmas, compound heads included, from the
    same lexicon in one pass; the component serves whoever runs the pipeline on a text."""
    global _NLP
    if _NLP is None:
        with _NLP_LOCK:
            if _NLP is None:
                import spacy
                from spacy.language import Language

                if not Language.has_factory(LEMMATIZER):
                    Language.component(LEMMATIZER, func=_lemmatize)
                nlp = spacy.blank("nb")
                nlp.add_pipe(LEMMATIZER)
                _NLP = nlp
    return _NLP


def _lemmatize(doc: Any) -> Any:
    """Set each token's lemma from Ordbank; unknown forms (nynorsk among them) keep their form."""
    lexicon = get_lexicon()
    for token in doc:
        lemmas = lexicon.lemmas(token.lower_)
        token.lemma_ = lemmas[0] if lemmas else token.lower_
    return doc


@dataclass(frozen=True)
class _Unit:
    text: str
    section_index: int
    paragraph_index: int
    page: int | None
    line: int | None
    kind: str
    heading: str | None
    offset: int


def _units(document: Document) -> Iterator[_Unit]:
    """Headings and paragraphs in document order, cut into sentence-sized units."""
    for si, section in enumerate(document.sections):
        heading = section.heading
        if heading:
            for s, e, _ in sentence_spans(heading, split=False, unmark=False):
                yield _Unit(heading[s:e], si, -1, section.page_start, section.line, "heading", heading, s)
        for pi, para in enumerate(section.paragraphs):
            kind = getattr(para.kind, "value", para.kind)
            spans = sentence_spans(para.text, split=kind in SPLIT_KINDS, unmark=kind in UNMARK_KINDS)
            for s, e, bullet in spans:
                unit_kind = "list_item" if bullet and kind == "body" else kind
                yield _Unit(para.text[s:e], si, pi, para.page, para.line, unit_kind, heading, s)


def tokenize(texts: list[str], lexicon: Lexicon | None = None) -> list[tuple[Token, ...]]:
    """Tokenize many texts in one batch; whitespace tokens are dropped."""
    lexicon = lexicon or get_lexicon()
    analyse = lexicon.analyse
    out: list[tuple[Token, ...]] = []
    tokenizer = get_tokenizer()  # spaCy's rules without spaCy: (text, offset) per token
    seen: dict[str, tuple[str, frozenset[str]] | None] = {}  # word -> (lower, keys); None for space
    for text in texts:
        tokens = []
        for word, start in tokenizer(text):
            if word in seen:
                known = seen[word]
            else:
                known = seen[word] = None if word.isspace() else _lower_and_keys(word, analyse)  # spaCy's is_space
            if known is not None:
                tokens.append(Token(word, known[0], known[1], start, start + len(word)))
        out.append(tuple(tokens))
    return out


def _lower_and_keys(word: str, analyse: Callable[[str], frozenset[str]]) -> tuple[str, frozenset[str]]:
    lower = word.lower()  # spaCy's lower_
    if not lower.isascii():
        lower = unicodedata.normalize("NFC", lower)
    return lower, analyse(lower)


def annotate(document: Document, lexicon: Lexicon | None = None) -> list[Sentence]:
    """Every heading and paragraph of the document, in order, as tokenized sentences."""
    units = list(_units(document))
    token_lists = tokenize([u.text for u in units], lexicon)
    return [
        Sentence(u.text, toks, u.section_index, u.paragraph_index, u.page, u.line, u.kind, u.heading, u.offset)
        for u, toks in zip(units, token_lists)
    ]
