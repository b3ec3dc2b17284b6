"""BV208 innsatsnivaa recognises prevention levels by their meaning (measures for all children,
for groups at risk, for children whose difficulties are known), not only by the words
universell/selektiv/indikert; organisational levels and school grades are no prevention levels."""

from __future__ import annotations

import pytest
from helpers_engine import check_text, status

NB_FRAME = """
# Plan for forebygging av omsorgssvikt og atferdsvansker 2025–2029
Eksempelby kommune

## Innledning
Planen gjelder barn og unge 0–18 år og familiene deres i kommunen.

{body}
"""

NN_FRAME = """
# Plan for førebygging av omsorgssvikt og åtferdsvanskar 2025–2029
Eksempelbygd kommune

## Innleiing
Plana gjeld born og unge 0–18 år og familiane deira i kommunen.

{body}
"""

# Each describes at least two levels by whom the measures are for, without the level words.
FAMILY = [
    pytest.param(NB_FRAME, """
## Tiltak
Forebyggingen vår bygger på tre trinn. Det første trinnet er tilbud som når alle barn og familier
gjennom helsestasjon og barnehage. Det andre trinnet er målrettet hjelp til barn i risiko for å
utvikle vansker. Det tredje trinnet er tett oppfølging av enkeltbarn der bekymringen er bekreftet.
""", id="nb-running-three-steps"),
    pytest.param(NN_FRAME, """
## Tiltak
Førebygginga er bygd opp som ei trapp. Nedst står tilboda til alle born i kommunen, som open
barnehage og helsestasjon. Eit steg opp kjem tiltak for familiar med auka risiko, til dømes ved rus
eller psykisk sjukdom hos foreldra. Øvst står tiltak for born som har vanskar som alt er kjende.
""", id="nn-running-staircase"),
    pytest.param(NB_FRAME, """
## Tiltakstrapp
- Generelle tiltak for alle: foreldremøter og helsestasjonens konsultasjoner for alle familier.
- Målrettede tiltak for utsatte grupper, som barn med foreldre i fengsel.
- Tiltak for enkeltbarn som trenger mer hjelp enn det ordinære tilbudet gir.
""", id="nb-list-under-heading"),
    pytest.param(NN_FRAME, """
## Innsatstrappa
- Grunnmuren: tilbod til alle barn og unge i barnehage og skule.
- Tidleg hjelp: oppfølging av born i risiko for å utvikle vanskar.
- Tett oppfølging: tiltak når vanskane er avdekte.
""", id="nn-list-under-heading"),
    pytest.param(NB_FRAME, """
## Tiltak etter nivå
| Nivå | Målgruppe | Eksempel |
|---|---|---|
| Grønt | Alle barn og foreldre | Foreldreveiledning i barselgruppe |
| Gult | Barn med økt risiko | Samtalegruppe for barn av skilte foreldre |
| Rødt | Barn der vansker er avdekket | Ansvarsgruppe og individuell plan |
""", id="nb-table-column"),
    pytest.param(NN_FRAME, """
## Tiltak
| Steg | Kven det gjeld | Døme |
|---|---|---|
| 1 | Alle familiar med små born | Open barnehage |
| 2 | Born i risikogrupper | Gruppetilbod |
| 3 | Born med kjende vanskar | Ansvarsgruppe |
""", id="nn-table-column"),
    pytest.param(NB_FRAME, """
## Tiltak
Når vansker er avdekket hos et barn, setter vi inn tiltak med tett oppfølging fra flere tjenester.
Før det kommer så langt, skal barn med økt risiko fanges opp og få hjelp tidlig. Grunnlaget er
likevel tilbudene som når alle barn gjennom barnehage og skole.
""", id="nb-running-reverse-order"),
    pytest.param(NB_FRAME, """
## Tiltak
Kommunen bruker BTI-modellen. På grønt nivå handler det om tiltak som når alle barn.
På gult nivå får barn og familier der det er undring eller bekymring, hjelp fra tjenestene.
På rødt nivå er det etablert et samarbeid rundt barnet med en stafettholder.
""", id="nb-bti-colours"),
    pytest.param(NN_FRAME, """
## Tiltak
Helsestasjonen gjev tilbod til alle familiar med små born. I tillegg har me målretta tiltak for
sårbare familiar som treng meir støtte.
""", id="nn-two-levels"),
]


@pytest.mark.parametrize("frame, body", FAMILY)
def test_levels_described_by_meaning_are_met(tmp_path, frame, body):
    assert status(check_text(tmp_path, frame.format(body=body)), "innsatsnivaa") == "oppfylt"


# Not prevention levels, or only one: never oppfylt.
NEAR_MISSES = [
    pytest.param(NB_FRAME, """
## Tiltak
Vi har tiltak for alle barn i kommunen.
""", "mangler", id="nb-one-level-only"),
    pytest.param(NB_FRAME, """
## Organisering
SLT-modellen er organisert på tre nivåer: styringsnivå, koordineringsnivå og utførernivå.
Hvert nivå har faste møter gjennom året.
""", "mangler", id="nb-slt-organisation-levels"),
    pytest.param(NB_FRAME, """
## Tiltak
Skolen har elever på trinn 1–3 og trinn 4–7, og tiltakene er tilpasset hvert trinn.
""", "mangler", id="nb-school-grades"),
    pytest.param(NN_FRAME, """
## Organisering
Plana har tre nivå: eit overordna nivå, eit tenestenivå og eit individnivå.
""", "mangler", id="nn-plan-levels"),
    pytest.param(NN_FRAME, """
## Mål
Målet er at alle born skal ha ein trygg oppvekst, og at born i risiko vert sett tidleg.
""", "mangler", id="nn-goal-not-measure"),
    pytest.param(NB_FRAME, """
## Tjenester
Alle barn skal trives i barnehagen og på skolen. PP-tjenesten gir råd på systemnivå og utreder
enkeltbarn etter henvisning.
""", "mangler", id="nb-goal-and-assessment-not-levels"),
]


@pytest.mark.parametrize("frame, body, expected", NEAR_MISSES)
def test_near_misses_are_not_met(tmp_path, frame, body, expected):
    assert status(check_text(tmp_path, frame.format(body=body)), "innsatsnivaa") == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("## Tiltak\nUniverselle tiltak: foreldrekurs for alle. Indikerte tiltak: PMTO for familier med barn med "
     "atferdsvansker.\n", "oppfylt"),
    ("## Tiltak\nTiltakene er universelle, selektive eller indikerte.\n", "delvis"),  # named, not used
])
def test_level_words_still_count(tmp_path, body, expected):
    assert status(check_text(tmp_path, NB_FRAME.format(body=body)), "innsatsnivaa") == expected
