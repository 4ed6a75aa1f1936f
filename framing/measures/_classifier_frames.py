"""``frames(corpus, classifier=clf)``: a fitted FrameClassifier applied to a corpus.

The classifier scores units of text (sentences, paragraphs or whole
articles). Each article gets, for every frame, the expected share of its
units that have the frame (the mean of the calibrated probabilities) and the
share the classifier assigns it; outlets get the mean over their articles,
with a bootstrap interval over articles and a permutation test, as on the
dictionary path. The evidence is the sentences the classifier gives each
frame, most probable first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.exceptions import NotFittedError
from sklearn.utils.validation import check_is_fitted

from ._ladder import finish, stack_groups, within_strata
from ._mentions import attach_groups
from ._stats import bh_fdr, check_random_state, group_bootstrap, permutation_pvalue

__all__ = [
    "UNITS",
    "classifier_frames",
    "CLASSIFIER_GROUP_COLUMNS",
    "CLASSIFIER_ARTICLE_COLUMNS",
    "CLASSIFIER_SENTENCE_COLUMNS",
    "CLASSIFIER_MENTION_COLUMNS",
]

UNITS = ("sentence", "paragraph", "article")

CLASSIFIER_GROUP_COLUMNS = (
    "frame",
    "n_articles",
    "n_units",
    "units",
    "estimate",
    "ci_low",
    "ci_high",
    "predicted_share",
    "dominant_share",
    "p_value",
    "q_value",
)
CLASSIFIER_ARTICLE_COLUMNS = (
    "doc_id",
    "outlet",
    "frame",
    "n_units",
    "units",
    "share",
    "predicted_share",
    "dominant",
)
_UNIT_COLUMNS = ("doc_id", "outlet", "sent_id", "section", "frame", "probability")
CLASSIFIER_SENTENCE_COLUMNS = (*_UNIT_COLUMNS, "evoked", "sentence")
CLASSIFIER_MENTION_COLUMNS = (*_UNIT_COLUMNS, "rank", "sentence")


def check_classifier(classifier) -> None:
    """A fitted classifier, or a ValueError saying what to do."""
    try:
        check_is_fitted(classifier, "coef_")
    except NotFittedError:
        raise ValueError(
            "the FrameClassifier is not fitted; call .fit(texts, coding) first, or load a "
            "saved one with FrameClassifier.load(path)"
        ) from None


def _units(corpus, unit: str) -> tuple[list[str], np.ndarray]:
    """Texts of the units and the index (in corpus order) of each unit's article."""
    arts = corpus._articles
    index = {d: i for i, d in enumerate(arts["doc_id"])}
    if unit == "article":
        texts = [
            f"{title}\n\n{text}" if has and str(title).strip() else str(text)
            for title, text, has in zip(
                arts["title"], arts["text"], arts["has_headline"], strict=True
            )
        ]
        return texts, np.arange(len(arts))
    sents = corpus.sentences()
    if unit == "sentence":
        return sents["text"].tolist(), sents["doc_id"].map(index).to_numpy(dtype=int)
    keys = list(zip(sents["doc_id"], sents["paragraph"], strict=True))
    texts: list[str] = []
    owner: list[int] = []
    last = None
    for key, text in zip(keys, sents["text"], strict=True):
        if key != last:
            texts.append(text)
            owner.append(index[key[0]])
            last = key
        else:
            texts[-1] += " " + text
    return texts, np.asarray(owner, dtype=int)


def _score(classifier, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(probabilities, predicted indicator), both (n_units, n_frames)."""
    if not texts:
        k = len(classifier.classes_)
        return np.zeros((0, k)), np.zeros((0, k), dtype=int)
    d = classifier.decision_function(texts)
    return classifier._proba(d), classifier._decide(d)


def _article_arrays(p: np.ndarray, e: np.ndarray, owner: np.ndarray, n_art: int) -> dict:
    k = p.shape[1]
    n_units = np.bincount(owner, minlength=n_art).astype(float)
    prob = np.zeros((n_art, k))
    units = np.zeros((n_art, k))
    np.add.at(prob, owner, p)
    np.add.at(units, owner, e)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_units[:, None] > 0, prob / n_units[:, None], 0.0)
        predicted = np.where(n_units[:, None] > 0, units / n_units[:, None], 0.0)
    dominant = np.full(n_art, -1, dtype=int)
    for a in np.flatnonzero(n_units > 0):
        best = units[a].max()
        tied = np.flatnonzero(units[a] == best)
        dominant[a] = tied[np.argmax(prob[a, tied])]  # ties: the larger summed probability
    return {
        "n_units": n_units,
        "units": units,
        "share": share,
        "predicted": predicted,
        "dominant": dominant,
    }


def classifier_frames(
    corpus,
    classifier,
    *,
    unit: str = "sentence",
    by: str = "outlet",
    level: str = "group",
    within: str | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """The tables of :func:`framing.frames` for ``classifier=`` (see its docstring)."""
    check_classifier(classifier)
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(map(repr, UNITS))}; got {unit!r}")
    names = np.asarray([str(c) for c in classifier.classes_], dtype=object)
    if level in ("sentence", "mention"):
        sents = corpus.sentences()
        p, e = _score(classifier, sents["text"].tolist())
        if level == "sentence":
            return _sentence_table(corpus, sents, p, e, names, by)
        return _mention_table(corpus, sents, p, e, names, by)
    strata = within_strata(corpus, by, within)
    texts, owner = _units(corpus, unit)
    p, e = _score(classifier, texts)
    a = _article_arrays(p, e, owner, len(corpus))
    if level == "article":
        return _article_table(corpus, a, names, by)
    return finish(_group_table(corpus, a, names, by, n_resamples, ci, random_state, strata), ci=ci,
                  n_resamples=n_resamples, within=within, level=level)


def _sentence_table(corpus, sents, p, e, names, by) -> pd.DataFrame:
    n, k = p.shape
    rep = np.repeat(np.arange(n), k)
    out = pd.DataFrame(
        {
            "doc_id": sents["doc_id"].to_numpy(dtype=object)[rep],
            "outlet": sents["outlet"].astype(str).to_numpy(dtype=object)[rep],
            "sent_id": sents["sent_id"].to_numpy(dtype="int64")[rep],
            "section": sents["section"].take(rep).to_numpy(),
            "frame": np.tile(names, n),
            "probability": p.ravel(),
            "evoked": e.ravel().astype(bool),
            "sentence": sents["text"].to_numpy(dtype=object)[rep],
        },
        columns=list(CLASSIFIER_SENTENCE_COLUMNS),
    )
    out["section"] = pd.Categorical(out["section"], categories=sents["section"].cat.categories)
    return attach_groups(out, corpus, by)


def _mention_table(corpus, sents, p, e, names, by) -> pd.DataFrame:
    table = _sentence_table(corpus, sents, p, e, names, by)
    table = table[table["evoked"]].drop(columns="evoked")
    levels = corpus.groups(by)
    order = {g: i for i, g in enumerate(levels)}
    frame_order = {f: i for i, f in enumerate(names)}
    table = table.assign(
        _g=table[by].astype(str).map(order), _f=table["frame"].map(frame_order)
    ).sort_values(["_g", "_f", "probability"], ascending=[True, True, False], kind="stable")
    table["rank"] = table.groupby(["_g", "_f"], sort=False).cumcount().astype("int64") + 1
    cols = [c for c in table.columns if c not in ("_g", "_f", "rank", "sentence")]
    return table[[*cols, "rank", "sentence"]].reset_index(drop=True)


def _article_table(corpus, a: dict, names, by) -> pd.DataFrame:
    arts = corpus._articles
    n, k = a["share"].shape
    rep = np.repeat(np.arange(n), k)
    dominant = np.zeros((n, k), dtype=bool)
    has = a["dominant"] >= 0
    dominant[np.flatnonzero(has), a["dominant"][has]] = True
    out = pd.DataFrame(
        {
            "doc_id": arts["doc_id"].to_numpy(dtype=object)[rep],
            "outlet": arts["outlet"].astype(str).to_numpy(dtype=object)[rep],
            "frame": np.tile(names, n),
            "n_units": a["n_units"][rep].astype("int64"),
            "units": a["units"].ravel().astype("int64"),
            "share": a["share"].ravel(),
            "predicted_share": a["predicted"].ravel(),
            "dominant": dominant.ravel(),
        },
        columns=list(CLASSIFIER_ARTICLE_COLUMNS),
    )
    return attach_groups(out, corpus, by)


def _group_table(corpus, a: dict, names, by, n_resamples, ci, random_state, strata=None) -> pd.DataFrame:
    rng = check_random_state(random_state)
    levels = corpus.groups(by)
    groups = corpus._articles[by].astype(str).where(corpus._articles[by].notna()).to_numpy()
    k = len(names)
    boot = group_bootstrap(
        a["share"], groups, levels, n_resamples=n_resamples, ci=ci, random_state=rng, strata=strata
    )
    if n_resamples:
        p_value = permutation_pvalue(
            a["share"], groups, levels, n_resamples=n_resamples, random_state=rng, strata=strata
        )
    else:
        p_value = np.full(k, np.nan)
    q_value = bh_fdr(p_value)
    dominant = np.zeros((len(groups), k))
    has = a["dominant"] >= 0
    dominant[np.flatnonzero(has), a["dominant"][has]] = 1.0
    means = group_bootstrap(np.hstack([a["predicted"], dominant]), groups, levels, n_resamples=0)
    out = stack_groups(levels, groups, by, lambda g, idx: {
        "frame": names,
        "n_articles": int(boot["n_articles"][g]),
        "n_units": int(a["n_units"][idx].sum()),
        "units": a["units"][idx].sum(axis=0).astype("int64"),
        "estimate": boot["estimate"][g],
        "ci_low": boot["ci_low"][g],
        "ci_high": boot["ci_high"][g],
        "predicted_share": means["estimate"][g, :k],
        "dominant_share": means["estimate"][g, k:],
        "p_value": p_value,
        "q_value": q_value,
    })
    for c in ("n_articles", "n_units"):
        out[c] = out[c].astype("int64")
    return out[[by, *CLASSIFIER_GROUP_COLUMNS]]
