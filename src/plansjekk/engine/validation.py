"""Validate rule and role files into schema.py's dataclasses with pydantic.

Only loading YAML rule packs comes here (a cache miss, `plansjekk regler test`); a checking
run whose rule set comes from the rule cache never imports pydantic. schema.py's annotations
are strings naming pydantic's `Field` and `AfterValidator`; pydantic resolves them in
schema.py's namespace, so they are bound there here, before the adapters are built.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, TypeAdapter, ValidationError

from plansjekk.engine import schema
from plansjekk.engine.roles import RolesFile
from plansjekk.engine.schema import Rule, StatusConditions, check_rule

__all__ = ["AfterValidator", "Field", "ValidationError", "message", "validate_roles", "validate_rule",
           "validate_status"]

vars(schema).update(Field=Field, AfterValidator=AfterValidator)
_RULE: TypeAdapter[Rule] = TypeAdapter(Annotated[Rule, AfterValidator(check_rule)])
_STATUS: TypeAdapter[StatusConditions] = TypeAdapter(StatusConditions)
_ROLES: TypeAdapter[RolesFile] = TypeAdapter(RolesFile)


def validate_rule(data: Any) -> Rule:
    """A Rule from a rule file's data; raises pydantic's ValidationError."""
    return _RULE.validate_python(data)


def validate_status(data: Any) -> StatusConditions:
    return _STATUS.validate_python(data)


def validate_roles(data: Any) -> RolesFile:
    return _ROLES.validate_python(data)


def message(item: Any) -> str:
    """pydantic's message for an error, worded for a dataclass as for a model."""
    return "Extra inputs are not permitted" if item["type"] == "unexpected_keyword_argument" else item["msg"]
