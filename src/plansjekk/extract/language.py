"""Bokmål or nynorsk, from words that only one of them uses."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zæøå]+")
NYNORSK_ONLY = frozenset(
    "ikkje eg kva korleis kvar kven frå berre dei desse mykje noko nokon vere vore "
    "teneste tenesta tenester tenestene skule skular skulen førebygging førebyggande "
    "åtferdsvanskar heile saman ho òg høyring medverknad tidleg born borna ungdomar "
    "barnehagar vert vart hjå difor tilbod vedteke handsama handsaming dessutan "
    "einskilde eigen eige eit sjølv opplæringa".split()
)
BOKMAAL_ONLY = frozenset(
    "ikke jeg hva hvordan hvor hvem fra bare de disse mye noe noen være vært "
    "tjeneste tjenesten tjenester tjenestene skole skoler skolen forebygging forebyggende "
    "atferdsvansker hele sammen hun også høring medvirkning tidlig barna ungdommer "
    "barnehager blir ble hos derfor tilbud vedtatt behandlet dessuten enkelte egen eget selv "
    "opplæringen".split()
)


def guess_language(text: str) -> str | None:
    """'nn', 'nb', or None when the text is too short or gives no signal."""
    nn = nb = 0
    for word in _WORD.findall(text.lower()[:200_000]):
        if word in NYNORSK_ONLY:
            nn += 1
        elif word in BOKMAAL_ONLY:
            nb += 1
    if nn + nb < 3:
        return None
    return "nn" if nn > nb else "nb"
