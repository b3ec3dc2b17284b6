"""Extraction benchmark: plansjekk's PDF reader against pdfplumber's extract_text().

Builds a realistic 60-page Norwegian plan PDF (headings of several sizes, numbered
headings, running header/footer with page numbers, bullet lists, ruled tables,
hyphenated words, one two-column page) under benchmarks/out/, then measures side by
side in one run:

  * pdfplumber: page.extract_text() over all pages (in-process time, whole process RSS)
  * plansjekk.extract.pdf.extract() (in-process time, whole process RSS)
  * `plansjekk uttrekk FILE --format json` as a subprocess (wall time, RSS)

and a word-order agreement figure between the two readers (difflib ratio over the
word sequences, running header/footer words dropped from the pdfplumber side).

    python benchmarks/bench_extract.py            # < 2 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
HEADER = "Plan for forebyggende arbeid for barn og unge 2024–2028"
PAGES = 60

SENTENCES = [
    "Barneverntjenesten skal samarbeide tett med helsestasjonen, barnehagene og skolene.",
    "Kommunestyret har ansvaret for at planen blir fulgt opp og revidert hvert fjerde år.",
    "Målet er at barn og unge som trenger hjelp, skal få det tidlig og på riktig nivå.",
    "Foreldreveiledning tilbys alle familier gjennom helsestasjons- og skolehelsetjenesten.",
    "Tverrfaglig samarbeid er avgjørende for å forebygge omsorgssvikt og atferdsvansker.",
    "PP-tjenesten og barnevernet møtes jevnlig i det tverrfaglige teamet for 0-24-samarbeidet.",
    "Kommunedirektøren rapporterer årlig til kommunestyret om status for tiltakene.",
    "Ungdomsrådet og foreldreutvalgene er tatt med i arbeidet med planen.",
    "Tidlig innsats krever at de ansatte kjenner til rutinene for bekymringsmeldinger.",
    "Familieteamet gir råd og veiledning til familier med sammensatte utfordringer.",
    "Skolehelsetjenesten skal være tilgjengelig for elevene alle skoledager.",
    "Kommunen samarbeider med politiet om forebygging av kriminalitet blant ungdom.",
    "Planen bygger på kommuneplanens samfunnsdel og folkehelseoversikten.",
    "Ansvaret for oppfølgingen er plassert hos kommunalsjef for oppvekst.",
]
BULLETS = [
    "styrke foreldrerollen gjennom kurs og veiledning",
    "sikre tidlig identifisering av barn som strever",
    "utvikle felles rutiner for samarbeid mellom tjenestene",
    "gi barn og unge reell medvirkning i saker som angår dem",
    "evaluere tiltakene årlig og justere planen ved behov",
]
TABLE = [["Tiltak", "Ansvar", "Frist"],
         ["Foreldreveiledning (ICDP)", "Helsestasjonen", "2025"],
         ["Tverrfaglig team", "Kommunalsjef oppvekst", "2024"],
         ["Bekymringsrutine", "Barneverntjenesten", "2025"],
         ["Ungdomslos", "NAV og skolene", "2026"]]
CHAPTERS = ["Innledning", "Mål for arbeidet", "Organisering og ansvar", "Tiltak", "Samarbeid",
            "Medvirkning", "Kompetanse", "Oppfølging og evaluering", "Økonomi", "Vedlegg"]
SUBS = ["Bakgrunn", "Nasjonale føringer", "Status i kommunen", "Utfordringer", "Prioriteringer"]


def build_pdf(path: Path, pages: int = PAGES) -> Path:
    """Write the benchmark plan; deterministic, exactly `pages` pages."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pdfgen import PdfBuilder

    rng = random.Random(42)

    def para() -> str:
        return " ".join(rng.sample(SENTENCES, rng.randint(3, 6)))

    b = PdfBuilder(path, header=HEADER, footer="Side {page}", title="Plan for forebyggende arbeid")
    b.heading("Plan for forebyggende arbeid for barn og unge", size=22, space_before=0)
    b.paragraph("Vedtatt i kommunestyret 12. juni 2024, sak 45/24.", space_after=16)
    chapter = 0
    while b.page < pages:
        chapter += 1
        b.heading(f"{chapter} {CHAPTERS[(chapter - 1) % len(CHAPTERS)]}", size=16)
        b.paragraph(para(), hyphenate=True)
        for sub in range(1, 5):
            if b.page >= pages:
                break
            b.heading(f"{chapter}.{sub} {rng.choice(SUBS)}", size=13)
            for _ in range(rng.randint(2, 3)):
                b.paragraph(para(), hyphenate=True)
            if sub == 2:
                b.bullets(rng.sample(BULLETS, 3))
            if chapter % 2 == 1 and sub == 3:
                b.table(TABLE)
            if chapter == 4 and sub == 1:
                b.heading("Samarbeidspartnere", size=13, bold=False)
                b.columns([para(), para()], [para(), para()], interleave=True)
    b.save()
    return path


def words_of(text: str) -> list[str]:
    return [w for w in (t.strip(".,;:!?()«»\"'–—|•").lower() for t in text.split())
            if w and not w.startswith("cid:")]  # pdfminer writes unmapped glyphs as (cid:N)


def worker(kind: str, path: Path) -> dict:
    """Run one reader in this process and return its time and words."""
    if kind == "pdfplumber":
        import pdfplumber

        t0 = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            texts = [page.extract_text() or "" for page in pdf.pages]
        seconds = time.perf_counter() - t0
        from plansjekk.extract.pdf_text import join_pair

        lines = [ln for text in texts for ln in text.splitlines()
                 if ln.strip() != HEADER and not re.fullmatch(r"Side \d+", ln.strip())]
        joined: list[str] = []
        for ln in lines:  # undo hyphenation the same way plansjekk does
            if joined and joined[-1].endswith("-"):
                joined[-1] = join_pair(joined[-1], ln)
            else:
                joined.append(ln)
        return {"seconds": seconds, "words": words_of(" ".join(joined))}
    from plansjekk.extract.pdf import extract
    from plansjekk.settings import Limits

    runs = []
    for _ in range(3):  # the first run also pays the lazy imports (pdfplumber.table)
        t0 = time.perf_counter()
        doc = extract(path, Limits())
        runs.append(time.perf_counter() - t0)
    return {"seconds": min(runs), "cold": runs[0], "words": words_of(doc.text),
            "sections": len(doc.sections)}


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS MB, exit code, stdout) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, proc.returncode, out


def measure(pdf: Path) -> tuple[list[tuple], dict, int]:
    """Run the three readers, each in its own process; rows for the table."""
    me = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    rows, results = [], {}
    for kind in ("pdfplumber", "plansjekk"):
        wall, rss, code, out = run_child(me + [kind, str(pdf)])
        if code != 0:
            sys.exit(f"{kind} worker failed (exit {code})")
        results[kind] = json.loads(out)
        rows.append((f"{kind} in-process", results[kind]["seconds"], wall, rss))
    cli = shutil.which("plansjekk", path=str(Path(sys.executable).parent)) or "plansjekk"
    runs = [run_child([cli, "uttrekk", str(pdf), "--format", "json"]) for _ in range(5)]
    code = max(r[2] for r in runs)
    if code == 0:  # tolerated: the CLI may not be complete in every checkout
        walls = sorted(r[0] for r in runs)
        rows.append(("plansjekk uttrekk --format json", None, walls[0], max(r[1] for r in runs)))
        results["cli_median"] = walls[len(walls) // 2]
    return rows, results, code


def report(pdf: Path, pages: int, rows: list[tuple], results: dict, cli_code: int) -> None:
    base = results["pdfplumber"]["seconds"]
    print(f"\nExtraction benchmark: {pdf.relative_to(ROOT)} ({pages} pages, "
          f"{pdf.stat().st_size // 1024} KB), load average {os.getloadavg()[0]:.1f}\n")
    print(f"{'reader':34} {'in-process s':>12} {'process s':>10} {'peak RSS MB':>12} {'speed-up':>9}")
    for name, seconds, wall_s, rss_mb in rows:
        secs = f"{seconds:12.3f}" if seconds is not None else f"{'-':>12}"
        speed = base / (seconds if seconds is not None else wall_s)
        print(f"{name:34} {secs} {wall_s:10.2f} {rss_mb:12.1f} {speed:8.1f}×")
    if cli_code != 0:
        print(f"{'plansjekk uttrekk --format json':34} {'-':>12} (failed, exit {cli_code}; not timed)")
    a, b = results["pdfplumber"]["words"], results["plansjekk"]["words"]
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    common = sum((Counter(a) & Counter(b)).values())
    print(f"\nwords: pdfplumber {len(a)}, plansjekk {len(b)}; same words (multiset) "
          f"{common / max(len(a), len(b)):.3f}; same order (difflib ratio) {ratio:.3f}")
    cold = results["plansjekk"]["cold"]
    print(f"plansjekk in-process is the best of 3 runs; the first (cold) run took {cold:.3f} s "
          f"({base / cold:.1f}×).")
    if "cli_median" in results:
        median = results["cli_median"]
        print(f"uttrekk is the best of 5 whole processes (start-up, imports, JSON output); median "
              f"{median:.2f} s ({base / median:.1f}×). Its speed-up is against pdfplumber in-process, "
              f"which leaves pdfplumber's own start-up out; process against process it is "
              f"{rows[0][2] / rows[-1][2]:.1f}×.")
    print(f"plansjekk found {results['plansjekk']['sections']} sections; "
          "the two-column page is read column by column by plansjekk, row by row by pdfplumber.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["pdfplumber", "plansjekk"])
    parser.add_argument("--pages", type=int, default=PAGES)
    parser.add_argument("path", nargs="?")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, Path(args.path))))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = build_pdf(OUT / f"plan{args.pages}.pdf", args.pages)
    rows, results, cli_code = measure(pdf)
    report(pdf, args.pages, rows, results, cli_code)


if __name__ == "__main__":
    main()
