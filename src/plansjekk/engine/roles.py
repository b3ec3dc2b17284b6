"""Section roles: what a section of a plan does (goals, organisation, services, collaboration,
measures, follow-up, knowledge base, foreword, legal basis, contents …).

A role is data (roller.yaml in the rule pack): terms whose meaning in a heading marks it, and
concepts whose share of the body marks it when neither its heading nor the chapter it stands
under names a role (a subsection belongs to its chapter).
Rules name their home roles; evidence
from a home section ranks first, evidence from a background role last, and a section whose
role is `aldri` (a table of contents) is never evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plansjekk.engine.schema import STRICT
from plansjekk.engine.yamldata import line_at
from plansjekk.errors import RuleFileError

ROLES_FILE = "roller.yaml"
CONTENT_SHARE = 0.5  # share of body sentences naming a content concept that marks the role
CONTENT_MIN_SENTENCES = 2
LIST_WORDS = 8  # a never-role (contents) body is a list: its lines average at most this many words


@dataclass(frozen=True, kw_only=True)
class RoleDef:
    """One role: heading terms (begreper syntax), content concepts (begreper names)."""

    __pydantic_config__ = STRICT
    overskrift: list[str] = field(default_factory=list)
    innhold: list[str] = field(default_factory=list)
    bakgrunn: bool = False  # background: ranks last for every rule that is not at home here
    aldri: bool = False  # never evidence (a table of contents names chapters, it proves nothing)


@dataclass(frozen=True, kw_only=True)
class RoleExample:
    """A heading (and optionally a body) and the role it must get; `rolle: null` for none."""

    __pydantic_config__ = STRICT
    overskrift: str | None = None
    tekst: str = ""
    rolle: str | None
    lang: str = "nb"


@dataclass(frozen=True, kw_only=True)
class RolesFile:
    __pydantic_config__ = STRICT
    roller: dict[str, RoleDef]
    avsender: list[str] = field(default_factory=list)  # concepts: the municipality speaks ("vi", "kommunen")
    konkret: list[str] = field(default_factory=list)  # concepts: who, what, how often
    eksempler: list[RoleExample] = field(default_factory=list)


@dataclass(frozen=True, eq=False)  # hashed by identity: one per loaded pack
class Roles:
    definitions: dict[str, RoleDef]
    examples: tuple[RoleExample, ...] = ()
    speaker: tuple[str, ...] = ()
    concrete: tuple[str, ...] = ()

    def concept_name(self, role: str) -> str:
        return f"rolle:{role}"

    @property
    def background(self) -> frozenset[str]:
        return frozenset(r for r, d in self.definitions.items() if d.bakgrunn)

    @property
    def never(self) -> frozenset[str]:
        return frozenset(r for r, d in self.definitions.items() if d.aldri)


NO_ROLES = Roles({})


def parse_roles(path: str, data: Any) -> Roles:
    if data is None:
        return NO_ROLES
    from plansjekk.engine.validation import ValidationError, message, validate_roles

    try:
        parsed = validate_roles(data)
    except ValidationError as error:
        problems = [f"{path}:{line_at(data, tuple(e['loc']))}: {'.'.join(str(x) for x in e['loc'])}: {message(e)}"
                    for e in error.errors()]
        raise RuleFileError("ugyldig rollefil:\n" + "\n".join(problems)) from None
    for index, example in enumerate(parsed.eksempler):
        if example.rolle is not None and example.rolle not in parsed.roller:
            raise RuleFileError(f"{path}:{line_at(data, ('eksempler', index))}: eksempel «{example.overskrift}»: "
                                f"ukjent rolle «{example.rolle}»")
    return Roles(parsed.roller, tuple(parsed.eksempler), tuple(parsed.avsender), tuple(parsed.konkret))


def _list_like(ctx: Any, body: list[int]) -> bool:
    """'Innhold og bakgrunn' over running text is no table of contents; a list of chapters is."""
    if not body:
        return True
    words = sum(sum(1 for t in ctx.sentences[i].tokens if t.lower.isalpha()) for i in body)
    return words / len(body) <= LIST_WORDS


def section_roles(ctx: Any) -> tuple[list[frozenset[str]], list[bool]]:
    """The roles of every section of ctx.document, in order (see the module docstring), and
    for each whether the role was read from a heading (its own or its chapter's) rather than
    guessed from the content alone."""
    roles: Roles = ctx.roles
    sections = ctx.document.sections
    headings: dict[int, list[int]] = {}
    bodies: dict[int, list[int]] = {}
    for i, s in enumerate(ctx.sentences):
        (headings if s.kind == "heading" else bodies).setdefault(s.section_index, []).append(i)
    heading_sentences = [i for ids in headings.values() for i in ids]
    heading_hits = {name: {i for i in heading_sentences if concept.matches(ctx.sentences[i].tokens)}
                    for name, concept in ctx.role_heading_concepts.items()}  # headings only: few
    content = {name: d.innhold for name, d in roles.definitions.items() if d.innhold}
    result: list[frozenset[str]] = []
    from_heading: list[bool] = []
    chain: list[tuple[int, frozenset[str]]] = []  # (level, roles) of the chapters above
    for index, section in enumerate(sections):
        body = bodies.get(index, [])
        own = frozenset(name for name, hits in heading_hits.items()
                        if any(i in hits for i in headings.get(index, ()))
                        and (name not in roles.never or _list_like(ctx, body)))
        while chain and chain[-1][0] >= section.level:
            chain.pop()
        parent = chain[-1][1] if chain else frozenset()
        if not own:
            own = parent  # a subsection belongs to its chapter ("5.1 Helsestasjonen" under "5 Ansvar")
        certain = bool(own)
        if not own and len(body) >= CONTENT_MIN_SENTENCES:
            shares = {name: sum(1 for i in body if any(ctx.has(c, i) for c in concepts)) / len(body)
                      for name, concepts in content.items()}
            best = max(shares.values(), default=0.0)
            if best >= CONTENT_SHARE:
                own = frozenset(name for name, share in shares.items() if share == best)
        if section.heading:  # only a role read from a heading passes down; one guessed from content is this section's
            chain.append((section.level, own if certain else frozenset()))
        result.append(own)
        from_heading.append(certain)
    return result, from_heading
