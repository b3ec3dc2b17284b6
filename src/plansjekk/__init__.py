"""plansjekk: checks municipal plans against barnevernsloven § 15-1."""

__version__ = "0.1.0"
