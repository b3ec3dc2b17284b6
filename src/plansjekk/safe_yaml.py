"""The one YAML reader for every file plansjekk reads (rules, concepts, overrides).

Safe loading only (no Python tags), and two more guards a hostile file needs:
- anchors and aliases (`&x` / `*x`) are refused, so a "billion laughs" file cannot make
  later code walk an exponentially large tree; no rule or override file needs them;
- a value the safe constructor rejects (a date like 2024-13-45) is an error with the
  file and line, not a traceback.
Every mapping carries its source line as `__line__` (callers strip it) so validation
errors can name the line. libyaml is used when present: rule loading is on every
run's start-up path.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plansjekk.files import read_text

if TYPE_CHECKING:
    import yaml

LINE_KEY = "__line__"


class YamlError(ValueError):
    """A YAML file that cannot be used; `line` is 1-based (None when unknown)."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        super().__init__(f"{path}:{line or 1}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class _AliasUsed(ValueError):
    def __init__(self, line: int) -> None:
        self.line = line


class _BadValue(ValueError):
    def __init__(self, line: int, node: yaml.Node) -> None:
        self.line = line
        self.value = str(getattr(node, "value", ""))


def _base() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def safe_loader() -> type:
    """The safe loader that refuses aliases, records mapping lines and marks value errors.

    Built on first use, so a run that reads no YAML (its rule set and tables come from the
    cache) never imports PyYAML. Public for a subclass that builds mappings its own way
    (engine/yamldata.py)."""
    import yaml

    class Loader(_base()):  # type: ignore[misc]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise _AliasUsed(node.start_mark.line + 1)
            try:
                return super().construct_object(node, deep=deep)
            except (ValueError, TypeError, OverflowError) as error:
                if isinstance(error, (_AliasUsed, _BadValue)):
                    raise
                raise _BadValue(node.start_mark.line + 1, node) from None

    def mapping(loader: Loader, node: yaml.MappingNode) -> dict[Any, Any]:
        value = loader.construct_mapping(node, deep=True)
        value[LINE_KEY] = node.start_mark.line + 1
        return value

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


def safe_load(text: str) -> Any:
    """yaml.safe_load, with libyaml when present: for data files read on every run that need
    no line numbers (the pure-Python parser takes tens of milliseconds on the larger ones)."""
    import yaml

    return yaml.load(text, Loader=_base())  # noqa: S506 - SafeLoader or CSafeLoader


def parse_yaml(text: str, path: Path, loader: type | None = None) -> Any:
    """Parse `text` (read from `path`, named in errors); raises YamlError. `loader` may be a
    subclass of safe_loader() (engine/yamldata.py's keeps the line of every key and item)."""
    import yaml

    try:
        return yaml.load(text, Loader=loader or safe_loader())  # noqa: S506 - a SafeLoader subclass
    except _AliasUsed as error:
        raise YamlError(path, error.line, "YAML-ankere og -aliaser (&navn / *navn) er ikke tillatt") from None
    except _BadValue as error:
        raise YamlError(path, error.line, f"ugyldig verdi «{error.value}» (f.eks. en dato som ikke finnes)") \
            from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlError(path, mark.line + 1 if mark else None, f"ugyldig YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise YamlError(path, None, f"ugyldig YAML: {error}") from None


def read_yaml(path: Path, loader: type | None = None) -> Any:
    """Read and parse a YAML file; YamlError (with file and line) for anything unusable."""
    try:
        text = read_text(path)  # a regular file only: a FIFO named .yaml must not hang the run
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(path, None, f"kan ikke lese filen: {error}") from None
    return parse_yaml(text, path, loader)


def strip_lines(value: Any) -> Any:
    """The parsed data without the `__line__` markers."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
