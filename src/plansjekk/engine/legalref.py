"""Which legal basis the document cites (BV301): § 15-1, or only the old § 3-1.

§ 3-1 is a common section number (plan- og bygningsloven has one too), so it counts
only with barnevern wording close by.
"""

from __future__ import annotations

import re

from plansjekk.engine.context import DocContext

_I = re.IGNORECASE
NEW = re.compile(r"§\s*15\s*[-–—]\s*1\b", _I)
OLD = re.compile(r"§\s*3\s*[-–—]\s*1\b", _I)
CHILD_WELFARE_ACT = re.compile(r"barnevern(s)?lov(en|a)?|lov om barnevern|bvl\.?\b|barneverntjenester", _I)


def find_legal_reference(ctx: DocContext) -> tuple[str | None, int | None]:
    """('ny', sentence) for § 15-1, ('gammel', sentence) for only § 3-1, ('lov', sentence) for the
    Act named without a section ("ifølge barnevernsloven skal kommunen ha en plan"), or (None, None)."""
    old_at: int | None = None
    act_at: int | None = None
    mentions_act = False
    for i, s in enumerate(ctx.sentences):
        text = s.text
        if CHILD_WELFARE_ACT.search(text):
            mentions_act = True
            if act_at is None and s.kind != "heading":
                act_at = i
        if NEW.search(text) and (mentions_act or CHILD_WELFARE_ACT.search(_near(ctx, i))):
            return "ny", i
        if old_at is None and OLD.search(text) and CHILD_WELFARE_ACT.search(_near(ctx, i)):
            old_at = i
    if old_at is not None:
        return "gammel", old_at
    return ("lov", act_at) if act_at is not None else (None, None)


def _near(ctx: DocContext, i: int) -> str:
    return " ".join(ctx.sentences[j].text for j in range(max(0, i - 1), min(len(ctx.sentences), i + 2)))
