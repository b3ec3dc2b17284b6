"""Build the two DOCX documents of holdout16 from their Markdown sources in kilder/.

`#` becomes the Title style, `##` Heading 1, `###` Heading 2, `- ` List Bullet, and a block of
`|` lines one Word table (its `|---|` separator row dropped). Run from anywhere:

    /work/main/.venv/bin/python benchmarks/holdout16/build.py
"""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).parent
NAMES = ["b_kragero_forebyggende_plan.docx", "g_hemsedal_horingsutkast.docx"]


def cells(line: str) -> list[str]:
    """The cell texts of one Markdown table row."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def build(name: str) -> None:
    """Write one DOCX from kilder/<name>.md."""
    lines = (HERE / "kilder" / f"{name}.md").read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    rows: list[list[str]] = []
    for line in [*lines, ""]:
        if line.startswith("|"):
            if not set(line) <= set("|-: "):
                rows.append(cells(line))
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            rows = []
        if line.startswith("### "):
            document.add_heading(line[4:], level=2)
        elif line.startswith("## "):
            document.add_heading(line[3:], level=1)
        elif line.startswith("# "):
            document.add_heading(line[2:], level=0)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
    document.save(HERE / name)


if __name__ == "__main__":
    for docx_name in NAMES:
        build(docx_name)
        print(f"built {docx_name}")
