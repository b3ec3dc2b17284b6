"""YAML data files of a rule pack read with the line of every key and item, and checked
against a small shape, so every error names file and line (the reusable part of the loader).

    data = read_yaml(path)                       # LineDict / LineList / scalars
    check_shape(path, data, {"!name": str, "phrases": [str], "scope": ("ledd", "setning")})
    line_at(data, ("lists", "modal", 2))         # the line of that item

Shapes: a type (str, int, bool); a tuple of allowed values; a compiled regex a string must match;
[shape] a non-empty list; {"!key": shape, "key": shape} a mapping with required ("!") and optional
keys and no others; {str: shape} or {(allowed, keys): shape} a mapping of free keys.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plansjekk import safe_yaml
from plansjekk.errors import RuleFileError

if TYPE_CHECKING:
    import yaml
    from pydantic import ValidationError


class LineDict(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int = 1
    key_lines: dict[Any, int]


class LineList(list):
    """A YAML sequence that remembers its own line and the line of each item."""

    line: int = 1
    item_lines: list[int]


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """The one safe reader's loader (no aliases, bad values named by line: safe_yaml.py) that
    also remembers the line of every mapping key and sequence item, for error messages."""
    import yaml

    class LineLoader(safe_yaml.safe_loader()):  # type: ignore[misc]
        pass

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return LineLoader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    import yaml

    mapping = LineDict()
    mapping.line, mapping.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping.key_lines:
            raise yaml.constructor.ConstructorError(
                None, None, f"«{key}» står to ganger (først på linje {mapping.key_lines[key]})", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line, items.item_lines = node.start_mark.line + 1, [c.start_mark.line + 1 for c in node.value]
    return items


def line_at(data: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest key or item of `loc` (a pydantic error location) found in the data."""
    line = getattr(data, "line", 1)
    node = data
    for key in loc:
        if isinstance(node, LineDict) and key in node:
            line, node = node.key_lines[key], node[key]
        elif isinstance(node, LineList) and isinstance(key, int) and 0 <= key < len(node):
            line, node = node.item_lines[key], node[key]
        else:
            break
    return line


def read_yaml(path: Path) -> Any:
    """A rule-pack YAML file as LineDict / LineList / scalars; RuleFileError with file and line."""
    try:
        return safe_yaml.read_yaml(path, _line_loader())
    except safe_yaml.YamlError as error:
        raise RuleFileError(str(error)) from None


def validation_errors(path: Path, data: Any, error: ValidationError, skip: tuple[str, ...] = ()) -> str:
    """One line per schema error: file, line of the offending key or item, its location, the problem."""
    from plansjekk.engine.validation import message

    problems = []
    for item in error.errors():
        loc = tuple(x for x in item["loc"] if not (isinstance(x, str) and x in skip))
        if not loc and isinstance(data, dict):  # a whole-model check names its field first ("status: …")
            named = str(item.get("ctx", {}).get("error", item["msg"])).split(":", 1)[0].split()
            loc = (named[-1],) if named and named[-1] in data else ()
        where = ".".join(str(x) for x in loc) or "(filen)"
        problems.append(f"{path}:{line_at(data, loc)}: {where}: {message(item)}")
    return "\n".join(problems)


def check_shape(path: Path | str, data: Any, shape: Any) -> None:
    """Raise RuleFileError at the first place `data` does not fit `shape` (see the module doc)."""
    _check(path, data, data, shape, ())


def _check(path: Path | str, root: Any, data: Any, shape: Any, loc: tuple[Any, ...]) -> None:
    def fail(message: str, at: tuple[Any, ...] = loc) -> None:
        where = ".".join(str(x) for x in at) or "(filen)"
        raise RuleFileError(f"{path}:{line_at(root, at)}: {where}: {message}")

    if isinstance(shape, dict):
        if not isinstance(data, dict):
            fail("må være en tabell (mapping)")
        free = [k for k in shape if not isinstance(k, str)]
        if free:
            allowed, inner = free[0], shape[free[0]]
            for key, value in data.items():
                if allowed is not str and key not in allowed:
                    fail(f"ukjent nøkkel «{key}» (tillatt: {', '.join(allowed)})", (*loc, key))
                _check(path, root, value, inner, (*loc, key))
            return
        fields = {k.lstrip("!"): k.startswith("!") for k in shape}
        for key in data:
            if key not in fields:
                fail(f"ukjent nøkkel «{key}» (tillatt: {', '.join(fields)})", (*loc, key))
        for key, required in fields.items():
            if key in data:
                _check(path, root, data[key], shape[("!" if required else "") + key], (*loc, key))
            elif required:
                fail(f"mangler «{key}»")
    elif isinstance(shape, list):
        if not isinstance(data, list) or not data:
            fail("må være en liste med minst ett element")
        for index, item in enumerate(data):
            _check(path, root, item, shape[0], (*loc, index))
    elif isinstance(shape, tuple):
        if data not in shape:
            fail(f"«{data}» er ikke en av: {', '.join(map(str, shape))}")
    elif isinstance(shape, re.Pattern):
        if not isinstance(data, str) or not shape.fullmatch(data):
            fail(f"«{data}» må ha formen {shape.pattern}")
    elif not isinstance(data, shape) or (shape is int and isinstance(data, bool)):
        kinds = {str: "tekst (sett den i anførselstegn)", int: "et heltall", bool: "true eller false"}
        fail(f"må være {kinds.get(shape, str(shape))}")
