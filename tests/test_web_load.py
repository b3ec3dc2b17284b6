"""Load on the loopback address: 20 uploads of a 60-page PDF at once, every one answered.

A real server (uvicorn in a thread, the worker pool of its cores), 20 clients posting
the benchmark plan (benchmarks/bench_extract.py builds it) at the same moment. Every
response is a complete report of the same plan; nothing is timed here
(benchmarks/bench_serve.py measures speed).
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_extract import PAGES, build_pdf  # noqa: E402
from web_helpers import running_server  # noqa: E402

from plansjekk.web.app import ServeConfig  # noqa: E402

CLIENTS = 20


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory) -> Path:
    return build_pdf(tmp_path_factory.mktemp("last") / f"plan-{PAGES}-sider.pdf")


def test_twenty_concurrent_uploads_of_a_60_page_pdf_are_all_answered(plan_pdf):
    data = plan_pdf.read_bytes()

    def post(number: int) -> tuple[int, dict]:
        with httpx.Client(timeout=900) as client:
            response = client.post(f"{url}/api/sjekk", files={"fil": (f"plan-{number:02d}.pdf", data)})
            return response.status_code, response.json()

    with running_server(ServeConfig(timeout=900)) as url:
        with ThreadPoolExecutor(CLIENTS) as clients:
            answers = list(clients.map(post, range(CLIENTS)))
        assert httpx.get(url + "/", timeout=30).status_code == 200  # and still serving
    assert [status for status, _ in answers] == [200] * CLIENTS
    docs = [body["documents"][0] for _, body in answers]
    assert [d["path"] for d in docs] == [f"plan-{n:02d}.pdf" for n in range(CLIENTS)]
    assert all(d["error"] is None and d["pages"] == PAGES and d["type"] == "plan" for d in docs)
    verdicts = {tuple((f["code"], f["status"]) for f in d["findings"]) for d in docs}
    assert len(verdicts) == 1 and len(next(iter(verdicts))) == 17  # the same complete report twenty times
