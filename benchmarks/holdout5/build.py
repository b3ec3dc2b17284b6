"""Build the fifth (blind) hold-out set: render kilder/*.md to PDF, DOCX or HTML next to this file.

Reuses the renderer of holdout2 (source format, DOCX/PDF/HTML writers, fixed timestamps, reportlab
invariant mode), loaded under its own module name so it never clashes with another `build`
module. Markdown and text documents are written by hand and are not touched here.

    .venv/bin/python benchmarks/holdout5/build.py
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("holdout2_build", HERE.parent / "holdout2" / "build.py")
assert _SPEC is not None and _SPEC.loader is not None
holdout2 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(holdout2)

WRITERS = {".docx": holdout2.write_docx, ".pdf": holdout2.write_pdf, ".html": holdout2.write_html}
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-z])")


def words(blocks: list) -> int:
    """Words in running text and table cells, for the length column of the README."""
    text = sum(len(str(p).split()) for k, p in blocks if k not in ("table", "break"))
    cells = sum(len(c.split()) for k, p in blocks if k == "table" for row in p for c in row)
    return text + cells


def main() -> None:
    for source in sorted((HERE / "kilder").glob("*.md")):
        target = HERE / source.name[:-3]
        meta, blocks = holdout2.parse(source.read_text(encoding="utf-8"))
        WRITERS[target.suffix](meta, blocks, target)
        pages = ""
        if target.suffix == ".pdf":
            pages = f", {len(PDF_PAGE.findall(target.read_bytes()))} sider"
        breaks = sum(1 for k, _ in blocks if k == "break")
        print(f"{target.name}: {words(blocks)} ord, {breaks} sideskift{pages}")


if __name__ == "__main__":
    main()
