"""Whole `plansjekk sjekk` process on the 60-page plan PDF, side by side with pdfplumber.

Builds the same PDF as bench_extract.py (benchmarks/out/), then runs, each in its own
process: pdfplumber's `page.extract_text()` over all pages, and the full
`plansjekk sjekk FILE --format json --no-cache` (start-up, imports, rules, NLP and all; the
result cache is off, so every timed run checks the document from scratch). What any installed
copy has after its first run is built once before timing: the Ordbank lexicon and
tokenizer-rule caches, the rule-set and compiled-regex caches, and Python bytecode (pip compiles it at install;
with PYTHONDONTWRITEBYTECODE set, as in some shells, an editable checkout would otherwise
recompile every module on every run, so both commands run with bytecode under
benchmarks/out/pycache). The two commands take turns, run by run. Reports wall time (best and
median of N runs), peak RSS (wait4's
figure) and the speed-up, best against best and median against median.
Target (issue 13): the whole check ≥ 10× faster than pdfplumber's text extraction alone,
peak memory ≤ 400 MB.

    python benchmarks/bench_check.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import OUT, PAGES, build_pdf, run_child  # noqa: E402


def child_env(write_bytecode: bool) -> dict[str, str]:
    """The children's environment: bytecode kept under benchmarks/out/pycache."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(OUT / "pycache"))
    if write_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmds: list[list[str]], runs: int) -> list[tuple[float, float, float]]:
    """(best s, median s, peak RSS MB) per command over `runs` rounds, after one untimed run
    of each that writes its bytecode (and plansjekk's lexicon and rule caches). The commands
    take turns within a round, so a machine that slows down or speeds up meanwhile (a shared
    virtual machine does) weighs on both alike, and the speed-up stays comparable."""
    for cmd in cmds:
        run_child(cmd, child_env(write_bytecode=True))
    walls: list[list[float]] = [[] for _ in cmds]
    peaks = [0.0 for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            wall, rss, code, _ = run_child(cmd, child_env(write_bytecode=False))
            if code not in (0, 1):
                sys.exit(f"{' '.join(cmd[:3])} … failed (exit {code})")
            walls[i].append(wall)
            peaks[i] = max(peaks[i], rss)
    return [(min(w), statistics.median(w), peak) for w, peak in zip(walls, peaks)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = build_pdf(OUT / f"plan-{PAGES}-sider.pdf")
    plumber = [sys.executable, "-c",
               "import sys, pdfplumber\n"
               "with pdfplumber.open(sys.argv[1]) as pdf:\n"
               "    [p.extract_text() for p in pdf.pages]", str(pdf)]
    cli = shutil.which("plansjekk", path=str(Path(sys.executable).parent)) or "plansjekk"
    check = [cli, "sjekk", str(pdf), "--format", "json", "--no-cache"]
    plumber_times, check_times = timed([plumber, check], args.runs)
    rows = [("pdfplumber extract_text (process)", *plumber_times),
            ("plansjekk sjekk --format json (process)", *check_times)]
    base = rows[0][1]
    print(f"\nCheck benchmark: {pdf.name} ({PAGES} pages), {args.runs} runs each\n")
    base_median = rows[0][2]
    print(f"{'command':42} {'best s':>8} {'median s':>9} {'peak RSS MB':>12} {'speed-up':>9} {'(median)':>9}")
    for name, best, median, rss in rows:
        print(f"{name:42} {best:8.2f} {median:9.2f} {rss:12.1f} {base / best:8.1f}× {base_median / median:8.1f}×")


if __name__ == "__main__":
    main()
