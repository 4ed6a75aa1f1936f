"""Word lists bundled with framing, as tidy tables.

Every lexicon is a UTF-8 TSV file in ``framing/lexicons/data`` with the
header ``term<TAB>category<TAB>weight`` and ``#`` comment lines giving its
provenance; ``data/SOURCES.md`` records the origin, licence and method of each
file. Terms are written as the shared tokenizer normalises text (lower case,
straight apostrophes); multi-word terms and ``*`` globs are allowed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["list_lexicons", "load_lexicon"]

_DATA = resources.files(__name__) / "data"  # a Traversable; nothing is read here


def list_lexicons() -> list[str]:
    """Names of the lexicons bundled with framing."""
    return sorted(p.name.removesuffix(".tsv") for p in _DATA.iterdir() if p.name.endswith(".tsv"))


def load_lexicon(name: str) -> pd.DataFrame:
    """Load a bundled lexicon.

    Parameters
    ----------
    name : str
        One of :func:`list_lexicons`.

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``category`` and ``weight``, one row per (term,
        category). A fresh copy: callers may change it.

    Raises
    ------
    ValueError
        If ``name`` is not a bundled lexicon; the message lists the valid names.
    """
    names = list_lexicons()
    if name not in names:
        raise ValueError(f"unknown lexicon {name!r}; available: {', '.join(names) or 'none'}")
    return _read(name).copy()


@cache
def _read(name: str) -> pd.DataFrame:
    with (_DATA / f"{name}.tsv").open("r", encoding="utf-8") as f:
        table = pd.read_csv(
            f,
            sep="\t",
            comment="#",
            dtype={"term": str, "category": str, "weight": float},
            keep_default_na=False,
        )
    missing = {"term", "category", "weight"} - set(table.columns)
    if missing:
        raise ValueError(f"lexicon {name!r} lacks column(s) {sorted(missing)}")
    return table[["term", "category", "weight"]]
