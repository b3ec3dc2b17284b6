"""Reading the one document of a run in a forked child (batch/overlap.py)."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from pdfgen import PdfBuilder

from plansjekk.api import check_document, extract
from plansjekk.batch import overlap
from plansjekk.batch.runner import run_batch
from plansjekk.errors import ExtractionError
from plansjekk.settings import Limits, Settings

pytestmark = pytest.mark.skipif(not overlap.can_overlap(), reason="needs Linux and two cores")


@pytest.fixture
def plan_pdf(tmp_path):
    pdf = PdfBuilder(tmp_path / "plan.pdf", header="Plan for forebygging – Testvik kommune")
    pdf.heading("1 Mål for arbeidet")
    pdf.paragraph("Målet er at alle barn i Testvik skal ha trygge oppvekstvilkår og få hjelp tidlig.")
    pdf.heading("2 Organisering")
    pdf.paragraph("Kommunalsjef for oppvekst leder styringsgruppa, som møtes fire ganger i året.")
    pdf.table([["Tiltak", "Ansvarlig"], ["Foreldreveiledning", "Helsestasjonen"]])
    return pdf.save()


@pytest.fixture(autouse=True)
def no_children_left():
    yield
    overlap.cancel_all()


def test_child_reads_the_same_document_as_this_process(plan_pdf):
    assert overlap.start(plan_pdf, Limits())
    warmed = []
    document = overlap.claim(plan_pdf, meanwhile=lambda: warmed.append(True))
    assert warmed == [True]
    assert document == extract(plan_pdf)


def test_claim_without_a_child_is_none(plan_pdf):
    assert overlap.claim(plan_pdf) is None


def test_unreadable_file_raises_the_same_error_as_in_process(tmp_path):
    bad = tmp_path / "skadet.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(ExtractionError) as here:
        extract(bad)
    overlap.start(bad, Limits())
    with pytest.raises(ExtractionError) as child:
        overlap.claim(bad)
    assert (child.value.code, child.value.message) == (here.value.code, here.value.message)


def test_a_child_that_dies_is_a_crash_not_a_dead_run(plan_pdf):
    overlap.start(plan_pdf, Limits())
    os.kill(overlap._PENDING[str(plan_pdf)].pid, signal.SIGKILL)
    with pytest.raises(ExtractionError) as error:
        overlap.claim(plan_pdf)
    assert error.value.code == "krasj" and "stoppet uventet" in error.value.message


def test_an_error_meanwhile_stops_the_child(plan_pdf):
    overlap.start(plan_pdf, Limits())
    pid = overlap._PENDING[str(plan_pdf)].pid

    def fail() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        overlap.claim(plan_pdf, meanwhile=fail)
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already reaped


def test_cancel_all_kills_unclaimed_children(plan_pdf):
    overlap.start(plan_pdf, Limits())
    pid = overlap._PENDING[str(plan_pdf)].pid
    overlap.cancel_all()
    assert not overlap._PENDING
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def test_no_fork_while_other_threads_run(plan_pdf):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not overlap.start(plan_pdf, Limits())
    finally:
        stop.set()
        thread.join()
    assert not overlap._PENDING


def test_one_file_run_reads_in_a_child_and_gives_the_in_process_result(plan_pdf, monkeypatch):
    settings = Settings(use_cache=False)
    expected = check_document(plan_pdf, settings)
    claimed = []
    real_claim = overlap.claim

    def recording_claim(path, meanwhile):
        claimed.append(real_claim(path, meanwhile))
        return claimed[-1]

    monkeypatch.setattr(overlap, "claim", recording_claim)
    result = run_batch([str(plan_pdf)], settings, check_document)
    assert claimed and claimed[0] == extract(plan_pdf)  # the document came from the child
    (document,) = result.documents
    assert document.findings == expected.findings
    assert (document.type, document.title, document.pages) == (expected.type, expected.title, expected.pages)
    assert not overlap._PENDING
