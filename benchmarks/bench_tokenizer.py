"""Tokenizer benchmark: spaCy's "nb" tokenizer against plansjekk's RuleTokenizer (same output).

Tokenizes every unit (`plansjekk.nlp.pipeline._units`) of the 60-page benchmark PDF, built by
bench_extract.py when missing, and prints side by side:

  * spaCy: import + spacy.blank("nb") start-up, then tokenizer.pipe over all units (1st and warm)
  * RuleTokenizer: load from the rules cache in a fresh process (no spaCy import), then the
    same units (1st call, with an empty chunk memo, and warm)
  * the cost of building the rules cache (imports spaCy, exports and checks the rules)

    python benchmarks/bench_tokenizer.py [--repeat 5]

Each figure is the best of --repeat runs, so other load on the machine matters less.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PDF = ROOT / "out" / "plan-60-sider.pdf"


def units() -> list[str]:
    from plansjekk.api import extract
    from plansjekk.nlp.pipeline import _units

    return [u.text for u in _units(extract(PDF))]


def child(task: str, texts: list[str]) -> dict[str, float]:
    """Runs in a fresh process: start-up costs are real."""
    t0 = time.perf_counter()
    if task == "spacy":
        from plansjekk.nlp.pipeline import get_nlp

        tokenizer = get_nlp().tokenizer
        loaded = time.perf_counter()
        def run() -> list:
            return [[(t.text, t.idx) for t in doc] for doc in tokenizer.pipe(texts, batch_size=256)]
    else:
        from plansjekk.nlp.tokenizer import RuleTokenizer, load_or_build

        rule_tokenizer = load_or_build()
        loaded = time.perf_counter()
        assert isinstance(rule_tokenizer, RuleTokenizer) and "spacy" not in sys.modules
        def run() -> list:
            return [rule_tokenizer(text) for text in texts]
    first_start = time.perf_counter()
    run()
    first = time.perf_counter() - first_start
    warm_start = time.perf_counter()
    run()
    return {"load_s": loaded - t0, "first_s": first, "warm_s": time.perf_counter() - warm_start}


def in_child(task: str, env: dict[str, str], texts_file: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", task, "--texts", texts_file],
                         env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: min(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--texts")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
        print(json.dumps(child(args.child, texts)))
        return
    if not PDF.exists():
        subprocess.run([sys.executable, str(ROOT / "bench_extract.py")], check=True)
    texts = units()
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = os.path.join(tmp, "units.json")
        Path(texts_file).write_text(json.dumps(texts), encoding="utf-8")
        env = dict(os.environ, PLANSJEKK_CACHE_DIR=tmp)
        build_start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from plansjekk.nlp.tokenizer import load_or_build; load_or_build()"],
                       env=env, check=True)
        build = time.perf_counter() - build_start
        spacy = best([in_child("spacy", env, texts_file) for _ in range(args.repeat)])
        rules = best([in_child("rules", env, texts_file) for _ in range(args.repeat)])
    print(f"60-page PDF: {len(texts)} units, {sum(map(len, texts))} characters; best of {args.repeat}")
    print(f"{'':28}{'spaCy':>10}{'RuleTokenizer':>15}")
    for key, label in (("load_s", "load (fresh process)"), ("first_s", "tokenize all, 1st call"),
                       ("warm_s", "tokenize all, warm")):
        print(f"{label:28}{spacy[key] * 1000:>8.1f}ms{rules[key] * 1000:>13.1f}ms")
    print(f"{'rules cache build (once)':28}{build * 1000:>8.0f}ms  (subprocess, includes Python start-up)")


if __name__ == "__main__":
    main()
