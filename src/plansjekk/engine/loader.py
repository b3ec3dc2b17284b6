"""Load rule packs from YAML: safe loading, schema validation, file and line in every error.

A pack is a folder with one rule per `*.yaml` file plus `begreper.yaml` (the concept
vocabularies rules refer to by name) and `pakke.yaml` (name, version, and the document
types the pack is for). Every pack shipped under rules/ is loaded, the default pack
first; `--regler DIR` packs add rules or override rules with the same code.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from plansjekk.engine.phrases import PhraseList, phrase_lists
from plansjekk.engine.roles import NO_ROLES, ROLES_FILE, Roles, parse_roles
from plansjekk.engine.schema import CooccurrenceMatcher, RoleMatcher, Rule, ServicesMatcher, TableMatcher, TermsMatcher
from plansjekk.engine.yamldata import line_at, read_yaml, validation_errors
from plansjekk.errors import RuleFileError
from plansjekk.settings import Settings

VOCABULARY_FILE = "begreper.yaml"
PACK_FILE = "pakke.yaml"
# Data files of phrase lists (engine/phrases.py); their list names share one namespace per pack.
PHRASE_FILES = ("unntak.yaml",)
DATA_FILES = (VOCABULARY_FILE, PACK_FILE, ROLES_FILE, *PHRASE_FILES)
DEFAULT_PACK = "bvl-15-1"


def rules_root() -> Path:
    """The shipped packs: inside the wheel as plansjekk/rules, or the repo's rules/ in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "rules"
    if (packaged / DEFAULT_PACK).is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def default_pack_dir() -> Path:
    """The default pack (barnevernsloven § 15-1)."""
    return rules_root() / DEFAULT_PACK


def shipped_pack_dirs() -> tuple[Path, ...]:
    """Every shipped pack (a folder with a pakke.yaml), the default pack first."""
    others = sorted(p for p in rules_root().iterdir()
                    if p.is_dir() and p.name != DEFAULT_PACK and (p / PACK_FILE).is_file())
    return (default_pack_dir(), *others)


def parse_rule(path: Path, data: Any, pack: str) -> Rule:
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: en regelfil må være en YAML-tabell (mapping)")
    from plansjekk.engine.validation import ValidationError, validate_rule

    try:
        rule = validate_rule({**data, "pack": pack, "file": str(path)})
    except ValidationError as error:
        matcher_tags = ("terms", "samtidig", "overskrift", "rolle", "tjenester", "tiltakstabell", "funksjon")
        raise RuleFileError("ugyldig regelfil:\n" + validation_errors(path, data, error, matcher_tags)) from None
    return rule


DOC_TYPES = ("plan", "horingsutkast", "planprogram", "annet")


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    services: dict[str, tuple[str, ...]]
    exclusion_files: tuple[tuple[Path, Any, Any], ...] = ()  # (path, raw data, ExclusionFile)
    lists: tuple[tuple[str, Any], ...] = ()  # (name, PhraseList) from every phrase file
    roles: Roles = NO_ROLES
    doc_types: tuple[str, ...] = ()  # the document types whose reports show this pack; () = all


def load_pack(folder: Path) -> RulePack:
    if not folder.is_dir():
        raise RuleFileError(f"{folder}: regelmappen finnes ikke")
    meta = read_yaml(folder / PACK_FILE) if (folder / PACK_FILE).exists() else {}
    meta = meta or {}
    name = str(meta.get("name", folder.name))
    doc_types = _pack_doc_types(folder / PACK_FILE, meta.get("applies_to", []))
    vocabulary, services = _load_vocabulary(folder / VOCABULARY_FILE)
    rules = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name in DATA_FILES:
            continue
        rules.append(parse_rule(path, read_yaml(path), name))
    exclusion_files, lists = _load_phrase_files(folder)
    roles_path = folder / ROLES_FILE
    roles = parse_roles(str(roles_path), read_yaml(roles_path)) if roles_path.exists() else NO_ROLES
    return RulePack(name=name, version=str(meta.get("version", "0")), rules=tuple(rules),
                    vocabulary=vocabulary, services=services, exclusion_files=exclusion_files,
                    lists=tuple(lists.items()), roles=roles, doc_types=doc_types)


def _load_phrase_files(folder: Path) -> tuple[tuple[tuple[Path, Any, Any], ...], dict[str, Any]]:
    """The pack's phrase files; a list name defined in two of them is an error naming both."""
    from plansjekk.engine.exclusions import EXCLUSIONS_FILE, parse_exclusions  # it imports this module

    files: list[tuple[Path, Any, Any]] = []
    lists: dict[str, PhraseList] = {}
    for filename in PHRASE_FILES:
        path = folder / filename
        if not path.exists():
            continue
        data = read_yaml(path)
        if filename == EXCLUSIONS_FILE:
            files.append((path, data, parse_exclusions(path, data)))
        for list_name, phrase_list in phrase_lists(path, data).items():
            if list_name in lists:
                raise RuleFileError(f"{phrase_list.source}: listen «{list_name}» er allerede definert i "
                                    f"{lists[list_name].source}")
            lists[list_name] = phrase_list
    return tuple(files), lists


def _pack_doc_types(path: Path, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not set(value) <= set(DOC_TYPES):
        raise RuleFileError(f"{path}: applies_to: må være en liste med dokumenttyper ({', '.join(DOC_TYPES)})")
    return tuple(value)


def _load_vocabulary(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Concepts and services; a term listed twice in one concept is an error at its line."""
    if not path.exists():
        return {}, {}
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: begreper.yaml må være en YAML-tabell")
    for key in data:
        if key not in ("begreper", "tjenester"):
            raise RuleFileError(f"{path}:{line_at(data, (key,))}: ukjent nøkkel «{key}» (begreper, tjenester)")
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for section in ("begreper", "tjenester"):
        table = data.get(section) or {}
        if not isinstance(table, dict):
            raise RuleFileError(f"{path}:{line_at(data, (section,))}: {section}: må være en tabell")
        tables[section] = {}
        for key, terms in table.items():
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                where = line_at(data, (section, key))
                raise RuleFileError(f"{path}:{where}: {section}.{key}: må være en liste med ord")
            seen: dict[str, int] = {}
            for index, term in enumerate(terms):
                normal = " ".join(term.lower().split())
                line = line_at(data, (section, key, index))
                if normal in seen:
                    raise RuleFileError(f"{path}:{line}: {section}.{key}: «{term}» står to ganger "
                                        f"(først på linje {seen[normal]})")
                if any("*" in word.strip("*") for word in normal.lstrip("-=").split()):
                    raise RuleFileError(f"{path}:{line}: {section}.{key}: «{term}»: * kan bare stå først eller "
                                        "sist i et ord (ord*, *ord, *ord*)")
                seen[normal] = line
            tables[section][key] = tuple(terms)
    return tables["begreper"], tables["tjenester"]


@dataclass(frozen=True)
class RuleSet:
    """The active rules with the merged vocabulary; what the engine runs."""

    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    services: dict[str, tuple[str, ...]]
    pack: str
    version: str
    fingerprint: str
    exclusions: Any = None  # exclusions.ExclusionSet, compiled from the packs' unntak.yaml
    roles: Roles = NO_ROLES
    scopes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> pack's doc types; none = all
    packs: tuple[tuple[str, str], ...] = ()  # (name, version) of every loaded pack

    def for_type(self, doc_type: str) -> tuple[Rule, ...]:
        """The rules a document of this type is reported on: a pack made for other document
        types (the planprogram pack on a plan) is left out rather than listed as not relevant."""
        return tuple(r for r in self.rules if doc_type in self.scopes.get(r.code, ()) or not self.scopes.get(r.code))

    def __iter__(self):  # lets reporters and the CLI treat it as a list of rules
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def _fingerprint(folders: list[Path]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):  # with dokument/ (type table, adoption phrases)
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=8)
def _load_all(folders: tuple[Path, ...]) -> RuleSet:
    """The rule set of these folders, from the rule cache when the packs are unchanged."""
    from plansjekk.engine.rulecache import cached

    return cached(folders, lambda: _load_packs(folders), RuleSet)


def _load_packs(folders: tuple[Path, ...]) -> RuleSet:
    packs = [load_pack(folder) for folder in folders]
    from plansjekk.engine.exclusions import compile_exclusions

    by_code: dict[str, Rule] = {}
    scopes: dict[str, tuple[str, ...]] = {}
    vocabulary: dict[str, tuple[str, ...]] = {}
    services: dict[str, tuple[str, ...]] = {}
    lists: dict[str, Any] = {}
    roles = NO_ROLES
    for pack in packs:
        vocabulary.update(pack.vocabulary)
        services.update(pack.services)
        lists.update(pack.lists)  # a later pack's list replaces one of the same name
        if pack.roles.definitions:
            roles = pack.roles  # a pack with its own roller.yaml replaces the roles
        for rule in pack.rules:
            by_code[rule.code] = rule
            scopes[rule.code] = pack.doc_types or scopes.get(rule.code, ())  # an override keeps its scope
    rules = tuple(sorted(by_code.values(), key=lambda r: r.code))
    _check_concepts(rules, vocabulary, roles)
    exclusions = compile_exclusions([f for pack in packs for f in pack.exclusion_files], lists, vocabulary)
    base = packs[0]
    return RuleSet(rules=rules, vocabulary=vocabulary, services=services, pack=base.name,
                   version=base.version, fingerprint=_fingerprint(list(folders)), exclusions=exclusions,
                   roles=roles, scopes={code: scope for code, scope in scopes.items() if scope},
                   packs=tuple((p.name, p.version) for p in packs))


def _check_concepts(rules: tuple[Rule, ...], vocabulary: dict[str, tuple[str, ...]], roles: Roles) -> None:
    """A rule naming a concept that no begreper.yaml defines, or a role that no roller.yaml
    defines, is a rule-file error."""
    for name, definition in roles.definitions.items():
        for concept in [*definition.innhold, *roles.speaker, *roles.concrete]:
            if concept not in vocabulary and concept != "alle_tjenester":
                raise RuleFileError(f"{ROLES_FILE}: {name}: ukjent begrep «{concept}» "
                                    f"(ikke definert i {VOCABULARY_FILE})")
    for rule in rules:
        unknown_roles = [r for m in rule.evidence if isinstance(m, RoleMatcher) for r in m.roles]
        unknown_roles = [r for r in [*unknown_roles, *rule.home_roles] if r not in roles.definitions]
        if unknown_roles:
            raise RuleFileError(f"{rule.file}: {rule.code}: ukjent rolle «{unknown_roles[0]}» "
                                f"(ikke definert i {ROLES_FILE})")
        for name in rule.rank_by or []:
            if name not in vocabulary and name != "alle_tjenester":
                raise RuleFileError(f"{rule.file}: {rule.code}: rank_by: ukjent begrep «{name}» "
                                    f"(ikke definert i {VOCABULARY_FILE})")
        for matcher in rule.evidence:
            names: list[str] = []
            if isinstance(matcher, TermsMatcher):
                names = matcher.concepts + matcher.none
            elif isinstance(matcher, CooccurrenceMatcher):
                names = [n for group in matcher.all for n in group] + matcher.none
            elif isinstance(matcher, RoleMatcher):
                names = matcher.concepts + matcher.also + matcher.none
            elif isinstance(matcher, ServicesMatcher):
                names = matcher.none
            elif isinstance(matcher, TableMatcher):
                names = matcher.header_concepts + matcher.header_also + matcher.undecided
            for name in names:
                if name not in vocabulary and name != "alle_tjenester":
                    raise RuleFileError(f"{rule.file}: {rule.code}: ukjent begrep «{name}» "
                                        f"(ikke definert i {VOCABULARY_FILE})")


def load_ruleset(settings: Settings) -> RuleSet:
    folders = (*shipped_pack_dirs(), *(Path(d).resolve() for d in settings.rule_dirs))
    return _load_all(tuple(folders))


def load_rules(settings: Settings) -> RuleSet:
    """The active rule set for a run: the shipped pack plus --regler packs, then select/ignore."""
    from plansjekk.engine.policy import active_rules

    ruleset = load_ruleset(settings)
    active = tuple(active_rules(list(ruleset.rules), settings))
    return replace(ruleset, rules=active)


def rulepack_fingerprint(settings: Settings) -> str:
    """Changes whenever any active rule file changes; part of the cache key."""
    return load_ruleset(settings).fingerprint
