"""Golden reports on the real samples, through the engine (api.run).

One run over every sample; each format's output is compared to tests/golden/samples/.
After an intended change in rules, engine or reporters: `PLANSJEKK_UPDATE_GOLDEN=1
pytest tests/test_report_samples.py` and review the diff. The version string is
replaced by <versjon> so a version bump does not touch the goldens.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from golden import assert_golden

from plansjekk import __version__
from plansjekk.report import get_reporter
from plansjekk.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((p for p in (ROOT / "samples" / "planer").rglob("*")
                  if p.suffix in (".pdf", ".docx", ".html", ".md", ".txt") and not p.name.startswith("README")
                  and not {"kilder", "generator"} & set(p.relative_to(ROOT / "samples").parts)),
                 key=lambda p: p.name)
FORMATS = {"json": "json", "sarif": "sarif", "junit": "xml", "github": "txt", "markdown": "md", "html": "html"}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory):
    if not SAMPLES:
        pytest.skip("no samples in samples/")
    try:
        import plansjekk.engine.evaluate  # noqa: F401
        from plansjekk import api
    except ImportError as error:
        pytest.skip(f"the engine is not available: {error}")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(ROOT)  # relative paths in the reports, as a user in the repository sees them
    try:
        yield api.run([str(p.relative_to(ROOT)) for p in SAMPLES], Settings(use_cache=False, jobs=1))
    finally:
        monkeypatch.undo()


@pytest.fixture(autouse=True)
def without_batch_overview(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview", None)
    monkeypatch.setitem(sys.modules, "plansjekk.report.overview_html", None)


def normalise(text: str) -> str:
    return text.replace(f'"{__version__}"', '"<versjon>"').replace(f"plansjekk {__version__}", "plansjekk <versjon>")


def render(fmt: str, result, **settings) -> str:
    return normalise(get_reporter(fmt).render(result, Settings(color=False, **settings)))


def test_every_sample_is_in_the_result(result) -> None:
    assert sorted(Path(d.path).name for d in result.documents) == [p.name for p in SAMPLES]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden_run(result, fmt: str) -> None:
    assert_golden(f"samples/alle.{fmt}.{FORMATS[fmt]}", render(fmt, result))


@pytest.mark.parametrize("sample", [p.name for p in SAMPLES])
def test_golden_terminal_per_document(result, sample: str) -> None:
    doc = [d for d in result.documents if Path(d.path).name == sample][0]
    assert_golden(f"samples/{sample}.terminal.txt", render("terminal", replace(result, documents=(doc,))))


def test_json_contract_on_the_samples(result) -> None:
    data = json.loads(render("json", result))
    for doc in data["documents"]:
        assert doc["type"] in ("plan", "horingsutkast", "planprogram", "annet", "unreadable")
        for f in doc["findings"]:
            assert f["status"] in ("oppfylt", "delvis", "mangler", "ikke_relevant")
            assert f["source"] and f["source_url"].startswith("http")
            if f["status"] in ("oppfylt", "delvis") and not f.get("override"):
                assert f["evidence"], (doc["path"], f["code"])  # no verdict without evidence
