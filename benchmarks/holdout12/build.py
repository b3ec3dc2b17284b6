"""Build the two DOCX documents of holdout12 and their Markdown sources in kilder/.

Each document is a list of blocks; the same blocks become a Word file (real heading styles,
bullet style and a table) and kilder/<name>.docx.md, so check_sections.py can read the headings.

    /work/main/.venv/bin/python benchmarks/holdout12/build.py
"""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).parent

B_VANG = [
    ("title", "Plan for førebygging av omsorgssvikt og åtferdsvanskar i Vang kommune 2024–2027"),
    ("p", "Vang kommune – Oppvekst og helse. Versjon 1.0, september 2024."),
    ("h1", "Innleiing"),
    ("p", "Denne planen skal gjere det førebyggjande arbeidet for barn og unge i Vang meir samla og "
          "forpliktande. Planen er laga av ei arbeidsgruppe med tilsette frå helsestasjonen, barnehagen, "
          "Vang barne- og ungdomsskule, Valdres barnevern og NAV Vang. Utkastet var på høyring i mai og juni 2024."),
    ("h1", "Bakgrunn og lovgrunnlag"),
    ("p", "Barnevernslova § 15-1 seier at kommunen skal fremje gode oppvekstvilkår for barn og unge og "
          "samordne tenestene til barn og familiar. Kommunestyret skal sjølv vedta ein plan for det "
          "førebyggjande arbeidet. Planen skal skildre måla for arbeidet, korleis arbeidet skal organiserast "
          "og fordelast mellom tenestene, og korleis tenestene skal samarbeide."),
    ("p", "Med omsorgssvikt meiner vi at foreldra over tid ikkje gjev barnet den omsorga det treng. "
          "Åtferdsvanskar er gjentekne handlingar som skadar barnet sjølv eller andre. Planen gjeld barn "
          "og unge 0–18 år som bur i Vang, og familiane deira."),
    ("h1", "Situasjonen i Vang"),
    ("p", "Vang er ein liten kommune med spreidd busetnad og få barn i kvart årskull. Dei tilsette kjenner "
          "dei fleste familiane, og det er ein styrke. Samtidig opplever tenestene at fleire familiar slit "
          "med psykisk helse og økonomi enn før, og at det kan vere vanskeleg for ungdom å finne "
          "fritidstilbod når dei ikkje driv med idrett."),
    ("h1", "Måla våre"),
    ("p", "Hovudmål: Barn og unge i Vang skal ha ein trygg oppvekst, og familiar som treng hjelp, skal få "
          "det tidleg."),
    ("bullet", "Alle tilsette som arbeider med barn, skal vite kva dei skal gjere når dei er uroa for eit barn."),
    ("bullet", "Foreldre skal få tilbod om rettleiing i foreldrerolla."),
    ("bullet", "Ungdom skal ha ein møtestad utanom skuletid."),
    ("h1", "Korleis arbeidet er organisert"),
    ("p", "Kommunalsjef for oppvekst og helse har ansvaret for planen og leier koordineringsgruppa for "
          "oppvekst. I gruppa sit styrar i barnehagen, rektor, leiande helsesjukepleiar, NAV-leiar og "
          "kontaktperson frå Valdres barnevern. Gruppa møtest fire gonger i året og følgjer opp tiltaka. "
          "Helsesjukepleiar er BTI-koordinator i kommunen."),
    ("h1", "Tenestene og oppgåvene deira"),
    ("bullet", "Helsestasjonen og skulehelsetenesta: helsestasjonsprogrammet, heimebesøk, foreldrerettleiing "
               "og samtalar med elevar."),
    ("bullet", "Barnehagen: følgje med på trivsel og utvikling og ta kontakt med foreldre tidleg."),
    ("bullet", "Vang barne- og ungdomsskule: godt skulemiljø, oppfølging av fråvær og samarbeid med heimen."),
    ("bullet", "PP-tenesta i Valdres: rettleiing av tilsette i barnehage og skule."),
    ("bullet", "Valdres barnevern: råd og rettleiing, foreldrestøtte og hjelpetiltak."),
    ("bullet", "NAV Vang: råd om økonomi og bustad for barnefamiliar."),
    ("bullet", "Psykisk helse og rus: samtaletilbod til ungdom og foreldre."),
    ("bullet", "Kultur: ungdomsklubben og samarbeid med lag og foreningar."),
    ("h1", "Samarbeid"),
    ("p", "Tverrfagleg team (helsesjukepleiar, PP-rådgjevar og Valdres barnevern) har faste møte med "
          "barnehagen og skulen ein gong i månaden. Tilsette og foreldre kan ta opp saker anonymt eller med "
          "samtykke. Alle tenestene brukar BTI-handlingsrettleiaren for Valdres. Ved overgang frå barnehage "
          "til skule er det overføringsmøte kvar vår."),
    ("p", "Barn og unge skal få medverke i arbeidet med tiltaka i planperioden."),
    ("h1", "Tiltak"),
    ("table", [
        ["Tiltak", "Ansvarleg", "Når"],
        ["Foreldrerettleiing (ICDP) for foreldre med barn under 3 år", "Helsestasjonen", "Frå 2025"],
        ["Opplæring i BTI for alle tilsette", "BTI-koordinator", "Hausten 2024"],
        ["Ope hus for ungdom torsdagskveld", "Kultur", "Frå 2025"],
        ["Kurs i «Psykologisk førstehjelp» på 6. og 9. trinn", "Skulehelsetenesta", "Årleg"],
        ["Fast kontaktperson frå barnevernet for barnehage og skule", "Valdres barnevern", "Frå 2024"],
    ]),
    ("h1", "Samanheng med andre planar"),
    ("p", "Planen byggjer på samfunnsdelen av kommuneplanen for Vang 2020–2032 og skal sjåast saman med "
          "folkehelseoversikta og den interkommunale barnevernsplanen for Valdres."),
    ("h1", "Evaluering og rullering"),
    ("p", "Koordineringsgruppa rapporterer om tiltaka til kommunestyret i årsmeldinga. Planen vert rullert i 2027."),
    ("h1", "Saksprotokoll"),
    ("p", "Kommunestyret i Vang, møte 19.09.2024, PS 52/24. Plan for førebygging av omsorgssvikt og "
          "åtferdsvanskar 2024–2027."),
    ("p", "Handsaming: Kommunalsjefen orienterte. Framlegget frå formannskapet vart samrøystes vedteke."),
    ("p", "KST-52/24 Vedtak: Kommunestyret vedtek Plan for førebygging av omsorgssvikt og åtferdsvanskar i "
          "Vang kommune 2024–2027."),
]

G_PORSANGER = [
    ("title", "Høringsutkast – Plan for forebygging av omsorgssvikt og atferdsvansker i Porsanger kommune 2026–2029"),
    ("p", "Formannskapet vedtok 03.09.2025, sak 61/25, å sende forslaget til plan på offentlig høring. "
          "Høringsfrist: 15. oktober 2025. Planen skal etter høringen behandles i kommunestyret i desember 2025."),
    ("h1", "1 Innledning"),
    ("p", "Porsanger kommune – Porsáŋggu gielda – Porsangin komuuni er en kommune med tre språk og "
          "kulturer. Denne planen gjelder det forebyggende arbeidet for barn og unge og familiene deres, "
          "og er kommunens plan etter barnevernsloven § 15-1. Den gjelder barn og unge 0–18 år, med "
          "særlig vekt på barn i familier med psykiske vansker, rus eller vold."),
    ("h1", "2 Kunnskapsgrunnlag"),
    ("p", "Porsanger har 3 860 innbyggere, og 720 er under 18 år. Barneverntjenesten mottok 64 meldinger "
          "i 2024, og 41 prosent av dem kom fra politiet og gjaldt vold eller konflikter i hjemmet. "
          "Ungdata 2023 viser at 26 prosent av jentene på ungdomstrinnet er mye plaget av depressive symptomer, "
          "og at samiske ungdommer oftere enn andre opplever å bli kommentert negativt på grunn av bakgrunnen sin."),
    ("h1", "3 Mål"),
    ("p", "Porsanger kommune vil at alle barn skal vokse opp uten vold og få hjelp tidlig når familien "
          "strever. Vi vil at samiske og kvenske barn og familier skal møte tjenester som forstår "
          "språket og kulturen deres."),
    ("h2", "3.1 Delmål for planperioden"),
    ("bullet", "Flere saker om vold i nære relasjoner oppdages av tjenestene før politiet må rykke ut."),
    ("bullet", "Andelen ungdom med depressive symptomer går ned."),
    ("bullet", "Alle foreldre får tilbud om foreldreveiledning, også på samisk."),
    ("h1", "4 Organisering"),
    ("p", "Kommunalsjef for oppvekst leder Oppvekstteamet, som består av lederne for helsestasjonen, "
          "barnehagene, skolene, PPT, barneverntjenesten, NAV og psykisk helse og rus. Teamet møtes "
          "annenhver måned og samordner tjenestene. SLT-koordinatoren er sekretær. Spørsmål om hvem som har "
          "ansvaret i enkeltsaker tas opp i Oppvekstteamet, som avgjør saken."),
    ("h1", "5 Ansvar for tjenestene"),
    ("table", [
        ["Tjeneste", "Forebyggende ansvar"],
        ["Helsestasjon og skolehelsetjeneste", "Foreldreveiledning, spørsmål om vold på alle konsultasjoner, samtaletilbud"],
        ["Barnehagene", "Tidlig oppdagelse, trygg tilknytning, samisk språkmiljø"],
        ["Skolene", "Skolemiljø, undervisning om vold og overgrep, oppfølging av fravær"],
        ["PPT", "Veiledning om atferd og læringsmiljø"],
        ["Barneverntjenesten", "Råd til andre tjenester, foreldrekurs, familieråd"],
        ["NAV", "Økonomisk rådgivning, bolig"],
        ["Psykisk helse og rus", "Lavterskeltilbud for ungdom og foreldre"],
        ["Kultur", "Ungdomsklubben, fritidstilbud"],
    ]),
    ("h1", "6 Samarbeid"),
    ("p", "Tjenestene skal samarbeide tett. Kommunen skal vurdere å innføre BTI eller en tilsvarende "
          "modell i planperioden. Inntil videre bruker barnehagene og skolene tverrfaglig møte etter behov."),
    ("h1", "7 Tiltak"),
    ("bullet", "Foreldreveiledning (ICDP) på norsk og samisk – helsestasjonen"),
    ("bullet", "«Jeg vet»-undervisning om vold og overgrep i barnehager og skoler – barnehagene og skolene"),
    ("bullet", "Samtalegruppe for ungdom med psykiske plager – psykisk helse og rus"),
    ("bullet", "Kurs for ansatte i å snakke med barn om vold – barneverntjenesten"),
    ("h1", "8 Medvirkning"),
    ("p", "Barn og unge vil bli invitert til å gi innspill til planen i høringsperioden, blant annet "
          "gjennom ungdomsrådet og elevrådene."),
    ("h1", "9 Oppfølging"),
    ("p", "Oppvekstteamet følger opp tiltakene. Planen skal evalueres innen utgangen av 2029."),
]

DOCUMENTS = {
    "b_vang_forebyggjande_plan.docx": B_VANG,
    "g_porsanger_horingsutkast.docx": G_PORSANGER,
}

STYLE = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "bullet": "List Bullet", "p": None}
MARK = {"title": "# ", "h1": "## ", "h2": "### ", "bullet": "- ", "p": ""}


def build(name: str, blocks: list) -> None:
    """Write one .docx and its kilder/<name>.md from the same blocks."""
    document = docx.Document()
    lines: list[str] = []
    for kind, content in blocks:
        if kind == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            lines.append("| " + " | ".join(content[0]) + " |")
            lines.append("|" + "---|" * len(content[0]))
            lines.extend("| " + " | ".join(row) + " |" for row in content[1:])
            lines.append("")
            continue
        if kind != "bullet" and lines and lines[-1].startswith("- "):
            lines.append("")
        style = STYLE[kind]
        if style is None:
            document.add_paragraph(content)
        else:
            document.add_paragraph(content, style=style)
        lines.append(MARK[kind] + content)
        if kind != "bullet":
            lines.append("")
    document.save(HERE / name)
    (HERE / "kilder").mkdir(exist_ok=True)
    (HERE / "kilder" / f"{name}.md").write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    for name, blocks in DOCUMENTS.items():
        build(name, blocks)
        print(f"wrote {name}")
