"""NewsWCL50's coded concepts as gold for :func:`framing.suggest_labels`.

Read from ``../shared/data/newswcl50/Annotations.csv`` at run time. A concept's
labels are its coded mentions, normalised (tokens, leading determiners dropped,
singular), pronoun-only mentions and mentions over four tokens left out; its most
frequent label is the seed and the others are the targets a suggestion should
find. Used by tests/measures/test_labels.py and validation/suggest_labels_eval.py.
"""

from __future__ import annotations

import collections

import pandas as pd

from framing._nlp.match import singular
from framing._nlp.text import tokenize
from tests.shared_data import SHARED_DATA

_PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its they
    them their theirs who whom whose which that this these those himself herself itself
    themselves ourselves one""".split()
)
_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
MAX_TOKENS = 4


def normalise(text: str) -> tuple[str, ...]:
    """Tokens of a mention or candidate, normalised for comparison."""
    toks = tokenize(str(text))
    while toks and toks[0] in _DETERMINERS:
        toks = toks[1:]
    return tuple(singular(t) for t in toks)


def read_annotations(root=None) -> pd.DataFrame:
    """Annotations.csv without the "sep=," line, PROPERTY codes left out."""
    path = (root or SHARED_DATA / "newswcl50") / "Annotations.csv"
    ann = pd.read_csv(path, skiprows=1, dtype={"code_mention": str})
    return ann[ann["code_type"] != "PROPERTY"].reset_index(drop=True)


def gold_concepts(ann: pd.DataFrame, min_labels: int = 3) -> list[dict]:
    """Concepts with their seed and target labels (see the module docstring)."""
    out = []
    for (event, name), rows in ann.groupby(["event_id", "code_name"], sort=False):
        labels: collections.Counter = collections.Counter()
        for mention in rows["code_mention"].dropna():
            key = normalise(mention)
            if not key or len(key) > MAX_TOKENS or all(t in _PRONOUNS for t in key):
                continue
            labels[key] += 1
        if len(labels) < min_labels:
            continue
        seed = labels.most_common(1)[0][0]
        out.append(
            {
                "event": int(event),
                "concept": name,
                "code_type": rows["code_type"].iloc[0],
                "seed": " ".join(seed),
                "seed_key": seed,
                "targets": {k: v for k, v in labels.items() if k != seed},
            }
        )
    return out


def _lenient(cand: tuple[str, ...], target: tuple[str, ...]) -> bool:
    if cand == target:
        return True
    a, b = set(cand), set(target)
    return cand[-1] == target[-1] and len(a & b) / len(a | b) >= 0.5


def score(candidates: list[str], concept: dict) -> dict[str, float]:
    """strict / lenient recall and mention coverage of one concept."""
    cands = [c for c in (normalise(x) for x in candidates) if c and c != concept["seed_key"]]
    targets = concept["targets"]
    strict = {t for t in targets if t in cands}
    lenient = {t for t in targets if any(_lenient(c, t) for c in cands)}
    return {
        "strict": len(strict) / len(targets),
        "lenient": len(lenient) / len(targets),
        "coverage": sum(targets[t] for t in strict) / sum(targets.values()),
    }
