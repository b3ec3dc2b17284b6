"""Heavy libraries stay off the paths that do not need them (issue: start-up time).

spaCy is only needed to build the tokenizer-rule cache, pydantic only to validate rule files
(a rule-cache miss); pdfplumber (the benchmarks' baseline) is never imported. Each check runs in
a fresh interpreter, after the caches exist.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "planer"


def imported_after(code: str) -> dict[str, bool]:
    probe = code + "\nimport json, sys\nprint(json.dumps({m: m in sys.modules for m in ('spacy', 'pdfplumber')}))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module", autouse=True)
def caches_built():
    subprocess.run([sys.executable, "-c", "from plansjekk.api import warm_nlp; warm_nlp()\n"
                    "from plansjekk.engine.loader import load_rules\nfrom plansjekk.settings import Settings\n"
                    "load_rules(Settings())"], check=True)


def test_help_imports_neither():
    code = ("import sys\nfrom plansjekk.cli import app\nsys.argv = ['plansjekk', '--help']\n"
            "try:\n    app()\nexcept SystemExit:\n    pass")
    assert imported_after(code) == {"spacy": False, "pdfplumber": False}


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir() if p.suffix != ".pdf"))
def test_checking_a_non_pdf_imports_neither(sample):
    code = f"from plansjekk.api import check_document\ncheck_document({str(SAMPLES / sample)!r})"
    assert imported_after(code) == {"spacy": False, "pdfplumber": False}


def test_checking_a_pdf_does_not_import_spacy():
    pdf = next(p for p in sorted(SAMPLES.iterdir()) if p.suffix == ".pdf")
    code = f"from plansjekk.api import check_document\ncheck_document({str(pdf)!r})"
    assert imported_after(code)["spacy"] is False


def test_checking_with_cached_rules_does_not_import_pydantic():
    """The rule cache holds plain dataclasses; only validating a rule file needs pydantic."""
    pdf = next(p for p in sorted(SAMPLES.iterdir()) if p.suffix == ".pdf")
    code = (f"import sys\nfrom plansjekk.api import check_document\nresult = check_document({str(pdf)!r})\n"
            "print(len(result.findings), 'pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    count, imported = out.split()
    assert int(count) > 10 and imported == "False"


def test_checking_one_file_through_the_batch_runner_starts_no_pool_machinery(tmp_path):
    """`plansjekk sjekk FILE` (api.run → run_batch) on one PDF: no multiprocessing (only a pool
    needs it)."""
    from pdfgen import PdfBuilder

    b = PdfBuilder(tmp_path / "plan.pdf")
    b.heading("Tiltak")
    b.table([["Tiltak", "Ansvar"], ["Foreldreveiledning", "Helsestasjonen"], ["Ungdomslos", "NAV"]])
    path = b.save()
    code = (f"import json, sys\nfrom plansjekk.api import run\nfrom plansjekk.settings import Settings\n"
            f"result = run([{str(path)!r}], Settings(use_cache=False))\n"
            "print(json.dumps([len(result.documents), 'multiprocessing' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == [1, False]
