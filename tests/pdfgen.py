"""Build small, realistic PDFs for tests and benchmarks with reportlab.

The builder flows content down A4 pages like a word processor would: headings of
several sizes, wrapped paragraphs, explicit lines (to control hyphenation), bullet
lists, ruled tables, two-column blocks and running headers/footers with page numbers.
Only reportlab's standard fonts are used (WinAnsi covers æøå).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"


def wrap(text: str, width: float, font: str, size: float, hyphenate: bool = False) -> list[str]:
    """Greedy word wrap by real glyph widths; optionally split long words with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if not current or stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if hyphenate and len(word) >= 10 and word.isalpha():
            for cut in range(len(word) - 4, 3, -1):
                head = f"{current} {word[:cut]}-"
                if stringWidth(head, font, size) <= width:
                    lines.append(head)
                    current = word[cut:]
                    break
            else:
                lines.append(current)
                current = word
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


class PdfBuilder:
    """Flowing PDF writer; call the content methods in order, then save()."""

    def __init__(self, path: Path | str, *, header: str | None = None,
                 footer: str | None = "Side {page}", title: str | None = None,
                 body_size: float = 11, encrypt: str | None = None,
                 margin: float = 72) -> None:
        self.path = Path(path)
        self.width, self.height = A4
        self.margin = margin
        self.body_size = body_size
        self.header, self.footer = header, footer
        self.canvas = canvas.Canvas(str(self.path), pagesize=A4, encrypt=encrypt)
        if title:
            self.canvas.setTitle(title)
        self.page = 1
        self.y = self.height - margin
        self.page_has_content = False

    # -- page handling -------------------------------------------------
    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin

    def _decorate(self) -> None:
        c = self.canvas
        c.setFont(REGULAR, 9)
        if self.header:
            c.drawString(self.margin, self.height - 40, self.header.format(page=self.page))
        if self.footer:
            c.drawRightString(self.width - self.margin, 30, self.footer.format(page=self.page))

    def page_break(self) -> None:
        self._decorate()
        self.canvas.showPage()
        self.page += 1
        self.y = self.height - self.margin
        self.page_has_content = False

    def _need(self, height: float) -> None:
        if self.y - height < self.margin and self.page_has_content:
            self.page_break()
        self.page_has_content = True

    def _line(self, text: str, x: float, font: str, size: float) -> None:
        self._need(size * 1.3)
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.y - size, text)
        self.y -= size * 1.3

    # -- content ---------------------------------------------------------
    def space(self, points: float) -> None:
        self.y -= points

    def heading(self, text: str, size: float = 16, bold: bool = True, space_before: float = 14) -> None:
        self._need(space_before + size * 3)  # keep with next
        self.y -= space_before
        self._line(text, self.margin, BOLD if bold else REGULAR, size)
        self.y -= size * 0.3

    def paragraph(self, text: str, size: float | None = None, font: str = REGULAR,
                  indent: float = 0, space_after: float = 8, hyphenate: bool = False) -> None:
        size = size or self.body_size
        for line in wrap(text, self.text_width - indent, font, size, hyphenate):
            self._line(line, self.margin + indent, font, size)
        self.y -= space_after

    def lines(self, lines: list[str], size: float | None = None, font: str = REGULAR,
              space_after: float = 8) -> None:
        """Exactly these lines, one paragraph (use to force hyphenation at line ends)."""
        for line in lines:
            self._line(line, self.margin, font, size or self.body_size)
        self.y -= space_after

    def bullets(self, items: list[str], marker: str = "•", space_after: float = 8) -> None:
        size = self.body_size
        indent = 18
        for item in items:
            wrapped = wrap(item, self.text_width - indent, REGULAR, size)
            for i, line in enumerate(wrapped):
                self._need(size * 1.3)
                if i == 0:
                    self.canvas.setFont(REGULAR, size)
                    self.canvas.drawString(self.margin + 4, self.y - size, marker)
                self._line(line, self.margin + indent, REGULAR, size)
            self.y -= 2
        self.y -= space_after

    def table(self, rows: list[list[str]], col_widths: list[float] | None = None,
              space_after: float = 12) -> None:
        """A fully ruled grid, header row in bold; "\n" in a cell starts a new line."""
        size = self.body_size - 1
        n = len(rows[0])
        widths = col_widths or [self.text_width / n] * n
        self._need(size * 2 * min(len(rows), 3))
        c = self.canvas
        for r, row in enumerate(rows):
            row_h = size * (0.8 + 1.2 * max(len(cell.split("\n")) for cell in row))
            if self.y - row_h < self.margin:
                self.page_break()
                self.page_has_content = True
            x = self.margin
            top = self.y
            for w, cell in zip(widths, row):
                c.rect(x, top - row_h, w, row_h, stroke=1, fill=0)
                c.setFont(BOLD if r == 0 else REGULAR, size)
                for k, text in enumerate(cell.split("\n")):
                    c.drawString(x + 4, top - size * (1.2 + 1.2 * k), text)
                x += w
            self.y -= row_h
        self.y -= space_after

    def columns(self, left: list[str], right: list[str], interleave: bool = False,
                space_after: float = 10) -> None:
        """Two columns of wrapped paragraphs, side by side.

        interleave=True draws the content row by row across both columns (as some
        producers do), so a naive reader would mix the columns.
        """
        size = self.body_size
        gutter = 24
        col_w = (self.text_width - gutter) / 2
        cols = [self._column_lines(left, col_w, size), self._column_lines(right, col_w, size)]
        self._need(size * 1.3 * max(len(cols[0]), len(cols[1])))
        self.page_has_content = True
        xs = [self.margin, self.margin + col_w + gutter]
        c = self.canvas
        c.setFont(REGULAR, size)
        if interleave:
            for i in range(max(len(cols[0]), len(cols[1]))):
                for k in (0, 1):
                    if i < len(cols[k]) and cols[k][i]:
                        c.drawString(xs[k], self.y - size - i * size * 1.3, cols[k][i])
        else:
            for k in (0, 1):
                for i, line in enumerate(cols[k]):
                    if line:
                        c.drawString(xs[k], self.y - size - i * size * 1.3, line)
        self.y -= size * 1.3 * max(len(cols[0]), len(cols[1])) + space_after

    @staticmethod
    def _column_lines(paragraphs: list[str], width: float, size: float) -> list[str]:
        out: list[str] = []
        for text in paragraphs:
            out.extend(wrap(text, width, REGULAR, size))
            out.append("")  # blank line between paragraphs
        return out[:-1]

    def save(self) -> Path:
        self._decorate()
        self.canvas.showPage()
        self.canvas.save()
        return self.path


def image_only_pdf(path: Path | str, pages: int = 1) -> Path:
    """A 'scanned' PDF: each page is a picture, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (400, 560), "white")
    draw = ImageDraw.Draw(image)
    for y in range(40, 520, 18):
        draw.rectangle([40, y, 360, y + 8], fill="black")  # looks like lines of text
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(image), 50, 100, width=495, height=690)
        c.showPage()
    c.save()
    return Path(path)


def blank_pdf(path: Path | str, pages: int = 1) -> Path:
    """Pages with nothing on them."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.showPage()
    c.save()
    return Path(path)


def scanned_copy(source: Path | str, path: Path | str, dpi: int = 200) -> Path:
    """What a copier makes of a printed PDF: every page a greyscale picture, no text layer."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    pdf = pdfium.PdfDocument(str(source))
    c = canvas.Canvas(str(path), pagesize=A4)
    for index in range(len(pdf)):
        page = pdf[index]
        width, height = page.get_size()
        buffer = io.BytesIO()
        page.render(scale=dpi / 72, grayscale=True).to_pil().save(buffer, format="PNG")
        buffer.seek(0)
        c.setPageSize((width, height))
        c.drawImage(ImageReader(buffer), 0, 0, width, height)
        c.showPage()
    c.save()
    return Path(path)


def concatenate(path: Path | str, *sources: Path | str) -> Path:
    """One PDF with the pages of each source in turn (a plan with its protocol appended)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for source in sources:
        out.import_pages(pdfium.PdfDocument(str(source)))
    out.save(str(path))
    return Path(path)
