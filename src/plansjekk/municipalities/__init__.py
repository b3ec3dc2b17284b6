"""Norway's municipalities: the register (names, numbers, counties) and finding a document's own.

Below the engine and the batch runner, which both use it; it imports nothing of theirs.
"""
