"""Keyword-in-context lines: the sentences behind a term, a label or a count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._nlp.match import PatternSet
from ._docs import fill_doc
from ._labelstats import _article_groups, _order_mentions, _with_by
from ._ladder import check_sections
from ._mentions import find_mentions, mark_in_quote, read_mapping, sentence_tokens

__all__ = ["kwic"]


@fill_doc
def kwic(
    corpus,
    pattern: str | Sequence[str] | Mapping[str, Sequence[str]] | Path,
    *,
    window: int = 8,
    by: str = "outlet",
    inflect: bool = False,
    sections: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Keyword-in-context lines: every sentence behind a term, label or count.

    Parameters
    ----------
    %(corpus)s
    pattern : str, list of str, dict or path
        A word, multi-word phrase or glob (``"full-scale invasion"``,
        ``"terror*"``), a list of them, or a concepts-style mapping (or
        JSON/YAML file) ``{name: [phrase, ...]}``.
    window : int, default=8
        Tokens of context on each side, within the sentence.
    by : str, default="outlet"
        Article column that orders the lines (and is added when it is not
        ``outlet``).
    inflect : bool, default=False
        Also match the singular and plural of the last word of each phrase
        (by default a phrase matches as written).
    sections : list of {"headline", "lede", "body"}, optional
        Search only these parts of the articles.

    Returns
    -------
    pandas.DataFrame
        One row per match: ``doc_id``, ``outlet`` (and ``by``), ``sent_id``,
        ``section``, ``concept`` (only for a mapping), ``term`` (the phrase
        as given), ``left``, ``match`` (as written), ``right``, ``start``,
        ``end`` (character offsets of the match in the sentence),
        ``in_quote`` (the match is inside quotation marks: words the outlet
        quotes, not its own) and ``sentence``. ``left`` runs from the ``window``-th token before the
        match to the match, ``right`` from the match to the ``window``-th
        token after it, as written (punctuation between those tokens kept,
        surrounding spaces stripped); both stop at the sentence boundary.
        Ordered by group (``corpus.groups(by)``), article, sentence, offset.

    Raises
    ------
    ValueError
        If the pattern is empty or has no words, ``window`` is negative, or
        ``by`` or ``sections`` is invalid.

    Notes
    -----
    Matching is the one every analysis uses (:class:`framing._nlp.match.PatternSet`):
    shared tokenizer, globs inside words, longest match first, no overlaps.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": "Officials called it a full-scale invasion of the city."},
    ...     {"outlet": "B", "text": "The army denied any full-scale invasion was planned."},
    ... ])
    >>> kwic(corpus, "full-scale invasion", window=3)[["outlet", "left", "match", "right"]]
      outlet            left                match          right
    0      A  called it a      full-scale invasion  of the city
    1      B  army denied any  full-scale invasion  was planned
    """
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a non-negative integer (tokens), got {window!r}")
    is_mapping = isinstance(pattern, (Mapping, Path))
    if isinstance(pattern, str):
        mapping = {pattern: [pattern]}
    elif is_mapping:
        mapping = read_mapping(pattern, what="concepts")
    else:
        pattern = list(dict.fromkeys(pattern))
        if not pattern:
            raise ValueError("pattern is empty; give a word, a phrase, a glob or a list of them")
        mapping = {p: [p] for p in pattern}
    _article_groups(corpus, by)
    ps = PatternSet(mapping, inflect=inflect, what="pattern")
    found = mark_in_quote(find_mentions(corpus, ps, sections=check_sections(sections)), corpus)
    spans = sentence_tokens(corpus)
    sents = corpus.sentences()
    row_of = {(d, s): i for i, (d, s) in enumerate(zip(sents["doc_id"], sents["sent_id"], strict=True))}
    lefts, rights = [], []
    for d, s, ts, te, text, start, end in zip(
        found["doc_id"], found["sent_id"], found["tok_start"], found["tok_end"],
        found["sentence"], found["start"], found["end"], strict=True,
    ):
        toks = spans[row_of[(d, s)]]
        lo = toks[max(0, ts - window)][1] if window and ts > 0 else start
        hi = toks[min(len(toks), te + window) - 1][2] if window and te < len(toks) else end
        lefts.append(text[lo:start].strip())
        rights.append(text[end:hi].strip())
    out = found.assign(left=lefts, right=rights).rename(columns={"phrase": "term", "group": "concept"})
    cols = ["doc_id", "outlet", "sent_id", "section"] + (["concept"] if is_mapping else [])
    cols += ["term", "left", "match", "right", "start", "end", "in_quote", "sentence"]
    out = _order_mentions(out[cols], corpus, by)
    return _with_by(out, corpus, by)
