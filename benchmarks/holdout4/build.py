"""Build the fourth hold-out set: render kilder/*.md to PDF, DOCX or HTML next to this file.

Reuses the renderer of holdout2 (source format, DOCX/PDF/HTML writers, fixed timestamps) and adds
only what it lacks:

- two-column PDF text: the blocks between a paragraph `\\tospalte` and a paragraph `\\einspalte`
  are set in two balanced columns (the heading above them spans the page);
- tracked changes in DOCX: `{-text-}` becomes a tracked deletion (w:del/w:delText) and
  `{+text+}` a tracked insertion (w:ins), attributed to `tracked_author` at `tracked_date`
  from the front matter.

Output is deterministic (holdout2's fixed dates and zip timestamps, reportlab invariant mode).

    /work/venv/bin/python benchmarks/holdout4/build.py
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "holdout2"))
import build as holdout2  # noqa: E402  (holdout2/build.py, found first on sys.path)

TWO, ONE = "\\tospalte", "\\einspalte"
MARK = re.compile(r"\{([-+])(.*?)\1\}", re.S)
RUN = re.compile(r"<w:r>(<w:rPr>(?:(?!</w:r>).)*?</w:rPr>)?<w:t(?: xml:space=\"preserve\")?>(.*?)</w:t></w:r>", re.S)


def _two_column_doc_class():
    """A SimpleDocTemplate that sets the flowables between the markers in two balanced columns."""
    from reportlab.platypus import SimpleDocTemplate
    from reportlab.platypus.flowables import BalancedColumns

    class TwoColumnDoc(SimpleDocTemplate):
        def build(self, flowables, *args, **kwargs):
            flow, columns = [], None
            for item in flowables:
                marker = getattr(item, "text", None)
                if marker == TWO:
                    columns = []
                elif marker == ONE and columns is not None:
                    flow.append(BalancedColumns(columns, nCols=2, spaceBefore=4))
                    columns = None
                elif columns is not None:
                    columns.append(item)
                else:
                    flow.append(item)
            super().build(flow, *args, **kwargs)

    return TwoColumnDoc


@contextmanager
def _two_columns() -> Iterator[None]:
    """Let holdout2.write_pdf build with the two-column template (it imports the class at call time)."""
    import reportlab.platypus as platypus

    original = platypus.SimpleDocTemplate
    platypus.SimpleDocTemplate = _two_column_doc_class()
    try:
        yield
    finally:
        platypus.SimpleDocTemplate = original


def write_pdf(meta: dict[str, str], blocks: list, target: Path) -> None:
    with _two_columns():
        holdout2.write_pdf(meta, blocks, target)


def _tracked_runs(rpr: str, text: str, meta: dict[str, str], counter: list[int]) -> str:
    """Split one run's text at the markers into plain, deleted and inserted runs."""
    attrs = f'w:author="{meta.get("tracked_author", "")}" w:date="{meta.get("tracked_date", "")}"'
    out, pos = [], 0
    for match in MARK.finditer(text):
        if match.start() > pos:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text[pos:match.start()]}</w:t></w:r>')
        counter[0] += 1
        body = match.group(2)
        if match.group(1) == "-":
            out.append(f'<w:del w:id="{counter[0]}" {attrs}><w:r>{rpr}'
                       f'<w:delText xml:space="preserve">{body}</w:delText></w:r></w:del>')
        else:
            out.append(f'<w:ins w:id="{counter[0]}" {attrs}><w:r>{rpr}'
                       f'<w:t xml:space="preserve">{body}</w:t></w:r></w:ins>')
        pos = match.end()
    if pos < len(text):
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text[pos:]}</w:t></w:r>')
    return "".join(out)


def write_docx(meta: dict[str, str], blocks: list, target: Path) -> None:
    """holdout2's DOCX, then markers in document.xml turned into tracked changes."""
    holdout2.write_docx(meta, blocks, target)
    if not any(MARK.search(str(payload)) for _, payload in blocks):
        return
    data = target.read_bytes()
    counter = [0]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "word/document.xml":
                xml = content.decode("utf-8")
                xml = RUN.sub(lambda m: _tracked_runs(m.group(1) or "", m.group(2), meta, counter)
                              if MARK.search(m.group(2)) else m.group(0), xml)
                content = xml.encode("utf-8")
            member = zipfile.ZipInfo(info.filename, date_time=holdout2.FIXED.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, content)
    target.write_bytes(out.getvalue())


WRITERS = {".docx": write_docx, ".pdf": write_pdf, ".html": holdout2.write_html}


def main() -> None:
    holdout2.render_folder(HERE, WRITERS)


if __name__ == "__main__":
    main()
