"""What the user asked for, applied after the rules have spoken (STYLE.md 3).

Rules only produce evidence and a status; this module decides which rules run
(select/ignore by code, name or tag), at what severity (the `severity` table), and
which findings a document suppresses with `<!-- plansjekk: ignorer BV203 -- grunn -->`.
Like flake8's DecisionEngine, it never looks at the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from plansjekk.errors import PlansjekkError
from plansjekk.i18n import t
from plansjekk.model import DocumentResult, Finding, Severity, Status, Suppression
from plansjekk.settings import Settings

PROBLEMS = (Status.DELVIS, Status.MANGLER)
ALL = ("ALL", "alle")  # `select = ["ALL"]` as in ruff


def rule_matches(rule: Any, selector: str) -> bool:
    """A selector is a rule code (BV203), a name (avklaring) or a tag (lovkrav)."""
    return selector.upper() == rule.code or selector.lower() == rule.name \
        or selector.lower() in (tag.lower() for tag in rule.tags)


def check_selectors(rules: list[Any], selectors: Iterable[str], where: str, lang: str) -> None:
    """Every selector must name at least one loaded rule; a typo is an error, not a no-op."""
    for selector in selectors:
        if selector in ALL:
            continue
        if not any(rule_matches(r, selector) for r in rules):
            raise PlansjekkError(t("error.unknown_rule", lang, rule=selector, where=where))


def active_rules(rules: list[Any], settings: Settings) -> list[Any]:
    """The rules that run: selected, not ignored, with configured severities applied."""
    where = _where(settings)
    check_selectors(rules, settings.select, f"select{where}", settings.lang)
    check_selectors(rules, settings.ignore, f"ignore{where}", settings.lang)
    check_selectors(rules, settings.severity, f"severity{where}", settings.lang)
    chosen = [r for r in rules
              if (not settings.select or any(s in ALL or rule_matches(r, s) for s in settings.select))
              and not any(rule_matches(r, s) for s in settings.ignore)]
    return [_with_severity(r, settings.severity) for r in chosen]


def configured_severity(code: str, name: str, table: dict[str, str]) -> Severity | None:
    """The severity the user configured for a rule (by code or by name), if any."""
    for key, value in table.items():
        if key.upper() == code or key.lower() == name:
            return Severity(value)
    return None


def apply_policy(result: DocumentResult, suppressions: tuple[Suppression, ...],
                 settings: Settings) -> DocumentResult:
    """Severity overrides and in-document suppressions; unused suppressions are kept."""
    findings = tuple(_severity(f, settings.severity) for f in result.findings)
    used: set[int] = set()
    suppressed: list[Finding] = []
    for finding in findings:
        reason = None
        for index, s in enumerate(suppressions):
            if finding.status in PROBLEMS and _suppresses(s, finding):
                used.add(index)
                reason = reason or s.reason.strip() or t("label.none_stated", settings.lang)
        suppressed.append(replace(finding, suppressed=reason) if reason else finding)
    unused = tuple(s for i, s in enumerate(suppressions) if i not in used)
    return replace(result, findings=tuple(suppressed),
                   unused_suppressions=result.unused_suppressions + unused)


def _suppresses(suppression: Suppression, finding: Finding) -> bool:
    rule = suppression.rule.strip()
    return rule.upper() == finding.code or rule.lower() == finding.name


def _severity(finding: Finding, table: dict[str, str]) -> Finding:
    severity = configured_severity(finding.code, finding.name, table)
    return replace(finding, severity=severity) if severity and severity != finding.severity else finding


def _with_severity(rule: Any, table: dict[str, str]) -> Any:
    severity = configured_severity(rule.code, rule.name, table)
    if severity is None or severity == rule.severity:
        return rule
    return replace(rule, severity=severity)


def _where(settings: Settings) -> str:
    config_file = getattr(settings, "config_file", None)
    return f" ({config_file})" if config_file else ""
