"""The web page's own words, bokmål and English; report words come from plansjekk.i18n."""

from __future__ import annotations

from plansjekk.i18n import STRINGS as REPORT_STRINGS

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("plansjekk", "plansjekk"),
    "tagline": ("Sjekk en plan mot barnevernsloven § 15-1", "Check a plan against the Child Welfare Act § 15-1"),
    "switch": ("English", "Norsk"),
    "switch_lang": ("en", "nb"),
    "intro": ("Last opp planen (PDF, Word/DOCX, HTML, Markdown eller tekst). Du får se hva som mangler "
              "og hvorfor, med sitatene fra planen markert i teksten. Filene sjekkes på denne maskinen "
              "og slettes straks etter sjekken.",
              "Upload the plan (PDF, Word/DOCX, HTML, Markdown or text). You will see what is missing and "
              "why, with the quotes from the plan marked in its text. The files are checked on this "
              "machine and deleted as soon as they are checked."),
    "files": ("Velg én eller flere filer", "Choose one or more files"),
    "drop": ("…eller slipp filene her", "…or drop the files here"),
    "county": ("Fylke (valgfritt, for mange planer): vis hvilke kommuner som mangler",
               "County (optional, for many plans): show which municipalities are missing"),
    "county_none": ("(ingen)", "(none)"),
    "submit": ("Sjekk planene", "Check the plans"),
    "checking": ("Sjekker {count} fil(er) …", "Checking {count} file(s) …"),
    "uploading": ("Laster opp: {percent} %", "Uploading: {percent} %"),
    "limit": ("Største filstørrelse per opplasting: {mb} MB.", "Largest upload: {mb} MB."),
    "new_check": ("Ny sjekk", "New check"),
    "download": ("Last ned rapporten", "Download the report"),
    "text_heading": ("Planens tekst", "The plan's text"),
    "report_heading": ("Vurdering", "Assessment"),
    "show_in_text": ("Vis i teksten", "Show in the text"),
    "not_in_text": ("(fant ikke sitatet i teksten)", "(quote not found in the text)"),
    "page": ("Side {page}", "Page {page}"),
    "back": ("Tilbake til oversikten", "Back to the overview"),
    "overview": ("Oversikt", "Overview"),
    "no_files": ("Velg minst én fil å sjekke.", "Choose at least one file to check."),
    "too_large": ("Opplastingen er for stor: grensen er {mb} MB. Del opp filene eller start serveren "
                  "med --maks-mb.",
                  "The upload is too large: the limit is {mb} MB. Split the files or start the server "
                  "with --maks-mb."),
    "too_many": ("For mange filer i én opplasting (høyst {count}).", "Too many files in one upload (at most {count})."),
    "bad_form": ("Opplastingen kunne ikke leses. Send filene som skjema (multipart/form-data) i feltet «fil».",
                 "The upload could not be read. Send the files as a form (multipart/form-data) in the field «fil»."),
    "expired": ("Rapporten finnes ikke lenger (den slettes etter en time eller når serveren stopper). "
                "Sjekk planen på nytt.",
                "The report no longer exists (it is deleted after an hour or when the server stops). "
                "Check the plan again."),
    "not_found": ("Siden finnes ikke.", "Page not found."),
    "error_title": ("Noe gikk galt", "Something went wrong"),
    "skip_link": ("Hopp til innholdet", "Skip to content"),
    "document_of": ("Dokument {n} av {total}", "Document {n} of {total}"),
    "privacy": ("Filene slettes straks de er sjekket; rapporten holdes bare i minnet, i høyst én time.",
                "The files are deleted as soon as they are checked; the report is kept only in memory, "
                "for one hour at most."),
}


def t(key: str, lang: str = "nb", /, **values: object) -> str:
    """The web string for `key` (falling back to the report strings), formatted with `values`."""
    nb, en = STRINGS[key] if key in STRINGS else REPORT_STRINGS[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text
