"""framing's verb inflection against lemminflect: agreement, agency figures and speed.

Run from the repository root (lemminflect is not a dependency of framing)::

    pip install lemminflect
    python -m validation.inflection_engines

For every verb lemma framing knows (its news verbs, the irregular verbs, the
``reporting_verbs`` and ``harm_verbs`` lexicons) the forms of both engines are
compared and every disagreement is listed, to be judged by hand; then
``validation.agency_eval`` is run with each engine behind
``framing._nlp.english.verb_forms`` / ``lemma_of`` (and :mod:`framing._nlp.inflect`), and the time to parse the
sentences of the first 150 ``allsides_abp`` articles (word caches cleared) and
to lemmatise their distinct words is measured.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from functools import cache

from framing._nlp import english as en
from framing._nlp import inflect
from framing._nlp.grammar import groups, words
from framing._nlp.segment import segment
from framing.lexicons import load_lexicon

from . import agency_eval
from .shared_data import SHARED_DATA

TAGS = {"s": "VBZ", "past": "VBD", "participle": "VBN", "ing": "VBG"}


def main() -> int:
    try:
        import lemminflect
    except ImportError:
        print("lemminflect is not installed: pip install lemminflect", file=sys.stderr)
        return 1

    @cache
    def li_forms(base):
        infl = lemminflect.getAllInflections(base, upos="VERB") or lemminflect.getAllInflectionsOOV(
            base, upos="VERB"
        )
        out = {"base": (base,)}
        for kind, tag in TAGS.items():
            out[kind] = tuple(f for f in infl.get(tag, ()) if " " not in f and "-" not in f)
        return out

    def li_lemma(word):
        lemmas = lemminflect.getLemma(word, upos="VERB", lemmatize_oov=True)
        return lemmas[0] if lemmas else word

    lemmas = sorted(
        en.verbs()
        | {t.split()[0] for t in load_lexicon("reporting_verbs")["term"] if t != "according to"}
        | set(load_lexicon("harm_verbs")["term"])
    )
    differ = [
        (b, k, en.verb_forms(b)[k], li_forms(b)[k])
        for b in lemmas
        for k in TAGS
        if set(en.verb_forms(b)[k]) != set(li_forms(b)[k])
    ]
    print(f"{len(lemmas)} lemmas, {len(differ)} (lemma, form) pairs differ (framing | lemminflect):")
    for b, k, ours, theirs in differ:
        print(f"  {b:12} {k:10} {' '.join(ours):28} | {' '.join(theirs)}")

    path = SHARED_DATA / "allsides_abp" / "articles.jsonl.gz"
    sentences = []
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i == 150:
                    break
                text = json.loads(line)["text"]
                sentences += [text[s:e] for _, s, e, _ in segment(text)]
    table = agency_eval.load_labels()
    engines = {"framing": (en.verb_forms, en.lemma_of), "lemminflect": (li_forms, li_lemma)}
    for name, (forms, lemma) in engines.items():
        en.verb_forms, en.lemma_of = forms, lemma
        inflect.verb_forms, inflect.lemma_of = forms, lemma
        caches = (inflect._form_index, words._kinds, words._readings, words._free_class, words._verbs)
        for c in caches:
            c.cache_clear()
        for split in ("dev", "heldout"):
            scores = agency_eval.evaluate(table[table["split"] == split])[0].set_index("measure")
            row = scores.loc[["passive (clause)", "reduced relative (clause)"], ["precision", "recall"]]
            acc = scores.loc["role accuracy", "precision"]
            print(f"{name:12} {split:8} P/R passive {row.iloc[0].round(3).tolist()} "
                  f"reduced {row.iloc[1].round(3).tolist()} role accuracy {acc:.3f}")
        if sentences:
            best = float("inf")
            for _ in range(3):
                for c in caches:
                    c.cache_clear()
                t0 = time.perf_counter()
                for s in sentences:
                    groups.parse(s)
                best = min(best, time.perf_counter() - t0)
            distinct = sorted({w for s in sentences for w in s.lower().split() if w.isalpha()})
            t0 = time.perf_counter()
            for w in distinct:
                en.lemma_of(w)
            print(f"{name:12} parse {len(sentences)} sentences {best:.2f} s (best of 3); "
                  f"lemma_of on {len(distinct)} words {time.perf_counter() - t0:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
