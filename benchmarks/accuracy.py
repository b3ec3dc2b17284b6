"""Score `plansjekk sjekk` against labels files (format of shared/corpus/labels.yaml).

Two figures per label set:
- the lenient score the tests use: each labelled cell (document type, municipality, language,
  each rule's expected status) scores 1 when the verdict is acceptable, 0.5 when it is one step
  away (oppfylt↔delvis, delvis↔mangler), else 0;
- exact agreement on the rule cells, also on the cells whose right answer is not `oppfylt`, next
  to two baselines that a checker must beat to be worth anything: every rule `oppfylt`, and a
  word search (a rule is `oppfylt` when one of its words occurs anywhere in the text).

    python benchmarks/accuracy.py ../shared/corpus/labels.yaml samples/labels.yaml
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from itertools import permutations
from pathlib import Path

import yaml

from plansjekk.api import check_document, extract
from plansjekk.errors import ExtractionError
from plansjekk.model import DocumentResult
from plansjekk.settings import Settings

ORDER = {"oppfylt": 0, "delvis": 1, "mangler": 2}
META_KEYS = ("municipality", "language")

# The word-search baseline: the words a reader would search for, one list per rule.
SEARCH_WORDS = {
    "maal": r"mål", "organisering": r"organiser", "ansvarsfordeling": r"ansvar",
    "samarbeid": r"samarbeid|samhandl", "vedtak": r"vedt(att|eke|ok|ak)", "strategier": r"strategi",
    "tjenester": r"tjeneste|teneste", "avklaring": r"uenig|avklar", "medvirkning": r"medvirk|medverk",
    "forankring": r"kommuneplan|planstrategi", "kunnskapsgrunnlag": r"kunnskapsgrunnlag|utfordringsbilde|statistikk",
    "tiltak": r"tiltak", "innsatsnivaa": r"universell|selektiv|indikert", "oppfolging": r"evaluer|revider|rullering",
    "ressurser": r"ressurs|budsjett|økonomi", "maalgruppe": r"målgruppe|omsorgssvikt|atferd|åtferd",
    "lovhenvisning": r"§\s*15-1|§\s*3-1", "pp_formaal": r"formål|føremål", "pp_planprosess": r"fremdrift|framdrift",
    "pp_medvirkning": r"medvirk|medverk", "pp_alternativer": r"alternativ", "pp_utredninger": r"utredning|utgreiing",
    "pp_vedtaksorgan": r"kommunestyret", "pp_innholdskrav": r"samarbeid",
}


def cell_score(got: str | None, accepted: list[str]) -> float:
    if got in accepted:
        return 1.0
    if got in ORDER and any(a in ORDER and abs(ORDER[a] - ORDER[got]) == 1 for a in accepted):
        return 0.5
    return 0.0


@dataclass
class Agreement:
    """Exact-match counts over rule cells, for the checker and the two baselines."""

    cells: int = 0
    checker: int = 0
    all_oppfylt: int = 0
    word_search: int = 0
    hard_cells: int = 0  # cells whose right answer is not oppfylt
    hard_checker: int = 0
    hard_word_search: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Agreement) -> None:
        for name in ("cells", "checker", "all_oppfylt", "word_search", "hard_cells", "hard_checker",
                     "hard_word_search"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        def share(n: int, d: int) -> str:
            return f"{n / d:.3f}" if d else "-"
        return (f"eksakt {share(self.checker, self.cells)} ({self.checker}/{self.cells}), "
                f"ikke-oppfylt-celler {share(self.hard_checker, self.hard_cells)} ({self.hard_cells}); "
                f"grunnlinjer: alt oppfylt {share(self.all_oppfylt, self.cells)}, "
                f"ordsøk {share(self.word_search, self.cells)} "
                f"(ikke-oppfylt {share(self.hard_word_search, self.hard_cells)})")


def _entries(labels_path: Path) -> list[tuple[dict, Path, DocumentResult]]:
    data = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    out = []
    for entry in data["documents"]:
        path = (labels_path.parent / entry["path"]).resolve()
        out.append((entry, path, check_document(path, Settings())))
    return out


def _names_all_members(label: str, members: tuple[str, ...]) -> bool:
    """A joint plan's label ("Vaksdal, Modalen", "Evje og Hornnes, Iveland og Bygland") names the
    municipalities the checker found, in any order."""
    if len(members) < 2:
        return False
    names = [m.split(" (")[0] for m in members]
    return any(label in (", ".join(order), ", ".join(order[:-1]) + " og " + order[-1])
               for order in permutations(names))


def _accepted(expected: str | list[str]) -> list[str]:
    return expected if isinstance(expected, list) else [expected]


def score_entries(entries: list[tuple[dict, Path, DocumentResult]]) -> tuple[float, int, list[str]]:
    """The lenient score (see the module docstring) with a line per miss."""
    total, cells, misses = 0.0, 0, []
    for entry, path, result in entries:
        by_name = {f.name: f.status.value for f in result.findings}
        checks: list[tuple[str, str | None, list[str]]] = [("type", result.type.value, [entry["type"]])]
        for key in META_KEYS:
            if key in entry:
                got = getattr(result, key)
                if key == "municipality" and got and "(" not in entry[key]:
                    got = got.split(" (")[0]  # "Herøy (Møre og Romsdal)": a label may leave out the county
                if key == "municipality" and _names_all_members(entry[key], result.municipalities):
                    got = entry[key]  # a joint plan labelled "Aremark, Marker": every member was found
                checks.append((key, got, [entry[key]]))
        for rule, expected in (entry.get("expect") or {}).items():
            checks.append((rule, by_name.get(rule), _accepted(expected)))
        for name, got, accepted in checks:
            score = float(got in accepted) if name == "type" or name in META_KEYS else cell_score(got, accepted)
            total += score
            cells += 1
            if score < 1:
                misses.append(f"{path.name}: {name}: fikk {got}, ventet {'/'.join(map(str, accepted))} ({score})")
    return total, cells, misses


def score_labels(labels_path: Path) -> tuple[float, int, list[str]]:
    return score_entries(_entries(labels_path))


def word_search_status(text: str, rule: str) -> str:
    pattern = SEARCH_WORDS.get(rule)
    return "oppfylt" if pattern and re.search(pattern, text, re.IGNORECASE) else "mangler"


def _document_text(path: Path) -> str:
    try:
        return extract(path).text
    except ExtractionError:
        return ""


def agreement(entries: list[tuple[dict, Path, DocumentResult]]) -> Agreement:
    """Exact agreement on rule cells, with the baselines."""
    out = Agreement()
    for entry, path, result in entries:
        by_name = {f.name: f.status.value for f in result.findings}
        text = _document_text(path)
        for rule, expected in (entry.get("expect") or {}).items():
            accepted = _accepted(expected)
            got = by_name.get(rule)
            hard = "oppfylt" not in accepted
            searched = word_search_status(text, rule) in accepted
            out.cells += 1
            out.checker += got in accepted
            out.all_oppfylt += not hard
            out.word_search += searched
            if hard:
                out.hard_cells += 1
                out.hard_checker += got in accepted
                out.hard_word_search += searched
            if got not in accepted:
                out.misses.append(f"{path.name}: {rule}: fikk {got}, ventet {'/'.join(accepted)}")
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    missing = [arg for arg in argv if not Path(arg).is_file()]
    if missing:
        print(f"fant ikke merkefilen: {', '.join(missing)}", file=sys.stderr)
        return 2
    grand, grand_cells = 0.0, 0
    overall = Agreement()
    for arg in argv:
        entries = _entries(Path(arg))
        total, cells, misses = score_entries(entries)
        exact = agreement(entries)
        grand, grand_cells = grand + total, grand_cells + cells
        overall.add(exact)
        print(f"{arg}: {total:.1f} / {cells} = {total / max(cells, 1):.3f}")
        print(f"  {exact.line()}")
        for miss in misses:
            print(f"  - {miss}")
    print(f"Samlet: {grand / max(grand_cells, 1):.3f} ({grand:.1f} av {grand_cells} celler)")
    print(f"Samlet regelceller: {overall.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
