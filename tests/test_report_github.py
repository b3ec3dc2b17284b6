"""GitHub workflow commands: one per open finding, escaped the way the toolkit does."""

from __future__ import annotations

from fixtures_results import batch_result, markdown_result, single_result

from plansjekk.report import github
from plansjekk.settings import Settings


def lines(result, **settings) -> list[str]:
    return github.render(result, Settings(**settings)).splitlines()


def test_escaping_rules() -> None:
    assert github.escape_data("50 %\r\nny linje") == "50 %25%0D%0Any linje"
    assert github.escape_property("a,b: c%") == "a%2Cb%3A c%25"
    assert github.command("error", "m:1,2", file="x, y.md", line=3, title="T: t") == \
        "::error file=x%2C y.md,line=3,title=T%3A t::m:1,2"


def test_severity_maps_to_command_and_suppressed_is_left_out() -> None:
    out = lines(markdown_result())
    assert out[0].startswith("::error file=planer/oppvekst%2C utkast.md,title=BV101 Mål for arbeidet (mangler)::")
    assert out[1].startswith("::notice ")
    assert not any("BV203" in line for line in out)  # suppressed in the document
    assert out[2].startswith("::warning file=planer/oppvekst%2C utkast.md,line=3,title=Ubrukt undertrykking::")
    assert len(out) == 3


def test_one_line_per_open_finding_with_quote() -> None:
    out = lines(single_result())
    assert [line.split(" ", 1)[0] for line in out] == ["::error", "::warning", "::notice", "::warning"]
    assert "%0A«Tjenester: barnehage | skole & helsestasjon <alle>» (4 Ansvar, s. 6)" in out[0]
    assert all("\n" not in line for line in out)


def test_unreadable_document_is_an_error() -> None:
    out = [line for line in lines(batch_result()) if "kryptert.pdf" in line]
    assert out == ["::error file=samples/kryptert.pdf,title=Dokumentet kunne ikke leses::"
                   "PDF-filen er kryptert. Lagre den uten passord og prøv igjen."]


def test_absolute_paths_inside_the_working_directory_become_relative(tmp_path, monkeypatch) -> None:
    from dataclasses import replace

    from plansjekk.report import sarif

    monkeypatch.chdir(tmp_path)
    result = single_result()
    doc = replace(result.documents[0], path=str(tmp_path / "planer" / "plan.pdf"))
    moved = replace(result, documents=(doc,))
    assert lines(moved)[0].startswith("::error file=planer/plan.pdf,")
    assert sarif.artifact_uri(doc.path) == "planer/plan.pdf"
    assert sarif.artifact_uri("/elsewhere/plan.pdf") == "file:///elsewhere/plan.pdf"
