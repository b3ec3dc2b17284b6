"""Renderers that turn the kept sample sources (samples/kilder/*.kilde) into PDF, DOCX and HTML."""
