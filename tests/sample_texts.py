"""Texts for the fast-path tests: the demo corpora, generated articles, mutations and odd strings.

``find_plain`` is ``PatternSet.find`` as first written, the reference both the
text engine's and the measures' matching are checked against.
"""

from __future__ import annotations

from tests.shared_data import SHARED_DATA, newswcl50_articles


def generated_texts(n: int) -> list[str]:
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("_generate", path)
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # its dataclass looks itself up there
    spec.loader.exec_module(gen)
    pool = gen.load_pool(use_shared=SHARED_DATA.exists())
    return [a["title"] + "\n\n" + a["text"] for a in gen.iter_articles(n, pool, seed=1)]


def mutations(texts: list[str], n: int, seed: int = 0) -> list[str]:
    """Texts with boundary-like pieces spliced in at random places."""
    import random

    rng = random.Random(seed)
    pieces = ["...", ". ", '."', '?"', "!", " (AP).", " U.S.", " Mr.", " J. ", " 3.5.",
              " No. 4", " etc.) ", "\n", "--", " e.g. the", " 1990. The", "’", "”. ",
              " a.m. Israeli", " St. Louis.", "!!! I", "?! ", " .", ". .", " F.B.I. director",
              "»", "«", ":", " 2. and", " Gen. Smith", ".)", "'. ", "\t", " -- ", "\u00a0"]
    out = []
    for i in range(n):
        chars = list(texts[i % len(texts)][:400])
        for _ in range(8):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(pieces))
        out.append("".join(chars))
    return out


def corpus_texts() -> list[str]:
    from framing import load_example

    texts = []
    for name in ("rafah", "plant-closure"):
        arts = load_example(name).articles
        texts += arts["text"].tolist() + arts["title"].tolist()
    if SHARED_DATA.exists():
        import json

        texts += newswcl50_articles()["text"].tolist()
        with open(SHARED_DATA / "newsmtsc" / "train.jsonl", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= 3000:
                    break
                texts.append(json.loads(line).get("sentence", ""))
    return texts


def find_plain(ps, tokens):
    """PatternSet.find as first written: candidates worked out at every token."""
    from framing._nlp.match import singular
    from framing._nlp.text import abbreviation_key

    out, n, i, exact = [], len(tokens), 0, ps._exact
    while i < n:
        tok = tokens[i]
        cands = exact.get(tok)
        key = abbreviation_key(tok)
        if key != tok and key in exact:
            cands = sorted((cands or []) + [p for p in exact[key] if p.acronym[0]], key=lambda p: -len(p.tokens))
        if ps.inflect:
            base = singular(tok)
            if base != tok and base in exact:
                cands = sorted((cands or []) + exact[base], key=lambda p: -len(p.tokens))
        if ps._glob_prefix is not None and ps._glob_prefix.match(tok):
            cands = sorted((cands or []) + ps._glob_first, key=lambda p: -len(p.tokens))
        best = None
        for pat in cands or []:
            m = len(pat.tokens)
            if i + m <= n and all(ps._token_matches(pat, k, tokens[i + k]) for k in range(m)):
                best = pat
                break
        if best is None:
            i += 1
        else:
            out.append((best.index, i, i + len(best.tokens)))
            i += len(best.tokens)
    return out



ODD_TEXT = list("ab1s.'-,:_ \n’‘“”«»`´ʼ′‐‑\u00a0()\"!?;—–…/&$%") + [
    "u.s.", "'s", "1,200", "21st", "é", "e\u0301", "ß", "İ", "Σ", "ΟΔΟΣ", "٣", "²", "½", "don't",
    "\x00", "\u02e0", "x.y.", "-abc", "abc-", ".5", "3.5bn", "o'brien", "dogs'", "'sun", "\t",
]


def odd_texts(n: int, seed: int = 0) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(ODD_TEXT) for _ in range(rng.randrange(40))) for _ in range(n)]
