"""The demo corpora bundled with framing."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ._readers import load_corpus
from .corpus import Corpus

__all__ = ["list_examples", "load_example", "example_path"]


def _root() -> Traversable | Path:
    # In an installed wheel the corpora live in framing/_examples; in a source
    # checkout (including editable installs) they are the repository's corpora/.
    packaged = resources.files("framing") / "_examples"
    if packaged.is_dir():
        return packaged
    return Path(str(resources.files("framing"))).parent / "corpora"


def list_examples() -> list[str]:
    """Names of the bundled demo corpora.

    Examples
    --------
    >>> list_examples()
    ['plant-closure', 'rafah']
    """
    root = _root()
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    )


def example_path(name: str) -> Path:
    """Folder of the bundled demo corpus ``name`` (articles, actors.json, concepts.json)."""
    names = list_examples()
    if name not in names:
        raise ValueError(f"unknown example {name!r}; available: {', '.join(names)}")
    return Path(str(_root() / name))


def load_example(name: str) -> Corpus:
    """Load a demo corpus bundled with framing.

    The demo corpora are illustrative texts written for framing by its
    authors, with fictional outlets (``synthetic: true`` in every article);
    they are not real reporting. Each comes with ``actors.json`` and
    ``concepts.json`` (see :func:`load_example_lists`).

    Parameters
    ----------
    name : str
        ``"rafah"`` (US backing for targeted Israeli operations in Rafah, as
        framed by seven fictional outlets) or ``"plant-closure"`` (a fictional
        factory closure).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> corpus = load_example("rafah")
    >>> len(corpus) > 8, len(corpus.outlets) >= 6
    (True, True)
    """
    return _load(name)


@cache
def _load(name: str) -> Corpus:
    return load_corpus(example_path(name))


def load_example_lists(name: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The ``actors`` and ``concepts`` mappings that come with a demo corpus.

    Examples
    --------
    >>> actors, concepts = load_example_lists("rafah")
    >>> isinstance(actors, dict) and isinstance(concepts, dict)
    True
    """
    folder = example_path(name)
    out = []
    for fname in ("actors.json", "concepts.json"):
        path = folder / fname
        out.append(json.loads(path.read_text(encoding="utf-8")) if path.exists() else {})
    return out[0], out[1]
