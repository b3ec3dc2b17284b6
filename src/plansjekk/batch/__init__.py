"""Batch checking: folders of plans, parallel workers, cache, municipality overview."""
