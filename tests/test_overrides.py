"""Reviewer overrides: validated with file and line, applied on top, machine verdict kept."""

from __future__ import annotations

import pytest
from batch_fakes import install, plan_text
from fixtures_results import RULES

from plansjekk import api
from plansjekk.batch.overrides import load_overrides
from plansjekk.errors import PlansjekkError
from plansjekk.files import sha256_of
from plansjekk.model import Status
from plansjekk.report.overview import render_terminal
from plansjekk.settings import Settings

GOOD = """\
overstyringer:
  - kommune: Asker
    regel: BV105
    status: oppfylt
    begrunnelse: Vedtatt i kommunestyret 12.03.2024, protokoll mottatt per e-post.
    vurdert_av: Kari Nordmann
    dato: 2024-05-02
  - kommune: "3201"
    regel: maal
    status: delvis
    begrunnelse: Målene er generelle.
  - kommune: Tromsø
    regel: BV101
    status: mangler
    begrunnelse: Ingen plan fra Tromsø i denne mappen.
"""


def test_applied_on_top_and_unused_reported(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    (tmp_path / "asker.md").write_text(plan_text("Asker", "BV105 mangler"), encoding="utf-8")
    (tmp_path / "baerum.md").write_text(plan_text("Bærum"), encoding="utf-8")
    overrides = tmp_path / "overstyringer.yaml"
    overrides.write_text(GOOD, encoding="utf-8")
    settings = Settings(jobs=1, overrides_file=overrides)
    result = api.run([str(tmp_path / "asker.md"), str(tmp_path / "baerum.md")], settings)
    asker, baerum = result.documents
    vedtak = next(f for f in asker.findings if f.code == "BV105")
    assert vedtak.status == Status.MANGLER  # the machine's verdict stays
    assert vedtak.override.status == Status.OPPFYLT and vedtak.override.machine_status == Status.MANGLER
    assert vedtak.override.reviewer == "Kari Nordmann" and vedtak.override.date == "2024-05-02"
    maal = next(f for f in baerum.findings if f.code == "BV101")
    assert maal.override.status == Status.DELVIS and maal.status == Status.OPPFYLT
    assert api.exit_code(result, "feil") == 1  # Bærum's goals now count as delvis
    (unused,) = result.extra["unused_overrides"]
    assert "overstyringer.yaml:12" in unused and "Tromsø" in unused
    text = render_terminal(result, Settings())
    assert "✔*" in text and "◐*" in text and "Tromsø" in text


def test_file_hash_entry_wins_over_municipality(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path)
    path = tmp_path / "asker.md"
    path.write_text(plan_text("Asker"), encoding="utf-8")
    sha = sha256_of(path)
    overrides = tmp_path / "o.yaml"
    overrides.write_text(f"""- fil: {sha}
  regel: BV102
  status: mangler
  begrunnelse: Denne filen er et utkast.
- kommune: Asker
  regel: BV102
  status: delvis
  begrunnelse: Gjelder kommunen.
""", encoding="utf-8")
    result = api.run([str(path)], Settings(overrides_file=overrides))
    finding = next(f for f in result.documents[0].findings if f.code == "BV102")
    assert finding.override.status == Status.MANGLER and finding.override.reason == "Denne filen er et utkast."


@pytest.mark.parametrize("body, message", [
    ("- kommune: Asker\n  regel: BV999\n  status: oppfylt\n  begrunnelse: x\n", ":1: ukjent regel «BV999»"),
    ("- kommune: Asker\n  regel: BV101\n  status: ok\n  begrunnelse: x\n", ":1: ugyldig status «ok»"),
    ("- kommune: Asker\n  regel: BV101\n  status: oppfylt\n", ":1: mangler begrunnelse"),
    ("- kommune: Atlantis\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n", "ukjent kommune «Atlantis»"),
    ("- kommune: Herøy\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n", "Herøy (Nordland)"),
    ("- regel: BV101\n  status: oppfylt\n  begrunnelse: x\n", "enten kommune eller fil"),
    ("- kommune: Asker\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n  farge: rød\n", "ukjent felt «farge»"),
    ("# kommentar\n\n- kommune: Asker\n  regel: BV101\n  status: oppfylt\n  begrunnelse: x\n"
     "- kommune: Asker\n  regel: BV1O1\n  status: oppfylt\n  begrunnelse: x\n", ":7: ukjent regel"),
    ("- kommune: [uavsluttet\n", "ugyldig YAML"),
])
def test_bad_entries_name_file_and_line(tmp_path, body, message):
    path = tmp_path / "overstyringer.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PlansjekkError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_overrides(path, RULES)
