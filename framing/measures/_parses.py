"""Clause parses of a corpus's sentences, computed once per corpus and kept in its cache."""

from __future__ import annotations

from .._nlp.grammar import Parse, parse
from ._mentions import sentence_tokens


def sentence_parses(corpus, rows) -> dict[int, Parse]:
    """Clause parses of the sentences ``rows`` of ``corpus.sentences()``, each computed
    once per corpus and kept in the corpus cache entry ``grammar_parses`` (shared by
    the agency, passive-voice, actor-sentiment and actor-role measures)."""
    cache = corpus.cache.fetch("grammar_parses", dict)
    missing = [int(r) for r in rows if int(r) not in cache]
    if missing:
        sents = corpus.sentences()
        texts, sections = sents["text"].to_numpy(), sents["section"].to_numpy()
        toks = sentence_tokens(corpus)
        for r in missing:
            cache[r] = parse(texts[r], headline=sections[r] == "headline", tokens=toks[r])
    return {int(r): cache[int(r)] for r in rows}
