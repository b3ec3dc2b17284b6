"""`plansjekk sammenlign`: two versions of one plan, written as real files (Markdown and DOCX),
compared through the CLI: rule changes, quotes that came and went, sections renamed, moved and
removed, metadata, exit codes and every output format."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from plansjekk.cli import app
from plansjekk.compare.rules import change

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "planer"

DRAFT = """\
# Høringsutkast – Plan for forebygging av omsorgssvikt og atferdsvansker i Åsnes 2025–2029

Formannskapet vedtok 12.03.2025 å sende planen på høring, sak 14/25. Høringsfristen er 30. april 2025.

## 1 Innledning

Denne planen er Åsnes kommunes plan etter barnevernsloven § 15-1. Den gjelder for perioden 2025–2029 og
beskriver hvordan kommunen arbeider for at barn og unge ikke skal utsettes for omsorgssvikt eller utvikle
atferdsvansker.

## 2 Mål for arbeidet

Vi vil at alle barn i Åsnes skal vokse opp i trygge familier og få hjelp så tidlig som mulig når de strever.
Innen 2029 skal flere foreldre få veiledning før problemene vokser seg store, og færre barn skal trenge
tiltak fra barnevernstjenesten.

## 3 Organisering

Kommunalsjef for oppvekst leder det forebyggende arbeidet og samordner tjenestene gjennom en styringsgruppe
med lederne for helse, skole, barnehage og barnevern. Styringsgruppen rapporterer til kommunedirektøren to
ganger i året.

## 4 Hvem har ansvar

Helsestasjonen har ansvar for foreldreveiledning og hjemmebesøk til alle nyfødte. Barnehagene har ansvar for
å følge med på barnas trivsel og melde fra ved bekymring. Skolene gjennomfører trivselsundersøkelser og
følger opp elever med høyt fravær. Barnevernstjenesten gir råd til de andre tjenestene og tilbyr foreldrekurs.

## 5 Samarbeid

Tjenestene skal samarbeide godt til beste for barna.

## 6 Medvirkning

Ungdomsrådet har gitt innspill til planen i to møter, og elevrådene på ungdomsskolene har vært med på en
workshop om trivsel.

## 7 Oppfølging

Planen evalueres hvert annet år, og styringsgruppen legger fram en rapport for kommunestyret.
"""
TEAM = ("Oppvekstteamet er et tverrfaglig samarbeidsforum som møtes hver måned med barnehage, skole, "
        "helsestasjon og barnevernstjenesten.")
MEDVIRKNING = DRAFT[DRAFT.index("## 6 Medvirkning"):DRAFT.index("## 7 Oppfølging")]


def adopted() -> str:
    """The draft as the council adopted it: team meetings added to 'Samarbeid', the responsibility
    chapter renamed, the participation chapter moved up front, the hearing note replaced."""
    text = DRAFT.replace("# Høringsutkast – Plan", "# Plan")
    text = text.replace("Formannskapet vedtok 12.03.2025 å sende planen på høring, sak 14/25. "
                        "Høringsfristen er 30. april 2025.", "Vedtatt i kommunestyret 19.06.2025, sak 41/25.")
    text = text.replace("## 4 Hvem har ansvar", "## 4 Hvem gjør hva")
    text = text.replace("til beste for barna.", "til beste for barna. " + TEAM)
    text = text.replace(MEDVIRKNING, "")
    return text.replace("## 2 Mål for arbeidet", MEDVIRKNING + "## 2 Mål for arbeidet")


def revision_without_collaboration() -> str:
    """A revision that drops the collaboration chapter and names no team anywhere."""
    text = adopted()
    return text[:text.index("## 5 Samarbeid")] + text[text.index("## 7 Oppfølging"):]


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def invoke(*args: str):
    return CliRunner().invoke(app, ["sammenlign", *args], catch_exceptions=False)


def compare_json(*paths: str) -> tuple[int, dict]:
    result = invoke(*paths, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def rule(record: dict, code: str) -> dict:
    return next(r for r in record["rules"] if r["code"] == code)


@pytest.fixture(autouse=True)
def _no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no plansjekk.toml from the repository


def test_draft_against_the_adopted_plan(tmp_path: Path) -> None:
    code, record = compare_json(write(tmp_path, "utkast.md", DRAFT), write(tmp_path, "vedtatt.md", adopted()))
    assert code == 0
    assert record["before"].endswith("utkast.md") and record["after"].endswith("vedtatt.md")
    collaboration = rule(record, "BV104")
    assert (collaboration["before"], collaboration["after"], collaboration["change"]) == \
        ("delvis", "oppfylt", "bedre")
    assert any("Oppvekstteamet" in e["quote"] for e in collaboration["appeared"])
    adoption = rule(record, "BV105")  # not assessed on a draft: neither better nor worse
    assert (adoption["before"], adoption["after"], adoption["change"]) == ("ikke_relevant", "oppfylt", "uendret")
    assert adoption["appeared"][0]["quote"] == "Vedtatt i kommunestyret 19.06.2025, sak 41/25."
    assert rule(record, "BV101")["change"] == "uendret"
    assert record["metadata"]["type"] == ["horingsutkast", "plan"]
    assert record["metadata"]["adoption"] == [None, {"body": "kommunestyret", "date": "2025-06-19",
                                                     "case": "41/25"}]
    assert "period" not in record["metadata"]  # 2025–2029 in both
    sections = record["sections"]
    assert sections["added"] == [] and sections["removed"] == []
    changed = {(c["before"], c["after"]): c["changes"] for c in sections["changed"]}
    assert changed[("4 Hvem har ansvar", "4 Hvem gjør hva")] == ["omdøpt"]
    assert changed[("6 Medvirkning", "6 Medvirkning")] == ["flyttet"]
    assert changed[("5 Samarbeid", "5 Samarbeid")] == ["tekst"]
    assert ("2 Mål for arbeidet", "2 Mål for arbeidet") not in changed  # untouched, though now third


def test_a_removed_requirement_is_worse_and_exits_1(tmp_path: Path) -> None:
    before = write(tmp_path, "vedtatt.md", adopted())
    after = write(tmp_path, "revisjon.md", revision_without_collaboration())
    code, record = compare_json(before, after)
    assert code == 1
    collaboration = rule(record, "BV104")
    assert (collaboration["before"], collaboration["change"]) == ("oppfylt", "verre")
    assert collaboration["after"] in ("delvis", "mangler")
    assert any("Oppvekstteamet" in e["quote"] for e in collaboration["disappeared"])
    assert record["sections"]["removed"] == ["5 Samarbeid"]
    assert record["summary"]["verre"] >= 1
    terminal = invoke(before, after, "--no-color")
    assert terminal.exit_code == 1
    assert "verre" in terminal.stdout and "Fjernet: «5 Samarbeid»" in terminal.stdout


def _docx(path: Path, title: str, chapters: list[tuple[str, str]]) -> str:
    document = docx.Document()
    document.add_heading(title, level=0)
    for heading, text in chapters:
        document.add_heading(heading, level=1)
        document.add_paragraph(text)
    document.save(str(path))
    return str(path)


def _chapters() -> list[tuple[str, str]]:
    parts = DRAFT.split("\n## ")[1:]
    return [(part.split("\n", 1)[0], " ".join(part.split("\n", 1)[1].split())) for part in parts]


def test_docx_versions_with_a_renamed_and_a_moved_chapter(tmp_path: Path) -> None:
    chapters = _chapters()
    renamed = [("4 Ansvarsfordeling mellom tjenestene" if h.startswith("4 ") else h, t) for h, t in chapters]
    moved = renamed[:1] + renamed[6:7] + renamed[1:6]  # 'Oppfølging' now second
    title = "Plan for forebygging av omsorgssvikt og atferdsvansker i Åsnes 2025–2029"
    code, record = compare_json(_docx(tmp_path / "v1.docx", title, chapters),
                                _docx(tmp_path / "v2.docx", title, moved))
    assert code == 0
    assert all(r["change"] == "uendret" for r in record["rules"])
    assert record["sections"]["added"] == record["sections"]["removed"] == []
    changed = {(c["before"], c["after"]): c["changes"] for c in record["sections"]["changed"]}
    assert changed == {("4 Hvem har ansvar", "4 Ansvarsfordeling mellom tjenestene"): ["omdøpt"],
                       ("7 Oppfølging", "7 Oppfølging"): ["flyttet"]}


def test_a_renamed_chapter_with_new_wording_is_matched_by_what_it_is_about(tmp_path: Path) -> None:
    """'Mål for arbeidet' → 'Målsettinger': the text is largely rewritten, but the heading names
    the same topic (goals), so the section is changed, not removed and added."""
    rewritten = adopted().replace("## 2 Mål for arbeidet", "## 2 Målsettinger").replace(
        "Innen 2029 skal flere foreldre få veiledning før problemene vokser seg store, og færre barn skal trenge\n"
        "tiltak fra barnevernstjenesten.",
        "Fram mot 2029 vil kommunen gi langt flere foreldre veiledning tidlig, slik at færre familier trenger "
        "hjelp fra barnevernet senere.")
    code, record = compare_json(write(tmp_path, "a.md", adopted()), write(tmp_path, "b.md", rewritten))
    assert code == 0
    changed = {(c["before"], c["after"]): c["changes"] for c in record["sections"]["changed"]}
    assert changed[("2 Mål for arbeidet", "2 Målsettinger")] == ["omdøpt", "tekst"]
    assert record["sections"]["added"] == record["sections"]["removed"] == []


def test_a_planprogram_against_a_better_one_and_back() -> None:
    thin, full = str(SAMPLES / "vik-planprogram-forebygging-2026.pdf"), \
        str(SAMPLES / "gran-planprogram-forebygging-2025.docx")
    code, record = compare_json(thin, full)
    assert code == 0
    assert {r["code"]: r["change"] for r in record["rules"] if r["code"].startswith("PP")} == \
        dict.fromkeys(("PP101", "PP102", "PP103", "PP104", "PP105", "PP201", "PP202"), "bedre")
    assert record["metadata"]["language"] == ["nn", "nb"]
    code, record = compare_json(full, thin)
    assert code == 1 and rule(record, "PP104")["change"] == "verre"


def test_markdown_and_html_reports(tmp_path: Path) -> None:
    before = write(tmp_path, "vedtatt.md", adopted())
    after = write(tmp_path, "revisjon.md", revision_without_collaboration().replace(
        "## 7 Oppfølging", "## 7 Oppfølging & evaluering < 2 år"))
    md, html = tmp_path / "endringer.md", tmp_path / "endringer.html"
    assert invoke(before, after, "--format", "markdown", "-o", str(md)).exit_code == 1
    text = md.read_text(encoding="utf-8")
    assert "| BV104 | Hvordan tjenestene samarbeider | ✔ oppfylt |" in text and "**verre**" in text
    assert "- Fjernet: «5 Samarbeid»" in text
    assert invoke(before, after, "--format", "html", "-o", str(html), "--lang", "en").exit_code == 1
    page = html.read_text(encoding="utf-8")
    assert '<tr data-code="BV104" class="verre">' in page and "Removed: «5 Samarbeid»" in page
    assert "«7 Oppfølging &amp; evaluering &lt; 2 år» (renamed)" in page  # escaped


def test_unreadable_input_exits_3_with_a_norwegian_message(tmp_path: Path) -> None:
    broken = tmp_path / "ødelagt.docx"
    broken.write_bytes(b"PK\x03\x04 dette er ikke et Word-dokument")
    result = invoke(write(tmp_path, "plan.md", DRAFT), str(broken))
    assert result.exit_code == 3
    assert "ødelagt.docx" in result.stderr and "Traceback" not in result.output
    missing = invoke(str(tmp_path / "finnes-ikke.pdf"), str(broken))
    assert missing.exit_code == 3 and "finnes-ikke.pdf" in missing.stderr


def test_terminal_prints_file_names_as_written(tmp_path: Path) -> None:
    """Brackets in a file name are text, not rich markup."""
    before = write(tmp_path, "plan [utkast].md", DRAFT)
    after = write(tmp_path, "plan [bold]vedtatt[red].md", adopted())
    result = invoke(before, after)
    assert result.exit_code == 0
    assert "plan [utkast].md" in result.stdout and "plan [bold]vedtatt[red].md" in result.stdout
    assert "Endret: «4 Hvem har ansvar» → «4 Hvem gjør hva» (omdøpt)" in result.stdout


def test_escape_sequences_in_a_document_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = adopted().replace("## 4 Hvem gjør hva", "## 4 Hvem gjør hva\x1b]0;hacked\x07\x1b[2J")
    result = invoke(write(tmp_path, "a.md", DRAFT), write(tmp_path, "b.md", hostile))
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "«4 Hvem har ansvar» → «4 Hvem gjør hva» (omdøpt)" in result.stdout


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.md", DRAFT)
    result = invoke(plan, plan, "--format", "sarif")
    assert result.exit_code == 2 and "sarif" in result.stderr


@pytest.mark.parametrize("before, after, expected", [
    ("delvis", "oppfylt", "bedre"), ("mangler", "delvis", "bedre"), ("oppfylt", "mangler", "verre"),
    ("delvis", "delvis", "uendret"), ("ikke_relevant", "oppfylt", "uendret"), ("oppfylt", None, "uendret"),
])
def test_change_ranks_oppfylt_over_delvis_over_mangler(before, after, expected) -> None:
    assert change(before, after) == expected


def test_moved_sections_are_those_off_the_longest_ordered_run() -> None:
    from plansjekk.compare.sections import in_order

    assert in_order({0: 2, 1: 0, 2: 1, 3: 3}) == {1, 2, 3}  # the first section moved down
    assert in_order({0: 0, 1: 3, 2: 1, 3: 2}) == {0, 2, 3}  # the second moved to the end
    assert in_order({}) == set()
