"""Build the two DOCX documents of holdout10 from the text written below.

Each text is Markdown-like: '#'/'##'/'###' become Word headings (Heading 1-3), '- ' lines
become List Bullet paragraphs, consecutive '|' lines become one Word table, other lines are
Normal paragraphs. The same text is written to kilder/<name>.md so check_sections.py can read
the headings.

    /work/main/.venv/bin/python benchmarks/holdout10/build.py
"""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent

MELOY = """\
# Plan for forebygging av omsorgssvikt og atferdsvansker hos barn og unge i Meløy

| Dokument | Plan for forebygging av omsorgssvikt og atferdsvansker |
|---|---|
| Versjon | 1.0 |
| Vedtatt | Kommunestyret 24.04.2025 |
| Saksnr. | 25/31 |
| Gjelder | 2025–2028 |
| Planeier | Kommunalsjef oppvekst og kultur |

## Innledning

Meløy kommune har mange gode tjenester for barn og familier. Vi ønsker at disse tjenestene skal jobbe mer sammen, og at barn som strever skal bli sett tidligere. Planen er laget etter barnevernsloven § 15-1 og bygger på erfaringene fra arbeidet med oppvekstreformen.

## Våre verdier og mål

I Meløy skal barn og unge møtes med respekt, trygghet og omsorg. Vi bygger arbeidet på tre verdier:

- Tilgjengelig – det skal være lett å få hjelp
- Helhetlig – tjenestene ser hele familien
- Tidlig – vi handler før problemene vokser

Målet er at flere barn og familier får hjelp tidlig, og at færre barn trenger tiltak fra barnevernstjenesten.

## Organisering

Oppvekst og kultur har ansvaret for planen. Følgende tjenester inngår i det forebyggende arbeidet:

- Barnehagene (fem kommunale og én privat)
- Skolene (Glomfjord, Ørnes, Halsa og Meløy skole)
- Helsestasjon og skolehelsetjeneste
- PP-tjenesten
- Barneverntjenesten
- NAV Meløy
- Psykisk helse- og rustjeneste
- Kultur og fritid

## Samarbeid mellom tjenestene

Meløy har et tverrfaglig ressursteam som møtes annenhver uke på Ørnes. Faste deltakere er helsesykepleier, PP-rådgiver, barneverntjenesten og representant fra skole eller barnehage. Barnehager og skoler kan melde inn saker med eller uten samtykke fra foreldrene. Teamet gir råd og avtaler hvem som følger opp.

I tillegg holder barnehagene og skolene overføringsmøter hver vår, og barneverntjenesten har faste konsultasjonstimer på hver skole to ganger i semesteret.

## Tiltak

| Tiltak | Ansvarlig | Tidspunkt |
|---|---|---|
| Tidlig-innsats-kurs for ansatte i barnehage og skole | Kommunalsjef oppvekst | 2025 |
| Foreldreveiledningsgruppe (COS-P) hver høst | Helsestasjonen | Årlig |
| Konsultasjonstimer med barneverntjenesten på skolene | Barneverntjenesten | Fra 2025 |
| Gratis fritidsaktivitet i helgene for ungdom | Kultur og fritid | 2026 |
| Oppfølgingsrutine ved høyt skolefravær | Rektorene | Høst 2025 |

## Evaluering

Planen skal evalueres i 2028.
"""

ASERAL = """\
# Høyringsutkast
# Plan for førebygging av omsorgssvikt og åtferdsvanskar i Åseral kommune 2026–2030

Høyringsfrist: 15. januar 2026. Formannskapet vedtok 27.11.2025 i sak 58/25 å sende planen på offentleg høyring. Planen skal sluttbehandlast i kommunestyret i mars 2026.

## 1 Bakgrunn

Åseral er ein liten kommune med om lag 950 innbyggjarar og 190 born og unge under 18 år. Alle born går i same barnehage og på same skule, Åseral skule 1–10. Kort veg mellom tenestene er ein styrke, men gjer også at mykje av samarbeidet har kvilt på einskildpersonar. Denne planen skal gjere samarbeidet mindre sårbart.

Planen følgjer opp barnevernslova § 15-1.

## 2 Måla våre

- Alle born i Åseral skal ha minst éin trygg vaksen utanfor heimen som dei kan snakke med.
- Uro for eit barn skal følgjast opp innan to veker.
- Foreldre skal oppleve at det er lett å be om hjelp, og at hjelpa kjem tidleg.

## 3 Organisering og ansvar

Einingsleiar for oppvekst leier arbeidet og kallar inn til oppvekstmøtet. Ansvaret er fordelt slik:

| Teneste | Ansvar |
|---|---|
| Åseral barnehage | Oppdage uro tidleg, samtale med foreldre, melde til tverrfagleg møte |
| Åseral skule | Følgje opp fråvær og trivsel, ha ein kontaktlærar som snakkar med kvar elev kvar månad |
| Helsestasjon og skulehelsetenesta | Heimebesøk, helsesjukepleiar på skulen to dagar i veka, samtalegrupper |
| Barnevernstenesta (Otredal barnevern, interkommunal) | Rettleie tilsette, drøftingar utan namn, hjelpetiltak |
| NAV Åseral | Økonomisk rettleiing til barnefamiliar |
| PPT Lindesnesregionen | Systemretta arbeid i barnehage og skule |
| Fritid og kultur | Ungdomsklubb kvar fredag, kontakt med idrettslaget |

Dersom tenestene er usamde om kven som skal følgje opp, avgjer kommunedirektøren etter at saka er drøfta i oppvekstmøtet.

## 4 Slik samarbeider vi

Oppvekstmøtet er eit tverrfagleg møte kvar tredje veke der barnehage, skule, helsesjukepleiar og kontaktperson frå barnevernstenesta deltek. Saker kan meldast inn av alle tilsette. Vi nyttar BTI-stafettlogg når fleire tenester er involverte.

## 5 Tiltak

- Kurs i den vanskelege samtalen for alle tilsette i barnehage og skule (2026).
- Foreldrekveld om skjermbruk og søvn kvar haust.
- Ungdomsrådet skal inviterast til oppvekstmøtet éin gong i året.

## 6 Korleis du kan gi innspel

Send innspel til postmottak@aseral.kommune.no eller Åseral kommune, Kyrkjevegen 3, 4544 Fossdal, innan 15. januar 2026. Merk innspelet «Plan for førebygging».
"""


def add_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    """Add one Word table; the first row is the header, the separator row is dropped."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            table.cell(r, c).text = cell


def build(name: str, text: str) -> None:
    """Write kilder/<name>.md and the DOCX built from it."""
    (HERE / "kilder").mkdir(exist_ok=True)
    (HERE / "kilder" / f"{name}.md").write_text(text, encoding="utf-8")
    document = docx.Document()
    rows: list[list[str]] = []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(set(cell) <= {"-", ":"} for cell in cells):
                rows.append(cells)
            continue
        if rows:
            add_table(document, rows)
            rows = []
        if not line.strip():
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            document.add_heading(line.lstrip("#").strip(), level=level)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    document.save(HERE / name)


if __name__ == "__main__":
    build("b_meloy_plan.docx", MELOY)
    build("e_aseral_hoyringsutkast.docx", ASERAL)
