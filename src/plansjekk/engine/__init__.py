"""The rule engine: YAML rules over a small fixed set of matchers."""
