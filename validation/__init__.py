"""Evaluation scripts that measure framing against the shared real datasets."""
