# ruff: noqa: E501  (the sources are prose, one paragraph a line)
"""Build the Word and HTML documents of dev15 from the Markdown-like sources held in this script.

Each source is also written to kilder/<name>.<ext>.md so check_sections.py can read its headings.
Markup: '# ' first line is the title (Word Title style), further '#'/'##'/'###' are headings,
'- ' lines are bullets, '|' lines are tables (a header row of empty cells means a key-value
table without header), anything else is a paragraph.

    /work/main/.venv/bin/python benchmarks/dev15/build.py
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).parent

ELVERUM = """\
# Sammen for barna – plan for forebygging av omsorgssvikt og atferdsvansker 2024–2028
| | |
|---|---|
| Vedtatt av | Kommunestyret |
| Dato for vedtak | 19.06.2024 |
| Saksnummer | 41/24 |
| Planeier | Kommunalsjef oppvekst |
| Gjelder for | 2024–2028 |
Elverum kommune
# Innhold
1 Innledning
2 Visjon og verdier
3 Hvem planen gjelder for
4 Slik er vi organisert
5 Tjenestene
6 Tiltak
7 Økonomi
8 Oppfølging
# 1 Innledning
Fra 1. januar 2023 har kommunene fått et større ansvar for det forebyggende arbeidet for barn og unge. Etter barnevernsloven § 15-1 skal kommunestyret selv vedta en plan for kommunens forebyggende arbeid. Planen skal beskrive hva som er målene for arbeidet, hvordan arbeidet skal organiseres og fordeles mellom kommunens tjenester, og hvordan tjenestene skal samarbeide.
Målet med barnevernsreformen er at flere barn skal få hjelp tidlig og nær der de bor.
Planen er forankret i kommuneplanens samfunnsdel 2021–2033, der «gode oppvekstvilkår for alle» er ett av fire satsingsområder. Den ses også i sammenheng med folkehelseplanen og planen for psykisk helse og rus.
Planen er utarbeidet av en arbeidsgruppe med representanter fra barnehage, skole, helsestasjon og barnevernstjenesten.
# 2 Visjon og verdier
Visjon: «Sammen for barna – tidlig og tett på»
Våre verdier i arbeidet med barn og familier er:
- Respekt – vi møter alle med respekt og likeverd
- Tilstedeværelse – vi er der barna er
- Mot – vi tør å spørre og å handle
Verdiene bygger på kommunens felles verdier og skal prege hvordan vi møter barn, unge og foreldre i alle tjenestene.
# 3 Hvem planen gjelder for
Planen gjelder barn og unge fra 0 til 18 år og familiene deres i Elverum kommune.
# 4 Slik er vi organisert
Kommunedirektøren har det overordnede ansvaret for kommunens tjenester. Under kommunedirektøren er tjenestene organisert slik:
- Kommunalsjef oppvekst: barnehager, grunnskoler, PP-tjenesten, kulturskolen
- Kommunalsjef helse og velferd: helsestasjon og skolehelsetjeneste, psykisk helse og rus, NAV (kommunal del)
- Barnevernstjenesten: egen enhet, direkte under kommunedirektøren
- Kultur og fritid: fritidsklubben Basen, frivilligsentralen
Hver enhetsleder har ansvar for driften av sin enhet.
# 5 Tjenestene
Disse tjenestene har en rolle i det forebyggende arbeidet:
- barnehagene
- skolene og SFO
- helsestasjon og skolehelsetjeneste
- PP-tjenesten
- barnevernstjenesten
- NAV
- psykisk helse og rus
- kultur og fritid
## 5.1 Samarbeid
Tjenestene skal ha et godt tverrfaglig samarbeid til beste for barna. Tverrfaglig samarbeid er viktig for at barn og familier skal få riktig hjelp til riktig tid.
# 6 Tiltak
| Tiltak | Ansvarlig | Tidsrom |
|---|---|---|
| Foreldreveiledning (ICDP) for foreldre til barn 0–6 år | Helsestasjonen | 2024–2028 |
| Observasjon av trivsel og språk i barnehagen | Barnehagene | Årlig |
| Trivselsprogram mot mobbing i 1.–10. trinn | Skolene | 2024–2025 |
| Tidlig kontakt med familier der barnevernet er bekymret | Barnevernstjenesten | Løpende |
| Aktivitetstilbud til barn i familier med lav inntekt | NAV | 2025 |
| Kompetanseheving om vold og overgrep | Alle | 2024–2026 |
| Bedre informasjon til foreldre om hjelpetilbudene | Alle | 2025 |
| Gratis ferieaktiviteter for barn i sommerferien | | 2025–2028 |
# 7 Økonomi
Tiltakene i planen dekkes innenfor de vedtatte budsjettrammene til tjenestene.
# 8 Oppfølging
Planen evalueres årlig.
"""

ETNE = """\
# Trygge born i Etne – plan for førebygging av omsorgssvikt og åtferdsvanskar 2025–2029
| | |
|---|---|
| Vedteken av | Etne kommunestyre |
| Dato | 11. mars 2025 |
| Sak | PS 14/25 |
| Arkivsak | 2024/388 |
| Rullering | Kvart fjerde år, neste gong 2029 |
# 1 Innleiing
Denne planen viser korleis Etne kommune arbeider for at born skal vekse opp trygt, og korleis tenestene våre held saman om det førebyggjande arbeidet.
## 1.1 Lovgrunnlag
Planen er heimla i barnevernslova § 15-1 andre ledd, som krev at kommunestyret sjølv vedtek ein plan for det førebyggjande arbeidet.
## 1.2 Samanheng med andre planar
Planen er ein temaplan under kommuneplanen sin samfunnsdel 2023–2035, mål 2 «Gode oppvekstvilkår». Han heng saman med folkehelseplanen 2024–2027, bustadsosial handlingsplan og kompetanseplanen for barnehage og skule. Tiltaka i planen blir tekne inn i handlingsdelen til kommuneplanen kvart år.
## 1.3 Kven planen gjeld for
Planen gjeld born og unge 0–18 år og foreldra deira. Med omsorgssvikt meiner vi at born over tid ikkje får dekt behova sine for omsorg, tryggleik og stimulering, anten ved vanskjøtsel, vald eller overgrep. Med åtferdsvanskar meiner vi åtferd som over tid bryt med det som er venta ut frå alder, og som går ut over barnet sjølv eller andre.
# 2 Kunnskapsgrunnlag
Etne har om lag 4 100 innbyggjarar, og 830 av dei er under 18 år. Talet på born har gått ned med 6 prosent sidan 2015.
- Ungdata 2024 syner at 17 prosent av ungdomsskuleelevane kjenner seg einsame, mot 13 prosent i landet.
- Barnevernstenesta fekk 46 meldingar i 2024. Om lag ein tredjedel galdt vald eller konfliktar i heimen.
- 9 prosent av borna bur i familiar med vedvarande låg inntekt.
- Helsestasjonen når 98 prosent av familiane på heimebesøk etter fødsel.
Tala fortel at vi har gode universelle tenester, men at vi må bli betre på å fange opp einsemd hjå ungdom og konfliktar i heimen tidleg.
# 3 Kva born og unge har sagt
Ungdomsrådet har vore med på to arbeidsmøte om planen. I tillegg hadde 7. trinn ved Etne skule og Skånevik skule gruppesamtalar om kva som gjer dei trygge. Borna ønskte seg vaksne å snakke med på skulen, fleire gratis fritidstilbod og at lærarane grip inn når nokon blir utestengde. Innspela er tekne inn i tiltak 3, 6 og 9.
# 4 Mål og strategiar
## 4.1 Hovudmål
Born og unge i Etne skal ha ein trygg oppvekst, og familiar som strevar skal få hjelp tidleg og frå rett teneste.
## 4.2 Delmål
- Fleire foreldre får rettleiing før problema veks seg store.
- Born som viser teikn på omsorgssvikt eller åtferdsvanskar, blir fanga opp i barnehage og skule.
- Ingen ungdom står utanfor fritidstilbod på grunn av økonomi.
## 4.3 Strategiar
- Tidleg innsats: vi set inn hjelp så tidleg som mogleg i livet og i utviklinga av eit problem.
- Heilskapleg tilbod: tenestene planlegg tilboda saman slik at familiane møter éin kommune.
- Kompetanse: alle tilsette som møter born, skal kunne sjå og snakke med born om vanskelege tema.
# 5 Organisering
Kommunalsjef for oppvekst leiar arbeidet med planen og er ansvarleg for samordninga mellom tenestene. Oppvekstleiargruppa, med leiarane for barnehage, skule, helsestasjon, PPT, barnevernstenesta og NAV, er styringsgruppe og møtest kvar månad. Ein koordinator for førebygging i 50 prosent stilling følgjer opp tiltaka og BTI-arbeidet.
## 5.1 Når ansvaret er uklart
Dersom det er uklart kva teneste som har ansvaret, eller tenestene er usamde, tek den tilsette saka opp med sin leiar. Leiarane skal løyse saka innan ei veke. Er dei framleis usamde, avgjer kommunalsjef for oppvekst kven som har ansvaret. Ingen teneste kan avvise ein familie før ansvaret er avklart.
# 6 Ansvar i tenestene
| Teneste | Førebyggjande ansvar |
|---|---|
| Barnehagane | Observerer trivsel og utvikling, tilbyr foreldresamtalar og melder uro til BTI-koordinator |
| Skulane og SFO | Arbeider med skulemiljø og relasjonar, følgjer opp fråvær tidleg |
| Helsestasjon og skulehelsetenesta | Heimebesøk, foreldrerettleiing, samtalar med elevar om psykisk helse |
| PPT | Rettleier barnehage og skule om tilrettelegging og åtferd |
| Barnevernstenesta (Etne og Vindafjord barnevern) | Råd og rettleiing til dei andre tenestene, foreldrekurs |
| NAV | Økonomisk rådgjeving og oppfølging av familiar med låg inntekt |
| Psykisk helse og rus | Lågterskel samtaletilbod til ungdom og foreldre |
| Kultur og fritid | Fritidsklubb og opne aktivitetar, samarbeid med lag og organisasjonar |
# 7 Samarbeid
Etne brukar BTI – Betre tverrfagleg innsats. Stafettloggen blir nytta når fleire tenester er inne i ein familie, og stafetthaldar har ansvar for at tiltaka heng saman.
- Tverrfagleg team møtest første tysdag i månaden med helsesjukepleiar, PPT, barnevern og representant for barnehage eller skule. Foreldre kan melde seg sjølv.
- Ansvarsgrupper blir oppretta for born med samansette behov.
- Samarbeidsavtalen mellom NAV og barnevernstenesta frå 2024 fastset faste møte kvar sjette veke.
# 8 Tiltak på tre nivå
Vi skil mellom universelle tiltak for alle, selektive tiltak for grupper med auka risiko og indikerte tiltak for born og familiar der vanskane alt har vist seg.
| Nr | Tiltak | Nivå | Ansvarleg | Tid |
|---|---|---|---|---|
| 1 | Foreldrerettleiing ICDP for alle førstegongsforeldre | Universelt | Helsestasjonen | 2025–2029 |
| 2 | Program for sosial kompetanse i barnehagane | Universelt | Barnehagane | 2025–2026 |
| 3 | Trygg vaksen-ordning med fast kontaktlærar | Universelt | Skulane | 2025 |
| 4 | Samtalegrupper for born av foreldre med psykisk sjukdom eller rus | Selektivt | Psykisk helse og rus | 2026 |
| 5 | Økonomisk rettleiing for familiar med låg inntekt | Selektivt | NAV | 2025–2029 |
| 6 | Fritidskort for born i låginntektsfamiliar | Selektivt | Kultur og fritid | 2025 |
| 7 | PMTO-rettleiing for foreldre til born med åtferdsvanskar | Indikert | Barnevernstenesta | 2026–2029 |
| 8 | Oppfølgingsteam for elevar med høgt fråvær | Indikert | Skulane og PPT | 2025–2029 |
| 9 | Ungdomskontakt med opningstid på kveldstid | Indikert | Kultur og fritid | 2026 |
# 9 Ressursar
I budsjettet for 2025 er det sett av 450 000 kroner til koordinatorstillinga og 120 000 kroner til fritidskort. ICDP- og PMTO-opplæring blir finansiert med tilskot frå Statsforvaltaren i 2025–2026. Andre tiltak blir dekte innanfor rammene til einingane.
# 10 Oppfølging og rullering
Koordinatoren lagar kvart år ein statusrapport som blir lagd fram for kommunestyret saman med årsmeldinga. Vi følgjer med på desse indikatorane: del foreldre som har teke imot rettleiing, tal på meldingar til barnevernstenesta, fråvær i ungdomsskulen og resultat frå Ungdata. Planen skal rullerast kvart fjerde år, neste gong i 2029.
"""

NARVIK = """\
# Høringsutkast – Plan for forebygging av omsorgssvikt og atferdsvansker i Narvik kommune 2026–2030
| | |
|---|---|
| Status | Høringsutkast |
| Høringsfrist | 15.01.2026 |
| Behandling | Formannskapet vedtok 20.11.2025 å sende planen på høring, sak 88/25 |
| Endelig behandling | Kommunestyret, planlagt mars 2026 |
# 1 Bakgrunn
Barnevernsloven § 15-1 pålegger kommunestyret å vedta en plan for det forebyggende arbeidet. Planen skal beskrive målene for arbeidet, hvordan arbeidet skal organiseres og fordeles mellom tjenestene, og hvordan tjenestene skal samarbeide.
Planen bygger på kommuneplanens samfunnsdel 2022–2034 og skal ses i sammenheng med kommunedelplan for oppvekst og folkehelseplanen.
## 1.1 Hvem planen gjelder
Planen omfatter barn og unge fra 0 til 18 år i Narvik kommune og deres foreldre eller foresatte.
# 2 Utfordringer i Narvik
Andelen barn som bor i familier med vedvarende lav inntekt er 11 prosent. Ungdata 2023 viser at 18 prosent av ungdomsskoleelevene oppgir at de ofte er ensomme.
# 3 Mål
Hovedmål: Barn og unge i Narvik skal få hjelp tidlig, og foreldre skal oppleve at det er lett å be om hjelp.
- Flere barn med begynnende vansker skal fanges opp i barnehage og skole.
- Flere foreldre skal delta i foreldreveiledning.
- Færre unge skal oppleve ensomhet.
# 4 Organisering
Kommunalsjef for oppvekst og kultur leder og samordner det forebyggende arbeidet og har ansvar for at planen følges opp. En rådgiver i oppvekststaben er koordinator og holder oversikt over tiltakene. Enhetslederne har ansvar for at tiltakene gjennomføres i egen enhet.
# 5 Tjenestenes ansvar
Helsestasjonen har ansvar for foreldreveiledning og for å følge med på samspill mellom foreldre og barn de første leveårene.
Barnehagene har ansvar for å se barns trivsel og utvikling og for å ta opp bekymring med foreldrene tidlig.
Skolene har ansvar for et trygt skolemiljø og for å følge opp elever med høyt fravær.
PP-tjenesten veileder barnehager og skoler i arbeidet med barn som strever.
Barnevernstjenesten gir råd og veiledning til de andre tjenestene og tilbyr foreldrekurs.
NAV har ansvar for økonomisk rådgivning og for å følge opp familier med lav inntekt.
SLT-koordinator samordner det rus- og kriminalitetsforebyggende arbeidet blant ungdom.
Psykisk helse og rus gir lavterskeltilbud til ungdom og foreldre.
# 6 Samarbeid
Hver barnehage og skole har et ressursteam som møtes to ganger i semesteret. Der deltar PP-tjenesten, helsesykepleier og ved behov barnevernstjenesten. Saker drøftes anonymt dersom foreldrene ikke har samtykket.
Barnevernstjenesten og NAV har faste samarbeidsmøter hver måned.
# 7 Medvirkning
Ungdomsrådet og elevrådene vil bli invitert til å gi innspill i høringsperioden.
# 8 Tiltak
| Tiltak | Ansvarlig | Frist |
|---|---|---|
| Tilby Circle of Security til foreldre med barn 0–3 år | Helsestasjonen | 2026 |
| Innføre felles plan for overganger barnehage–skole | Barnehagene og skolene | 2026 |
| Aktivitetsgaranti for barn i lavinntektsfamilier | NAV og kulturtjenesten | 2027 |
| Ressursteam i alle barnehager og skoler | PP-tjenesten | 2026 |
| Foreldrekurs «Trygge foreldre» | Barnevernstjenesten | 2027 |
| Lavterskel samtaletilbud for ungdom | Psykisk helse og rus | 2026 |
# 9 Oppfølging
Tiltaksdelen gjennomgås hvert år i oppvekstledermøtet, og kommunalsjefen rapporterer status til kommunestyret i årsmeldingen. Planen rulleres hvert fjerde år.
"""

HOYANGER = """\
# Plan for førebygging av omsorgssvikt og åtferdsvanskar
Vedteken i Høyanger kommunestyre 25.04.2024, sak 19/24.
## Bakgrunn
Etter barnevernslova § 15-1 skal kommunen ha ein plan for det førebyggjande arbeidet for born og unge. Planen byggjer på kommuneplanen sin samfunnsdel 2020–2032 og folkehelseplanen til kommunen.
## Kven planen gjeld for
Planen gjeld born og unge 0–18 år og familiane deira. Med omsorgssvikt meiner vi at foreldra ikkje gjev barnet den omsorga det treng, og med åtferdsvanskar meiner vi åtferd som over tid skapar vanskar for barnet sjølv eller for andre.
## Visjon og mål
Visjonen vår er: Alle born skal ha ein god og trygg oppvekst i Høyanger.
Vi har desse måla for arbeidet:
- Fleire foreldre skal få rettleiing tidleg i barnet sitt liv.
- Born som strevar skal bli fanga opp i barnehagen og skulen.
- Ungdom skal ha trygge vaksne og møteplassar på fritida.
## Utfordringar
Vi ser at fleire ungdommar strevar psykisk enn før, og tilsette i skulane melder om meir uro i klasseromma. Det er òg fleire familiar som har dårleg råd.
## Organisering
Kommunalsjef for oppvekst har ansvaret for å samordne det førebyggjande arbeidet mellom tenestene. Rådgjevar for oppvekst er koordinator for planen og held oversikt over tiltaka. Kvar einingsleiar har ansvar for tiltaka i eiga eining.
## Kven gjer kva
| Teneste | Ansvar i det førebyggjande arbeidet |
|---|---|
| Barnehagane | Følgje med på trivsel, språk og samspel, og ta tidleg kontakt med foreldre |
| Skulane | Arbeide for eit trygt skulemiljø og følgje opp fråvær |
| Helsestasjon og skulehelsetenesta | Foreldrerettleiing, heimebesøk og samtalar med elevar |
| PPT | Rettleie barnehage og skule |
| Barnevernstenesta | Råd og rettleiing til andre tenester og til familiar |
| NAV | Økonomisk rådgjeving til familiar |
| Psykisk helse og rus | Samtaletilbod til ungdom og foreldre |
| Kultur og fritid | Ungdomsklubb og opne fritidstilbod |
## Tverrfagleg samarbeid
Tenestene skal ha eit godt tverrfagleg samarbeid i saker der det trengst. Vi legg vekt på god dialog og at tilsette kjenner til kvarandre sine oppgåver.
## Tiltak
- Foreldrerettleiing i gruppe for foreldre med born 0–2 år
- Kurs for tilsette i å snakke med born om vald og overgrep
- Gratis sommaraktivitetar for born i låginntektsfamiliar
- Ope hus på ungdomsklubben to kveldar i veka
- Fast kontaktlærar-samtale med alle elevar kvart halvår
## Oppfølging
Planen skal rullerast ved behov.
"""


def md_rows(lines: list[str]) -> list[list[str]]:
    """Cells of a Markdown pipe table, separator row dropped."""
    rows = []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= set("-: ") and c for c in cells):
            continue
        rows.append(cells)
    return rows


def blocks(source: str) -> list[tuple[str, object]]:
    """The source as (kind, content) blocks: title, h1-h3, p, ul, table."""
    out: list[tuple[str, object]] = []
    lines = source.splitlines()
    i = 0
    first = True
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            text = line[level:].strip()
            out.append(("title" if first else f"h{level}", text))
            first = False
            i += 1
        elif line.startswith("- "):
            items = []
            while i < len(lines) and lines[i].startswith("- "):
                items.append(lines[i][2:].strip())
                i += 1
            out.append(("ul", items))
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            out.append(("table", md_rows(rows)))
        else:
            out.append(("p", line.strip()))
            i += 1
    return out


def build_docx(source: str, path: Path) -> None:
    """A Word document with real heading styles, bullet lists and tables."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    for kind, content in blocks(source):
        if kind == "title":
            document.add_heading(str(content), level=0)
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(str(content), level=int(kind[1]))
        elif kind == "ul":
            for item in content:  # type: ignore[attr-defined]
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows: list[list[str]] = content  # type: ignore[assignment]
            if not any(rows[0]):
                rows = rows[1:]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(content))
    document.save(path)


def build_html(source: str, path: Path, title: str, site: str) -> None:
    """A municipal web page: header, breadcrumb, article with h1-h3, tables and lists, footer."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nn"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)} - {site}</title></head><body>",
        f'<header><a href="/">{site}</a> <nav><a href="/tenester/">Tenester</a> '
        '<a href="/politikk/">Politikk</a> <a href="/kontakt/">Kontakt oss</a></nav></header>',
        '<nav class="breadcrumb"><a href="/">Heim</a> › <a href="/tenester/">Tenester</a> › '
        '<a href="/tenester/born-og-unge/">Born og unge</a> › Plan for førebygging</nav>',
        "<main><article>",
    ]
    for kind, content in blocks(source):
        if kind == "title":
            parts.append(f"<h1>{html.escape(str(content))}</h1>")
        elif kind in ("h1", "h2", "h3"):
            parts.append(f"<{kind}>{html.escape(str(content))}</{kind}>")
        elif kind == "ul":
            items = "".join(f"<li>{html.escape(i)}</li>" for i in content)  # type: ignore[attr-defined]
            parts.append(f"<ul>{items}</ul>")
        elif kind == "table":
            rows: list[list[str]] = content  # type: ignore[assignment]
            head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        else:
            parts.append(f"<p>{html.escape(str(content))}</p>")
    parts += [
        '<p><a href="/dokument/plan-forebygging-2024.pdf">Last ned planen som PDF (1,2 MB)</a></p>',
        "<p>Sist endra: 30.04.2024</p>",
        "</article></main>",
        f"<footer>{site} · Postboks 54 · 6991 Høyanger · Telefon 57 71 15 00 · "
        '<a href="/personvern/">Personvern</a></footer>',
        "</body></html>",
    ]
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def write_source(name: str, source: str) -> None:
    """The text a built file was made from, for check_sections.py."""
    (HERE / "kilder").mkdir(exist_ok=True)
    (HERE / "kilder" / f"{name}.md").write_text(source, encoding="utf-8")


def main() -> None:
    for name, source in (
        ("a_elverum_sammen_for_barna.docx", ELVERUM),
        ("b_etne_trygge_born.docx", ETNE),
        ("c_narvik_horingsutkast.docx", NARVIK),
    ):
        build_docx(source, HERE / name)
        write_source(name, source)
    name = "d_hoyanger_forebyggjande_plan.html"
    build_html(HOYANGER, HERE / name, "Plan for førebygging av omsorgssvikt og åtferdsvanskar", "Høyanger kommune")
    write_source(name, HOYANGER)


if __name__ == "__main__":
    main()
