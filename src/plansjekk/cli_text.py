"""The command line's own words (usage, errors, help) in the user's language.

typer ships its own copy of click whose texts ("Usage:", "Error:", "Show this message and
exit.", "No such option: …") are plain English literals, and typer's help headings go
through gettext without a Norwegian catalogue. Three small seams make them Norwegian
(English with `--lang en`): typer's gettext name points at `translate`, the help
formatter writes «Bruk:» and translates help rows, and usage errors are shown through
`show_usage_error`. The language is read from the arguments before they are parsed,
because a usage error can come before `--lang` is reached, so `--lang` works before or
after the subcommand. Installed only when plansjekk's own command line runs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import IO, Any

import typer.core
from typer._click import core as click_core
from typer._click import exceptions as click_exceptions
from typer._click.formatting import HelpFormatter

_state = {"lang": "nb"}

WORDS: dict[str, str] = {  # exact texts: headings, help of built-in options, markers
    "Usage: ": "Bruk: ",
    "Options": "Valg",
    "Arguments": "Argumenter",
    "Commands": "Kommandoer",
    "Show this message and exit.": "Vis denne hjelpen og avslutt.",
    "Show the version and exit.": "Vis versjonen og avslutt.",
    "required": "påkrevd",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "(dynamic)": "(dynamisk)",
    "Aborted!": "Avbrutt!",
    "Missing command.": "Mangler kommando.",
}
HELP_EN: dict[str, str] = {  # plansjekk's own help texts (cli.py), for --lang en
    "Sjekker kommunale planer mot barnevernsloven § 15-1.":
        "Checks municipal plans against the Child Welfare Act § 15-1.",
    "Sjekk en eller flere planer (filer eller mapper).": "Check one or more plans (files or folders).",
    "Oppgi dokumenttypen: plan, horingsutkast, planprogram eller annet.":
        "State the document type: plan, horingsutkast (draft), planprogram or annet (other).",
    "Vis strukturen plansjekk leser ut av en fil (seksjoner, sider, avsnitt).":
        "Show the structure plansjekk reads from a file (sections, pages, paragraphs).",
    "List reglene (uten underkommando).": "List the rules (without a subcommand).",
    "Forklar én regel.": "Explain one rule.",
    "Kjør eksemplene i hver regelfil; feiler hvis en regel mangler eksempler.":
        "Run the examples in every rule file; fails when a rule lacks examples.",
    "Vis den effektive konfigurasjonen.": "Show the effective configuration.",
    "Tøm resultatbufferen.": "Empty the result cache.",
    "Vis og test reglene.": "Show and test the rules.",
    "Håndter resultatbufferen.": "Manage the result cache.",
    "Vis versjonen og avslutt.": "Show the version and exit.",
    "nb (standard) eller en; før eller etter kommandoen.": "nb (default) or en; before or after the command.",
    "Filer eller mapper som skal sjekkes.": "Files or folders to check.",
    "Skriv rapporten til fil; filendelsen velger formatet.": "Write the report to a file; its suffix picks the format.",
    "Ekstra regelmappe (legger til/overstyrer).": "Extra rule folder (adds or replaces rules).",
    "Ekstra regelmappe.": "Extra rule folder.",
    "Vis hvorfor hver vurdering ble som den ble.": "Show why each verdict came out as it did.",
    "feil, advarsel, info eller aldri.": "feil (error), advarsel (warning), info or aldri (never).",
    "Ingen farger.": "No colours.",
    "Bare disse reglene (kode, navn eller tagg).": "Only these rules (code, name or tag).",
    "Hopp over disse reglene.": "Skip these rules.",
    "Antall parallelle prosesser (1–32).": "Number of parallel processes (1–32).",
    "Sekunder per dokument (standard 120, høyst 3600).": "Seconds per document (default 120, at most 3600).",
    "Ikke bruk resultatbufferen.": "Do not use the result cache.",
    "Rapporter bare nye eller forverrede funn.": "Report only new or worsened findings.",
    "Skriv dagens funn til --baseline-filen.": "Write today's findings to the --baseline file.",
    "Forventede kommuner: alle i dette fylket.": "Expected municipalities: all in this county.",
    "Fil med forventede kommuner.": "File listing the expected municipalities.",
    "overstyringer.yaml med manuelle vurderinger.": "overstyringer.yaml with a reviewer's verdicts.",
    "Største filstørrelse i MB.": "Largest file size in MB.",
    "Største antall sider.": "Largest number of pages.",
    "Filen som skal leses.": "The file to read.",
    "tre, json eller markdown.": "tre (tree), json or markdown.",
    "Regelkode eller navn, f.eks. BV103.": "Rule code or name, e.g. BV103.",
    "Filer konfigurasjonen gjelder for.": "Files the configuration applies to.",
    # serve
    "Start nettsiden: slipp planer på siden og les rapporten i nettleseren.":
        "Start the web page: drop plans on it and read the report in the browser.",
    "Adressen serveren lytter på; en annen enn 127.0.0.1 deler siden med nettverket (se README).":
        "The address to listen on; one other than 127.0.0.1 shares the page with the network (see README).",
    "Porten serveren lytter på.": "The port to listen on.",
    "Åpne siden i nettleseren.": "Open the page in the browser.",
    "Største opplasting i MB (standard 50).": "Largest upload in MB (default 50).",
    # sammenlign
    "Sammenlign to versjoner av en plan regel for regel (kode 1 når et krav er blitt verre).":
        "Compare two versions of a plan rule by rule (exit code 1 when a requirement got worse).",
    "Den eldre versjonen, f.eks. høringsutkastet.": "The older version, e.g. the draft on hearing.",
    "Den nyere versjonen, f.eks. den vedtatte planen.": "The newer version, e.g. the adopted plan.",
    "terminal, json, markdown eller html.": "terminal, json, markdown or html.",
    "Skriv rapporten til fil.": "Write the report to a file.",
}
PATTERNS: list[tuple[re.Pattern[str], str]] = [(re.compile(a), b) for a, b in (  # error messages
    (r"^No such option: (.+?)(?: \(Possible options: (.+)\))?$", r"ukjent valg: \1 (mulige valg: \2)"),
    (r"^No such command '(.+)'\.$", r"ukjent kommando «\1»"),
    (r"^Missing argument '(.+)'\.(.*)$", r"mangler argumentet «\1».\2"),
    (r"^Missing option '(.+)'\.(.*)$", r"mangler valget «\1».\2"),
    (r"^Missing (\w+)(.*)$", r"mangler \1\2"),
    (r"^Option '(.+)' requires an argument\.$", r"valget «\1» trenger en verdi"),
    (r"^Option '(.+)' requires (\d+) arguments\.$", r"valget «\1» trenger \2 verdier"),
    (r"^Option '(.+)' does not take a value\.$", r"valget «\1» tar ingen verdi"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"uventet ekstra argument: \1"),
    (r"^Invalid value for (.+?): '(.*)' is not a valid int(?:eger)?\.$",
     r"ugyldig verdi for \1: «\2» er ikke et heltall"),
    (r"^Invalid value for (.+?): '(.*)' is not a valid float\.$", r"ugyldig verdi for \1: «\2» er ikke et tall"),
    (r"^Invalid value for (.+?): (.*)$", r"ugyldig verdi for \1: \2"),
    (r"^Invalid value: (.*)$", r"ugyldig verdi: \1"),
)]


def language_in(args: Sequence[str]) -> str:
    """The value of the last `--lang X` / `--lang=X` anywhere in `args` ("nb" when absent)."""
    lang = "nb"
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang == "en" else "nb"


def translate(text: str) -> str:
    """`text` in the current language (unchanged in English or when unknown)."""
    return text if _state["lang"] == "en" else WORDS.get(text, text)


def translate_help(text: str) -> str:
    """A help text of plansjekk's own (Norwegian in cli.py) or click's, in the current language."""
    if _state["lang"] != "en":
        return translate(text)
    if text.endswith("..."):  # a command's help cut short for the command list
        text = next((nb for nb in HELP_EN if nb.startswith(text[:-3])), text)
    for nb, en in HELP_EN.items():
        if nb in text:
            text = text.replace(nb, en)
    return text


def translate_error(message: str) -> str:
    if _state["lang"] == "en":
        return message
    for pattern, replacement in PATTERNS:
        if pattern.match(message):
            return pattern.sub(replacement, message).replace(" (mulige valg: )", "")
    return message


class LocalizedFormatter(HelpFormatter):
    """Help pages with «Bruk:» and translated texts of the built-in options."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", translate_options()),
                            translate(prefix or "Usage: "))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        texts = [(term, re.sub(r"\[required\]", f"[{translate('required')}]", translate_help(text)))
                 for term, text in rows]
        super().write_dl(texts, col_max, col_spacing)

    def write_text(self, text: str) -> None:
        super().write_text(translate_help(text))


def translate_options() -> str:
    return "[OPTIONS]" if _state["lang"] == "en" else "[VALG]"


def show_usage_error(self: click_exceptions.UsageError, file: IO[Any] | None = None) -> None:
    """click's UsageError.show, in the current language."""
    stream = file or sys.stderr
    if self.ctx is not None:
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            command, option = self.ctx.command_path, self.ctx.help_option_names[0]
            hint = (f"Try '{command} {option}' for help.\n" if _state["lang"] == "en"
                    else f"Prøv «{command} {option}» for hjelp.\n")
        typer.echo(f"{self.ctx.get_usage()}\n{hint}", file=stream)
    label = "Error" if _state["lang"] == "en" else "Feil"
    typer.echo(f"{label}: {translate_error(self.format_message())}", file=stream)


def use_language(lang: str) -> None:
    """Install the seams for `lang` (nb or en)."""
    _state["lang"] = lang
    typer.core._ = translate  # type: ignore[attr-defined,assignment]  # headings use gettext's `_`
    click_core.Context.formatter_class = LocalizedFormatter
    click_exceptions.UsageError.show = show_usage_error  # type: ignore[method-assign]


class LocalizedGroup(typer.core.TyperGroup):
    """The top-level command: picks the language from the arguments before parsing them."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        use_language(language_in(given))
        return super().main(given, *rest, **kwargs)
