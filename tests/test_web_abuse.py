"""Hostile and broken uploads: the CLI's clear errors, nothing left on disk, the server stays up."""

from __future__ import annotations

import logging
import sys
import tempfile
import warnings
from pathlib import Path

import pytest

from plansjekk import api
from plansjekk.web.app import ServeConfig, create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import sentinel_outcome  # noqa: E402
from pdfgen import PdfBuilder  # noqa: E402
from test_bad_input import BILLION_LAUGHS, make_docx, rewrite_zip  # noqa: E402

GOOD = Path(__file__).resolve().parents[1] / "samples" / "planer" / "nord-odal-forebyggende-plan.md"


@pytest.fixture(scope="module")
def client():
    """Workers that hang on files named *HENG-SENTINEL* and crash on *KRASJ-SENTINEL* (batch_fakes)."""
    with TestClient(create_app(ServeConfig(jobs=2, timeout=5, check=sentinel_outcome))) as c:
        yield c


def check(client, name: str, data: bytes) -> dict:
    response = client.post("/api/sjekk", files={"fil": (name, data)})
    assert response.status_code == 200
    [doc] = response.json()["documents"]
    assert doc["path"] == name.rsplit("/", 1)[-1]
    return doc


def still_serving(client) -> None:
    doc = check(client, GOOD.name, GOOD.read_bytes())
    assert doc["error"] is None and len(doc["findings"]) == 17


def cli_error(path: Path) -> dict:
    """What `plansjekk sjekk` says about the same file."""
    result = api.check_document(path)
    assert result.error is not None
    return {"code": result.error.code, "message": result.error.message.replace(str(path), path.name)}


def hostile_file(tmp: Path, kind: str) -> tuple[Path, str]:
    """The file for `kind` and the error code the CLI gives it."""
    if kind == "kryptert":
        encrypted = PdfBuilder(tmp / "kryptert.pdf", encrypt="hemmelig")
        encrypted.paragraph("Kommunen skal samarbeide med frivillige organisasjoner om tidlig innsats.")
        return encrypted.save(), "kryptert"
    if kind == "feil endelse":
        png = tmp / "plan.pdf"
        png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        return png, "ukjent_format"
    source = make_docx(tmp / "hel.docx")
    if kind == "zipbombe":
        return rewrite_zip(source, tmp / "bombe.docx", add={"word/media/fyll.bin": bytes(30 * 1024 * 1024)}), "zipbombe"
    return rewrite_zip(source, tmp / "latter.docx", replace={"word/document.xml": BILLION_LAUGHS}), "usikker_xml"


@pytest.mark.parametrize("kind", ["zipbombe", "entitetsbombe", "feil endelse", "kryptert"])
def test_hostile_upload_gets_the_cli_error_and_the_server_stays_up(client, tmp_path, kind):
    path, code = hostile_file(tmp_path, kind)
    assert path.stat().st_size < 2_000_000
    doc = check(client, path.name, path.read_bytes())
    assert doc["error"] == cli_error(path) and doc["error"]["code"] == code
    assert doc["findings"] == [] and doc["type"] == "unreadable"
    page = client.post("/sjekk", files={"fil": (path.name, path.read_bytes())})
    assert page.status_code == 200 and doc["error"]["message"] in page.text.replace("&#34;", '"').replace(
        "&#39;", "'").replace("&amp;", "&")
    still_serving(client)


def test_word_file_named_pdf_is_checked_with_a_warning(client, tmp_path):
    path = make_docx(tmp_path / "plan.pdf", "Kommunen skal samarbeide med frivillige organisasjoner.")
    doc = check(client, path.name, path.read_bytes())
    assert doc["error"] is None and doc["findings"]
    record = client.post("/sjekk", files={"fil": (path.name, path.read_bytes())}).text
    assert "plan.pdf" in record and "Word" in record


def test_a_hanging_check_is_stopped_at_the_time_limit_and_others_are_answered(client):
    data = GOOD.read_bytes()
    response = client.post("/api/sjekk", files=[("fil", ("heng-HENG-SENTINEL.md", data)), ("fil", (GOOD.name, data))])
    docs = {d["path"]: d for d in response.json()["documents"]}
    assert docs["heng-HENG-SENTINEL.md"]["error"]["code"] == "tidsavbrudd"
    assert "5 sekunder" in docs["heng-HENG-SENTINEL.md"]["error"]["message"]
    assert docs[GOOD.name]["error"] is None
    still_serving(client)


def test_a_crashing_check_is_reported_and_a_fresh_worker_takes_over(client):
    doc = check(client, "krasj-KRASJ-SENTINEL.md", GOOD.read_bytes())
    assert doc["error"]["code"] == "krasj" and "stoppet uventet" in doc["error"]["message"]
    still_serving(client)


def test_malformed_multipart_is_a_400_not_a_crash(client):
    body = b'--grense\r\nContent-Disposition: form-data; name="fil"; filename="a.md"\r\n\r\nuferdig'
    response = client.post("/sjekk", content=body, headers={"Content-Type": "multipart/form-data; boundary=annen"})
    assert response.status_code == 400 and "Traceback" not in response.text
    unterminated = client.post("/sjekk", content=body, headers={"Content-Type": "multipart/form-data; boundary=grense"})
    assert unterminated.status_code == 400 and "Traceback" not in unterminated.text
    wrong_type = client.post("/api/sjekk", content=b'{"fil": "plan"}', headers={"Content-Type": "application/json"})
    assert wrong_type.status_code == 400 and wrong_type.json()["error"]["code"] == "ingen_filer"
    still_serving(client)


def test_too_many_files_is_refused(client):
    response = client.post("/api/sjekk", files=[("fil", (f"{i}.md", b"# Plan")) for i in range(501)])
    assert response.status_code == 400 and "501" not in response.text and "500" in response.json()["error"]["message"]


def test_a_path_in_the_file_name_is_dropped_and_nothing_is_left_on_disk(client, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    caplog.set_level(logging.INFO, logger="plansjekk.serve")
    doc = check(client, "../../etc/hemmelig-plan.md", GOOD.read_bytes())
    assert doc["path"] == "hemmelig-plan.md" and doc["error"] is None
    assert list(tmp_path.iterdir()) == []  # the private upload folder is gone
    assert not (tmp_path.parent.parent / "etc").exists()
    messages = [r.getMessage() for r in caplog.records if r.name == "plansjekk.serve"]
    assert messages and all("hemmelig" not in m and "Nord-Odal" not in m for m in messages)  # counts only
    assert any("1 fil" in m for m in messages)
