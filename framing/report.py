"""Charts, evidence, the summary table and the HTML report of a :class:`~framing.Comparison`."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .corpus import Corpus

__all__ = ["CHARTS", "EVIDENCE", "overview", "summary_table", "write_report"]


# -- the overview -----------------------------------------------------------------


def overview(corpus: Corpus, *, by: str = "outlet") -> pd.DataFrame:
    """One row per group: articles, words, sentences and headlines.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([{"outlet": "A", "text": "One two. Three."}, {"outlet": "B", "text": "Four."}])
    >>> overview(c)[["outlet", "articles", "words", "sentences"]].values.tolist()
    [['A', 1, 3, 2], ['B', 1, 1, 1]]
    """
    from .measures._mentions import sentence_tokens
    from .corpus import _check_by

    _check_by(corpus, by)
    sents = corpus.sentences()
    words = pd.Series([len(t) for t in sentence_tokens(corpus)], index=sents.index)
    body = sents["section"].astype(str) != "headline"
    arts = corpus.articles
    per_doc = pd.DataFrame(
        {"doc_id": arts["doc_id"], by: arts[by].astype(str), "headline": arts["has_headline"].astype(int)}
    )
    per_doc["words"] = (
        per_doc["doc_id"].map(words[body].groupby(sents.loc[body, "doc_id"]).sum()).fillna(0).astype(int)
    )
    per_doc["sentences"] = per_doc["doc_id"].map(sents[body].groupby("doc_id").size()).fillna(0).astype(int)
    levels = corpus.groups(by)
    g = per_doc.groupby(by)
    out = pd.DataFrame(
        {
            by: levels,
            "articles": g.size().reindex(levels).to_numpy(),
            "words": g["words"].sum().reindex(levels).to_numpy(),
            "sentences": g["sentences"].sum().reindex(levels).to_numpy(),
            "headlines": g["headline"].sum().reindex(levels).to_numpy(),
        }
    )
    out["words_per_article"] = (out["words"] / out["articles"]).round(1)
    return out


# -- helpers ------------------------------------------------------------------------


def _height(c, per_group: float = 0.42, base: float = 1.6) -> float:
    """Figure height for one row per group; outlet names on two lines take more room."""
    from .plot import _n_lines

    lines = _n_lines(c.groups)
    return base + per_group * len(c.groups) + 0.14 * (lines - len(c.groups))


def _title(fig, text: str, fontsize: str = "medium") -> None:
    """A figure title wrapped to the figure's width."""
    from .plot import _fit

    fig.suptitle(_fit(text, fig.get_figwidth(), size=11), fontsize=fontsize)


def _figure(width: float, height: float, ncols: int = 1, nrows: int = 1, **kwargs):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained", squeeze=False, **kwargs)
    return fig, axes


def _ci_text(est, low, high, fmt="{:.2f}") -> str:
    if pd.isna(est):
        return "–"
    if pd.isna(low) or pd.isna(high):
        return fmt.format(est)
    return f"{fmt.format(est)} [{fmt.format(low)}, {fmt.format(high)}]"


def _filter(frame: pd.DataFrame, where: dict[str, Any]) -> pd.DataFrame:
    unknown = [k for k in where if k not in frame.columns]
    if unknown:
        raise ValueError(f"cannot filter on {unknown}; the evidence has columns {list(frame.columns)}")
    keep = np.ones(len(frame), dtype=bool)
    for key, value in where.items():
        values = [value] if isinstance(value, (str, int, float, bool)) else list(value)
        keep &= frame[key].isin(values).to_numpy()
    return frame[keep].reset_index(drop=True)


# -- charts ----------------------------------------------------------------------------


def _chart_overview(c, **kw):
    from .plot import _tick, outlet_palette

    table = c["overview"]
    fig, axes = _figure(7.5, _height(c), ncols=2, sharey=True)
    colors = outlet_palette(c.groups)
    groups = table[c.by].astype(str).tolist()
    y = np.arange(len(groups))
    for ax, column, label in ((axes[0, 0], "articles", "articles"), (axes[0, 1], "words", "words (body text)")):
        values = table[column].to_numpy()
        ax.barh(y, values, color=[colors[g] for g in groups])
        for yi, v in zip(y, values, strict=True):
            ax.annotate(f"{int(v):,}", (v, yi), xytext=(3, 0), textcoords="offset points", va="center",
                        fontsize="small", color="0.3")
        ax.set(xlabel=label)
        ax.margins(x=0.15)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0, 0].xaxis.get_major_locator().set_params(integer=True)
    axes[0, 0].set_yticks(y, [_tick(g) for g in groups])
    axes[0, 0].set_ylim(len(groups) - 0.5, -0.5)
    _title(fig, f"The corpus: articles and words per {c.by}")
    return fig


def _chart_terms(c, top_n: int = 8, **kw):
    from .plot import _balanced, compare_terms

    data = c["terms"]
    kw.setdefault("col_wrap", _balanced(len(c.groups), 4))
    return compare_terms(data[data["other"] == "rest"], by=c.by, order=c.groups, top_n=top_n, **kw)


def _chart_fightin_words(c, label_top: int = 8, **kw):
    from .plot import _grid, outlet_palette, plot_fightin_words

    data = c["terms"]
    colors = outlet_palette(c.groups)
    if len(c.groups) == 2:
        # with two outlets each panel would mirror the other: draw one, both sides in colour
        first, second = c.groups
        fig, axes = _figure(7.5, 5.2)
        plot_fightin_words(data, group=first, by=c.by, label_top=label_top, color=colors[first],
                           other_color=colors[second], other_label=second, ax=axes[0, 0], **kw)
        return fig
    fig, axes = _grid(len(c.groups), 3, 3.6, 1.3)
    for g, ax in zip(c.groups, axes, strict=True):
        plot_fightin_words(data, group=g, by=c.by, label_top=label_top, color=colors[g], legend=False, ax=ax, **kw)
        ax.set_ylabel("z-score vs. the rest")
    _title(fig, "Fightin' Words: each term's frequency and z-score, one outlet against all the others. Terms with "
                "|z| > 1.96 are in the outlet's colour when it uses them more, dark grey when the others do; "
                "light grey: no clear difference.")
    return fig


def _chart_sentiment(c, **kw):
    from .plot import plot_sentiment

    fig, axes = _figure(11, _height(c, base=1.9), ncols=2, sharey=True)
    plot_sentiment(c["sentiment"], articles=c["sentiment_articles"], by=c.by, order=c.groups, ax=axes[0, 0],
                   title="Sentences", **kw)
    plot_sentiment(c["sentiment"], articles=c["sentiment_articles"], metric="headline_compound", by=c.by,
                   order=c.groups, ax=axes[0, 1], title="Headlines", **kw)
    _title(fig, "Sentiment per outlet: articles (dots), mean (diamond) and 95% CI over articles")
    return fig


def _chart_arc(c, **kw):
    from .plot import _balanced, _grid, plot_arc

    data = c["sentiment_arc"]
    if len(c.groups) <= 4:
        fig, axes = _figure(8.5, 4)
        plot_arc(data, by=c.by, order=c.groups, ax=axes[0, 0], **kw)
        return fig
    # many outlets tangle in one panel: one small panel per outlet, the others in grey behind it
    fig, axes = _grid(len(c.groups), 4, 2.5, 1.45, sharex=True, sharey=True)
    for i, (g, ax) in enumerate(zip(c.groups, axes, strict=True)):
        plot_arc(data, by=c.by, order=c.groups, highlight=g, ax=ax, **kw)
        ax.set_title(ax.get_title(), fontsize="small")
        if i % _balanced(len(c.groups), 4):
            ax.set_ylabel("")
        ax.set_xlabel("")
    fig.supxlabel("position in the article", fontsize="small")
    _title(fig, "Sentiment arc: mean sentence sentiment from the top of the article to its end, each outlet "
                "(colour, band: 95% CI over articles) against all the others (grey)")
    return fig


def _chart_loaded(c, **kw):
    from .plot import plot_estimates

    fig, axes = _figure(13, _height(c, base=2.0), ncols=3, sharey=True)
    panels = (
        ("loaded_language", "loaded_language_articles", "emotive or loaded words per 1,000 words"),
        ("hedges", "hedges_articles", "hedges per 1,000 words"),
        ("intensifiers", "intensifiers_articles", "intensifiers per 1,000 words"),
    )
    for ax, (name, arts, label) in zip(axes[0], panels, strict=True):
        data = c[name]
        data = data[data["category"] == "all"]
        articles = c[arts]
        articles = articles[articles["category"] == "all"]
        plot_estimates(data, by=c.by, articles=articles, article_value="rate", order=c.groups, xlabel=label,
                       title=label.split(" per ")[0].capitalize(), zero_line=False, ax=ax, **kw)
        _from_zero(ax)
    _title(fig, "Loaded language per outlet: articles (dots), mean rate (diamond) and 95% CI over articles")
    return fig


def _from_zero(ax) -> None:
    """Start the x-axis at zero (rates and shares), with room for a marker at zero."""
    right = ax.get_xlim()[1]
    ax.set_xlim(-0.03 * right, right)


def _top_actors(data: pd.DataFrame, top: int | None) -> list[str]:
    """Actors by mentions over all groups, most first; actors nobody mentions left out."""
    mentions = data.groupby("actor", sort=False)["n_mentions"].sum().sort_values(ascending=False, kind="stable")
    actors = [a for a in mentions.index if mentions[a] > 0]
    return actors[:top] if top else actors


def _unmentioned(data: pd.DataFrame) -> list[str]:
    """Actors that no group mentions (left out of the charts, named in their titles)."""
    mentions = data.groupby("actor", sort=False)["n_mentions"].sum()
    return [str(a) for a in mentions.index if mentions[a] == 0]


def _heatmap_width(n_cols: int, per_col: float = 0.8) -> float:
    return 3.6 + per_col * n_cols


def _chart_emotive(c, category: str = "all", top: int = 12, **kw):
    from .plot import plot_heatmap

    data = c["emotive_actors"]
    data = data[data["category"] == category]
    mentioned = _top_actors(data, None)
    actors = mentioned[:top]
    data = data[data["actor"].isin(actors)]
    fig, axes = _figure(max(_heatmap_width(len(actors)), 6.5), _height(c, base=2.6))
    plot_heatmap(data, row=c.by, col="actor", value="estimate", row_order=c.groups, col_order=actors, center=None,
                 fmt="{:.0f}", colorbar_label="emotive words per 100 mentions", ax=axes[0, 0], **kw)
    shown = f"the {len(actors)} most mentioned of {len(mentioned)} actors" if len(mentioned) > len(actors) else ""
    unmentioned = _unmentioned(c["emotive_actors"])
    _title(fig, "Emotive words in sentences about each actor, per 100 mentions"
                + (f" ({shown})" if shown else "") + ". — not mentioned; † one article, no interval."
                + (f" No outlet mentions: {', '.join(unmentioned)}." if unmentioned else ""))
    return fig


def _chart_actor_sentiment(c, top: int = 10, **kw):
    from .plot import plot_heatmap

    data = c["actor_sentiment"]
    mentioned = _top_actors(data, None)
    actors = mentioned[:top]
    data = data[data["actor"].isin(actors)]
    fig, axes = _figure(max(_heatmap_width(len(actors), 0.85), 6.5), _height(c, base=2.6))
    plot_heatmap(data, row=c.by, col="actor", value="estimate", row_order=c.groups, col_order=actors,
                 center=0.0, fmt="{:+.2f}", colorbar_label="mean target sentiment (−1 to +1)", ax=axes[0, 0], **kw)
    shown = f" (the {len(actors)} most mentioned of {len(mentioned)} actors)" if len(mentioned) > len(actors) else ""
    unmentioned = _unmentioned(c["actor_sentiment"])
    _title(fig, f"Sentiment toward each actor in the outlet's own voice{shown}. Hatched: 95% CI includes 0; "
                "— not mentioned; † one article, no interval."
                + (f" No outlet mentions: {', '.join(unmentioned)}." if unmentioned else ""))
    return fig


def _chart_frames(c, **kw):
    from .plot import plot_heatmap

    data = c["frames"]
    data = data.assign(frame=data["frame"].str.replace("_", " "))
    dims = data[data["frame"] != "other"]
    residual = data[data["frame"] == "other"]
    n_dims = dims["frame"].nunique()
    fig, axes = _figure(14, _height(c, base=3.0), ncols=2, sharey=True,
                        gridspec_kw={"width_ratios": [n_dims + 1.5, 1.4]})
    plot_heatmap(dims, row=c.by, col="frame", value="estimate", row_order=c.groups, center=None,
                 fmt="{:.2f}", colorbar_label="share of sentences", ax=axes[0, 0], **kw)
    # the residual (sentences that evoke no dimension) is much larger than any dimension:
    # on its own grey scale, so that it does not wash out the colours of the dimensions
    plot_heatmap(residual.assign(frame="no dimension"), row=c.by, col="frame", value="estimate",
                 row_order=c.groups, center=None, cmap="Greys", fmt="{:.2f}", colorbar=False, ax=axes[0, 1],
                 vmin=0, vmax=1.5)
    axes[0, 1].tick_params(labelleft=False)
    _title(fig, "Frame dimensions: share of each outlet's sentences that evoke each one (a sentence can evoke "
                "several; right: share that evokes none). † one article, no interval.")
    return fig


_RESIDUAL = {"(other)": "#bdbdbd", "(unattributed)": "#dedede", "(none)": "#e8e8e8"}


def _top_parts(data: pd.DataFrame, part: str, top: int = 8) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """The ``top`` most frequent parts overall, the rest lumped as "(other)".

    Returns the table, the segment order (residual groups last) and grey
    colours for the residual groups.
    """
    totals = data.groupby(part, sort=False)["count"].sum()
    totals = totals[totals > 0].sort_values(ascending=False, kind="stable")
    named = [p for p in totals.index if p not in _RESIDUAL][:top]
    out = data.copy()
    out[part] = np.where(out[part].isin(named) | out[part].isin(list(_RESIDUAL)), out[part], "(other)")
    residual = [r for r in _RESIDUAL if r in set(out[part])]
    return out, named + residual, {r: _RESIDUAL[r] for r in residual}


def _chart_labels(c, **kw):
    from .plot import compare_labels

    data = c["labels"]
    # concepts no outlet names would be empty panels
    used = data.groupby("concept", sort=False)["count"].sum()
    data = data[data["concept"].isin(used[used > 0].index)]
    fig = compare_labels(data, by=c.by, order=c.groups, **kw)
    unused = [str(k) for k in used.index if used[k] == 0]
    _title(fig, "Labels each outlet chooses for the same thing: share of each concept's mentions per label"
                + (f" (no outlet names: {', '.join(unused)})" if unused else ""))
    return fig


def _chart_quotes(c, **kw):
    from .plot import _LINE, _legend_shape, plot_composition, plot_estimates

    speakers = c["quote_speakers"]
    part = "actor" if "actor" in speakers.columns else "speaker"
    speakers, speaker_order, speaker_colors = _top_parts(speakers, part)
    verbs, verb_order, verb_colors = _top_parts(c["quote_verbs"], "category", top=9)
    legend_rows = max(_legend_shape(order, 4.4)[1] for order in (speaker_order, verb_order))
    fig, axes = _figure(17, _height(c, base=2.4) + 1.1 * _LINE * legend_rows, ncols=3, sharey=True)
    arts = c["quote_articles"]
    plot_estimates(c["quote_share"], by=c.by, articles=arts, article_value="share", order=c.groups,
                   xlabel="share of words inside quotation marks", title="How much is quoted",
                   zero_line=False, ax=axes[0, 0])
    _from_zero(axes[0, 0])
    plot_composition(speakers, by=c.by, part=part, order=c.groups, part_order=speaker_order, colors=speaker_colors,
                     xlabel="share of quotations and attributions (counts inside the bars)", title="Who is quoted",
                     empty="no quotations", ax=axes[0, 1])
    plot_composition(verbs, by=c.by, part="category", order=c.groups, part_order=verb_order, colors=verb_colors,
                     xlabel="share of reporting verbs (counts inside the bars)", title="With which reporting verbs",
                     empty="no reporting verbs", ax=axes[0, 2])
    return fig


def _chart_voice(c, **kw):
    from .plot import plot_estimates

    fig, axes = _figure(12, _height(c, base=1.9), ncols=2, sharey=True)
    voice = c["passive_voice"]
    arts = c["passive_voice_articles"]
    panels = (
        ("agentless_passive", "agentless passives per sentence", "Agentless passives (“were killed”)"),
        ("intransitive_harm_share", "share of harm verbs that are intransitive", "“Died” instead of “killed”"),
    )
    for ax, (measure, label, title) in zip(axes[0], panels, strict=True):
        plot_estimates(voice[voice["measure"] == measure], by=c.by, order=c.groups,
                       articles=arts[arts["measure"] == measure], article_value="rate", xlabel=label,
                       title=title, zero_line=False, ax=ax)
        _from_zero(ax)
    _title(fig, "Passive voice and agentless harm: articles (dots), mean (diamond) and 95% CI over articles")
    return fig


_ROLE_ORDER = ["agent", "patient", "passive_subject", "passive_subject_with_agent", "intransitive_harm", "other"]
#: Fixed role colours (Paul Tol's light scheme, apart from the outlet colours): the
#: roles that hide an agent (agentless passive, "died") are the warm ones.
_ROLE_COLORS = {"agent": "#77AADD", "patient": "#44BB99", "passive_subject": "#EE8866",
                "passive_subject_with_agent": "#EEDD88", "intransitive_harm": "#FFAABB", "other": "#dddddd"}
_ROLE_NAMES = {"agent": "agent (acts)", "patient": "object of an active verb",
               "passive_subject": "agentless passive (“were killed”)",
               "passive_subject_with_agent": "passive with agent (“killed by”)",
               "intransitive_harm": "“died”, “lost their lives”", "other": "other"}


def _chart_agency(c, top: int = 6, **kw):
    import matplotlib.pyplot as plt

    from .plot import _balanced, _grid, plot_composition

    data = c["agency"]
    mentions = data.groupby("actor", sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
    actors = [a for a in mentions.index if mentions[a] > 0][:top]
    height = _height(c, per_group=0.34, base=1.3)
    fig, axes = _grid(len(actors), 2, height, 6.2 / height)
    for i, (actor, ax) in enumerate(zip(actors, axes, strict=True)):
        part = data[data["actor"] == actor]
        plot_composition(part, by=c.by, part="role", order=c.groups, part_order=_ROLE_ORDER, colors=_ROLE_COLORS,
                         xlabel="share of the actor's mentions", title=actor, legend=False, ax=ax)
        if i % _balanced(len(actors), 2):
            ax.tick_params(labelleft=False)
    handles = [plt.Rectangle((0, 0), 1, 1, color=_ROLE_COLORS[r]) for r in _ROLE_ORDER]
    fig.legend(handles, [_ROLE_NAMES[r] for r in _ROLE_ORDER], loc="outside lower center", ncols=3,
               frameon=False, fontsize="small", title="grammatical role of the mention", title_fontsize="small")
    _title(fig, "Who acts and who suffers: the grammatical role each outlet gives each actor "
                "(counts inside the bars; n = mentions)")
    return fig


def _chart_dashboard(c, **kw):
    """One page: sentiment, loaded language, frames and the top terms."""
    import matplotlib.pyplot as plt

    from .plot import (
        SINGLE,
        _balanced,
        _same_xlim,
        plot_estimates,
        plot_heatmap,
        plot_sentiment,
        plot_terms,
    )

    k = len(c.groups)
    ncols = _balanced(k, 4)
    nrows = int(np.ceil(k / ncols))
    top_height = _height(c, per_group=0.36, base=2.2)
    fig = plt.figure(figsize=(16, top_height + 2.7 * nrows + 0.4), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[top_height, 2.7 * nrows])
    ax1, ax2, ax3 = top.subplots(1, 3, gridspec_kw={"width_ratios": [1, 0.8, 1.2]})
    plot_sentiment(c["sentiment"], articles=c["sentiment_articles"], by=c.by, order=c.groups, ax=ax1,
                   title="Sentence sentiment")
    loaded = c["loaded_language"]
    arts = c["loaded_language_articles"]
    plot_estimates(loaded[loaded["category"] == "all"], by=c.by, order=c.groups,
                   articles=arts[arts["category"] == "all"], article_value="rate",
                   xlabel="emotive or loaded words per 1,000 words", title="Loaded language", zero_line=False, ax=ax2)
    _from_zero(ax2)
    ax2.tick_params(labelleft=False)
    frames = c["frames"]
    frames = frames[frames["frame"] != "other"].assign(frame=lambda d: d["frame"].str.replace("_", " "))
    top_frames = frames.groupby("frame")["estimate"].mean().sort_values(ascending=False).head(6).index
    plot_heatmap(frames[frames["frame"].isin(top_frames)], row=c.by, col="frame", value="estimate",
                 row_order=c.groups, col_order=list(top_frames), center=None, colorbar_label="share of sentences",
                 ax=ax3)
    ax3.set_title("Main frame dimensions (share of sentences)", fontsize="medium")
    top.suptitle("Dots: articles; diamonds: means with 95% CI over articles; "
                 f"{SINGLE}: one article, no interval", fontsize="small", color="0.3")
    terms = c["terms"]
    axes = np.atleast_1d(bottom.subplots(nrows, ncols, squeeze=False)).ravel()
    for g, ax in zip(c.groups, axes, strict=False):
        plot_terms(terms[terms["other"] == "rest"], group=g, by=c.by, top_n=6, ax=ax)
        ax.set_xlabel("log-odds vs. rest")
    for ax in axes[k:]:
        ax.set_visible(False)
    _same_xlim(axes[:k])
    bottom.suptitle(f"Distinctive words: the 6 with the highest z per outlet, longest bar on top "
                    f"(95% CI over articles; hatched {SINGLE}: rests on one article)", fontsize="medium")
    fig.suptitle(f"framing: {len(c.corpus)} articles from {k} {c.by}s", fontsize="large")
    return fig


#: Chart name -> (function, tables it needs, title)
CHARTS: dict[str, Callable[..., Any]] = {
    "dashboard": _chart_dashboard,
    "overview": _chart_overview,
    "terms": _chart_terms,
    "fightin_words": _chart_fightin_words,
    "sentiment": _chart_sentiment,
    "arc": _chart_arc,
    "loaded": _chart_loaded,
    "emotive": _chart_emotive,
    "frames": _chart_frames,
    "actor_sentiment": _chart_actor_sentiment,
    "labels": _chart_labels,
    "quotes": _chart_quotes,
    "voice": _chart_voice,
    "agency": _chart_agency,
}
_NEEDS = {
    "dashboard": ("terms", "sentiment", "loaded_language", "frames"),
    "overview": ("overview",),
    "terms": ("terms",),
    "fightin_words": ("terms",),
    "sentiment": ("sentiment", "sentiment_articles"),
    "arc": ("sentiment_arc",),
    "loaded": ("loaded_language", "hedges", "intensifiers"),
    "emotive": ("emotive_actors",),
    "frames": ("frames",),
    "actor_sentiment": ("actor_sentiment",),
    "labels": ("labels",),
    "quotes": ("quote_share", "quote_speakers", "quote_verbs", "quote_articles"),
    "voice": ("passive_voice", "passive_voice_articles"),
    "agency": ("agency",),
}


def chart_available(c, name: str) -> bool:
    """Whether comparison ``c`` holds the tables chart ``name`` needs."""
    return all(t in c.tables for t in _NEEDS.get(name, ()))


# -- evidence ----------------------------------------------------------------------------


def _evidence_term(c, term: str | None = None, window: int = 8, **where):
    from .measures.labels import kwic

    if term is None:
        raise ValueError("evidence('term', term=...) needs the term (a word, phrase or glob)")
    return _filter(kwic(c.corpus, term, window=window, by=c.by), where)


def _evidence_label(c, **where):
    from .measures.labels import label_choices

    if c.concepts is None:
        raise ValueError("this comparison has no concepts; run framing.compare(corpus, concepts=...)")
    return _filter(label_choices(c.corpus, c.concepts, by=c.by, level="mention"), where)


def _evidence_sentiment(c, sort: str = "negative", **where):
    from .measures.sentiment import sentence_scores

    if sort not in ("negative", "positive"):
        raise ValueError(f"sort must be 'negative' or 'positive', got {sort!r}")
    scores = sentence_scores(c.corpus).rename(columns={"text": "sentence"})
    scores = _filter(scores, where)
    return scores.sort_values("compound", ascending=sort == "negative", kind="stable").reset_index(drop=True)


def _evidence_emotive(c, **where):
    from .measures.loaded import emotive_terms

    if c.actors is None:
        raise ValueError("this comparison has no actors; run framing.compare(corpus, actors=...)")
    return _filter(emotive_terms(c.corpus, c.actors, by=c.by, level="mention"), where)


def _evidence_loaded(c, lexicon: str = "emotive", **where):
    from .measures.loaded import loaded_language

    return _filter(loaded_language(c.corpus, lexicon=lexicon, by=c.by, level="mention"), where)


def _evidence_frames(c, **where):
    from .measures.frames import frames

    return _filter(frames(c.corpus, by=c.by, level="mention"), where)


def _evidence_agency(c, **where):
    from .measures.agency import agency

    if c.actors is None:
        raise ValueError("this comparison has no actors; run framing.compare(corpus, actors=...)")
    return _filter(agency(c.corpus, c.actors, by=c.by, level="mention"), where)


def _evidence_passive(c, **where):
    from .measures.agency import passive_voice

    return _filter(passive_voice(c.corpus, by=c.by, level="mention"), where)


def _evidence_actor_sentiment(c, **where):
    from .measures.actors import actor_sentiment

    if c.actors is None:
        raise ValueError("this comparison has no actors; run framing.compare(corpus, actors=...)")
    return _filter(actor_sentiment(c.corpus, c.actors, by=c.by, level="mention"), where)


def _evidence_quotes(c, **where):
    return _filter(c["quotes"], where)


EVIDENCE: dict[str, Callable[..., pd.DataFrame]] = {
    "label": _evidence_label,
    "agency": _evidence_agency,
    "actor_sentiment": _evidence_actor_sentiment,
    "passive": _evidence_passive,
    "quotes": _evidence_quotes,
    "term": _evidence_term,
    "sentiment": _evidence_sentiment,
    "emotive": _evidence_emotive,
    "loaded": _evidence_loaded,
    "frames": _evidence_frames,
}


# -- the summary table -------------------------------------------------------------------


def summary_table(c) -> pd.DataFrame:
    """See :meth:`framing.Comparison.summary`."""
    by = c.by
    out = c["overview"][[by, "articles", "words"]].copy()
    out[by] = out[by].astype(str)

    def add(name: str, table: pd.DataFrame, fmt: str = "{:.2f}"):
        t = table.set_index(table[by].astype(str))
        t = t[~t.index.duplicated()].reindex(out[by])
        out[name] = t["estimate"].to_numpy()
        out[f"{name}_ci"] = [
            _ci_text(e, lo, hi, fmt) for e, lo, hi in zip(t["estimate"], t["ci_low"], t["ci_high"], strict=True)
        ]

    if "sentiment" in c.tables:
        s = c["sentiment"]
        add("sentiment", s[s["metric"] == "mean_compound"])
        add("headline_sentiment", s[s["metric"] == "headline_compound"])
    if "loaded_language" in c.tables:
        for name in ("loaded_language", "hedges", "intensifiers"):
            t = c[name]
            add(f"{name}_per_1000", t[t["category"] == "all"], "{:.1f}")
    if "passive_voice" in c.tables:
        v = c["passive_voice"]
        add("agentless_passives_per_sentence", v[v["measure"] == "agentless_passive"])
    if "quote_share" in c.tables:
        add("quoted_share", c["quote_share"])
        verbs = c["quote_verbs"]
        add("doubt_verb_share", verbs[verbs["category"] == "doubt"])
    if "frames" in c.tables:
        f = c["frames"]
        f = f[f["frame"] != "other"]
        top = f.sort_values("estimate", ascending=False).groupby(f[by].astype(str), sort=False).head(1)
        out["main_frame"] = out[by].map(dict(zip(top[by].astype(str), top["frame"], strict=True)))
    if "terms" in c.tables:
        t = c["terms"]
        t = t[(t["other"] == "rest") & (t["z"] > 1.96) & ~t["single_article"]]
        top = t.groupby(t[by].astype(str), sort=False)["term"].apply(lambda s: ", ".join(s.head(5)))
        # (map with a function: an empty ``top`` would give a float column that cannot take "")
        out["distinctive_terms"] = out[by].map(lambda g: top.get(g, ""))
    return out


# -- HTML ------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1180px;
padding:0 1.5rem 1.5rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.7rem;margin:1.5rem 0 .2rem} h2{margin-top:2.4rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
h2,h3{scroll-margin-top:4.5rem}
.question{font-size:1.05rem;color:#333}
figure{margin:.6rem 0} figure img{display:block;max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.8rem;color:#666}
.table{overflow-x:auto;margin:.6rem 0;border:1px solid #eee}
table{border-collapse:collapse;font-size:.85rem}
th,td{padding:.25rem .55rem;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top;white-space:nowrap}
td.long,th.long{white-space:normal;min-width:16rem;max-width:32rem}
th{background:#f5f5f5;white-space:normal;min-width:4rem}
tbody th,td:first-child,th:first-child{position:sticky;left:0;background:#fff;z-index:1;white-space:normal;
min-width:9rem;box-shadow:1px 0 0 #e4e4e4} thead th:first-child{background:#f5f5f5}
details{margin:.5rem 0 1rem} summary{cursor:pointer;color:#0b5394}
nav{position:sticky;top:0;z-index:2;background:rgba(255,255,255,.96);border-bottom:1px solid #e4e4e4;
padding:.45rem 0;font-size:.92rem;white-space:nowrap;overflow-x:auto} nav a{margin-right:.8rem}
.note{color:#555;font-size:.9rem} code{background:#f3f3f3;padding:0 .2rem}
.synthetic{background:#fff6d6;border:1px solid #e7d48a;padding:.5rem .8rem}
"""

_SECTIONS: list[tuple[str, str, str, list[str], str]] = [
    # (anchor, title, the question, charts, method note with citations)
    ("terms", "Word choice: distinctive terms",
     "Which words and phrases does each outlet use more than the others?",
     ["terms", "fightin_words"],
     "Log-odds ratio with an informative Dirichlet prior and its z-score (Monroe, Colaresi &amp; Quinn 2008), "
     "each outlet against all other articles. Intervals: percentile bootstrap resampling articles within "
     "each outlet. p-values: permutation of outlet labels across articles (Besag &amp; Clifford 1991 "
     "sequential stopping), adjusted with Benjamini &amp; Hochberg (1995). † marks terms whose "
     "distinctiveness rests on a single article; * marks q &lt; 0.05."),
    ("labels", "Labels for the same thing", "Which words does each outlet choose for the same actors and actions?",
     ["labels"],
     "Word choice and labelling after Hamborg, Zhukova &amp; Gipp (2019): for each concept, the share of its "
     "mentions that use each label variant (multi-word labels, inflections and globs; the longest match "
     "wins), with bootstrap intervals over articles. Whether outlets differ in their label mix is tested per "
     "concept by permuting outlet labels across articles (table <code>label_differences</code>)."),
    ("sentiment", "Sentiment", "How positive or negative are each outlet's sentences and headlines?",
     ["sentiment", "arc"],
     "Every sentence is scored with VADER (Hutto &amp; Gilbert 2014; exact re-implementation of "
     "vaderSentiment 3.3.2). Article measures are averaged per outlet with bootstrap intervals over "
     "articles; the between-outlet test permutes outlet labels across articles. VADER does not know whom "
     "a sentence is about; the actor analyses do."),
    ("loaded", "Loaded language", "How much emotive or loaded language, hedging and intensifying does each outlet use?",
     ["loaded"],
     "Counts of framing's own lexicons (emotive/loaded terms in 14 categories, hedges, intensifiers; "
     "see framing/lexicons/data/SOURCES.md), per 1,000 words; rates are compared over articles. The emotive "
     "lexicon was validated against the biased words annotated in BABE (Spinde et al. 2021)."),
    ("actor_sentiment", "Sentiment toward actors", "How does each outlet write about each side, in its own voice?",
     ["actor_sentiment"],
     "Every mention of an actor is scored by framing's target-level sentiment model (a logistic regression "
     "over the words around the mention, trained on NewsMTSC, Hamborg &amp; Donnay 2021; cross-validated "
     "macro-F1 0.66 against 0.52 for sentence-level VADER). Mentions inside quotation marks are set apart "
     "(table <code>actor_sentiment_quoted</code>): a quoted speaker's sentiment is not the outlet's. Means "
     "per outlet with bootstrap intervals over articles; the test per actor permutes outlets across articles."),
    ("emotive", "Emotive words by actor", "Which side's people are described with emotive words, in which outlet?",
     ["emotive"],
     "Each emotive word is attributed to the nearest actor mentioned in the same sentence (ties are shared); "
     "rates are per 100 mentions of the actor, with bootstrap intervals over the articles mentioning it."),
    ("quotes", "Quotations and reporting verbs", "Who gets to speak in each outlet, how much, and introduced with which verbs?",
     ["quotes"],
     "Direct, partial and indirect quotations and 'according to' attributions found by rules over the text "
     "(validated on a hand-labelled set; see docs/validation.md). Reporting verbs are classified with "
     "framing's lexicon: 'said' is neutral, 'claimed' and 'alleged' cast doubt, 'admitted' concedes, "
     "'insisted' emphasises. Shares are computed over articles with bootstrap intervals."),
    ("agency", "Who acts, who suffers", "Is each side shown acting, acted upon, or suffering without an agent?",
     ["agency", "voice"],
     "Rules over the shared tokenizer (no parser is available offline): passive voice (forms of be/get and "
     "a past participle, with our list of irregular participles) with or without a by-agent, intransitive "
     "harm ('died', 'lost their lives') and each actor mention's role in its clause. Measured on a "
     "hand-labelled set (docs/validation.md). Shares per outlet with bootstrap intervals over articles."),
    ("frames", "Frame dimensions", "Which frames (security, humanitarian, legal, political, ...) dominate each outlet's account?",
     ["frames"],
     "framing's dictionary for the 15 dimensions of the Media Frames Corpus (Boydstun et al. 2014; "
     "Card et al. 2015): the share of an article's sentences that evoke each dimension, averaged per outlet "
     "with bootstrap intervals over articles and a permutation test per dimension (BH-adjusted)."),
]

_REFERENCES = """
<ul class="note">
<li>Benjamini, Y. &amp; Hochberg, Y. (1995). Controlling the false discovery rate. <i>JRSS B</i> 57(1), 289-300.</li>
<li>Besag, J. &amp; Clifford, P. (1991). Sequential Monte Carlo p-values. <i>Biometrika</i> 78(2), 301-304.</li>
<li>Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. &amp; Smith, N. A. (2014). Tracking the development of media frames within and across policy issues.</li>
<li>Card, D., Boydstun, A. E., Gross, J. H., Resnik, P. &amp; Smith, N. A. (2015). The Media Frames Corpus. <i>ACL</i>.</li>
<li>Hamborg, F., Zhukova, A. &amp; Gipp, B. (2019). Automated identification of media bias by word choice and labeling in news articles. <i>JCDL</i>.</li>
<li>Hamborg, F. &amp; Donnay, K. (2021). NewsMTSC: a dataset for (multi-)target-dependent sentiment classification in political news articles. <i>EACL</i>.</li>
<li>Hutto, C. J. &amp; Gilbert, E. (2014). VADER: a parsimonious rule-based model for sentiment analysis of social media text. <i>ICWSM</i>.</li>
<li>Monroe, B. L., Colaresi, M. P. &amp; Quinn, K. M. (2008). Fightin' words. <i>Political Analysis</i> 16(4), 372-403.</li>
<li>Spinde, T. et al. (2021). Neural media bias detection using distant supervision with BABE. <i>Findings of EMNLP</i>.</li>
</ul>
"""


def _readable(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary with each estimate shown once, as "estimate [low, high]"."""
    keep = [c for c in summary.columns if f"{c}_ci" not in summary.columns]
    out = summary[keep].copy()
    if "main_frame" in out.columns:
        out["main_frame"] = out["main_frame"].astype("string").str.replace("_", " ")
    out.columns = [c.removesuffix("_ci").replace("_", " ") for c in keep]
    return out


#: Columns of free text, wrapped in the HTML tables (all others stay on one line).
_LONG_COLUMNS = {"distinctive terms", "text", "title", "sentence", "reason", "url"}


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def _table_html(frame: pd.DataFrame, max_rows: int = 12) -> str:
    """A table that scrolls sideways when wide, its first column staying in view."""
    shown = frame.head(max_rows)
    text = shown.to_html(index=False, float_format=lambda v: f"{v:.3g}", na_rep="–", border=0)
    for i, column in enumerate(shown.columns):
        if str(column) in _LONG_COLUMNS:
            # pandas writes plain <td>/<th>: mark the free-text column so that it wraps
            text = _mark_column(text, i, "long")
    text = f'<div class="table">{text}</div>'
    if len(frame) > max_rows:
        text += f'<p class="note">First {max_rows} of {len(frame)} rows.</p>'
    return text


def _mark_column(table: str, index: int, css_class: str) -> str:
    """Add ``css_class`` to the cells of column ``index`` of an HTML table written by pandas."""
    import re

    def row(match: re.Match) -> str:
        cells = re.split(r"(?=<t[hd][ >])", match.group(0))
        # cells[0] is "<tr>" and whitespace; the cells follow in order
        if index + 1 < len(cells):
            cells[index + 1] = re.sub(r"^<(t[hd])", rf'<\1 class="{css_class}"', cells[index + 1])
        return "".join(cells)

    return re.sub(r"<tr[^>]*>.*?</tr>", row, table, flags=re.S)


def write_report(c, out: Path) -> Path:
    """See :meth:`framing.Comparison.report`."""
    import matplotlib
    import matplotlib.pyplot as plt

    from ._version import __version__

    out.mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(exist_ok=True)
    (out / "charts").mkdir(exist_ok=True)
    for name, table in c.tables.items():
        table.to_csv(out / "tables" / f"{name}.csv", index=False)
    summary = c.summary()
    summary.to_csv(out / "tables" / "summary.csv", index=False)

    images: dict[str, str] = {}
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        for name in c.charts:
            fig = c.plot(name)
            try:
                fig.savefig(out / "charts" / f"{name}.svg")
                png = _png(fig)
                (out / "charts" / f"{name}.png").write_bytes(png)
                images[name] = base64.b64encode(png).decode("ascii")
            finally:
                plt.close(fig)

    def img(name: str) -> str:
        if name not in images:
            return ""
        alt = html.escape(f"{name.replace('_', ' ')} chart")
        # the embedded PNG keeps the report one file; the link opens the vector chart beside it
        return (f'<figure><a href="charts/{name}.svg" title="open the full-size vector chart">'
                f'<img src="data:image/png;base64,{images[name]}" alt="{alt}"></a></figure>')

    arts = c.corpus.articles
    synthetic = "synthetic" in arts.columns and arts["synthetic"].astype(str).str.lower().isin(["true", "1"]).all()
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>framing report: {len(c.corpus)} articles</title><style>{_CSS}</style></head><body>",
        "<h1>How the outlets frame the event</h1>",
        f"<p class='note'>{len(c.corpus)} articles from {len(c.groups)} {html.escape(c.by)}s; "
        f"framing {__version__}; {c.n_resamples} resamples; random_state={html.escape(str(c.random_state))}; "
        f"written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.</p>",
    ]
    if synthetic:
        parts.append("<p class='synthetic'>These articles are marked <code>synthetic</code>: illustrative texts "
                     "with fictional outlets, not real reporting.</p>")
    nav = ["<a href='#summary'>Summary</a>"]
    nav += [f"<a href='#{a}'>{html.escape(t)}</a>" for a, t, _, charts, _ in _SECTIONS if any(ch in images for ch in charts)]
    nav.append("<a href='#data'>Data</a>")
    parts.append("<nav>" + " ".join(nav) + "</nav>")
    parts += ["<h2 id='summary'>Summary</h2>", img("dashboard"),
              "<p class='note'>Estimates with 95% intervals over articles "
              "(<code>tables/summary.csv</code>).</p>", _table_html(_readable(summary), max_rows=50)]
    for anchor, title, question, charts, method in _SECTIONS:
        shown = [ch for ch in charts if ch in images]
        if not shown:
            continue
        parts += [f"<h2 id='{anchor}'>{html.escape(title)}</h2>", f"<p class='question'>{html.escape(question)}</p>"]
        parts += [img(ch) for ch in shown]
        parts.append(f"<details><summary>Method</summary><p class='note'>{method}</p></details>")
    parts += ["<h2 id='data'>Data</h2>", "<h3>Articles</h3>", img("overview"), _table_html(c["overview"], max_rows=50)]
    skipped = c.corpus.skipped
    parts.append("<h3>Skipped articles</h3>")
    parts.append(_table_html(skipped, max_rows=200) if len(skipped) else "<p class='note'>None: every article given was analysed.</p>")
    dups = c.tables.get("duplicates", pd.DataFrame())
    parts.append("<h3>Near-duplicates (republished copy)</h3>")
    parts.append(_table_html(dups, max_rows=200) if len(dups) else "<p class='note'>None found.</p>")
    parts.append("<p class='note'>Every table behind this report is in <code>tables/</code> (CSV); every chart "
                 "in <code>charts/</code> (PNG and SVG).</p>")
    parts += ["<h2>References</h2>", _REFERENCES, "</body></html>"]
    path = out / "report.html"
    path.write_text("\n".join(p for p in parts if p), encoding="utf-8")
    return path


def comparison_html(c) -> str:
    """The Jupyter view of a comparison: the summary and what else it holds."""
    summary = c.summary()
    tables = ", ".join(f"<code>{html.escape(n)}</code>" for n in c.names)
    charts = ", ".join(f"<code>{html.escape(n)}</code>" for n in c.charts)
    return (
        f"<p><b>{html.escape(repr(c))}</b></p>{_table_html(_readable(summary), max_rows=50)}"
        f"<p>Tables (<code>result['name']</code>): {tables}.<br>Charts (<code>result.plot('name')</code>): {charts}."
        "<br>Evidence: <code>result.evidence('term', term='...')</code>.</p>"
    )
