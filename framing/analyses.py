"""The registry: every analysis of a comparison, declared once.

An :class:`Analysis` says what one question needs (actors, concepts), how its
tables are made from a corpus, which charts draw them, where the sentences
behind them are (evidence), what it adds to the summary table and to the
per-article features, and how the report explains it. :func:`framing.compare`,
the report, :func:`framing.article_features`, the stream and the command all
loop over :data:`ANALYSES`; none of them names an analysis. Adding a measure
is its module under ``framing/measures/``, one entry here, and its tests (see
CONTRIBUTING.md).

Each ``run`` receives the comparison being built (its ``corpus``, ``by``,
``actors``, ``concepts``, ``n_resamples``, ``ci`` and ``options``) and
``stream(name)``, which returns the random generator of the stream ``name``:
every stream is seeded from the comparison's ``random_state`` and its own
name, so adding, removing or reordering analyses never changes the numbers of
the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from ._version import __version__
from .corpus import Corpus
from .measures._mentions import sentence_tokens
from .measures.actors import actor_sentiment
from .measures.agency import agency, passive_voice
from .measures.frames import frames
from .measures.kwic import kwic
from .measures.labels import label_choices, label_differences
from .measures.loaded import emotive_terms, loaded_language
from .measures.narrative import actor_roles
from .measures.omissions import omissions
from .measures.overview import overview
from .measures.quotes import quotes
from .measures.sentiment import SENTIMENT_METRICS, sentence_scores, sentiment_profile
from .measures.terms import distinctive_terms
from .plot import _comparison as fig

__all__ = ["ANALYSES", "Analysis", "Chart", "Features", "REFERENCES", "analysis", "filter_rows"]

Stream = Callable[[str], np.random.Generator]


@dataclass(frozen=True)
class Chart:
    """A figure of an analysis: ``draw(view, **kwargs) -> Figure``.

    ``needs`` are the tables it draws; ``place`` is where the report shows it:
    ``"section"`` (the analysis' own section), ``"summary"`` (at the top) or
    ``"data"`` (with the description of the corpus).
    """

    name: str
    draw: Callable[..., Any]
    needs: tuple[str, ...]
    place: str = "section"


@dataclass(frozen=True)
class Features:
    """Per-article columns of an analysis for :func:`framing.article_features`.

    ``compute(corpus, by, options)`` returns one row per article with
    ``doc_id`` and the columns; ``sources`` maps each column (or a prefix
    ending in ``_``) to the function whose output explains it.
    """

    part: str
    compute: Callable[[Corpus, str, Mapping[str, Any]], pd.DataFrame]
    sources: Mapping[str, str]


@dataclass(frozen=True)
class Analysis:
    """One question of a comparison, everything about it in one place.

    Attributes
    ----------
    name : str
        Short name; the report's section anchor.
    title, question : str
        The report's section title and the question it answers.
    run : callable
        ``run(comparison, stream) -> dict`` of result tables by name.
    needs : tuple of str
        What the comparison must have for the analysis to run (``"actors"``,
        ``"concepts"``).
    charts : tuple of Chart
    evidence : mapping of str to callable
        ``Comparison.evidence(kind, **where)`` kinds: ``fn(view, **where)``
        returns the sentences behind a figure.
    summary : callable, optional
        ``summary(view) -> dict`` of columns, each a Series indexed by group:
        numeric ones go into ``Comparison.summary()`` (an estimate ``x`` with
        ``x_ci_low``, ``x_ci_high`` and, when the groups were tested,
        ``x_p_value`` and ``x_q_value``), text ones (``distinctive_terms``,
        ``main_frame``) only into the paper table and the report.
    features : Features, optional
        Columns added to :func:`framing.article_features`.
    per_article : callable, optional
        ``per_article(corpus, by, comparison_like) -> DataFrame``: the
        article-level table the stream keeps for this analysis.
    method : str
        The report's method note (HTML).
    references : tuple of str
        Keys of :data:`REFERENCES` the method note cites.
    tables : tuple of (str, str)
        Result tables the report shows in the section, with their captions.
    """

    name: str
    title: str
    question: str
    run: Callable[[Any, Stream], dict[str, pd.DataFrame]]
    needs: tuple[str, ...] = ()
    charts: tuple[Chart, ...] = ()
    evidence: Mapping[str, Callable[..., pd.DataFrame]] = field(default_factory=dict)
    summary: Callable[[Any], dict[str, pd.Series]] | None = None
    features: Features | None = None
    per_article: Callable[..., pd.DataFrame] | None = None
    method: str = ""
    references: tuple[str, ...] = ()
    tables: tuple[tuple[str, str], ...] = ()


# -- shared helpers ----------------------------------------------------------------------


def filter_rows(frame: pd.DataFrame, where: Mapping[str, Any]) -> pd.DataFrame:
    """Rows of ``frame`` whose columns equal the given values (a list keeps any of them)."""
    unknown = [k for k in where if k not in frame.columns]
    if unknown:
        raise ValueError(f"cannot filter on {unknown}; the evidence has columns {list(frame.columns)}")
    keep = np.ones(len(frame), dtype=bool)
    for key, value in where.items():
        values = [value] if isinstance(value, (str, int, float, bool)) else list(value)
        keep &= frame[key].isin(values).to_numpy()
    return frame[keep].reset_index(drop=True)


def _estimate_columns(view, name: str, table: pd.DataFrame) -> dict[str, pd.Series]:
    """Per group: ``name`` (the estimate), ``name_ci_low``, ``name_ci_high`` and, when the table
    tests the groups, ``name_p_value`` and ``name_q_value`` (the same on every row)."""
    t = table.set_index(table[view.by].astype(str))
    t = t[~t.index.duplicated()].reindex(view.groups)
    out = {name: t["estimate"], f"{name}_ci_low": t["ci_low"], f"{name}_ci_high": t["ci_high"]}
    for col in ("p_value", "q_value"):
        if col in t.columns:
            out[f"{name}_{col}"] = t[col].astype(float)
    return out


def _needs_actors(view) -> None:
    if view.actors is None:
        raise ValueError("this comparison has no actors; run framing.compare(corpus, actors=...)")


def _critical_z(ci: float) -> float:
    return float(NormalDist().inv_cdf(1 - (1 - ci) / 2))


# -- the corpus ------------------------------------------------------------------------------


def _run_overview(c, stream: Stream) -> dict[str, pd.DataFrame]:
    return {"overview": overview(c.corpus, by=c.by), "duplicates": c.corpus.duplicates(), "skipped": c.corpus.skipped,
            "boilerplate": c.corpus.boilerplate()}


def _length_features(corpus: Corpus, by: str, options) -> pd.DataFrame:
    sents = corpus.sentences()
    body = (sents["section"].astype(str) != "headline").to_numpy()
    n_tok = np.array([len(t) for t in sentence_tokens(corpus)])
    frame = pd.DataFrame({"doc_id": sents["doc_id"][body], "tok": n_tok[body], "p": sents["paragraph"][body]})
    g = frame.groupby("doc_id", sort=False)
    return pd.DataFrame({"n_words": g["tok"].sum(), "n_sentences": g.size(), "n_paragraphs": g["p"].nunique()}).reset_index()


# -- word choice ----------------------------------------------------------------------------


def _run_terms(c, stream: Stream) -> dict[str, pd.DataFrame]:
    given = c.options.get("min_count")
    # by default 3 (5 in a larger corpus), lowered as far as 1 for a corpus whose terms are all rarer
    min_count = given if given is not None else (3 if len(c.corpus) < 100 else 5)
    while True:
        try:
            terms = distinctive_terms(c.corpus, by=c.by, ngram_range=(1, 2), min_count=min_count, within=c.within,
                                      n_resamples=c.n_resamples, ci=c.ci, random_state=stream("terms"))
            break
        except ValueError as e:
            if not str(e).startswith(f"min_count={min_count} leaves no terms"):
                raise
            if given is not None:
                raise ValueError(f"{e} with min_count= of compare (--min-count of the command)") from None
            if min_count == 1:
                raise ValueError("the articles hold no words to compare (only numbers, punctuation or "
                                 "stop words)") from None
            min_count -= 1
    c.options["min_count"] = min_count
    return {"terms": terms, "house_style": house_style(terms, c.by)}


def house_style(terms: pd.DataFrame, by: str, top: int = 8) -> pd.DataFrame:
    """How each outlet writes: its most over-used house-style terms (names, titles, boilerplate)."""
    style = terms[terms["style"] & (terms["other"] == "rest") & (terms["z"] > 0)]
    style = style.sort_values([by, "z"], ascending=[True, False], kind="stable").groupby(by, sort=False).head(top)
    return style[[by, "term", "style_reason", "count", "rate", "z", "q_value"]].reset_index(drop=True)


def _summary_terms(view) -> dict[str, pd.Series]:
    t = view["terms"]
    z = _critical_z(view.ci)
    t = t[(t["other"] == "rest") & (t["z"] > z) & ~t["rests_on_one_article"] & ~t["style"]]
    top = t.groupby(t[view.by].astype(str), sort=False)["term"].apply(lambda s: ", ".join(s.head(5)))
    return {"distinctive_terms": pd.Series([top.get(g, "") for g in view.groups], index=view.groups, dtype=object)}


def _evidence_term(view, term: str | None = None, window: int = 8, **where) -> pd.DataFrame:
    if term is None:
        raise ValueError("evidence('term', term=...) needs the term (a word, phrase or glob)")
    return filter_rows(kwic(view.corpus, term, window=window, by=view.by), where)


def _run_labels(c, stream: Stream) -> dict[str, pd.DataFrame]:
    rng = stream("labels")
    kw = {"by": c.by, "within": c.within, "n_resamples": c.n_resamples, "random_state": rng}
    return {"labels": label_choices(c.corpus, c.concepts, ci=c.ci, **kw),
            "label_differences": label_differences(c.corpus, c.concepts, **kw)}


def _evidence_label(view, **where) -> pd.DataFrame:
    if view.concepts is None:
        raise ValueError("this comparison has no concepts; run framing.compare(corpus, concepts=...)")
    return filter_rows(label_choices(view.corpus, view.concepts, by=view.by, level="mention"), where)


def _labels_per_article(corpus: Corpus, by: str, c) -> pd.DataFrame:
    return label_choices(corpus, c.concepts, by=by, level="article")


# -- sentiment -------------------------------------------------------------------------------


def _run_sentiment(c, stream: Stream) -> dict[str, pd.DataFrame]:
    kw = {"by": c.by, "n_resamples": c.n_resamples, "ci": c.ci, "random_state": stream("sentiment")}
    return {
        "sentiment": sentiment_profile(c.corpus, within=c.within, **kw),
        "sentiment_articles": sentiment_profile(c.corpus, level="article", by=c.by),
        "sentiment_arc": sentiment_profile(c.corpus, level="arc", **kw),
    }


def _summary_sentiment(view) -> dict[str, pd.Series]:
    s = view["sentiment"]
    return {**_estimate_columns(view, "sentiment", s[s["metric"] == "mean_compound"]),
            **_estimate_columns(view, "headline_sentiment", s[s["metric"] == "headline_compound"])}


def _sentiment_features(corpus: Corpus, by: str, options) -> pd.DataFrame:
    return sentiment_profile(corpus, level="article", by=by)[["doc_id", *SENTIMENT_METRICS]]


def _evidence_sentiment(view, sort: str = "negative", **where) -> pd.DataFrame:
    if sort not in ("negative", "positive"):
        raise ValueError(f"sort must be 'negative' or 'positive', got {sort!r}")
    scores = filter_rows(sentence_scores(view.corpus).rename(columns={"text": "sentence"}), where)
    return scores.sort_values("compound", ascending=sort == "negative", kind="stable").reset_index(drop=True)


# -- loaded language -------------------------------------------------------------------------

#: The lexicons of the loaded-language analysis: (table, lexicon, feature column, what is counted).
LOADED_LEXICONS = (
    ("loaded_language", "emotive", "loaded_rate", "emotive or loaded words"),
    ("hedges", "hedges", "hedge_rate", "hedges"),
    ("intensifiers", "intensifiers", "intensifier_rate", "intensifiers"),
)


def _run_loaded(c, stream: Stream) -> dict[str, pd.DataFrame]:
    kw = {"by": c.by, "within": c.within, "n_resamples": c.n_resamples, "ci": c.ci,
          "random_state": stream("loaded")}
    out = {}
    for name, lexicon, _, _ in LOADED_LEXICONS:
        out[name] = loaded_language(c.corpus, lexicon=lexicon, **kw)
        out[f"{name}_articles"] = loaded_language(c.corpus, lexicon=lexicon, by=c.by, level="article")
    return out


def _summary_loaded(view) -> dict[str, pd.Series]:
    out = {}
    for name, _, _, _ in LOADED_LEXICONS:
        t = view[name]
        out.update(_estimate_columns(view, f"{name}_per_1000", t[t["category"] == "all"]))
    return out


def _loaded_features(corpus: Corpus, by: str, options) -> pd.DataFrame:
    out = pd.DataFrame({"doc_id": corpus._articles["doc_id"].to_numpy()})
    for _, lexicon, column, _ in LOADED_LEXICONS:
        t = loaded_language(corpus, lexicon=lexicon, level="article", by=by)
        t = t[t["category"] == "all"][["doc_id", "rate"]].rename(columns={"rate": column})
        out = out.merge(t, on="doc_id", how="left")
    return out


def _evidence_loaded(view, lexicon: str = "emotive", **where) -> pd.DataFrame:
    return filter_rows(loaded_language(view.corpus, lexicon=lexicon, by=view.by, level="mention"), where)


# -- actors ------------------------------------------------------------------------------------


def _run_actor_sentiment(c, stream: Stream) -> dict[str, pd.DataFrame]:
    kw = {"by": c.by, "within": c.within, "n_resamples": c.n_resamples, "ci": c.ci,
          "random_state": stream("actor_sentiment")}
    return {
        "actor_sentiment": actor_sentiment(c.corpus, c.actors, **kw),
        "actor_sentiment_quoted": actor_sentiment(c.corpus, c.actors, voice="quoted", test=False, **kw),
    }


def _evidence_actor_sentiment(view, **where) -> pd.DataFrame:
    _needs_actors(view)
    return filter_rows(actor_sentiment(view.corpus, view.actors, by=view.by, level="mention"), where)


def _actors_per_article(corpus: Corpus, by: str, c) -> pd.DataFrame:
    return actor_sentiment(corpus, c.actors, by=by, level="article")


def _run_roles(c, stream: Stream) -> dict[str, pd.DataFrame]:
    return {"actor_roles": actor_roles(c.corpus, c.actors, by=c.by, within=c.within, n_resamples=c.n_resamples,
                                       ci=c.ci, random_state=stream("roles"))}


def _evidence_roles(view, **where) -> pd.DataFrame:
    _needs_actors(view)
    return filter_rows(actor_roles(view.corpus, view.actors, by=view.by, level="mention"), where)


def _run_emotive(c, stream: Stream) -> dict[str, pd.DataFrame]:
    kw = {"by": c.by, "within": c.within, "n_resamples": c.n_resamples, "ci": c.ci,
          "random_state": stream("emotive")}
    return {
        "emotive_actors": emotive_terms(c.corpus, c.actors, unit="category", **kw),
        "emotive_terms": emotive_terms(c.corpus, c.actors, unit="term", **kw),
    }


def _evidence_emotive(view, **where) -> pd.DataFrame:
    _needs_actors(view)
    return filter_rows(emotive_terms(view.corpus, view.actors, by=view.by, level="mention"), where)


# -- quotations --------------------------------------------------------------------------------

#: Reporting-verb categories given their own per-article share column.
VERB_CATEGORIES = ("neutral", "doubt", "concession", "emphasis", "accusation", "denial")


def _run_quotes(c, stream: Stream) -> dict[str, pd.DataFrame]:
    kw = {"by": c.by, "actors": c.actors, "within": c.within, "n_resamples": c.n_resamples, "ci": c.ci,
          "random_state": stream("quotes")}
    return {
        "quotes": quotes(c.corpus, by=c.by, actors=c.actors, level="mention"),
        "quote_share": quotes(c.corpus, level="group", what="share", **kw),
        "quote_speakers": quotes(c.corpus, level="group", what="speakers", **kw),
        "quote_verbs": quotes(c.corpus, level="group", what="verbs", **kw),
        "quote_articles": quotes(c.corpus, by=c.by, actors=c.actors, level="article", what="share"),
    }


def _summary_quotes(view) -> dict[str, pd.Series]:
    verbs = view["quote_verbs"]
    return {**_estimate_columns(view, "quoted_share", view["quote_share"]),
            **_estimate_columns(view, "doubt_verb_share", verbs[verbs["category"] == "doubt"])}


def _quotes_features(corpus: Corpus, by: str, options) -> pd.DataFrame:
    q = quotes(corpus, level="article", what="share", by=by)
    out = q[["doc_id", "share", "n_quotes", "n_indirect"]].rename(columns={"share": "quote_share"})
    m = quotes(corpus, level="mention", by=by)
    verbs = m[m["category"].notna()]
    counts = verbs.groupby(["doc_id", "category"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(VERB_CATEGORIES), fill_value=0)
    totals = verbs.groupby("doc_id").size()
    shares = counts.div(totals, axis=0).add_prefix("verb_share_").reset_index()
    return out.merge(shares, on="doc_id", how="left")


def _evidence_quotes(view, **where) -> pd.DataFrame:
    return filter_rows(view["quotes"], where)


# -- agency -----------------------------------------------------------------------------------

#: Measures of passive_voice(level="article") -> article feature columns.
PASSIVE_FEATURES = {"passive": "passive_rate", "agentless_passive": "agentless_passive_rate",
                    "agentless_share": "agentless_share", "intransitive_harm_share": "intransitive_harm_share"}


def _run_agency(c, stream: Stream) -> dict[str, pd.DataFrame]:
    kw = {"by": c.by, "within": c.within, "n_resamples": c.n_resamples, "ci": c.ci}
    out = {
        "passive_voice": passive_voice(c.corpus, random_state=stream("voice"), **kw),
        "passive_voice_articles": passive_voice(c.corpus, by=c.by, level="article"),
    }
    if c.actors is not None:
        out["agency"] = agency(c.corpus, c.actors, random_state=stream("agency"), **kw)
    return out


def _summary_agency(view) -> dict[str, pd.Series]:
    v = view["passive_voice"]
    return _estimate_columns(view, "agentless_passives_per_sentence", v[v["measure"] == "agentless_passive"])


def _passive_features(corpus: Corpus, by: str, options) -> pd.DataFrame:
    p = passive_voice(corpus, level="article", by=by)
    wide = p.pivot_table(index="doc_id", columns="measure", values="rate", aggfunc="first", sort=False)
    return wide.reindex(columns=list(PASSIVE_FEATURES)).rename(columns=PASSIVE_FEATURES).reset_index()


def _evidence_agency(view, **where) -> pd.DataFrame:
    _needs_actors(view)
    return filter_rows(agency(view.corpus, view.actors, by=view.by, level="mention"), where)


def _evidence_passive(view, **where) -> pd.DataFrame:
    return filter_rows(passive_voice(view.corpus, by=view.by, level="mention"), where)


# -- frames -----------------------------------------------------------------------------------


def _run_frames(c, stream: Stream) -> dict[str, pd.DataFrame]:
    dictionary = c.options.get("dictionary", "mfc")
    return {
        "frames": frames(c.corpus, dictionary, by=c.by, within=c.within, n_resamples=c.n_resamples, ci=c.ci,
                         random_state=stream("frames")),
        "frames_articles": frames(c.corpus, dictionary, by=c.by, level="article"),
    }


def _run_classifier_frames(c, stream: Stream) -> dict[str, pd.DataFrame]:
    clf = c.options.get("classifier")
    if clf is None:
        return {}
    unit = c.options.get("unit", "sentence")
    kw = {"classifier": clf, "unit": unit, "by": c.by}
    return {
        "classifier_frames": frames(c.corpus, within=c.within, n_resamples=c.n_resamples, ci=c.ci,
                                    random_state=stream("classifier"), **kw),
        "classifier_frames_articles": frames(c.corpus, level="article", **kw),
        "classifier_model": pd.DataFrame([{
            "labels": ", ".join(map(str, clf.classes_)), "multilabel": bool(clf.multilabel_),
            "n_samples_fit": int(clf.n_samples_fit_), "C": float(clf.C_), "cv_score": float(clf.cv_score_),
            "unit": unit, "framing_version": __version__}]),
    }


def _evidence_classifier_frames(view, **where) -> pd.DataFrame:
    clf = view.options.get("classifier")
    if clf is None:
        raise ValueError("this comparison has no frame classifier; run framing.compare(corpus, classifier=...)")
    return filter_rows(frames(view.corpus, classifier=clf, unit=view.options.get("unit", "sentence"), by=view.by,
                              level="mention"), where)


def _summary_classifier_frames(view) -> dict[str, pd.Series]:
    if "classifier_frames" not in view.tables:
        return {}
    f = view["classifier_frames"]
    out = {}
    for frame, part in f.groupby("frame", sort=False):
        out.update(_estimate_columns(view, f"classifier_frame_{frame}", part))
    return out


def _summary_frames(view) -> dict[str, pd.Series]:
    f = view["frames"]
    f = f[f["frame"] != "other"]
    top = f.sort_values("estimate", ascending=False).groupby(f[view.by].astype(str), sort=False).head(1)
    main = dict(zip(top[view.by].astype(str), top["frame"], strict=True))
    return {"main_frame": pd.Series([main.get(g) for g in view.groups], index=view.groups, dtype=object)}


def _frames_features(corpus: Corpus, by: str, options) -> pd.DataFrame:
    f = frames(corpus, options.get("dictionary", "mfc"), level="article", by=by)
    wide = f.pivot_table(index="doc_id", columns="frame", values="share", aggfunc="first", sort=False)
    wide = wide[[c for c in dict.fromkeys(f["frame"]) if c in wide.columns]].add_prefix("frame_")
    dominant = f[f["dominant"]].drop_duplicates("doc_id").set_index("doc_id")["frame"].rename("dominant_frame")
    return wide.join(dominant).reset_index()


def _evidence_frames(view, **where) -> pd.DataFrame:
    return filter_rows(frames(view.corpus, view.options.get("dictionary", "mfc"), by=view.by, level="mention"),
                       where)


# -- omissions --------------------------------------------------------------------------------


def _run_omissions(c, stream: Stream) -> dict[str, pd.DataFrame]:
    table = omissions(c.corpus, c.actors, c.concepts, by=c.by, within=c.within,
                      terms=c.actors is None and c.concepts is None)
    return {"omissions": table, "omitted": table[table["omitted"]].reset_index(drop=True)}


def _summary_omissions(view) -> dict[str, pd.Series]:
    t = view["omissions"]
    t = t[t["omitted"]]
    named = t[t["kind"] != "term"]
    count = named.groupby(named[view.by].astype(str)).size().reindex(view.groups, fill_value=0)
    rank = t.assign(_k=t["kind"].map({"actor": 0, "concept": 1, "term": 2}))
    rank = rank.sort_values(["_k", "share_other"], ascending=[True, False], kind="stable")
    lists = rank.groupby(rank[view.by].astype(str))["item"].agg(lambda s: ", ".join(map(str, s.head(4))))
    return {"n_omitted": count.astype("int64"),
            "leaves_out": lists.reindex(view.groups).fillna("").astype(object)}


def _evidence_omission(view, item: str, outlet: str | None = None, **where) -> pd.DataFrame:
    """The sentences of the other outlets about ``item`` (what ``outlet`` leaves out)."""
    m = omissions(view.corpus, view.actors, view.concepts, by=view.by, level="mention")
    m = m[m["item"] == item] if len(m) else m
    if not len(m):  # a word the others use
        m = kwic(view.corpus, str(item), by=view.by).rename(columns={"term": "item"})
    if outlet is not None:
        m = m[m[view.by].astype(str) != str(outlet)]
    return filter_rows(m.reset_index(drop=True), where)


# -- the registry ------------------------------------------------------------------------------

#: Works cited by the method notes, by key.
REFERENCES = {
    "bh": "Benjamini, Y. &amp; Hochberg, Y. (1995). Controlling the false discovery rate. <i>JRSS B</i> 57(1), 289-300.",
    "besag": "Besag, J. &amp; Clifford, P. (1991). Sequential Monte Carlo p-values. <i>Biometrika</i> 78(2), 301-304.",
    "boydstun": "Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. &amp; Smith, N. A. (2014). Tracking the "
                "development of media frames within and across policy issues.",
    "card": "Card, D., Boydstun, A. E., Gross, J. H., Resnik, P. &amp; Smith, N. A. (2015). The Media Frames "
            "Corpus. <i>ACL</i>.",
    "hamborg": "Hamborg, F., Zhukova, A. &amp; Gipp, B. (2019). Automated identification of media bias by word "
               "choice and labeling in news articles. <i>JCDL</i>.",
    "newsmtsc": "Hamborg, F. &amp; Donnay, K. (2021). NewsMTSC: a dataset for (multi-)target-dependent sentiment "
                "classification in political news articles. <i>EACL</i>.",
    "vader": "Hutto, C. J. &amp; Gilbert, E. (2014). VADER: a parsimonious rule-based model for sentiment "
             "analysis of social media text. <i>ICWSM</i>.",
    "monroe": "Monroe, B. L., Colaresi, M. P. &amp; Quinn, K. M. (2008). Fightin' words. <i>Political Analysis</i> "
              "16(4), 372-403.",
    "frermann": "Frermann, L., Li, J., Khanehzar, S. &amp; Mikolajczak, G. (2023). Conflicts, villains, "
                "resolutions: towards models of narrative media framing. <i>ACL</i>.",
    "krippendorff": "Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for "
                    "Communication, University of Pennsylvania.",
    "zelen": "Zelen, M. (1971). The analysis of several 2x2 contingency tables. <i>Biometrika</i> 58(1), "
             "129-137.",
    "babe": "Spinde, T. et al. (2021). Neural media bias detection using distant supervision with BABE. "
            "<i>Findings of EMNLP</i>.",
}

_LEXICON_SOURCES = "framing.loaded_language(level='article')"

#: Every analysis of a comparison, in report order.
ANALYSES: tuple[Analysis, ...] = (
    Analysis(
        "overview", "The corpus", "How many articles and words does each outlet contribute?",
        _run_overview,
        charts=(Chart("dashboard", fig.figure_dashboard, ("terms", "sentiment", "loaded_language", "frames"),
                      place="summary"),
                Chart("overview", fig.figure_overview, ("overview",), place="data")),
        features=Features("length", _length_features, {
            "n_words": "framing.Corpus.sentences (tokens of body sentences)",
            "n_sentences": "framing.Corpus.sentences", "n_paragraphs": "framing.Corpus.sentences"}),
    ),
    Analysis(
        "terms", "Word choice: distinctive terms", "Which words and phrases does each outlet use more than the others?",
        _run_terms,
        charts=(Chart("terms", fig.figure_terms, ("terms",)),
                Chart("fightin_words", fig.figure_fightin_words, ("terms",))),
        evidence={"term": _evidence_term},
        summary=_summary_terms,
        tables=(("house_style", "How each outlet writes: house-style terms set apart from the ranking (outlet "
                                "names, honorifics and titles, initials, party tags, boilerplate lines)"),),
        method="Log-odds ratio with an informative Dirichlet prior and its z-score (Monroe, Colaresi &amp; Quinn "
               "2008), each outlet against all other articles. Intervals: percentile bootstrap resampling articles "
               "within each outlet. p-values: permutation of outlet labels across articles (Besag &amp; Clifford "
               "1991 sequential stopping), adjusted with Benjamini &amp; Hochberg (1995). † marks terms whose "
               "distinctiveness rests on a single article; * marks q &lt; 0.05.",
        references=("monroe", "besag", "bh"),
    ),
    Analysis(
        "labels", "Labels for the same thing", "Which words does each outlet choose for the same actors and actions?",
        _run_labels, needs=("concepts",),
        charts=(Chart("labels", fig.figure_labels, ("labels",)),),
        evidence={"label": _evidence_label},
        per_article=_labels_per_article,
        method="Word choice and labelling after Hamborg, Zhukova &amp; Gipp (2019): for each concept, the share of "
               "its mentions that use each label variant (multi-word labels, inflections and globs; the longest "
               "match wins), with bootstrap intervals over articles. Whether outlets differ in their label mix is "
               "tested per concept by permuting outlet labels across articles (table "
               "<code>label_differences</code>).",
        references=("hamborg",),
    ),
    Analysis(
        "sentiment", "Sentiment", "How positive or negative are each outlet's sentences and headlines?",
        _run_sentiment,
        charts=(Chart("sentiment", fig.figure_sentiment, ("sentiment", "sentiment_articles")),
                Chart("arc", fig.figure_arc, ("sentiment_arc",))),
        evidence={"sentiment": _evidence_sentiment},
        summary=_summary_sentiment,
        features=Features("sentiment", _sentiment_features,
                          dict.fromkeys(SENTIMENT_METRICS, "framing.sentiment_profile(level='article')")),
        method="Every sentence is scored with VADER (Hutto &amp; Gilbert 2014; exact re-implementation of "
               "vaderSentiment 3.3.2). Article measures are averaged per outlet with bootstrap intervals over "
               "articles; the between-outlet test permutes outlet labels across articles. VADER does not know "
               "whom a sentence is about; the actor analyses do.",
        references=("vader",),
    ),
    Analysis(
        "loaded", "Loaded language",
        "How much emotive or loaded language, hedging and intensifying does each outlet use?",
        _run_loaded,
        charts=(Chart("loaded", fig.figure_loaded, tuple(name for name, _, _, _ in LOADED_LEXICONS)),),
        evidence={"loaded": _evidence_loaded},
        summary=_summary_loaded,
        features=Features("loaded", _loaded_features, {
            column: f"framing.loaded_language(lexicon={lexicon!r}, level='article')"
            for _, lexicon, column, _ in LOADED_LEXICONS}),
        method="Counts of framing's own lexicons (emotive/loaded terms in 14 categories, hedges, intensifiers; "
               "see framing/lexicons/data/SOURCES.md), per 1,000 words; rates are compared over articles. The "
               "emotive lexicon was validated against the biased words annotated in BABE (Spinde et al. 2021).",
        references=("babe",),
    ),
    Analysis(
        "actor_sentiment", "Sentiment toward actors", "How does each outlet write about each side, in its own voice?",
        _run_actor_sentiment, needs=("actors",),
        charts=(Chart("actor_sentiment", fig.figure_actor_sentiment, ("actor_sentiment",)),
                Chart("relative_sentiment", fig.figure_relative_sentiment, ("actor_sentiment",))),
        evidence={"actor_sentiment": _evidence_actor_sentiment},
        per_article=_actors_per_article,
        method="Every mention of an actor is scored by framing's target-level sentiment model (a logistic "
               "regression over the words around the mention, trained on NewsMTSC, Hamborg &amp; Donnay 2021; "
               "cross-validated macro-F1 0.66 against 0.52 for sentence-level VADER). Mentions inside quotation "
               "marks are set apart (table <code>actor_sentiment_quoted</code>): a quoted speaker's sentiment is "
               "not the outlet's. Means per outlet with bootstrap intervals over articles; the test per actor "
               "permutes outlets across articles.",
        references=("newsmtsc",),
    ),
    Analysis(
        "roles", "Hero, villain, victim", "Whom does each outlet cast as hero, villain or victim?",
        _run_roles, needs=("actors",),
        charts=(Chart("roles", fig.figure_roles, ("actor_roles",)),),
        evidence={"roles": _evidence_roles},
        method="Every mention of an actor is given a narrative role by framing's entity-role model: features "
               "from framing's clause rules (agent or patient of harm, help, blame and suffering verbs; "
               "agentless passives; intransitive harm), emotive words tied to the mention, the mention's "
               "target sentiment and the other mentions of the same actor in the article; a multinomial "
               "logistic model trained on the climate narrative-framing corpus (Frermann et al. 2023; "
               "cross-validated macro-F1 0.49 against 0.36 for a sentiment mapping). Shares of each actor's "
               "mentions per outlet with bootstrap intervals over articles; the test per actor and role "
               "permutes outlets across articles (BH-adjusted).",
        references=("frermann",),
    ),
    Analysis(
        "emotive", "Emotive words by actor", "Which side's people are described with emotive words, in which outlet?",
        _run_emotive, needs=("actors",),
        charts=(Chart("emotive", fig.figure_emotive, ("emotive_actors",)),),
        evidence={"emotive": _evidence_emotive},
        method="Each emotive word is attributed to the nearest actor mentioned in the same sentence (ties are "
               "shared); rates are per 100 mentions of the actor, with bootstrap intervals over the articles "
               "mentioning it.",
    ),
    Analysis(
        "agency", "Who acts, who suffers", "Is each side shown acting, acted upon, or suffering without an agent?",
        _run_agency,
        charts=(Chart("agency", fig.figure_agency, ("agency",)),
                Chart("voice", fig.figure_voice, ("passive_voice", "passive_voice_articles"))),
        evidence={"agency": _evidence_agency, "passive": _evidence_passive},
        summary=_summary_agency,
        features=Features("passive", _passive_features, {
            column: f"framing.passive_voice(level='article'), measure {measure!r}"
            for measure, column in PASSIVE_FEATURES.items()}),
        method="Rules over the shared tokenizer (no parser is available offline): passive voice (forms of be/get "
               "and a past participle, with our list of irregular participles) with or without a by-agent, "
               "intransitive harm ('died', 'lost their lives') and each actor mention's role in its clause. "
               "Measured on a hand-labelled set (docs/validation.md). Shares per outlet with bootstrap intervals "
               "over articles.",
    ),
    Analysis(
        "quotes", "Quotations and reporting verbs",
        "Who gets to speak in each outlet, how much, and introduced with which verbs?",
        _run_quotes,
        charts=(Chart("quotes", fig.figure_quotes, ("quote_share", "quote_speakers", "quote_verbs", "quote_articles")),),
        evidence={"quotes": _evidence_quotes},
        summary=_summary_quotes,
        features=Features("quotes", _quotes_features, {
            "quote_share": "framing.quotes(level='article')", "n_quotes": "framing.quotes(level='article')",
            "n_indirect": "framing.quotes(level='article')",
            "verb_share_": "framing.quotes(level='mention'), column 'category'"}),
        method="Direct, partial and indirect quotations and 'according to' attributions found by rules over the "
               "text (validated on a hand-labelled set; see docs/validation.md). Reporting verbs are classified "
               "with framing's lexicon: 'said' is neutral, 'claimed' and 'alleged' cast doubt, 'admitted' "
               "concedes, 'insisted' emphasises. Shares are computed over articles with bootstrap intervals.",
    ),
    Analysis(
        "omissions", "What each outlet leaves out",
        "Which actors, concepts and words do the other outlets mention that an outlet never or rarely does?",
        _run_omissions,
        charts=(Chart("omissions", fig.figure_omissions, ("omissions",)),),
        evidence={"omission": _evidence_omission},
        summary=_summary_omissions,
        method="For each outlet and item (an actor or a concept; without them, content words that most of the "
               "other outlets' articles contain and at least two other outlets use), the share of the outlet's articles that "
               "mention it against the share of the other outlets' articles (on the same events when the "
               "comparison is within events). An exact one-sided test of whether the outlet mentions it less "
               "(Fisher's exact test; within events its stratified form, Zelen 1971), BH-adjusted over all "
               "rows. An item counts as left out when the others mention it in most of their articles and the "
               "outlet never does (three or more of the others' articles mentioning it), or does significantly "
               "less and in at most half the others' share. Within events, each item is compared on the events "
               "where the others mention it in most of their articles. An "
               "outlet with one article can be seen to leave an item out but never significantly so: "
               "<code>n_articles</code> says how much the row rests on. Mentions count in every voice (a "
               "quotation about an item mentions it).",
        references=("zelen", "bh"),
        tables=(("omitted", "Items each outlet leaves out and the shares behind them (the table omissions "
                            "holds every item tested)"),),
    ),
    Analysis(
        "frames", "Frame dimensions",
        "Which frames (security, humanitarian, legal, political, ...) dominate each outlet's account?",
        _run_frames,
        charts=(Chart("frames", fig.figure_frames, ("frames",)),),
        evidence={"frames": _evidence_frames},
        summary=_summary_frames,
        features=Features("frames", _frames_features, {
            "frame_": "framing.frames(level='article'), column 'share'",
            "dominant_frame": "framing.frames(level='article'), column 'dominant'"}),
        method="framing's dictionary for the 15 dimensions of the Media Frames Corpus (Boydstun et al. 2014; "
               "Card et al. 2015): the share of an article's sentences that evoke each dimension, averaged per "
               "outlet with bootstrap intervals over articles and a permutation test per dimension (BH-adjusted).",
        references=("boydstun", "card"),
    ),
    Analysis(
        "classifier_frames", "Frames from your coding",
        "Which of the frames you coded by hand does each outlet use, as your trained classifier reads it?",
        _run_classifier_frames,
        charts=(Chart("classifier_frames", fig.figure_classifier_frames, ("classifier_frames", "classifier_model")),),
        evidence={"classifier_frames": _evidence_classifier_frames},
        summary=_summary_classifier_frames,
        method="A FrameClassifier trained on the user's own coding: word and phrase TF-IDF, character n-grams "
               "within words and framing's MFC dictionary scores; one linear SVM per frame, with probabilities "
               "calibrated (and, for multi-label coding, thresholds chosen) by cross-validation within the "
               "training texts (the table <code>classifier_model</code> gives the coding and its "
               "cross-validated agreement). The estimate is the mean calibrated probability of the frame over "
               "an article's units, averaged over the outlet's articles; interval: percentile bootstrap over "
               "articles; p: permutation test of outlet labels across articles; q: Benjamini-Hochberg across "
               "frames. Report its agreement with held-out human coding with Krippendorff's alpha "
               "(<code>framing.reliability</code>; Krippendorff 2011).",
        references=("krippendorff",),
    ),
)


def analysis(name: str) -> Analysis:
    """The registry entry ``name``."""
    for a in ANALYSES:
        if a.name == name:
            return a
    raise ValueError(f"The value for `name` must be one of {[a.name for a in ANALYSES]}, but {name!r} was passed.")
