"""Files no one on this project wrote: each gives a Document or a clear ExtractionError.

They live in ../shared/corpus/realworld (test fixtures of pdfplumber and python-docx);
the tests skip when that folder is absent (a fresh clone).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plansjekk import api
from plansjekk.cli import app
from plansjekk.errors import ExtractionError
from plansjekk.model import Document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "realworld"
FILES = sorted(p for sub in ("pdf", "docx") if (CORPUS / sub).is_dir()
               for p in (CORPUS / sub).iterdir() if p.is_file())
KNOWN_CODES = {"ikke_funnet", "for_stor", "tom", "ukjent_format", "korrupt", "kryptert", "skannet",
               "zipbombe", "usikker_xml"}


def _ids(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.skipif(not FILES, reason="../shared/corpus/realworld finnes ikke her")
@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_every_file_gives_document_or_clear_error(path):
    try:
        document = api.extract(path)
    except ExtractionError as error:
        assert error.code in KNOWN_CODES, error.code
        assert error.message and "Traceback" not in error.message
        return
    assert isinstance(document, Document)
    assert document.format == path.parent.name
    for section in document.sections:
        assert section.heading is None or section.heading.strip()
        assert all(p.text.strip() for p in section.paragraphs)
        if document.pages:
            assert all(p.page is None or 1 <= p.page <= document.pages for p in section.paragraphs)


def test_docx_fixtures_keep_python_docx_text():
    """Every word python-docx sees in the body paragraphs and tables, we see too (deletions aside)."""
    import re

    import docx

    files = [p for p in FILES if p.suffix == ".docx"]
    if not files:
        pytest.skip("ingen DOCX i ../shared/corpus/realworld")
    for path in files:
        source = docx.Document(str(path))
        words = set(re.findall(r"\w+", " ".join(p.text for p in source.paragraphs)))
        for table in source.tables:
            words |= set(re.findall(r"\w+", " ".join(c.text for row in table.rows for c in row.cells)))
        try:
            ours = set(re.findall(r"\w+", api.extract(path).text))
        except ExtractionError as error:
            assert error.code == "tom" and not words, path.name
            continue
        assert words <= ours, (path.name, sorted(words - ours)[:10])


@pytest.mark.skipif(not FILES, reason="../shared/corpus/realworld finnes ikke her")
@pytest.mark.parametrize("name", ["docx/comments-rich-para.docx", "docx/tbl-having-tables.docx",
                                  "docx/par-rendered-page-breaks.docx", "pdf/nics-background-checks-2015-11.pdf"])
def test_uttrekk_json_on_real_files(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} mangler")
    result = CliRunner().invoke(app, ["uttrekk", str(path), "--format", "json"])
    assert result.exit_code in (0, 3), result.output
    data = json.loads(result.stdout)
    assert (data["error"] is None) == (result.exit_code == 0)
    assert data["path"] == str(path)
