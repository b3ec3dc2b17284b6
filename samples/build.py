"""Regenerate the sample PDF, DOCX and HTML files from their sources in samples/kilder/.

Usage: python samples/build.py [--out DIR]   (default: samples/planer/)

Output is deterministic: the same sources and library versions give the same bytes.
The Markdown samples are written by hand and are their own source; they are not built.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep __pycache__ out of samples/

from generator.source import read_source  # noqa: E402


def renderers():
    """Imported lazily so a missing reportlab only matters for the PDF samples."""
    from generator.docx_writer import render_docx
    from generator.html import render_html
    from generator.pdf import render_pdf

    return {"pdf": render_pdf, "docx": render_docx, "html": render_html}


def build(out_dir: Path) -> list[Path]:
    """Render every source; returns the written files in a stable order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    render = renderers()
    written = []
    for path in sorted((HERE / "kilder").glob("*.kilde")):
        src = read_source(path)
        target = out_dir / src.meta["output"]
        render[target.suffix.lstrip(".")](src, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "planer", help="mappe for genererte filer")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
