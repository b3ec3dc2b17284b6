"""Document-type accuracy with a confusion table, per labelled set.

The type decision gates every finding (a news item called a plan gets seventeen findings
that mean nothing; a plan called `annet` hides them all), so it is measured on its own:

- the real public texts in ../shared/corpus/real-web (labels.yaml there; tuned on) and the
  five seeds in ../shared/corpus/labels.yaml,
- our own real texts listed in benchmarks/real-web/sources.yaml, tuned and held-out
  reported separately (copies are outside the repository: PLANSJEKK_REALWEB_DIR, default
  /work/realweb-cache/texts; a text whose copy is absent is skipped and counted as such);
  held-out texts missed at first contact and tuned on afterwards (`tuned_after: true`) are
  reported on their own line, so a held-out line counts only texts never tuned on,
- samples/labels.yaml and benchmarks/holdout{,2,3,4,5}/labels.yaml (holdout5 is a regression set
  now that its first-contact score is recorded; the next blind set is never listed here).

A label that is a list accepts any of its types. The confusion table counts each document
once, under its first accepted type when it was wrong and under the type it got when right.

    python benchmarks/type_accuracy.py            # all sets
    python benchmarks/type_accuracy.py --verbose  # also every document with its type reasons
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import yaml

from plansjekk.api import check_document
from plansjekk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_REAL = ROOT.parent / "shared" / "corpus" / "real-web" / "labels.yaml"
SEEDS = ROOT.parent / "shared" / "corpus" / "labels.yaml"  # the five seeds (real documents, tuned on)
OWN_REAL = ROOT / "benchmarks" / "real-web" / "sources.yaml"
REALWEB_DIR = Path(os.environ.get("PLANSJEKK_REALWEB_DIR", "/work/realweb-cache/texts"))
HOLDOUTS = ("holdout", "holdout2", "holdout3", "holdout4", "holdout5")
LABELLED = [ROOT / "samples" / "labels.yaml"] + [ROOT / "benchmarks" / name / "labels.yaml" for name in HOLDOUTS]
TYPES = ("plan", "horingsutkast", "planprogram", "annet")


def _accepted(label: str | list[str]) -> list[str]:
    return label if isinstance(label, list) else [label]


def labelled_sets() -> list[tuple[str, list[tuple[Path, list[str]]], int]]:
    """(name, [(path, accepted types)], skipped count) for every set that exists here."""
    sets: list[tuple[str, list[tuple[Path, list[str]]], int]] = []
    if SHARED_REAL.exists():
        data = yaml.safe_load(SHARED_REAL.read_text(encoding="utf-8"))
        sets.append(("real-web (shared, tuned)",
                     [(SHARED_REAL.parent / d["path"], _accepted(d["type"])) for d in data["documents"]], 0))
    if OWN_REAL.exists():
        data = yaml.safe_load(OWN_REAL.read_text(encoding="utf-8"))
        for split in dict.fromkeys(d["split"] for d in data["documents"]):  # tuned, held_out, held_out_2
            for tuned_after in (False, True):
                docs = [(REALWEB_DIR / d["file"], _accepted(d["type"])) for d in data["documents"]
                        if d["split"] == split and bool(d.get("tuned_after")) == tuned_after]
                if not docs:
                    continue
                present = [(p, t) for p, t in docs if p.exists()]
                name = f"{split}, tuned after first contact" if tuned_after else split
                sets.append((f"real-web (own, {name})", present, len(docs) - len(present)))
    if SEEDS.exists():
        data = yaml.safe_load(SEEDS.read_text(encoding="utf-8"))
        sets.append(("seeds (shared, tuned)",
                     [(SEEDS.parent / d["path"], _accepted(d["type"])) for d in data["documents"]], 0))
    for labels in LABELLED:
        if labels.exists():
            data = yaml.safe_load(labels.read_text(encoding="utf-8"))
            name = str(labels.parent.relative_to(ROOT))
            sets.append((name, [(labels.parent / d["path"], _accepted(d["type"])) for d in data["documents"]], 0))
    return sets


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    confusion: Counter[tuple[str, str]] = Counter()
    grand_right = grand_total = 0
    for name, docs, skipped in labelled_sets():
        right = 0
        for path, accepted in docs:
            result = check_document(path, Settings())
            got = result.type.value
            ok = got in accepted
            right += ok
            confusion[(got if ok else accepted[0], got)] += 1
            if verbose or not ok:
                mark = "ok  " if ok else "FEIL"
                certain = "" if result.type_certain else " (usikker)"
                print(f"  {mark} {path.name}: {got}{certain}, ventet {'/'.join(accepted)}")
                if verbose or not ok:
                    for reason in result.type_reasons:
                        print(f"         - {reason}")
        grand_right, grand_total = grand_right + right, grand_total + len(docs)
        note = f" ({skipped} uten lokal kopi, hoppet over)" if skipped else ""
        print(f"{name}: {right} / {len(docs)} = {right / max(len(docs), 1):.3f}{note}")
    print(f"Samlet: {grand_right} / {grand_total} = {grand_right / max(grand_total, 1):.3f}")
    print("\nForveksling (rad = riktig type, kolonne = fikk):")
    header = "".ljust(15) + "".join(t.ljust(15) for t in TYPES)
    print(header)
    for want in TYPES:
        print(want.ljust(15) + "".join(str(confusion[(want, got)]).ljust(15) for got in TYPES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
