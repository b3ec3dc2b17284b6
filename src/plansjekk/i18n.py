"""User-facing strings for reports and the CLI, in bokmål (default) and English.

Rule texts live in the rule files (Text.nb/.en); everything else a user reads comes
from here, so `--lang en` switches a whole report and nothing is hard-coded twice.
"""

from __future__ import annotations

LANGS = ("nb", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # statuses, severities, document types
    "status.oppfylt": ("oppfylt", "met"),
    "status.delvis": ("delvis", "partly met"),
    "status.mangler": ("mangler", "missing"),
    "status.ikke_relevant": ("ikke relevant", "not applicable"),
    "severity.feil": ("feil", "error"),
    "severity.advarsel": ("advarsel", "warning"),
    "severity.info": ("info", "info"),
    "type.plan": ("plan", "plan"),
    "type.horingsutkast": ("høringsutkast", "consultation draft"),
    "type.planprogram": ("planprogram", "planning programme"),
    "type.annet": ("annet dokument (ikke en plan)", "other document (not a plan)"),
    "type.unreadable": ("kunne ikke leses", "could not be read"),
    "type.given_by_user": ("typen er oppgitt av brukeren (--dokumenttype eller type i plansjekk.toml)",
                           "the type was given by the user (--dokumenttype or type in plansjekk.toml)"),
    "type.no_signals": ("ingen tegn på at dette er en plan", "no sign that this is a plan"),
    "type.empty": ("dokumentet har ingen tekst", "the document has no text"),
    "type.uncertain_against": ("men det kan også være {type}: {why}", "but it may also be a {type}: {why}"),
    "type.uncertain": ("Dokumenttypen er usikker", "The document type is uncertain"),
    "type.why": ("Hvorfor {type}", "Why {type}"),
    "type.given": ("oppgitt av brukeren", "given by the user"),
    "type.uncertain_short": ("usikker", "uncertain"),
    "type.signals": ("Signaler for dokumenttypen", "Document type signals"),
    "type.state_it": ("Er typen feil, oppgi den med --dokumenttype (plan, horingsutkast, planprogram, annet).",
                      "If the type is wrong, state it with --dokumenttype (plan, horingsutkast, planprogram, annet)."),
    # verdicts (records.document_verdict)
    "verdict.oppfyller": ("Planen oppfyller kravene i barnevernsloven § 15-1.",
                          "The plan meets the requirements of the Child Welfare Act § 15-1."),
    "verdict.delvis": ("Planen oppfyller lovkravene, men bør forbedres på noen punkter.",
                       "The plan meets the legal requirements but should be improved in places."),
    "verdict.mangler": ("Planen oppfyller ikke alle kravene i barnevernsloven § 15-1.",
                        "The plan does not meet all requirements of the Child Welfare Act § 15-1."),
    "verdict.planprogram": ("Dokumentet er et planprogram, ikke en vedtatt plan.",
                            "The document is a planning programme, not an adopted plan."),
    "verdict.ikke_plan": ("Dokumentet ser ikke ut til å være en plan etter § 15-1.",
                          "The document does not appear to be a plan under § 15-1."),
    "verdict.ulesbar": ("Dokumentet kunne ikke leses.", "The document could not be read."),
    "verdict.hoppet_over": ("Filtypen støttes ikke; filen ble ikke sjekket.",
                            "Unsupported file type; the file was not checked."),
    # document notes and not-applicable findings (engine)
    "note.planprogram": (
        "Dette er et planprogram, ikke en plan: det beskriver planen som skal lages. "
        "Det er vurdert mot kravene til et planprogram (PP-reglene, plan- og bygningsloven § 4-1); "
        "kravene i § 15-1 vurderes når selve planen foreligger.",
        "This is a planning programme, not a plan: it describes the plan to be made. "
        "It is assessed against the requirements for a planning programme (the PP rules, Planning and "
        "Building Act § 4-1); the § 15-1 requirements are assessed once the plan itself exists."),
    "note.annet": (
        "Dokumentet ser ikke ut til å være en plan etter barnevernsloven § 15-1 "
        "(for eksempel et brev, en veileder eller en saksframstilling).",
        "The document does not look like a plan under the Child Welfare Act § 15-1 "
        "(for example a letter, guidance or a case document)."),
    "note.horingsutkast": (
        "Dette er et høringsutkast. Husk at kommunestyret selv må vedta den endelige planen.",
        "This is a draft for consultation. Remember that the municipal council itself must adopt "
        "the final plan."),
    "finding.not_relevant": ("Gjelder ikke for dokumenttypen «{type}».",
                             "Does not apply to the document type «{type}»."),
    # English texts for unreadable documents, by error code (the bokmål message comes from
    # the extractor and is more specific)
    "error.ikke_funnet": ("Fant ikke filen.", "File not found. Check the path."),
    "error.tom": ("Dokumentet er tomt.", "The document is empty: it contains no text."),
    "error.for_stor": ("Filen er for stor.", "The file exceeds the size or page limit "
                       "(see --maks-mb and --maks-sider)."),
    "error.korrupt": ("Filen er ødelagt.", "The file is corrupt or truncated and cannot be read."),
    "error.kryptert": ("Filen er kryptert.", "The file is encrypted or password-protected. "
                       "Save a copy without a password and try again."),
    "error.skannet": ("PDF-en mangler tekst.", "The PDF has no text layer (it looks scanned). "
                      'Install OCR: `pip install "plansjekk[ocr]"` and '
                      "`apt install tesseract-ocr tesseract-ocr-nor`."),
    "error.ukjent_format": ("Ukjent format.", "Unsupported format. Supported: PDF, Word (.docx), "
                            "HTML, Markdown and plain text."),
    "error.ikke_stottet": ("Filtypen støttes ikke.", "Unsupported file type; the file was not checked."),
    "error.zipbombe": ("Mistenkelig komprimert fil.", "The DOCX file would inflate to an unreasonable "
                       "size (a possible zip bomb) and was not opened."),
    "error.usikker_xml": ("Usikker XML.", "The DOCX file contains XML entity declarations "
                          "(a possible entity-expansion attack) and was not opened."),
    "error.krasj": ("Kontrollen krasjet.", "Checking this document crashed the worker process; "
                    "the other documents were checked."),
    "error.tidsavbrudd": ("Tidsavbrudd.", "Checking this document took longer than --tidsgrense "
                          "and was stopped."),
    "error.ikke_vanlig_fil": ("Ikke en vanlig fil.", "Not a regular file (a FIFO, a device or a link to "
                              "one); it was not read."),
    "error.ingen_tilgang": ("Mappen kunne ikke leses.", "The folder could not be read (check the "
                            "permissions); the files in it were not checked."),
    "error.egen_rapport": ("En rapport fra plansjekk.", "A report plansjekk wrote, not a plan; it was not "
                           "checked. Save reports outside the folder being checked."),
    # headers and labels
    "report.title": ("plansjekk-rapport", "plansjekk report"),
    "report.subtitle": ("Sjekk mot barnevernsloven § 15-1", "Check against the Child Welfare Act § 15-1"),
    "label.file": ("Fil", "File"),
    "label.municipality": ("Kommune", "Municipality"),
    "label.type": ("Dokumenttype", "Document type"),
    "label.title": ("Tittel", "Title"),
    "label.period": ("Planperiode", "Plan period"),
    "label.adoption": ("Vedtak", "Adoption"),
    "label.pages": ("Sider", "Pages"),
    "label.language": ("Språk", "Language"),
    "label.unknown": ("ukjent", "unknown"),
    "label.none_stated": ("ikke oppgitt", "not stated"),
    "label.status": ("Status", "Status"),
    "label.code": ("Kode", "Code"),
    "label.requirement": ("Krav", "Requirement"),
    "label.severity": ("Alvorlighet", "Severity"),
    "label.severity_of": ("alvorlighetsgrad: {severity}", "severity: {severity}"),
    "label.assessment": ("Vurdering", "Assessment"),
    "label.evidence": ("Dokumentasjon i planen", "Evidence in the plan"),
    "label.suggestion": ("Dette bør legges til", "What to add"),
    "label.suggestion_short": ("Legg til", "Add"),
    "label.source": ("Kilde", "Source"),
    "label.explanation": ("Forklaring", "Explanation"),
    "label.notes": ("Merknader", "Notes"),
    "label.warnings": ("Advarsler fra innlesingen", "Extraction warnings"),
    "label.suppressed": ("undertrykt", "suppressed"),
    "label.suppressed_reason": ("Undertrykt i dokumentet: {reason}", "Suppressed in the document: {reason}"),
    "label.override": ("Overstyrt av saksbehandler: {status} ({reason})",
                       "Overridden by reviewer: {status} ({reason})"),
    "label.override_by": ("Overstyrt av {reviewer}: {status} ({reason})",
                          "Overridden by {reviewer}: {status} ({reason})"),
    "label.machine_status": ("maskinell vurdering: {status}", "machine verdict: {status}"),
    "label.page": ("s. {page}", "p. {page}"),
    "label.line": ("linje {line}", "line {line}"),
    "label.paragraph": ("avsnitt {paragraph}", "paragraph {paragraph}"),
    "label.error": ("Feil", "Error"),
    "label.unused_suppression": ("Ubrukt undertrykking av {rule} (linje {line}): den undertrykker ingen funn.",
                                 "Unused suppression of {rule} (line {line}): it suppresses no finding."),
    "label.unused_suppression_noline": ("Ubrukt undertrykking av {rule}: den undertrykker ingen funn.",
                                        "Unused suppression of {rule}: it suppresses no finding."),
    "label.case": ("sak {case}", "case {case}"),
    "label.generated_by": ("Laget av plansjekk {version}, regelsett {pack} {pack_version}.",
                           "Made by plansjekk {version}, rule pack {pack} {pack_version}."),
    "label.disclaimer": ("Rapporten er en maskinell sjekk og erstatter ikke en faglig vurdering.",
                         "This report is an automated check and does not replace a professional review."),
    "label.config_file": ("Konfigurasjon: {path}", "Configuration: {path}"),
    "label.documents": ("Dokumenter", "Documents"),
    "label.page_of_finding": ("(side {page})", "(page {page})"),
    # summary lines
    "summary.document": ("{oppfylt} oppfylt, {delvis} delvis, {mangler} mangler, {ikke_relevant} ikke relevant",
                         "{oppfylt} met, {delvis} partly met, {mangler} missing, {ikke_relevant} not applicable"),
    "summary.run": ("{documents} dokument(er) sjekket: {problems} funn som bør rettes, {unreadable} uleselig(e).",
                    "{documents} document(s) checked: {problems} finding(s) to fix, {unreadable} unreadable."),
    "run.summary": ("{checked} sjekket, {unreadable} uleselig(e), {skipped} hoppet over; rapport: {where}",
                    "{checked} checked, {unreadable} unreadable, {skipped} skipped; report: {where}"),
    "run.nothing_checked": ("fant ingen dokumenter å sjekke ({skipped} fil(er) med filtype som ikke støttes); "
                            "kontroller stien",
                            "found no documents to check ({skipped} file(s) of an unsupported type); "
                            "check the path"),
    "summary.suppressed": ("{count} undertrykt", "{count} suppressed"),
    # baseline
    "baseline.hidden": ("{count} kjente funn fra baseline vises ikke.",
                        "{count} known finding(s) from the baseline are not shown."),
    "baseline.bad_document": ("forventet et objekt med tekstene path og sha256",
                              "expected an object with the strings path and sha256"),
    "baseline.bad_findings": ("findings må være et objekt {regelkode: status}",
                              "findings must be an object {rule code: status}"),
    "baseline.bad_status": ("ukjent status {status}", "unknown status {status}"),
    "baseline.written": ("Skrev baseline til {path}.", "Wrote baseline to {path}."),
    # errors (PlansjekkError)
    "error.binary_needs_output": ("formatet «{fmt}» er binært og krever --output FIL",
                                  "the format “{fmt}” is binary and needs --output FILE"),
    "error.many_formats_stdout": ("flere filformater ({formats}) krever --output FIL",
                                  "several file formats ({formats}) need --output FILE"),
    "error.unknown_format": ("ukjent format «{fmt}»: bruk {known}", "unknown format “{fmt}”: use {known}"),
    "error.format_unavailable": ("formatet «{fmt}» er ikke tilgjengelig i denne installasjonen",
                                 "the format “{fmt}” is not available in this installation"),
    "error.format_failed": ("formatet «{fmt}» kunne ikke lages ({reason}); de andre formatene ble skrevet",
                            "the format “{fmt}” could not be made ({reason}); the other formats were written"),
    "error.unknown_suffix": ("filendelsen «{suffix}» sier ikke hvilket format rapporten skal ha; bruk --format "
                             "(eller .json, .sarif, .xml, .md, .html, .csv, .xlsx, .txt)",
                             "the suffix “{suffix}” does not say which report format to write; use --format "
                             "(or .json, .sarif, .xml, .md, .html, .csv, .xlsx, .txt)"),
    "error.write_failed": ("kunne ikke skrive {path}: {reason}", "could not write {path}: {reason}"),
    "error.unknown_rule": ("ukjent regel «{rule}» i {where}: bruk en regelkode, et navn eller en tagg",
                           "unknown rule “{rule}” in {where}: use a rule code, name or tag"),
    "error.baseline_missing": ("fant ikke baseline-filen {path}; lag den med --lag-baseline",
                               "baseline file {path} not found; create it with --lag-baseline"),
    "error.baseline_invalid": ("baseline-filen {path} er ugyldig: {reason}",
                               "the baseline file {path} is invalid: {reason}"),
    "error.baseline_foreign": ("{path} finnes og er ikke en baseline fra plansjekk; den overskrives ikke",
                               "{path} exists and is not a plansjekk baseline; it is not overwritten"),
    "error.baseline_needs_path": ("--lag-baseline krever --baseline FIL", "--lag-baseline needs --baseline FILE"),
    # rules of the tool itself (not of a rule pack): SARIF/GitHub ids
    "tool.PS000.title": ("Dokumentet kunne ikke leses", "The document could not be read"),
    "tool.PS000.help": ("plansjekk kunne ikke lese filen (kryptert, skannet, skadet, tom eller for stor). "
                        "Meldingen sier hva du kan gjøre.",
                        "plansjekk could not read the file (encrypted, scanned, damaged, empty or too large). "
                        "The message says what to do."),
    "tool.PS001.title": ("Ubrukt undertrykking", "Unused suppression"),
    "tool.PS001.help": ("En kommentar <!-- plansjekk: ignorer … --> undertrykker ingen funn. "
                        "Fjern den, eller rett regelkoden.",
                        "A comment <!-- plansjekk: ignorer … --> suppresses no finding. "
                        "Remove it, or fix the rule code."),
    # configuration (config.py)
    "config.invalid_toml": ("ugyldig TOML i {path}: {reason}", "invalid TOML in {path}: {reason}"),
    "config.unreadable": ("kunne ikke lese {path}: {reason}", "could not read {path}: {reason}"),
    "config.not_table": ("[tool.plansjekk] i {path} må være en tabell", "[tool.plansjekk] in {path} must be a table"),
    "config.unknown_key": ("ukjent nøkkel «{key}» i {path}; gyldige nøkler er {known}",
                           "unknown key “{key}” in {path}; valid keys are {known}"),
    "config.did_you_mean": (" (mente du «{guess}»?)", " (did you mean “{guess}”?)"),
    "config.bad_value": ("ugyldig verdi for «{key}» i {path}: {reason}",
                         "invalid value for “{key}” in {path}: {reason}"),
    "config.bad_option": ("ugyldig {option} «{value}»: {reason}", "invalid {option} “{value}”: {reason}"),
    "config.expected_strings": ("forventet en liste med tekster", "expected a list of strings"),
    "config.expected_text": ("forventet en tekst", "expected a string"),
    "config.expected_one_of": ("bruk en av {choices}", "use one of {choices}"),
    "config.expected_int_range": ("forventet et heltall fra {low} til {high}",
                                  "expected a whole number from {low} to {high}"),
    "config.expected_number_range": ("forventet et tall over 0 og høyst {high}",
                                     "expected a number above 0 and at most {high}"),
    "config.duplicate_key": ("«{key}» i {path} er satt to ganger (norsk navn og engelsk alias)",
                             "“{key}” in {path} is set twice (Norwegian name and English alias)"),
    "config.expected_table": ("forventet en tabell som { BV203 = \"info\" }",
                              "expected a table like { BV203 = \"info\" }"),
    "config.unset": ("(ikke satt)", "(not set)"),
    "config.from_file": ("# Konfigurasjon fra {path}", "# Configuration from {path}"),
    "config.no_file": ("# Ingen konfigurasjonsfil funnet (plansjekk.toml eller [tool.plansjekk] i "
                       "pyproject.toml): standardverdier og flagg",
                       "# No configuration file found (plansjekk.toml or [tool.plansjekk] in "
                       "pyproject.toml): defaults and flags"),
}

STATUS_SYMBOLS = {"oppfylt": "✔", "delvis": "◐", "mangler": "✘", "ikke_relevant": "–"}


def t(key: str, lang: str = "nb", /, **values: object) -> str:
    """The string for `key` in `lang` (bokmål when unknown), formatted with `values`."""
    nb, en = STRINGS[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text


def status_label(status: str, lang: str = "nb") -> str:
    return t(f"status.{status}", lang)


def severity_label(severity: str, lang: str = "nb") -> str:
    return t(f"severity.{severity}", lang)


def type_label(doc_type: str, lang: str = "nb") -> str:
    return t(f"type.{doc_type}", lang)
