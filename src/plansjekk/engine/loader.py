"""Load rule packs from YAML: safe loading, schema validation, file and line in every error.

A pack is a folder with one rule per `*.yaml` file plus `begreper.yaml` (the concept
vocabularies rules refer to by name). `--regler DIR` packs add rules or override
rules with the same code.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plansjekk import safe_yaml
from plansjekk.engine.roles import NO_ROLES, ROLES_FILE, Roles, parse_roles
from plansjekk.engine.schema import CooccurrenceMatcher, RoleMatcher, Rule, TableMatcher, TermsMatcher
from plansjekk.errors import RuleFileError
from plansjekk.safe_yaml import strip_lines
from plansjekk.settings import Settings

VOCABULARY_FILE = "begreper.yaml"
PACK_FILE = "pakke.yaml"


def default_pack_dir() -> Path:
    """The shipped pack: inside the wheel as plansjekk/rules, or the repo's rules/ in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "rules" / "bvl-15-1"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules" / "bvl-15-1"


def _line_of(data: Any, loc: tuple[Any, ...], path: Path | None = None) -> int | None:
    """Walk the pydantic error location through the raw data to find the nearest line. An error
    on a top-level field (a scalar has no line marker) names its key's line, read from the file."""
    if len(loc) == 1 and isinstance(loc[0], str) and path is not None:
        key = re.compile(rf"^{re.escape(loc[0])}\s*:")
        try:
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if key.match(text):
                    return number
        except (OSError, UnicodeDecodeError):
            pass
    line = data.get("__line__") if isinstance(data, dict) else None
    node = data
    for key_name in loc:
        try:
            node = node[key_name]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "__line__" in node:
            line = node["__line__"]
    return line


def read_yaml(path: Path) -> Any:
    """A rule-pack YAML file through the one safe reader (no aliases; file and line in errors)."""
    try:
        return safe_yaml.read_yaml(path)
    except safe_yaml.YamlError as error:
        raise RuleFileError(str(error)) from None


def parse_rule(path: Path, data: Any, pack: str) -> Rule:
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: en regelfil må være en YAML-tabell (mapping)")
    try:
        rule = Rule.model_validate({**strip_lines(data), "pack": pack, "file": str(path)})
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(x for x in item["loc"] if not (isinstance(x, str) and x in
                        ("terms", "samtidig", "overskrift", "rolle", "tjenester", "tiltakstabell",
                         "funksjon")))
            if not loc:  # a rule-level check names its field first ("status: ukjent belegg …")
                field = str(item.get("ctx", {}).get("error", item["msg"])).split(":", 1)[0].split()[-1]
                loc = (field,) if field in data else ()
            where = ".".join(str(x) for x in loc) or "(regelen)"
            problems.append(f"{path}:{_line_of(data, loc, path) or 1}: {where}: {item['msg']}")
        raise RuleFileError("ugyldig regelfil:\n" + "\n".join(problems)) from None
    return rule


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    services: dict[str, tuple[str, ...]]
    roles: Roles = NO_ROLES


def load_pack(folder: Path) -> RulePack:
    if not folder.is_dir():
        raise RuleFileError(f"{folder}: regelmappen finnes ikke")
    meta = read_yaml(folder / PACK_FILE) if (folder / PACK_FILE).exists() else {}
    meta = strip_lines(meta or {})
    name = str(meta.get("name", folder.name))
    vocabulary, services = _load_vocabulary(folder / VOCABULARY_FILE)
    rules = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name in (VOCABULARY_FILE, PACK_FILE, ROLES_FILE):
            continue
        rules.append(parse_rule(path, read_yaml(path), name))
    roles_path = folder / ROLES_FILE
    roles = parse_roles(str(roles_path), strip_lines(read_yaml(roles_path))) if roles_path.exists() \
        else NO_ROLES
    return RulePack(name=name, version=str(meta.get("version", "0")), rules=tuple(rules),
                    vocabulary=vocabulary, services=services, roles=roles)


def _load_vocabulary(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    if not path.exists():
        return {}, {}
    data = strip_lines(read_yaml(path)) or {}
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: begreper.yaml må være en YAML-tabell")
    concepts = data.get("begreper", {}) or {}
    services = data.get("tjenester", {}) or {}
    for section, table in (("begreper", concepts), ("tjenester", services)):
        for key, terms in table.items():
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                raise RuleFileError(f"{path}: {section}.{key}: må være en liste med ord")
    return ({k: tuple(v) for k, v in concepts.items()}, {k: tuple(v) for k, v in services.items()})


@dataclass(frozen=True)
class RuleSet:
    """The active rules with the merged vocabulary; what the engine runs."""

    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    services: dict[str, tuple[str, ...]]
    pack: str
    version: str
    fingerprint: str
    roles: Roles = NO_ROLES

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
    packs = [load_pack(folder) for folder in folders]
    by_code: dict[str, Rule] = {}
    vocabulary: dict[str, tuple[str, ...]] = {}
    services: dict[str, tuple[str, ...]] = {}
    roles = NO_ROLES
    for pack in packs:
        vocabulary.update(pack.vocabulary)
        services.update(pack.services)
        if pack.roles.definitions:
            roles = pack.roles  # a pack with its own roller.yaml replaces the roles
        for rule in pack.rules:
            by_code[rule.code] = rule
    rules = tuple(sorted(by_code.values(), key=lambda r: r.code))
    _check_concepts(rules, vocabulary, roles)
    base = packs[0]
    return RuleSet(rules=rules, vocabulary=vocabulary, services=services, pack=base.name,
                   version=base.version, fingerprint=_fingerprint(list(folders)), roles=roles)


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
                names = matcher.concepts + matcher.none
            elif isinstance(matcher, TableMatcher):
                names = matcher.header_concepts + matcher.undecided
            for name in names:
                if name not in vocabulary and name != "alle_tjenester":
                    raise RuleFileError(f"{rule.file}: {rule.code}: ukjent begrep «{name}» "
                                        f"(ikke definert i {VOCABULARY_FILE})")


def load_ruleset(settings: Settings) -> RuleSet:
    folders = (default_pack_dir(), *(Path(d).resolve() for d in settings.rule_dirs))
    return _load_all(tuple(folders))


def load_rules(settings: Settings) -> RuleSet:
    """The active rule set for a run: the shipped pack plus --regler packs, then select/ignore."""
    from plansjekk.engine.policy import active_rules

    ruleset = load_ruleset(settings)
    active = tuple(active_rules(list(ruleset.rules), settings))
    return RuleSet(rules=active, vocabulary=ruleset.vocabulary, services=ruleset.services,
                   pack=ruleset.pack, version=ruleset.version, fingerprint=ruleset.fingerprint,
                   roles=ruleset.roles)


def rulepack_fingerprint(settings: Settings) -> str:
    """Changes whenever any active rule file changes; part of the cache key."""
    return load_ruleset(settings).fingerprint
