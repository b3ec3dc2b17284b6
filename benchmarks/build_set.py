"""Render a hand-written set's kilder/*.md to PDF, DOCX or HTML next to its labels.

Used by holdout6, holdout7, dev7, dev8 and dev11 (and any later set with a kilder/ folder). It
reuses the renderers of holdout2 (source format, DOCX/PDF/HTML writers, fixed timestamps) and
holdout4 (two-column PDF, `\\tospalte` … `\\einspalte`) by import and adds nothing of its own.
Markdown and text documents are written by hand in the set's folder and are not built. Output is
deterministic.

    .venv/bin/python benchmarks/build_set.py benchmarks/holdout6 benchmarks/dev7
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH / "holdout2"))
import build as holdout2  # noqa: E402  (holdout2/build.py, found first on sys.path)


def _holdout4():
    """Load holdout4/build.py under its own name (its `import build` resolves to holdout2's)."""
    spec = importlib.util.spec_from_file_location("holdout4_build", BENCH / "holdout4" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(folder: Path) -> None:
    holdout4 = _holdout4()
    holdout2.render_folder(folder, {".docx": holdout2.write_docx, ".pdf": holdout4.write_pdf,
                                    ".html": holdout2.write_html})


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for arg in sys.argv[1:]:
        build(Path(arg).resolve())
