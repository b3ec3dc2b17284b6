"""Build the DOCX and HTML documents of holdout18 from their Markdown sources in kilder/.

Run with the project's venv: `.venv/bin/python benchmarks/holdout18/build.py`.
Headings become real Word heading styles (or <h1>-<h3>), `|` rows become tables, `- ` lines bullets.
"""

from __future__ import annotations

import html
from pathlib import Path

import docx

HERE = Path(__file__).parent
SOURCES = ["c_flekkefjord_revidert_plan.docx", "h_bremanger_hoyringsutkast.docx", "e_sauda_plan_forebygging.html"]


def blocks(text: str) -> list[tuple[str, object]]:
    """Split Markdown into (kind, content) blocks: heading levels, paragraphs, bullets, tables."""
    out: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in text.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
            continue
        if table:
            out.append(("table", table))
            table = []
        if not stripped:
            continue
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append((f"h{level}", stripped.lstrip("#").strip()))
        elif stripped.startswith("- "):
            out.append(("bullet", stripped[2:]))
        else:
            out.append(("p", stripped.strip("*")))
    return out


def build_docx(name: str, parts: list[tuple[str, object]]) -> None:
    """Write a Word document with heading styles and tables."""
    document = docx.Document()
    for kind, content in parts:
        if kind.startswith("h"):
            document.add_heading(str(content), level=int(kind[1:]))
        elif kind == "bullet":
            document.add_paragraph(str(content), style="List Bullet")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(content))
    document.save(HERE / name)


def build_html(name: str, parts: list[tuple[str, object]]) -> None:
    """Write a simple municipal web page."""
    body: list[str] = []
    in_list = False
    for kind, content in parts:
        if kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        if kind.startswith("h"):
            body.append(f"<{kind}>{html.escape(str(content))}</{kind}>")
        elif kind == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(str(content))}</li>")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            lines = ["<table>"]
            for r, row in enumerate(rows):
                tag = "th" if r == 0 else "td"
                lines.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            lines.append("</table>")
            body.extend(lines)
        else:
            body.append(f"<p>{html.escape(str(content))}</p>")
    if in_list:
        body.append("</ul>")
    title = next(str(c) for k, c in parts if k == "h1")
    page = (
        '<!DOCTYPE html>\n<html lang="nn">\n<head><meta charset="utf-8"><title>'
        + html.escape(title)
        + "</title></head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n<footer><p>Sauda kommune · Rådhusgata 20 · 4200 Sauda</p></footer>\n</body>\n</html>\n"
    )
    (HERE / name).write_text(page, encoding="utf-8")


def main() -> None:
    for name in SOURCES:
        parts = blocks((HERE / "kilder" / f"{name}.md").read_text(encoding="utf-8"))
        (build_docx if name.endswith(".docx") else build_html)(name, parts)
        print("built", name)


if __name__ == "__main__":
    main()
