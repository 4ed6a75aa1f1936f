"""Argument checks and article bookkeeping shared by the analyses."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..corpus import SECTIONS, _check_by

__all__ = ["article_index", "check_level_and_sections", "group_labels"]


def check_level_and_sections(corpus, by: str, level: str, levels: Sequence[str], sections) -> np.ndarray:
    """Validate ``by``, ``level`` and ``sections``; the mask of sentences to use."""
    _check_by(corpus, by)
    if level not in levels:
        raise ValueError(f"level={level!r} is not valid; choose one of {list(levels)}")
    sents = corpus.sentences()
    if sections is None:
        return np.ones(len(sents), dtype=bool)
    sections = [sections] if isinstance(sections, str) else list(sections)
    bad = [s for s in sections if s not in SECTIONS]
    if bad or not sections:
        raise ValueError(f"sections={sections!r}: choose among {list(SECTIONS)} (or None for all)")
    return sents["section"].isin(sections).to_numpy()


def group_labels(corpus, by: str) -> np.ndarray:
    """The ``by`` value of every article as text ("" when missing)."""
    return np.array([str(v) if pd.notna(v) else "" for v in corpus._articles[by]], dtype=object)


def article_index(corpus, doc_ids) -> np.ndarray:
    """Row of each ``doc_id`` in ``corpus.articles``."""
    pos = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
    return np.array([pos[d] for d in doc_ids], dtype=np.int64)
