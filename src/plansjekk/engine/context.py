"""One document, annotated once for all rules: sentences, exclusion flags, concept hits.

Rules then only ask questions of this context, so the cost of NLP and of matching a
concept is paid once per document, not once per rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from plansjekk.engine.exclusions import DocumentExclusions, ExclusionSet, default_exclusions
from plansjekk.engine.roles import NO_ROLES, Roles, section_roles
from plansjekk.engine.terms import Concept, FormIndex, compile_concept
from plansjekk.model import DocType, Document, Evidence

TASK_CONCEPT = "oppgave"  # the concept of tasks a service is given (begreper.yaml)
POINTER_CONCEPT = "henvisning"  # "se kapittel 6": navigation, never evidence (begreper.yaml)
POINTER_MAX_WORDS = 10  # a longer sentence says something besides where to look


@dataclass
class DocContext:
    document: Document
    sentences: list  # list[plansjekk.nlp.pipeline.Sentence]
    vocabulary: dict[str, tuple[str, ...]]
    services: dict[str, tuple[str, ...]]
    doc_type: DocType = DocType.PLAN
    roles: Roles = NO_ROLES
    shared_concepts: frozenset[str] = frozenset()  # concepts the rules ask for anyway (whole-document hits)
    _hits: dict[str, dict[int, list[tuple[str, int, int]]]] = field(default_factory=dict)

    # Exclusions (exclusions.py, from the rule set's unntak.yaml; the shipped pack's when None).
    exclusion_rules: ExclusionSet | None = None
    _counts: dict[tuple[str, ...], dict[int, int]] = field(default_factory=dict)

    def _never_evidence(self, index: int) -> bool:
        """A body sentence of a contents section (roller.yaml `aldri`) or a pointer: it names,
        it never proves (exclusions.py marks it wholly as innholdsfortegnelse)."""
        s = self.sentences[index]
        return bool(self.section_roles[s.section_index] & self.roles.never) or self._is_pointer(index)

    def _is_pointer(self, index: int) -> bool:
        """A sentence that only says where to look: it opens with the pointer ('Se kapittel 6 for
        tiltakene'), or is short and names no service ('Tiltakene står i kapittel 6')."""
        if POINTER_CONCEPT not in self.vocabulary:
            return False
        found = self.hits(POINTER_CONCEPT).get(index)
        if not found:
            return False
        if found[0][1] <= 3:
            return True
        words = sum(1 for t in self.sentences[index].tokens if t.lower.isalpha())
        return words <= POINTER_MAX_WORDS and index not in self.hits("alle_tjenester")

    @property
    def role_heading_concepts(self) -> dict[str, Concept]:
        """Each role's heading terms, compiled once per rule set (roles.py matches them on headings)."""
        return _role_concepts(self.roles)

    @cached_property
    def _roles_and_certainty(self) -> tuple[list[frozenset[str]], list[bool]]:
        return section_roles(self)

    @property
    def section_roles(self) -> list[frozenset[str]]:
        """The role(s) of every section (roles.py)."""
        return self._roles_and_certainty[0]

    @property
    def role_from_heading(self) -> list[bool]:
        """Per section: its role was read from a heading, not guessed from its content."""
        return self._roles_and_certainty[1]

    @cached_property
    def exclusions(self) -> DocumentExclusions:
        return DocumentExclusions(self.document, self.sentences, self.exclusion_rules or default_exclusions(),
                                  never=self._never_evidence)

    def flags(self, index: int) -> frozenset[str]:
        """Exclusion kinds with an excluded span anywhere in the sentence."""
        return self.exclusions.flags(index)

    def excluded_at(self, concept: str, index: int, match: tuple[str, int, int], kinds: list[str]) -> list[str]:
        """The exclusion kinds (of those asked) whose span holds this match of the concept in
        sentence `index`. A match a list item took over from its lead-in ("Våre mål er:") is
        judged where it stands, in the lead-in."""
        lead_in = self.lead_in_holding(concept, index, match)
        if lead_in is not None:
            return self.exclusions.inside(lead_in, match[1], match[2], kinds) or self.excluded(index, kinds)
        return self.exclusions.inside(index, match[1], match[2], kinds)

    def lead_in_holding(self, concept: str, index: int, match: tuple[str, int, int]) -> int | None:
        """The lead-in ("Desse tenestene har ansvar:") a list item took this match over from, if
        so: its offsets are the lead-in's, not the item's."""
        lead_in = self._lead_ins.get(index)
        return lead_in if lead_in is not None and match in self.hits(concept).get(lead_in, ()) else None

    @cached_property
    def _concepts(self) -> dict[str, Concept]:
        table = {name: compile_concept(name, terms) for name, terms in self.vocabulary.items()}
        table.update({f"tjeneste:{name}": compile_concept(name, terms)
                      for name, terms in self.services.items()})
        every_service = tuple(t for terms in self.services.values() for t in terms)
        table["alle_tjenester"] = compile_concept("alle_tjenester", every_service)
        return table

    @cached_property
    def _occurrences(self) -> dict[str, list[tuple[int, int, int, int]]]:
        """Word form -> every (sentence, token, start, end) position, so each form is judged
        once per concept."""
        index: dict[str, list[tuple[int, int, int, int]]] = {}
        for si, sentence in enumerate(self.sentences):
            for ti, token in enumerate(sentence.tokens):
                index.setdefault(token.lower, []).append((si, ti, token.start, token.end))
        return index

    @cached_property
    def _form_index(self) -> FormIndex:
        return FormIndex({form: self.sentences[positions[0][0]].tokens[positions[0][1]].keys
                          for form, positions in self._occurrences.items()})

    @cached_property
    def _lead_ins(self) -> dict[int, int]:
        """List item -> the sentence ending in ':' that introduces its list (same section)."""
        lead_ins: dict[int, int] = {}
        current: int | None = None
        for i, s in enumerate(self.sentences):
            if s.kind == "list_item":
                if current is not None and self.sentences[current].section_index == s.section_index:
                    lead_ins[i] = current
            else:
                current = i if s.kind == "body" and s.text.rstrip().endswith(":") else None
        return lead_ins

    def hits(self, concept: str) -> dict[int, list[tuple[str, int, int]]]:
        """Sentence index -> the concept's matches there, in token order; only sentences with
        a match are keys (computed on first use)."""
        if concept in self._hits:
            return self._hits[concept]
        compiled = self._concepts[concept]
        found: dict[int, list[tuple[str, int, int]]] = {}
        sentences = self.sentences
        starting = _phrases_by_first_form(compiled.phrase_forms(self._form_index))
        for form in compiled.candidate_forms(self._form_index):
            positions = self._occurrences[form]
            first = sentences[positions[0][0]].tokens[positions[0][1]]
            term = compiled._single_term(first)
            if term:
                for si, _, start, end in positions:
                    matches = found.get(si)
                    if matches is None:
                        found[si] = [(term, start, end)]
                    else:
                        matches.append((term, start, end))
                continue
            phrases = starting.get(form)
            if phrases:
                seconds = set().union(*(rest[0] for _, rest in phrases))  # every phrase has 2+ words
                for si, ti, _, _ in positions:
                    tokens = sentences[si].tokens
                    if ti + 1 < len(tokens) and tokens[ti + 1].lower in seconds:
                        match = _phrase_at(tokens, ti, phrases)
                        if match:
                            found.setdefault(si, []).append(match)
        for item, lead_in in self._lead_ins.items():  # "Våre mål er:" + "- Alle barn skal …"
            # a task named once for a whole list of services is no task of each service
            if lead_in in found and concept != TASK_CONCEPT:
                found.setdefault(item, []).extend(found[lead_in])
        for matches in found.values():
            if len(matches) > 1:
                matches.sort(key=_start)
        found = dict(sorted(found.items()))
        self._hits[concept] = found
        return found

    def has(self, concept: str, index: int) -> bool:
        """Whether one sentence names the concept: from the document-wide hits when a rule has
        asked for them already, else by matching this sentence alone (cheap for a few)."""
        if concept in self._hits or concept in self.shared_concepts:
            return index in self.hits(concept)
        return bool(self._concepts[concept].matches(self.sentences[index].tokens))

    def concept_count(self, concepts: tuple[str, ...]) -> dict[int, int]:
        """Sentence index -> how many of the concepts it names (cached per tuple: ranking asks
        the same few tuples for every hit)."""
        counts = self._counts.get(concepts)
        if counts is None:
            counts = {}
            for concept in concepts:
                if concept in self._concepts:
                    for i in self.hits(concept):
                        counts[i] = counts.get(i, 0) + 1
            self._counts[concepts] = counts
        return counts

    def word_count(self, index: int) -> int:
        return sum(1 for t in self.sentences[index].tokens if t.lower.isalpha())

    @cached_property
    def services_in(self) -> dict[int, list[str]]:
        """Sentence index -> the services it names, in rule-pack order."""
        found: dict[int, list[str]] = {}
        for service in self.services:
            for i in self.hits(f"tjeneste:{service}"):
                found.setdefault(i, []).append(service)
        order = list(self.services)
        return {i: sorted(names, key=order.index) for i, names in sorted(found.items())}

    def sentences_with(self, concepts: list[str]) -> set[int]:
        """Indexes of sentences where any of the concepts matches."""
        return set().union(*(self.hits(c).keys() for c in concepts))

    def excluded(self, index: int, exclusions: list[str]) -> list[str]:
        """The exclusion kinds whose spans cover the whole sentence ([] when any word is outside)."""
        return self.exclusions.excluded(index, exclusions)

    def evidence(self, index: int, max_len: int = 240) -> Evidence:
        s = self.sentences[index]
        quote = " ".join(s.text.split())
        if len(quote) > max_len:
            quote = quote[: max_len - 1].rsplit(" ", 1)[0] + " …"
        section = self.document.sections[s.section_index] if self.document.sections else None
        paragraph_no = None
        if s.page is None:
            paragraph_no = self.paragraph_number(s.section_index, s.paragraph_index)
        return Evidence(quote=quote, section=section.heading if section else None, page=s.page,
                        line=s.line, paragraph=paragraph_no)

    def paragraph_number(self, section_index: int, paragraph_index: int) -> int:
        """1-based paragraph number in the whole document, for formats without pages."""
        count = sum(len(sec.paragraphs) for sec in self.document.sections[:section_index])
        return count + max(paragraph_index, 0) + 1

    def where(self, index: int) -> str:
        ev = self.evidence(index)
        parts = [ev.section or "(uten overskrift)"]
        if ev.page is not None:
            parts.append(f"s. {ev.page}")
        elif ev.paragraph is not None:
            parts.append(f"avsnitt {ev.paragraph}")
        return ", ".join(parts)


@lru_cache(maxsize=8)
def _role_concepts(roles: Roles) -> dict[str, Concept]:
    return {name: compile_concept(name, tuple(d.overskrift)) for name, d in roles.definitions.items() if d.overskrift}


def _start(match: tuple[str, int, int]) -> int:
    return match[1]


def _phrases_by_first_form(phrases: list[tuple[str, tuple[set[str], ...]]]
                           ) -> dict[str, list[tuple[str, tuple[set[str], ...]]]]:
    """Word form -> the phrases it may start, in the concept's order, each with the forms its
    further words may take."""
    starting: dict[str, list[tuple[str, tuple[set[str], ...]]]] = {}
    for phrase, forms in phrases:
        for form in forms[0]:
            starting.setdefault(form, []).append((phrase, forms[1:]))
    return starting


def _phrase_at(tokens: tuple, i: int, phrases: list[tuple[str, tuple[set[str], ...]]]) -> tuple[str, int, int] | None:
    """The first phrase whose further words' forms follow token i (Concept.phrase_at, with each
    word's matching forms known in advance)."""
    count = len(tokens)
    for phrase, rest in phrases:
        last = i + len(rest)
        if last < count:
            k = i
            for allowed in rest:
                k += 1
                if tokens[k].lower not in allowed:
                    break
            else:
                return phrase, tokens[i].start, tokens[last].end
    return None
