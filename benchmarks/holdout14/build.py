"""Build the DOCX and HTML documents of holdout14 from their Markdown sources in kilder/.

    /work/main/.venv/bin/python benchmarks/holdout14/build.py

Each kilder/<name>.<ext>.md is a small Markdown subset: `#` headings, `- ` and `1. ` lists,
pipe tables and paragraphs. DOCX files get real Word heading styles; HTML gets h1-h3, p, ul, table.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx

HERE = Path(__file__).parent
SOURCES = HERE / "kilder"


def blocks(text: str) -> list[tuple[str, object]]:
    """Split the Markdown subset into (kind, payload) blocks."""
    out: list[tuple[str, object]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            out.append(("heading", (len(heading.group(1)), heading.group(2))))
            i += 1
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r"-+", c) for c in cells):
                    rows.append(cells)
                i += 1
            out.append(("table", rows))
        elif re.match(r"^(- |\d+\. )", line):
            ordered = not line.startswith("- ")
            items = []
            while i < len(lines) and re.match(r"^(- |\d+\. )", lines[i]):
                items.append(re.sub(r"^(- |\d+\. )", "", lines[i]).strip())
                i += 1
            out.append(("olist" if ordered else "ulist", items))
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not re.match(r"^(#|\||- |\d+\. )", lines[i]):
                para.append(lines[i].strip())
                i += 1
            # keep short address-like lines (Til:/Frå:) as separate paragraphs
            for p in para:
                out.append(("para", p))
    return out


def plain(text: str) -> str:
    """Strip the bold markers."""
    return text.replace("**", "")


def build_docx(source: Path, target: Path) -> None:
    """A Word document with Heading 1-3 styles, list styles and a grid table."""
    document = docx.Document()
    for kind, payload in blocks(source.read_text(encoding="utf-8")):
        if kind == "heading":
            level, text = payload  # type: ignore[misc]
            document.add_heading(plain(text), level=min(level, 3))
        elif kind == "para":
            document.add_paragraph(plain(str(payload)))
        elif kind in ("ulist", "olist"):
            style = "List Number" if kind == "olist" else "List Bullet"
            for item in payload:  # type: ignore[union-attr]
                document.add_paragraph(plain(item), style=style)
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = plain(cell)
    document.core_properties.title = source.name.removesuffix(".docx.md")
    document.save(target)


def build_html(source: Path, target: Path) -> None:
    """A municipal-style web page with h1-h3, p, ul and a table."""
    body: list[str] = []
    title = ""
    for kind, payload in blocks(source.read_text(encoding="utf-8")):
        if kind == "heading":
            level, text = payload  # type: ignore[misc]
            title = title or text
            body.append(f"<h{min(level, 3)}>{html.escape(plain(text))}</h{min(level, 3)}>")
        elif kind == "para":
            body.append(f"<p>{html.escape(plain(str(payload)))}</p>")
        elif kind in ("ulist", "olist"):
            tag = "ol" if kind == "olist" else "ul"
            items = "".join(f"<li>{html.escape(plain(i))}</li>" for i in payload)  # type: ignore[union-attr]
            body.append(f"<{tag}>{items}</{tag}>")
        elif kind == "table":
            rows = payload  # type: ignore[assignment]
            head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
            rest = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:]
            )
            body.append(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{rest}</tbody>\n</table>")
    page = (
        '<!DOCTYPE html>\n<html lang="no">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
    target.write_text(page, encoding="utf-8")


def main() -> None:
    for source in sorted(SOURCES.glob("*.md")):
        target = HERE / source.name.removesuffix(".md")
        if target.suffix == ".docx":
            build_docx(source, target)
        elif target.suffix == ".html":
            build_html(source, target)
        print(f"built {target.name}")


if __name__ == "__main__":
    main()
