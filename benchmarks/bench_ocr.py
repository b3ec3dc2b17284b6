"""OCR: seconds per scanned page, and whether a scanned plan gets the born-digital verdicts.

For each sample PDF, makes a copy in which every page is a 200 dpi greyscale picture (what a
municipality's copier sends), and a copy of the plan with a scanned saksprotokoll appended;
checks them all and compares every rule's status with the born-digital original. Needs the
`ocr` extra and Debian's tesseract-ocr, tesseract-ocr-nor.

    python benchmarks/bench_ocr.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from pdfgen import PdfBuilder, concatenate, scanned_copy  # noqa: E402

from plansjekk.api import check_document, extract  # noqa: E402
from plansjekk.extract import ocr  # noqa: E402

OUT = HERE / "out" / "ocr"
SAMPLES = sorted((HERE.parent / "samples" / "planer").glob("*.pdf"))


def statuses(path: Path) -> dict[str, str]:
    return {f.code: f.status.value for f in check_document(path).findings}


def protocol(path: Path) -> Path:
    pdf = PdfBuilder(path, footer=None)
    pdf.heading("Saksprotokoll i Kommunestyret 11.06.2025", size=16)
    pdf.paragraph("Sak 52/25 Plan for forebygging av omsorgssvikt og atferdsvansker")
    pdf.paragraph("Vedtak: Kommunestyret vedtar planen slik den foreligger.")
    return pdf.save()


def compare(name: str, born: Path, scanned: Path) -> tuple[int, int]:
    start = time.perf_counter()
    document = extract(scanned)
    seconds = time.perf_counter() - start
    expected, got = statuses(born), statuses(scanned)
    same = sum(got.get(code) == status for code, status in expected.items())
    pages = len(document.ocr_pages)
    print(f"{name:66} {pages:>5} {seconds:>8.1f} {seconds / max(pages, 1):>8.2f} {same:>4}/{len(expected)}")
    return same, len(expected)


def main() -> int:
    reason = ocr.unavailable_reason()
    if reason:
        print(reason)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{'dokument':66} {'OCR-s':>5} {'sek':>8} {'sek/side':>8} {'like regler':>9}")
    same = total = 0
    for sample in SAMPLES:
        scanned = scanned_copy(sample, OUT / f"{sample.stem}-skannet.pdf")
        s, t = compare(f"{sample.name} (alle sider skannet)", sample, scanned)
        same, total = same + s, total + t
        scanned_protocol = scanned_copy(protocol(OUT / "protokoll.pdf"), OUT / "protokoll-skannet.pdf")
        both = concatenate(OUT / f"{sample.stem}-med-protokoll.pdf", sample, protocol(OUT / "protokoll.pdf"))
        mixed = concatenate(OUT / f"{sample.stem}-med-skannet-protokoll.pdf", sample, scanned_protocol)
        s, t = compare(f"{sample.name} + skannet saksprotokoll", both, mixed)
        same, total = same + s, total + t
    print(f"\nSamme status som det digitale originalet: {same}/{total} regler ({same / max(total, 1):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
