"""Reviewer overrides (`--overstyringer overstyringer.yaml`): the advisor's judgement on top.

    overstyringer:
      - kommune: Hole            # name or number; or `fil: <sha256>` for one file
        regel: BV105             # code or name
        status: oppfylt          # oppfylt, delvis, mangler, ikke_relevant
        begrunnelse: Vedtatt i kommunestyret 12.03.2024, protokoll mottatt per e-post.
        vurdert_av: Kari Nordmann
        dato: 2024-05-02

A top-level list without `overstyringer:` is accepted too, and English keys
(municipality, file, rule, reason, reviewer, date). The machine's verdict stays in
Finding.status; the override goes into Finding.override (with machine_status), so
every report shows both and the reason. A file-hash entry wins over a municipality
entry for the same rule. Entries that match no finding are reported, not ignored.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plansjekk.errors import PlansjekkError
from plansjekk.model import DocumentResult, Override, Status
from plansjekk.municipalities.register import lookup
from plansjekk.safe_yaml import LINE_KEY, YamlError, read_yaml

KEYS = {"kommune": "kommune", "municipality": "kommune", "fil": "fil", "file": "fil",
        "sha256": "fil", "regel": "regel", "rule": "regel", "status": "status",
        "begrunnelse": "begrunnelse", "reason": "begrunnelse", "vurdert_av": "vurdert_av",
        "reviewer": "vurdert_av", "dato": "dato", "date": "dato"}
REQUIRED = ("regel", "status", "begrunnelse")


@dataclass(frozen=True)
class OverrideEntry:
    rule: str  # rule code
    override: Override
    numbers: frozenset[str] = frozenset()  # municipality numbers, or
    sha256: str | None = None  # a file hash (or a prefix of at least 12 characters)
    where: str = ""  # "overstyringer.yaml:12", for messages
    target: str = ""  # what the user wrote, for messages


def load_overrides(path: Path, rules: Iterable[Any]) -> list[OverrideEntry]:
    """Read and validate; PlansjekkError with file and line for every bad entry."""
    try:
        data = read_yaml(path)
    except YamlError as error:
        raise PlansjekkError(str(error)) from None
    if isinstance(data, dict) and "overstyringer" in data:
        data = data["overstyringer"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise PlansjekkError(f"{path}:1: forventet en liste med overstyringer (overstyringer: - kommune: …)")
    codes = {r.code.upper(): r.code for r in rules} | {r.name.lower(): r.code for r in rules}
    return [_entry(item, path, codes) for item in data]


def _entry(item: Any, path: Path, codes: dict[str, str]) -> OverrideEntry:
    if not isinstance(item, dict):
        raise PlansjekkError(f"{path}: hver overstyring må være en tabell med regel, status og begrunnelse")
    where = f"{path}:{item.get(LINE_KEY, '?')}"
    values: dict[str, Any] = {}
    for key, value in item.items():
        if key == LINE_KEY:
            continue
        if key not in KEYS:
            raise PlansjekkError(f"{where}: ukjent felt «{key}» (gyldige: {', '.join(sorted(set(KEYS.values())))})")
        if isinstance(value, (list, dict)):
            raise PlansjekkError(f"{where}: «{key}» må være én verdi (tekst, tall eller dato), "
                                 f"ikke en liste eller tabell")
        values[KEYS[key]] = value.isoformat() if isinstance(value, datetime.date) else value
    missing = [k for k in REQUIRED if not values.get(k)]
    if missing:
        raise PlansjekkError(f"{where}: mangler {', '.join(missing)}")
    if ("kommune" in values) == ("fil" in values):
        raise PlansjekkError(f"{where}: oppgi enten kommune eller fil (sha256), ikke begge eller ingen")
    rule = str(values["regel"])
    code = codes.get(rule.upper()) or codes.get(rule.lower())
    if code is None:
        raise PlansjekkError(f"{where}: ukjent regel «{rule}»")
    status = str(values["status"]).strip().lower().replace(" ", "_")
    if status not in {s.value for s in Status}:
        raise PlansjekkError(f"{where}: ugyldig status «{values['status']}» "
                             f"(bruk {', '.join(s.value for s in Status)})")
    override = Override(status=Status(status), reason=str(values["begrunnelse"]),
                        reviewer=_text(values.get("vurdert_av")), date=_text(values.get("dato")))
    if "fil" in values:
        sha = str(values["fil"]).strip().lower()
        if len(sha) < 12 or any(c not in "0123456789abcdef" for c in sha):
            raise PlansjekkError(f"{where}: «fil» må være filens sha256 (minst 12 heksadesimale tegn)")
        return OverrideEntry(code, override, sha256=sha, where=where, target=sha[:12])
    return OverrideEntry(code, override, numbers=_numbers(str(values["kommune"]), where),
                         where=where, target=str(values["kommune"]))


def _numbers(name: str, where: str) -> frozenset[str]:
    found = lookup(name)
    if not found:
        raise PlansjekkError(f"{where}: ukjent kommune «{name}»")
    if len(found) > 1:
        choices = " eller ".join(f"«{m.display_name}» ({m.number})" for m in found)
        raise PlansjekkError(f"{where}: «{name}» finnes i flere fylker; skriv {choices}")
    return frozenset(m.number for m in found)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def apply_overrides(docs: tuple[DocumentResult, ...], entries: list[OverrideEntry]
                    ) -> tuple[tuple[DocumentResult, ...], list[str]]:
    """Documents with overrides set on matching findings, and messages for unused entries."""
    ordered = sorted(entries, key=lambda e: e.sha256 is not None)  # file entries applied last
    used: set[int] = set()
    out = []
    for doc in docs:
        numbers = {m.number for m in lookup(doc.municipality)} if doc.municipality else set()
        by_rule: dict[str, Override] = {}
        for i, entry in enumerate(ordered):
            hit = (entry.sha256 is not None and (doc.sha256 or "").startswith(entry.sha256)) or \
                  bool(entry.numbers & numbers)
            if hit and any(f.code == entry.rule for f in doc.findings):
                by_rule[entry.rule] = entry.override
                used.add(i)
        findings = tuple(dataclasses.replace(f, override=dataclasses.replace(by_rule[f.code], machine_status=f.status))
                         if f.code in by_rule else f for f in doc.findings)
        out.append(dataclasses.replace(doc, findings=findings) if by_rule else doc)
    unused = [f"{e.where}: overstyringen av {e.rule} for «{e.target}» traff ingen dokumenter i denne kjøringen."
              for i, e in enumerate(ordered) if i not in used]
    return tuple(out), unused
