"""One document, annotated once for all rules: sentences, exclusion flags, concept hits.

Rules then only ask questions of this context, so the cost of NLP and of matching a
concept is paid once per document, not once per rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from plansjekk.engine.exclusions import flags_for, is_background_heading, law_quote_spans
from plansjekk.engine.terms import Concept, compile_concept
from plansjekk.model import Document, DocType, Evidence


TASK_CONCEPT = "oppgave"  # the concept of tasks a service is given (begreper.yaml)


@dataclass
class DocContext:
    document: Document
    sentences: list  # list[plansjekk.nlp.pipeline.Sentence]
    vocabulary: dict[str, tuple[str, ...]]
    services: dict[str, tuple[str, ...]]
    doc_type: DocType = DocType.PLAN
    _hits: dict[str, dict[int, list[tuple[str, int, int]]]] = field(default_factory=dict)

    @cached_property
    def flags(self) -> list[frozenset[str]]:
        """Exclusion flags per sentence; list items after an excluded lead-in inherit its flags."""
        flags: list[frozenset[str]] = []
        carried: frozenset[str] = frozenset()
        background = [is_background_heading(sec.heading) for sec in self.document.sections]
        for s in self.sentences:
            own = flags_for(s.text)
            if self._inside_law_quote(s):
                own = own | {"lovsitat"}
            if s.kind == "list_item":
                own = own | carried  # items continue their lead-in ("Bufdir anbefaler at planen …")
            elif s.kind != "heading":
                carried = own
            else:
                carried = frozenset()
            if background[s.section_index] and s.kind != "heading":
                own = own | {"veiledning"}
            flags.append(own)
        return flags

    def _inside_law_quote(self, sentence) -> bool:
        if sentence.paragraph_index < 0:
            return False
        paragraph = self.document.sections[sentence.section_index].paragraphs[sentence.paragraph_index].text
        if "«" not in paragraph and '"' not in paragraph and "“" not in paragraph:
            return False
        return any(a <= sentence.offset < b for a, b in law_quote_spans(paragraph))

    @cached_property
    def _concepts(self) -> dict[str, Concept]:
        table = {name: compile_concept(name, terms) for name, terms in self.vocabulary.items()}
        table.update({f"tjeneste:{name}": compile_concept(name, terms)
                      for name, terms in self.services.items()})
        every_service = tuple(t for terms in self.services.values() for t in terms)
        table["alle_tjenester"] = compile_concept("alle_tjenester", every_service)
        return table

    @cached_property
    def _occurrences(self) -> dict[str, list[tuple[int, int]]]:
        """Word form -> every (sentence, token) position, so each form is judged once per concept."""
        index: dict[str, list[tuple[int, int]]] = {}
        for si, sentence in enumerate(self.sentences):
            for ti, token in enumerate(sentence.tokens):
                index.setdefault(token.lower, []).append((si, ti))
        return index

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
        for positions in self._occurrences.values():
            first = self.sentences[positions[0][0]].tokens[positions[0][1]]
            term = compiled._single_term(first)
            if term:
                for si, ti in positions:
                    token = self.sentences[si].tokens[ti]
                    found.setdefault(si, []).append((term, token.start, token.end))
            elif compiled.phrases and compiled._may_start_phrase(first):
                for si, ti in positions:
                    match = compiled.phrase_at(self.sentences[si].tokens, ti)
                    if match:
                        found.setdefault(si, []).append(match)
        for item, lead_in in self._lead_ins.items():  # "Våre mål er:" + "- Alle barn skal …"
            # a task named once for a whole list of services is no task of each service
            if lead_in in found and concept != TASK_CONCEPT:
                found.setdefault(item, []).extend(found[lead_in])
        for matches in found.values():
            matches.sort(key=lambda m: m[1])
        self._hits[concept] = found
        return found

    def sentences_with(self, concepts: list[str]) -> set[int]:
        """Indexes of sentences where any of the concepts matches."""
        return set().union(*(self.hits(c).keys() for c in concepts))

    def excluded(self, index: int, exclusions: list[str]) -> list[str]:
        return [name for name in exclusions if name in self.flags[index]]

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
