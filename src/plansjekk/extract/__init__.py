"""Extractors: one module per format, each `extract(path, limits) -> Document`.

`extract_document` sniffs the content (magic bytes), not only the extension, and
turns every failure into an ExtractionError with a Norwegian message.
"""
