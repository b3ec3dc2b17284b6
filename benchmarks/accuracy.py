"""Score `plansjekk sjekk` against a labels file (format of shared/corpus/labels.yaml).

Each labelled cell (document type, municipality, language, and each rule's expected
status) scores 1 when the verdict is acceptable, 0.5 when it is one step away
(oppfylt↔delvis, delvis↔mangler), else 0. Prints every miss and the overall score.

    python benchmarks/accuracy.py ../shared/corpus/labels.yaml samples/labels.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from plansjekk.api import check_document
from plansjekk.settings import Settings

ORDER = {"oppfylt": 0, "delvis": 1, "mangler": 2}


def cell_score(got: str | None, accepted: list[str]) -> float:
    if got in accepted:
        return 1.0
    if got in ORDER and any(a in ORDER and abs(ORDER[a] - ORDER[got]) == 1 for a in accepted):
        return 0.5
    return 0.0


def score_labels(labels_path: Path) -> tuple[float, int, list[str]]:
    data = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    total, cells, misses = 0.0, 0, []
    for entry in data["documents"]:
        path = (labels_path.parent / entry["path"]).resolve()
        result = check_document(path, Settings())
        by_name = {f.name: f.status.value for f in result.findings}
        checks: list[tuple[str, str | None, list[str]]] = [("type", result.type.value, [entry["type"]])]
        for key in ("municipality", "language"):
            if key in entry:
                checks.append((key, getattr(result, key), [entry[key]]))
        for rule, expected in (entry.get("expect") or {}).items():
            accepted = expected if isinstance(expected, list) else [expected]
            checks.append((rule, by_name.get(rule), accepted))
        for name, got, accepted in checks:
            score = cell_score(got, accepted) if name not in ("type", "municipality", "language") \
                else float(got in accepted)
            total += score
            cells += 1
            if score < 1:
                misses.append(f"{path.name}: {name}: fikk {got}, ventet {'/'.join(map(str, accepted))} ({score})")
    return total, cells, misses


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    grand, grand_cells = 0.0, 0
    for arg in argv:
        total, cells, misses = score_labels(Path(arg))
        grand, grand_cells = grand + total, grand_cells + cells
        print(f"{arg}: {total:.1f} / {cells} = {total / max(cells, 1):.3f}")
        for miss in misses:
            print(f"  - {miss}")
    print(f"Samlet: {grand / max(grand_cells, 1):.3f} ({grand:.1f} av {grand_cells} celler)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
