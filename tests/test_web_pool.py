"""The web server's long-lived worker pool: answers every job, survives callers that give up."""

from __future__ import annotations

from pathlib import Path

from plansjekk.settings import Settings
from plansjekk.web.pool import CheckPool

PLANS = Path(__file__).resolve().parents[1] / "samples" / "planer"


def test_a_cancelled_job_does_not_break_the_pool_and_later_jobs_are_answered():
    pool = CheckPool(1).start()
    try:
        settings = Settings(use_cache=False)
        first = pool.submit(str(PLANS / "nord-odal-forebyggende-plan.md"), settings)
        gone = pool.submit(str(PLANS / "stryn-planprogram-forebygging.md"), settings)
        assert gone.cancel()  # queued behind the first: the caller gave up (a closed browser tab)
        later = pool.submit(str(PLANS / "kvam-plan-forebygging-2024-2027.docx"), settings)
        result, document = first.result(timeout=120)
        assert result.municipality == "Nord-Odal" and document is not None and document.sections
        result, _ = later.result(timeout=120)
        assert result.municipality == "Kvam" and len(result.findings) == 17
    finally:
        pool.close()


def test_a_closed_pool_answers_at_once_with_an_error_result():
    pool = CheckPool(1).start()
    pool.close()
    result, document = pool.submit(str(PLANS / "nord-odal-forebyggende-plan.md"), Settings()).result(timeout=5)
    assert result.error is not None and result.error.code == "krasj" and document is None
