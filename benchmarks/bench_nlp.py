"""Benchmark the NLP layer: lexicon build and load, spaCy start-up, annotate() throughput, memory.

Each measurement runs in a fresh Python process so import and start-up costs are real.

    python benchmarks/bench_nlp.py [--words 25000] [--repeat 5]

Prints one line per figure; --json prints them as one JSON object. Wall-clock figures
suffer when other processes compete for the CPU; the *_cpu_s figures much less so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

# Word material for generated plan text: bokmål with some nynorsk, plenty of compounds.
SUBJECTS = ["Kommunen", "Helsestasjonen", "Barnevernstjenesten", "Skolehelsetjenesten", "PP-tjenesten",
            "Barnehagen", "Skolen", "NAV-kontoret", "SLT-koordinatoren", "Familieteamet", "Kulturskolen",
            "Tenestene", "Skulen", "Barnehagane", "Kommunepsykologen", "Utekontakten", "Fastlegen"]
VERBS = ["skal samarbeide med", "har ansvar for", "følger opp", "tilbyr", "koordinerer", "skal samordne",
         "gir veiledning til", "melder bekymring til", "har jamleg kontakt med", "bidrar i", "evaluerer"]
OBJECTS = ["barn og unge", "foreldre og foresatte", "familier med små barn", "tverrfaglige team",
           "foreldreveiledning", "tidlig innsats", "tidleg innsats", "forebyggende tiltak", "ungdomsklubben",
           "omsorgssvikt og atferdsvansker", "åtferdsvanskar", "målene i planen", "handlingsplanen"]
TAILS = ["jf. barnevernsloven § 15-1", "bl.a. gjennom BTI", "f.eks. i samarbeidsmøter", "fra 1. januar 2025",
         "i tråd med kap. 3", "med ca. 40 deltakere", "etter behov", "kvart år", "innen utgangen av 2026"]
PREFIXES = ["barne", "familie", "skole", "helse", "ungdoms", "oppvekst", "foreldre", "tiltaks", "samarbeids",
            "oppfølgings", "forebyggings", "kommune", "fritids", "rus", "kriminalitets", "lærings"]
HEADS = ["tjenesten", "planen", "arbeidet", "teamet", "tiltakene", "møtet", "veiledningen", "ansvaret",
         "gruppa", "tilbudet", "rådgiveren", "koordinatoren", "kontoret", "senteret", "programmet"]


def generated_document(words: int, seed: int = 15):
    """A plan-shaped Document of about `words` words: sections, body text, lists, table rows."""
    from plansjekk.model import Document, Paragraph, ParagraphKind, Section

    rng = random.Random(seed)

    def sentence() -> str:
        parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
        if rng.random() < 0.5:
            parts.append(rng.choice(PREFIXES) + rng.choice(PREFIXES) + rng.choice(HEADS))
        if rng.random() < 0.4:
            parts.append(rng.choice(TAILS))
        parts.append(f"i {rng.randrange(1000, 9999)}-{rng.choice(HEADS)}")  # some unique tokens
        return " ".join(parts) + "."

    sections: list[Section] = []
    count, page = 0, 1
    while count < words:
        paras: list[Paragraph] = []
        for _ in range(rng.randint(3, 8)):
            kind = rng.choice([ParagraphKind.BODY] * 4 + [ParagraphKind.LIST_ITEM, ParagraphKind.TABLE_ROW])
            text = " ".join(sentence() for _ in range(rng.randint(1, 5) if kind is ParagraphKind.BODY else 1))
            if kind is ParagraphKind.TABLE_ROW:
                text = text.replace(" har ansvar for ", " | ").rstrip(".")
            paras.append(Paragraph(text, page, kind))
            count += len(text.split())
            page += rng.random() < 0.25
        number = f"{len(sections) + 1}"
        sections.append(Section(f"{number} Tiltak og ansvar", 1, number, paras[0].page, page, tuple(paras)))
    return Document("generert.txt", "text", page, "nb", "Generert plan", tuple(sections))


def _rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(task: str, words: int, repeat: int) -> dict:
    """Run one measurement inside this (fresh) process."""
    t0, c0 = time.perf_counter(), time.process_time()
    if task == "build" or task == "load":
        from plansjekk.nlp.lexicon import Lexicon

        t1, c1 = time.perf_counter(), time.process_time()
        lex = Lexicon.load()
        t2, c2 = time.perf_counter(), time.process_time()
        return {"seconds": t2 - t0, "import": t1 - t0, "load": t2 - t1, "load_cpu": c2 - c1,
                "cpu": c2 - c0, "forms": len(lex), "rss_mb": _rss_mb()}
    if task == "spacy":
        import spacy

        t1 = time.perf_counter()
        spacy.blank("nb")
        t2 = time.perf_counter()
        return {"import": t1 - t0, "blank": t2 - t1, "seconds": t2 - t0, "cpu": time.process_time() - c0,
                "rss_mb": _rss_mb()}
    from plansjekk.nlp.pipeline import annotate, get_lexicon, get_nlp

    get_lexicon(), get_nlp()
    rss_ready = _rss_mb()
    doc = generated_document(words)
    n = sum(len(p.text.split()) for _, p in doc.paragraphs())
    t, c = time.perf_counter(), time.process_time()
    sentences = annotate(doc)
    first, first_cpu = time.perf_counter() - t, time.process_time() - c
    runs, cpu_runs = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        annotate(doc)
        runs.append(time.perf_counter() - t)
        cpu_runs.append(time.process_time() - c)
    warm, warm_cpu = min(runs), min(cpu_runs)  # least disturbed by other processes
    uniq = len({tok.lower for s in sentences for tok in s.tokens})
    return {"words": n, "unique_words": uniq, "sentences": len(sentences), "first_seconds": first,
            "first_cpu_seconds": first_cpu, "first_words_per_s": n / first, "warm_seconds": warm,
            "warm_cpu_seconds": warm_cpu, "warm_words_per_s": n / warm,
            "rss_ready_mb": rss_ready, "rss_peak_mb": _rss_mb()}


def run_child(task: str, env: dict, words: int, repeat: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", task, "--words", str(words),
                          "--repeat", str(repeat)], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=25_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.words, args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PLANSJEKK_CACHE_DIR=tmp)
        build = run_child("build", env, 0, 0)
        loads = [run_child("load", env, 0, 0) for _ in range(args.repeat)]
        spacy_runs = [run_child("spacy", env, 0, 0) for _ in range(3)]
        anno = run_child("annotate", env, args.words, args.repeat)
    result = {
        "lexicon_cold_build_s": round(build["seconds"], 3),
        "lexicon_cold_build_cpu_s": round(build["cpu"], 3),
        "lexicon_forms": build["forms"],
        "lexicon_warm_import_and_load_s": round(statistics.median(r["seconds"] for r in loads), 4),
        "lexicon_warm_load_only_s": round(statistics.median(r["load"] for r in loads), 4),
        "lexicon_warm_load_only_cpu_s": round(statistics.median(r["load_cpu"] for r in loads), 4),
        "lexicon_load_rss_mb": round(statistics.median(r["rss_mb"] for r in loads), 1),
        "spacy_import_s": round(statistics.median(r["import"] for r in spacy_runs), 3),
        "spacy_blank_nb_s": round(statistics.median(r["blank"] for r in spacy_runs), 3),
        "spacy_import_and_blank_cpu_s": round(statistics.median(r["cpu"] for r in spacy_runs), 3),
        "spacy_rss_mb": round(statistics.median(r["rss_mb"] for r in spacy_runs), 1),
        **{f"annotate_{k}": round(v, 3) if isinstance(v, float) else v for k, v in anno.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        width = max(map(len, result))
        for key, value in result.items():
            print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
