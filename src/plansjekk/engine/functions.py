"""The escape hatch: rules whose evidence a data matcher cannot express.

Each function returns (status, note key, evidence, explanation); the note key picks a
message from the rule file's `notes`, so every user-facing text still lives in YAML.
"""

from __future__ import annotations

from plansjekk.engine.adoption import AdoptionFinding
from plansjekk.engine.context import DocContext
from plansjekk.engine.legalref import find_legal_reference
from plansjekk.model import Evidence, Status

FunctionOutcome = tuple[Status, str | None, tuple[Evidence, ...], tuple[str, ...]]

ADOPTION_STATUS = {
    "council": (Status.OPPFYLT, None),
    "council_undated": (Status.DELVIS, "uten_dato"),
    "mentioned": (Status.DELVIS, "uklart"),
    "delegated": (Status.MANGLER, "delegert"),
    "planned": (Status.MANGLER, "planlagt"),
    "hearing": (Status.MANGLER, "horing"),
    "before_duty": (Status.MANGLER, "for_plikten"),
}
DUTY_START = "2022-01-01"  # the plan duty came with barnevernloven § 3-1 from 1.1.2022


def adoption_outcome(ctx: DocContext, adoption: AdoptionFinding) -> FunctionOutcome:
    kind = adoption.kind
    if kind == "council" and adoption.adoption and not (adoption.adoption.date or adoption.adoption.case):
        kind = "council_undated"
    if kind is None or adoption.sentence is None:
        return Status.MANGLER, None, (), ("fant ingen setning om vedtak",)
    if kind == "council" and adoption.adoption and (adoption.adoption.date or "9999") < DUTY_START:
        kind = "before_duty"
    status, note = ADOPTION_STATUS[kind]
    a = adoption.adoption
    why = (f"vedtak: {kind}; organ={a.body if a else None}, dato={a.date if a else None}, "
           f"sak={a.case if a else None}", f"«{ctx.evidence(adoption.sentence, 120).quote}»")
    return status, note, (ctx.evidence(adoption.sentence),), why


def adopted_before_duty(adoption: AdoptionFinding) -> bool:
    a = adoption.adoption
    return adoption.kind == "council" and a is not None and bool(a.date) and (a.date or "") < DUTY_START


def legal_reference_outcome(ctx: DocContext, adoption: AdoptionFinding) -> FunctionOutcome:
    kind, index = find_legal_reference(ctx)
    if kind is None or index is None:
        # a plan adopted before the duty existed cites neither: say why it falls short
        note = "for_plikten" if adopted_before_duty(adoption) else None
        return Status.MANGLER, note, (), ("fant verken § 15-1 eller § 3-1 i barnevernsloven",)
    why = (f"lovhenvisning: {kind}", f"«{ctx.evidence(index, 120).quote}»")
    if kind == "ny":
        return Status.OPPFYLT, None, (ctx.evidence(index),), why
    return Status.DELVIS, "gammel_hjemmel" if kind == "gammel" else "uten_paragraf", (ctx.evidence(index),), why


def run_function(name: str, ctx: DocContext, adoption: AdoptionFinding) -> FunctionOutcome:
    if name == "vedtak":
        return adoption_outcome(ctx, adoption)
    return legal_reference_outcome(ctx, adoption)
