"""Every route of `plansjekk serve`, through Starlette's TestClient with the real worker pool."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

with warnings.catch_warnings():  # starlette 1.x prefers httpx2, which needs Python 3.11; httpx works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from plansjekk.web.app import ServeConfig, create_app

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "samples" / "planer"
LUNNER = PLANS / "lunner-plan-forebygging-2024-2028.pdf"
NORD_ODAL = PLANS / "nord-odal-forebyggende-plan.md"
KONGSVINGER = PLANS / "kongsvinger-forebyggende-plan-2024-2028.docx"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ServeConfig(max_mb=2, jobs=2, timeout=60))) as c:
        yield c


def upload(*paths: Path) -> list[tuple[str, tuple[str, bytes]]]:
    return [("fil", (p.name, p.read_bytes())) for p in paths]


class Page(HTMLParser):
    """The parts of a page the tests look at: rule cards, quote links, anchors, marks, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (data-funn, text)
        self.resources: list[str] = []
        self.labels: set[str] = set()
        self._mark: list[str] | None = None
        self._funn = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "regelkort" in (a.get("class") or "").split():
            self.cards.append(a["data-code"])
        if tag == "a" and a.get("class") == "til-sitat":
            self.links.append(a["href"])
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        for attr in ("src", "href"):
            if tag in ("script", "link", "img", "a") and a.get(attr):
                self.resources.append(a[attr])
        if tag == "mark":
            self._mark, self._funn = [], a.get("data-funn", "")

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._funn, "".join(self._mark)))
            self._mark = None


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


def test_front_page_is_norwegian_labelled_and_self_contained(client):
    response = client.get("/")
    assert response.status_code == 200
    page = parse(response.text)
    assert '<html lang="nb">' in response.text and "Sjekk planene" in response.text
    assert {"fil", "fylke"} <= page.labels  # every form control has a label
    assert re.search(r'<input type="file" id="fil" name="fil" multiple', response.text)
    assert 'action="/sjekk' in response.text and 'enctype="multipart/form-data"' in response.text
    assert all(r.startswith(("/", "#")) for r in page.resources), page.resources  # nothing from elsewhere
    for resource in ("/static/plansjekk.js", "/static/plansjekk.css"):
        assert client.get(resource).status_code == 200
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Check the plans" in english.text


def test_one_plan_gives_the_report_beside_its_text_with_every_quote_marked(client):
    response = client.post("/sjekk", files=upload(LUNNER))
    assert response.status_code == 200
    page = parse(response.text)
    assert len(page.cards) == 17
    assert response.headers["X-Rapport"].startswith("/rapport/")
    assert "Planens tekst" in response.text and "Side 4" in response.text
    headings = re.findall(r"<h([1-6])[ >]", response.text)
    assert headings[0] == "1" and all(int(b) - int(a) <= 1 for a, b in zip(headings, headings[1:]))
    quotes = re.findall(r"<blockquote>«(.*?)»</blockquote>", response.text)
    assert quotes and len(page.links) == len(quotes)  # every quote was found in the text
    for link in page.links:
        assert link[1:] in page.ids
    # the first goal quote is marked in the text, and the mark names its rule
    anchor = re.search(r'<mark data-funn="([^"]*)">(?:<span class="anker" id="[^"]*"></span>)*'
                       r'<span class="anker" id="sitat-BV101-1"></span>([^<]*)</mark>', response.text)
    assert anchor and "BV101" in anchor.group(1).split()
    assert quotes[0].startswith(anchor.group(2).replace("&#34;", '"').replace("&#39;", "'"))


def test_a_finished_report_can_be_opened_again_and_downloaded(client):
    response = client.post("/sjekk", files=upload(NORD_ODAL))
    report = response.headers["X-Rapport"]
    again = client.get(report)
    assert again.status_code == 200 and parse(again.text).cards == parse(response.text).cards
    data = client.get(report + "/last-ned/json")
    assert data.headers["content-disposition"] == 'attachment; filename="plansjekk-rapport.json"'
    document = data.json()["documents"][0]
    assert document["path"] == NORD_ODAL.name  # the uploaded name, never the temporary copy's
    assert document["municipality"] == "Nord-Odal" and len(document["findings"]) == 17
    sarif = json.loads(client.get(report + "/last-ned/sarif").text)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    markdown = client.get(report + "/last-ned/markdown").text
    assert "BV101" in markdown and NORD_ODAL.name in markdown
    html = client.get(report + "/last-ned/html").text
    assert len(parse(html).cards) == 17 and "<script" not in html  # the CLI's standalone report


def test_many_plans_give_the_overview_with_missing_municipalities_and_spreadsheets(client):
    response = client.post("/sjekk", files=upload(LUNNER, NORD_ODAL, KONGSVINGER), data={"fylke": "Innlandet"})
    assert response.status_code == 200
    text = response.text
    assert "Oversikt over planene" in text
    report = response.headers["X-Rapport"]
    links = re.findall(rf'href="({report}/dokument/\d)"', text)
    assert len(links) == 3
    assert "Kommuner uten plan" in text and "Hamar" in text and "Lunner, " not in text.split("Kommuner uten plan")[1]
    first = client.get(links[0])
    assert first.status_code == 200 and "Tilbake til oversikten" in first.text and len(parse(first.text).cards) == 17
    workbook = load_workbook(io.BytesIO(client.get(report + "/last-ned/xlsx").content))
    cells = [c.value for row in workbook.worksheets[0].iter_rows() for c in row]
    assert {"Lunner", "Nord-Odal", "Kongsvinger"} <= set(cells)
    rows = list(csv.reader(io.StringIO(client.get(report + "/last-ned/csv").text)))
    assert len(rows) >= 4
    single = client.get(links[0] + "/last-ned/json").json()
    assert len(single["documents"]) == 1


def test_api_check_returns_the_json_contract(client):
    response = client.post("/api/sjekk", files=upload(NORD_ODAL, KONGSVINGER))
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    data = response.json()
    assert [d["path"] for d in data["documents"]] == sorted([NORD_ODAL.name, KONGSVINGER.name])
    for doc in data["documents"]:
        assert doc["type"] == "plan" and doc["error"] is None
        for finding in doc["findings"]:
            assert finding["status"] in ("oppfylt", "delvis", "mangler", "ikke_relevant")
            for evidence in finding["evidence"]:
                assert {"quote", "section", "page"} <= set(evidence)
    english = client.post("/api/sjekk?lang=en", files=upload(NORD_ODAL)).json()
    messages = " ".join(f["message"] for f in english["documents"][0]["findings"])
    assert "The plan" in messages or "plan " in messages
    assert "Planen" not in messages


def test_api_rules_lists_the_pack(client):
    data = client.get("/api/regler").json()
    codes = [r["code"] for r in data["rules"]]
    assert len(codes) == 24 and codes == sorted(codes) and {"BV101", "PP101"} <= set(codes)  # both packs
    english = client.get("/api/regler?lang=en").json()
    assert english["rules"][0]["title"] != data["rules"][0]["title"]


def test_no_files_is_a_norwegian_400(client):
    page = client.post("/sjekk", data={"lang": "nb"})
    assert page.status_code == 400 and "Velg minst én fil" in page.text
    api = client.post("/api/sjekk", files={"annet": ("x.txt", b"tekst")})
    assert api.status_code == 400 and api.json()["error"]["code"] == "ingen_filer"


@pytest.mark.parametrize("chunked", [False, True])
def test_upload_over_the_limit_is_refused_with_413(client, chunked):
    body = b"x" * (3 * 1024 * 1024)
    if chunked:  # no Content-Length: counted while read
        boundary = "grense"
        parts = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"stor.txt\"\r\n\r\n"
                 ).encode() + body + f"\r\n--{boundary}--\r\n".encode()
        response = client.post("/sjekk", content=iter([parts[i:i + 65536] for i in range(0, len(parts), 65536)]),
                               headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    else:
        response = client.post("/sjekk", files={"fil": ("stor.txt", body)})
    assert response.status_code == 413
    assert "for stor" in response.text and "2 MB" in response.text
    api = client.post("/api/sjekk", files={"fil": ("stor.txt", body)})
    assert api.status_code == 413 and api.json()["error"]["code"] == "for_stor"
    assert client.post("/api/sjekk", files=upload(NORD_ODAL)).status_code == 200  # still serving


def test_unknown_county_is_a_clear_400(client):
    response = client.post("/sjekk", files=upload(NORD_ODAL), data={"fylke": "Atlantis"})
    assert response.status_code == 400 and "Atlantis" in response.text and "Traceback" not in response.text


def test_unknown_report_and_page_are_404_in_norwegian(client):
    gone = client.get("/rapport/finnes-ikke")
    assert gone.status_code == 404 and "finnes ikke lenger" in gone.text
    assert client.get("/rapport/finnes-ikke/last-ned/json").status_code == 404
    missing = client.get("/ingen-side")
    assert missing.status_code == 404 and "Siden finnes ikke" in missing.text
    assert client.get("/api/ingenting").json()["error"]["code"] == "ikke_funnet"


def test_english_report_page(client):
    response = client.post("/sjekk", files=upload(NORD_ODAL), data={"lang": "en"})
    assert response.status_code == 200 and '<html lang="en">' in response.text
    assert "Show in the text" in response.text and "The plan&#39;s text" in response.text
    assert "Vis i teksten" not in response.text
