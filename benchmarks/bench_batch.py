"""Batch benchmark: 100 generated plans checked with --jobs 2, cold and cached.

Generates under benchmarks/out/batch/ (gitignored) a folder the size a Statsforvalter
advisor receives: PDF (reportlab), DOCX (python-docx) and HTML plans of 10–60 pages
for municipalities drawn from the register, bokmål and nynorsk, some strong and some
weak, plus a few broken files (truncated and encrypted PDFs, empty files, an image and
a spreadsheet). Then it runs

    plansjekk sjekk DIR --jobs 2 --format json

twice with a fresh cache (PLANSJEKK_CACHE_DIR): cold, then cached. It reports wall
times, documents per minute, peak memory per worker (each worker reports its own
ru_maxrss through PLANSJEKK_STATS_FILE) and checks that every file came out once.
Targets (issue 5): cold ≤ 60 s (aim 30), cached ≤ 5 s, ≤ 400 MB per worker.

    python benchmarks/bench_batch.py                 # 100 files
    python benchmarks/bench_batch.py --count 20      # quicker look
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "batch"
TARGETS = {"cold_s": 60.0, "cached_s": 5.0, "worker_mb": 400.0}
WORDS_PER_PAGE = 220

NB = {
    "goal": "Kommunens mål er at alle barn og unge i {m} skal ha en trygg oppvekst og få hjelp tidlig.",
    "org": "Kommunalsjef for oppvekst leder arbeidet og koordinerer tjenestene gjennom et tverrfaglig team.",
    "resp": "Helsestasjonen har ansvar for foreldreveiledning, og skolen har ansvar for å følge opp fravær.",
    "collab": "Tverrfaglig team møtes hver måned med barnehage, skole, helsestasjon og barneverntjenesten.",
    "adopt": "Planen ble vedtatt av kommunestyret i {m} {date}, sak {case}.",
    "filler": ("Tjenestene skal arbeide systematisk med forebygging, og innsatsen skal evalueres hvert år "
               "i samarbeid med barn, unge og foreldre. Utfordringsbildet viser at flere familier trenger "
               "tidlig hjelp, og tiltakene under beskriver hvem som gjør hva."),
}
NN = {
    "goal": "Målet til kommunen er at alle born og unge i {m} skal ha ein trygg oppvekst.",
    "org": "Kommunalsjef for oppvekst leier arbeidet og samordnar tenestene i eit tverrfagleg team.",
    "resp": "Helsestasjonen har ansvar for foreldrerettleiing, og skulen har ansvar for å følgje opp fråvær.",
    "collab": "Tverrfagleg team møtest kvar månad med barnehage, skule, helsestasjon og barnevernstenesta.",
    "adopt": "Planen vart vedteken av kommunestyret i {m} {date}, sak {case}.",
    "filler": ("Tenestene skal arbeide systematisk med førebygging, og innsatsen skal evaluerast kvart år "
               "saman med born, unge og foreldre. Utfordringsbiletet viser at fleire familiar treng "
               "tidleg hjelp, og tiltaka under viser kven som gjer kva."),
}
HEADINGS = ["Innledning", "Mål", "Organisering", "Ansvar og oppgaver", "Samarbeid", "Tiltak",
            "Oppfølging og evaluering", "Vedtak"]


def plan_pages(rng: random.Random, name: str, pages: int) -> list[list[tuple[str, str]]]:
    """Pages of (kind, text): 'h' heading or 'p' paragraph; strength varies by plan."""
    lang = NN if rng.random() < 0.3 else NB
    keep = [k for k in ("goal", "org", "resp", "collab", "adopt") if rng.random() < 0.8]
    date = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.choice([2022, 2023, 2024])}"
    values = {"m": name, "date": date, "case": f"{rng.randint(1, 99)}/{rng.randint(22, 24)}"}
    out = []
    for page in range(pages):
        content = [("h", f"{page + 1} {HEADINGS[page % len(HEADINGS)]}")]
        if page == 0:
            content.insert(0, ("h", f"Plan for forebygging av omsorgssvikt og atferdsvansker – {name} kommune"))
        key = keep[page % len(keep)] if keep and page % 3 == 0 else None
        if key:
            content.append(("p", lang[key].format(**values)))
        words = 0
        while words < WORDS_PER_PAGE:
            content.append(("p", lang["filler"]))
            words += len(lang["filler"].split())
        out.append(content)
    return out


def write_pdf(path: Path, pages: list[list[tuple[str, str]]], encrypt: str | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for number, content in enumerate(pages, 1):
        y = 800
        for kind, text in content:
            font, size = ("Helvetica-Bold", 14) if kind == "h" else ("Helvetica", 10)
            line = ""
            for word in text.split():
                if stringWidth(f"{line} {word}", font, size) > 450:
                    c.setFont(font, size)
                    c.drawString(72, y, line)
                    y -= size + 4
                    line = word
                else:
                    line = f"{line} {word}".strip()
            c.setFont(font, size)
            c.drawString(72, y, line)
            y -= size + 10
        c.setFont("Helvetica", 8)
        c.drawString(72, 30, f"Side {number}")
        c.showPage()
    c.save()


def write_docx(path: Path, pages: list[list[tuple[str, str]]]) -> None:
    from docx import Document

    doc = Document()
    for i, content in enumerate(pages):
        for kind, text in content:
            doc.add_heading(text, 1) if kind == "h" else doc.add_paragraph(text)
        if i < len(pages) - 1:
            doc.add_page_break()
    doc.save(path)


def write_html(path: Path, pages: list[list[tuple[str, str]]]) -> None:
    from html import escape

    body = "\n".join(f"<h2>{escape(t)}</h2>" if k == "h" else f"<p>{escape(t)}</p>"
                     for content in pages for k, t in content)
    path.write_text(f"<!DOCTYPE html><html lang='nb'><head><meta charset='utf-8'><title>Plan</title></head>"
                    f"<body><main>{body}</main></body></html>", encoding="utf-8")


def generate(folder: Path, count: int, seed: int = 15) -> int:
    """Write `count` files (about 8% broken); returns the number of pages generated."""
    sys.path.insert(0, str(ROOT / "src"))
    from plansjekk.municipalities.register import municipalities

    rng = random.Random(seed)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    names = rng.sample([m.name for m in municipalities() if " " not in m.name], count)
    broken = {0: "truncated", 1: "encrypted", 2: "empty", 3: "image", 4: "xlsx", 5: "truncated",
              6: "encrypted", 7: "empty"} if count >= 20 else {0: "truncated", 1: "empty"}
    total_pages = 0
    for i, name in enumerate(names):
        pages = rng.randint(10, 60)
        stem = f"{i:03d}-{name.lower()}-plan"
        kind = broken.get(i)
        if kind == "image":
            (folder / f"{stem}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
        elif kind == "xlsx":
            from openpyxl import Workbook
            Workbook().save(folder / f"{stem}.xlsx")
        elif kind == "empty":
            (folder / f"{stem}.{'docx' if i % 2 else 'pdf'}").write_bytes(b"")
        elif kind in ("truncated", "encrypted"):
            path = folder / f"{stem}.pdf"
            write_pdf(path, plan_pages(rng, name, pages), encrypt="hemmelig" if kind == "encrypted" else None)
            if kind == "truncated":
                path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        else:
            total_pages += pages
            writer = (write_pdf, write_docx, write_html)[i % 3]
            writer(folder / f"{stem}.{('pdf', 'docx', 'html')[i % 3]}", plan_pages(rng, name, pages))
    return total_pages


def run_check(folder: Path, cache: Path, jobs: int, limit: float) -> dict:
    """One `plansjekk sjekk` run; wall time, document count and the runner's stats."""
    stats_file = cache / "stats.json"
    env = {**os.environ, "PLANSJEKK_CACHE_DIR": str(cache), "PLANSJEKK_STATS_FILE": str(stats_file)}
    command = [sys.executable, "-c", "from plansjekk.cli import app; app(prog_name='plansjekk')",
               "sjekk", str(folder), "--jobs", str(jobs), "--format", "json", "--fail-on", "aldri"]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=limit)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"plansjekk failed ({done.returncode}):\n{done.stderr[-2000:]}")
    documents = json.loads(done.stdout)["documents"]
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    return {"wall_s": wall, "documents": len(documents),
            "unreadable": sum(1 for d in documents if d["error"]), "stats": stats}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=float, default=900, help="give up after this many seconds per run")
    args = parser.parse_args()
    folder = OUT / "plans"
    start = time.perf_counter()
    pages = generate(folder, args.count)
    print(f"generated {args.count} files ({pages} pages in readable plans) in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory(prefix="plansjekk-bench-cache-") as cache:
        cold = run_check(folder, Path(cache), args.jobs, args.limit)
        cached = run_check(folder, Path(cache), args.jobs, args.limit)
    assert cold["documents"] == cached["documents"] == args.count, "every file must come out once"
    worker_mb = cold["stats"].get("worker_max_rss_mb") or 0.0
    rate = cold["documents"] / cold["wall_s"] * 60
    rows = [(f"cold run (--jobs {args.jobs})", f"{cold['wall_s']:.1f} s", cold["wall_s"] <= TARGETS["cold_s"]),
            ("cached re-run", f"{cached['wall_s']:.2f} s", cached["wall_s"] <= TARGETS["cached_s"]),
            ("peak memory per worker", f"{worker_mb:.0f} MB", worker_mb <= TARGETS["worker_mb"])]
    print(f"documents: {cold['documents']} in, {cold['documents']} out ({cold['unreadable']} unreadable/skipped)")
    print(f"cold: {rate:.0f} documents per minute; workers started: {cold['stats']['workers_started']}; "
          f"cached run: {cached['stats']['cache_hits']} cache hits, mode {cached['stats']['mode']}")
    print(f"worker memory peaked while checking {cold['stats'].get('worker_peak_file')}")
    for label, value, ok in rows:
        print(f"  {label:<26} {value:>10}   {'OK' if ok else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
