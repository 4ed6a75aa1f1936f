"""The charts of a comparison: one figure per question, drawn from its tables.

Each ``figure_<name>(view, **kwargs)`` takes a *view* of a comparison, an
object with ``view[table_name]`` (a DataFrame), ``view.tables``, ``view.by``
(the grouping column), ``view.groups`` (the groups in display order) and
``view.corpus``, and returns a :class:`~matplotlib.figure.Figure`. The
registry (:mod:`framing.analyses`) says which figure belongs to which
analysis; these functions only draw.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ._layout import (
    _LINE,
    SINGLE,
    _balanced,
    _fit,
    _grid,
    _legend_shape,
    _n_lines,
    _same_xlim,
    _tick,
    critical_z,
    level_text,
    outlet_palette,
    plain_text,
)
from .actors import plot_relative_sentiment, plot_roles
from .estimates import plot_arc, plot_estimates, plot_sentiment
from .tables import compare_labels, plot_composition, plot_heatmap
from .terms import compare_terms, has_terms, no_terms, plot_fightin_words, plot_terms

# -- helpers ------------------------------------------------------------------------



def _palette(c):
    """The comparison's own outlet colours (``compare(palette=...)``), if any."""
    return getattr(c, "palette", None)


def _height(c, per_group: float = 0.42, base: float = 1.6) -> float:
    """Figure height for one row per group; outlet names on two lines take more room."""

    lines = _n_lines(c.groups)
    return base + per_group * len(c.groups) + 0.14 * (lines - len(c.groups))


def _title(fig, text: str, fontsize: str = "medium") -> None:
    """A figure title wrapped to the figure's width."""

    fig.suptitle(_fit(text, fig.get_figwidth(), size=11), fontsize=fontsize)


def _figure(width: float, height: float, ncols: int = 1, nrows: int = 1, **kwargs):
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained", squeeze=False, **kwargs)
    return fig, axes


# -- charts ----------------------------------------------------------------------------


@plain_text
def figure_overview(c, **kw):
    table = c["overview"]
    fig, axes = _figure(7.5, _height(c), ncols=2, sharey=True)
    colors = outlet_palette(c.groups, _palette(c))
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
    return plain_text(fig)


def _framing_terms(data: pd.DataFrame) -> pd.DataFrame:
    """The terms that are not house style (the charts rank those; house style has its own table)."""
    return data[~data["style"]] if "style" in data.columns else data


@plain_text
def figure_terms(c, top_n: int = 8, **kw):
    data = _framing_terms(c["terms"])
    kw.setdefault("col_wrap", _balanced(len(c.groups), 4))
    return compare_terms(data[data["other"] == "rest"], by=c.by, order=c.groups, top_n=top_n, **kw, palette=_palette(c))


@plain_text
def figure_fightin_words(c, label_top: int = 8, **kw):
    data = _framing_terms(c["terms"])
    colors = outlet_palette(c.groups, _palette(c))
    if len(c.groups) == 2:
        # with two outlets each panel would mirror the other: draw one, both sides in colour
        first, second = c.groups
        fig, axes = _figure(7.5, 5.2)
        if not has_terms(data, c.by, first):
            no_terms(axes[0, 0], first)
            return fig
        plot_fightin_words(data, group=first, by=c.by, label_top=label_top, color=colors[first],
                           other_color=colors[second], other_label=second, threshold=critical_z(data),
                           ax=axes[0, 0], **kw)
        return fig
    fig, axes = _grid(len(c.groups), 3, 3.6, 1.3)
    z = critical_z(data)
    for g, ax in zip(c.groups, axes, strict=True):
        if not has_terms(data, c.by, g):
            no_terms(ax, g)
            continue
        plot_fightin_words(data, group=g, by=c.by, label_top=label_top, color=colors[g], legend=False, ax=ax,
                           threshold=z, **kw)
        ax.set_ylabel("z-score vs. the rest")
    _title(fig, "Fightin' Words: each term's frequency and z-score, one outlet against all the others. Terms with "
                f"|z| > {z:.2f} are in the outlet's colour when it uses them more, dark grey when the others do; "
                "light grey: no clear difference.")
    return plain_text(fig)


@plain_text
def figure_sentiment(c, **kw):
    fig, axes = _figure(11, _height(c, base=1.9), ncols=2, sharey=True)
    plot_sentiment(c["sentiment"], articles=c["sentiment_articles"], by=c.by, order=c.groups, ax=axes[0, 0],
                   title="Sentences", **kw, palette=_palette(c))
    plot_sentiment(c["sentiment"], articles=c["sentiment_articles"], metric="headline_compound", by=c.by,
                   order=c.groups, ax=axes[0, 1], title="Headlines", **kw, palette=_palette(c))
    _title(fig, f"Sentiment per outlet: articles (dots), mean (diamond) and {level_text(c['sentiment'])} CI over articles")
    return plain_text(fig)


@plain_text
def figure_arc(c, **kw):
    data = c["sentiment_arc"]
    if len(c.groups) <= 4:
        fig, axes = _figure(8.5, 4)
        plot_arc(data, by=c.by, order=c.groups, ax=axes[0, 0], **kw, palette=_palette(c))
        return fig
    # many outlets tangle in one panel: one small panel per outlet, the others in grey behind it
    fig, axes = _grid(len(c.groups), 4, 2.5, 1.45, sharex=True, sharey=True)
    for i, (g, ax) in enumerate(zip(c.groups, axes, strict=True)):
        plot_arc(data, by=c.by, order=c.groups, highlight=g, ax=ax, **kw, palette=_palette(c))
        ax.set_title(ax.get_title(), fontsize="small")
        if i % _balanced(len(c.groups), 4):
            ax.set_ylabel("")
        ax.set_xlabel("")
    fig.supxlabel("position in the article", fontsize="small")
    _title(fig, "Sentiment arc: mean sentence sentiment from the top of the article to its end, each outlet "
                f"(colour, band: {level_text(data)} CI over articles) against all the others (grey)")
    return plain_text(fig)


@plain_text
def figure_loaded(c, **kw):
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
                       title=label.split(" per ")[0].capitalize(), zero_line=False, ax=ax, **kw, palette=_palette(c))
        _from_zero(ax)
    _title(fig, f"Loaded language per outlet: articles (dots), mean rate (diamond) and {level_text(c['loaded_language'])} CI "
                "over articles")
    return plain_text(fig)


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


@plain_text
def figure_emotive(c, category: str = "all", top: int = 12, **kw):
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
    return plain_text(fig)


@plain_text
def figure_actor_sentiment(c, top: int = 10, **kw):
    data = c["actor_sentiment"]
    mentioned = _top_actors(data, None)
    actors = mentioned[:top]
    data = data[data["actor"].isin(actors)]
    fig, axes = _figure(max(_heatmap_width(len(actors), 0.85), 6.5), _height(c, base=2.6))
    plot_heatmap(data, row=c.by, col="actor", value="estimate", row_order=c.groups, col_order=actors,
                 center=0.0, fmt="{:+.2f}", colorbar_label="mean target sentiment (−1 to +1)", ax=axes[0, 0], **kw)
    shown = f" (the {len(actors)} most mentioned of {len(mentioned)} actors)" if len(mentioned) > len(actors) else ""
    unmentioned = _unmentioned(c["actor_sentiment"])
    _title(fig, f"Sentiment toward each actor in the outlet's own voice{shown}. Hatched: {level_text(data)} CI includes 0; "
                "— not mentioned; † one article, no interval."
                + (f" No outlet mentions: {', '.join(unmentioned)}." if unmentioned else ""))
    return plain_text(fig)


@plain_text
def figure_frames(c, **kw):
    data = c["frames"]
    data = data.assign(frame=data["frame"].str.replace("_", " "))
    dims = data[data["frame"] != "other"]
    residual = data[data["frame"] == "other"]
    n_dims = dims["frame"].nunique()
    fig, axes = _figure(14, _height(c, base=3.0), ncols=2, sharey=True,
                        gridspec_kw={"width_ratios": [n_dims + 1.5, 1.4]})
    plot_heatmap(dims, row=c.by, col="frame", value="estimate", row_order=c.groups, center=None,
                 fmt="{:.2f}", colorbar_label="share of sentences", intervals=True, ax=axes[0, 0], **kw)
    # the residual (sentences that evoke no dimension) is much larger than any dimension:
    # on its own grey scale, so that it does not wash out the colours of the dimensions
    plot_heatmap(residual.assign(frame="no dimension"), row=c.by, col="frame", value="estimate",
                 row_order=c.groups, center=None, cmap="Greys", fmt="{:.2f}", colorbar=False, ax=axes[0, 1],
                 vmin=0, vmax=1.5)
    axes[0, 1].tick_params(labelleft=False)
    _title(fig, "Frame dimensions: share of each outlet's sentences that evoke each one (a sentence can evoke "
                "several; right: share that evokes none), with its interval over articles. † one article, no interval.")
    return plain_text(fig)


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


@plain_text
def figure_labels(c, **kw):
    data = c["labels"]
    # concepts no outlet names would be empty panels
    used = data.groupby("concept", sort=False)["count"].sum()
    data = data[data["concept"].isin(used[used > 0].index)]
    fig = compare_labels(data, by=c.by, order=c.groups, **kw)
    unused = [str(k) for k in used.index if used[k] == 0]
    _title(fig, "Labels each outlet chooses for the same thing: share of each concept's mentions per label"
                + (f" (no outlet names: {', '.join(unused)})" if unused else ""))
    return plain_text(fig)


@plain_text
def figure_quotes(c, **kw):
    speakers = c["quote_speakers"]
    part = "actor" if "actor" in speakers.columns else "speaker"
    speakers, speaker_order, speaker_colors = _top_parts(speakers, part)
    verbs, verb_order, verb_colors = _top_parts(c["quote_verbs"], "category", top=9)
    legend_rows = max(_legend_shape(order, 4.4)[1] for order in (speaker_order, verb_order))
    fig, axes = _figure(17, _height(c, base=2.4) + 1.1 * _LINE * legend_rows, ncols=3, sharey=True)
    arts = c["quote_articles"]
    plot_estimates(c["quote_share"], by=c.by, articles=arts, article_value="share", order=c.groups,
                   xlabel="share of words inside quotation marks", title="How much is quoted",
                   zero_line=False, ax=axes[0, 0], palette=_palette(c))
    _from_zero(axes[0, 0])
    plot_composition(speakers, by=c.by, part=part, order=c.groups, part_order=speaker_order, colors=speaker_colors,
                     xlabel="share of quotations and attributions (counts inside the bars)", title="Who is quoted",
                     empty="no quotations", ax=axes[0, 1])
    plot_composition(verbs, by=c.by, part="category", order=c.groups, part_order=verb_order, colors=verb_colors,
                     xlabel="share of reporting verbs (counts inside the bars)", title="With which reporting verbs",
                     empty="no reporting verbs", ax=axes[0, 2])
    return plain_text(fig)


@plain_text
def figure_voice(c, **kw):
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
                       title=title, zero_line=False, ax=ax, palette=_palette(c))
        _from_zero(ax)
    _title(fig, f"Passive voice and agentless harm: articles (dots), mean (diamond) and {level_text(voice)} CI over "
                "articles")
    return plain_text(fig)


_ROLE_ORDER = ["agent", "patient", "passive_subject", "passive_subject_with_agent", "intransitive_harm", "other"]
#: Fixed role colours (Paul Tol's light scheme, apart from the outlet colours): the
#: roles that hide an agent (agentless passive, "died") are the warm ones.
_ROLE_COLORS = {"agent": "#77AADD", "patient": "#44BB99", "passive_subject": "#EE8866",
                "passive_subject_with_agent": "#EEDD88", "intransitive_harm": "#FFAABB", "other": "#dddddd"}
_ROLE_NAMES = {"agent": "agent (acts)", "patient": "object of an active verb",
               "passive_subject": "agentless passive (“were killed”)",
               "passive_subject_with_agent": "passive with agent (“killed by”)",
               "intransitive_harm": "“died”, “lost their lives”", "other": "other"}


@plain_text
def figure_agency(c, top: int = 6, **kw):
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
    return plain_text(fig)


@plain_text
def figure_dashboard(c, **kw):
    """One page: sentiment, loaded language, frames and the top terms."""


    k = len(c.groups)
    ncols = _balanced(k, 4)
    nrows = int(np.ceil(k / ncols))
    top_height = _height(c, per_group=0.36, base=2.2)
    fig = plt.figure(figsize=(16, top_height + 2.7 * nrows + 0.4), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[top_height, 2.7 * nrows])
    ax1, ax2, ax3 = top.subplots(1, 3, gridspec_kw={"width_ratios": [1, 0.8, 1.2]})
    plot_sentiment(c["sentiment"], articles=c["sentiment_articles"], by=c.by, order=c.groups, ax=ax1,
                   title="Sentence sentiment", palette=_palette(c))
    loaded = c["loaded_language"]
    arts = c["loaded_language_articles"]
    plot_estimates(loaded[loaded["category"] == "all"], by=c.by, order=c.groups,
                   articles=arts[arts["category"] == "all"], article_value="rate",
                   xlabel="emotive or loaded words per 1,000 words", title="Loaded language", zero_line=False, ax=ax2, palette=_palette(c))
    _from_zero(ax2)
    ax2.tick_params(labelleft=False)
    frames = c["frames"]
    frames = frames[frames["frame"] != "other"].assign(frame=lambda d: d["frame"].str.replace("_", " "))
    top_frames = frames.groupby("frame")["estimate"].mean().sort_values(ascending=False).head(6).index
    plot_heatmap(frames[frames["frame"].isin(top_frames)], row=c.by, col="frame", value="estimate",
                 row_order=c.groups, col_order=list(top_frames), center=None, colorbar_label="share of sentences",
                 ax=ax3)
    ax3.set_title("Main frame dimensions (share of sentences)", fontsize="medium")
    top.suptitle(f"Dots: articles; diamonds: means with {level_text(c['sentiment'])} CI over articles; "
                 f"{SINGLE}: one article, no interval", fontsize="small", color="0.3")
    terms = _framing_terms(c["terms"])
    axes = np.atleast_1d(bottom.subplots(nrows, ncols, squeeze=False)).ravel()
    for g, ax in zip(c.groups, axes, strict=False):
        if not has_terms(terms, c.by, g):
            no_terms(ax, g)
            continue
        plot_terms(terms[terms["other"] == "rest"], group=g, by=c.by, top_n=6, ax=ax, palette=_palette(c))
        ax.set_xlabel("log-odds vs. rest")
    for ax in axes[k:]:
        ax.set_visible(False)
    _same_xlim(axes[:k])
    bottom.suptitle(f"Distinctive words: the 6 with the highest z per outlet, longest bar on top "
                    f"({level_text(terms)} CI over articles; hatched {SINGLE}: rests on one article)", fontsize="medium")
    groups = f"{c.by}s" if c.by == "outlet" else f"groups of {c.by}"
    fig.suptitle(f"framing: {len(c.corpus)} articles from {k} {groups}", fontsize="large")
    return plain_text(fig)


#: Chart name -> (function, tables it needs, title)


@plain_text
def figure_relative_sentiment(c, top: int = 10, **kw):
    data = c["actor_sentiment"]
    actors = _top_actors(data, top)
    data = data[data["actor"].isin(actors)]
    fig, axes = _figure(9, 1.4 + 0.55 * len(actors) + 0.08 * len(c.groups))
    plot_relative_sentiment(data, by=c.by, actors=actors, order=c.groups, ax=axes[0, 0], **kw, palette=_palette(c))
    _title(fig, "Sentiment toward each actor relative to all outlets: 0 is the outlets' common level (written at the "
                f"right), dots each outlet's difference with its {level_text(data)} CI over articles. A story that "
                "is negative for everyone does not read as hostility here.")
    return plain_text(fig)


@plain_text
def figure_roles(c, top: int = 8, **kw):
    data = c["actor_roles"]
    mentions = data.groupby("actor", sort=False)["n_mentions"].max()
    actors = [a for a in mentions.sort_values(ascending=False, kind="stable").index if mentions[a] > 0][:top]
    fig, axes = _figure(max(6.5, 2.2 + 1.5 * len(actors)), _height(c, base=2.2))
    plot_roles(data, by=c.by, actors=actors, order=c.groups, ax=axes[0, 0], **kw)
    _title(fig, "Hero, villain, victim: the share of each actor's mentions each outlet casts in each role "
                "(n = mentions; — not mentioned)")
    return plain_text(fig)


@plain_text
def figure_classifier_frames(c, **kw):
    data = c["classifier_frames"]
    model = c["classifier_model"].iloc[0]
    fig, axes = _figure(max(6.5, 3.6 + 0.9 * data["frame"].nunique()), _height(c, base=2.8))
    plot_heatmap(data, row=c.by, col="frame", value="estimate", row_order=c.groups, center=None, fmt="{:.2f}",
                 colorbar_label=f"expected share of {model['unit']}s", ax=axes[0, 0], **kw)
    metric = "micro-F1" if model["multilabel"] else "macro-F1"
    _title(fig, f"Frames from your coding: a FrameClassifier trained on {model['n_samples_fit']} coded texts, "
                f"internal cross-validated {metric} {model['cv_score']:.2f}, applied to each {model['unit']}. "
                f"Hatched: {level_text(data)} CI includes 0; † one article, no interval.")
    return plain_text(fig)


@plain_text
def figure_omissions(c, top: int = 16, **kw):
    data = c["omissions"].copy()
    data["label"] = np.where(data["kind"] == "term", data["item"].astype(str) + " (word)", data["item"].astype(str))
    flagged = data[data["omitted"]]
    if len(flagged):
        order = flagged.sort_values(["kind", "share_other"], ascending=[True, False], kind="stable")
        named = [x for x in dict.fromkeys(order.loc[order["kind"] != "term", "label"])]
        words = [x for x in dict.fromkeys(order.loc[order["kind"] == "term", "label"])]
        items = (named + words)[:top]
    else:
        best = data.sort_values("share_other", ascending=False, kind="stable")
        items = list(dict.fromkeys(best.loc[best["kind"] != "term", "label"]))[:top]
    fig, axes = _figure(max(6.5, 2.6 + 0.62 * max(len(items), 1)), _height(c, base=2.6))
    ax = axes[0, 0]
    if not items:
        ax.text(0.5, 0.5, "no actors, concepts or shared words to test", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
    else:
        part = data[data["label"].isin(items)]
        plot_heatmap(part, row=c.by, col="label", value="share", row_order=c.groups, col_order=items, center=None,
                     fmt="{:.0%}", uncertain=False, vmin=0.0, vmax=1.0,
                     colorbar_label="share of the outlet's articles that mention it", ax=ax, **kw)
        rows = {g: i for i, g in enumerate(c.groups)}
        cols = {x: j for j, x in enumerate(items)}
        for g, x in zip(part.loc[part["omitted"], c.by].astype(str), part.loc[part["omitted"], "label"],
                        strict=True):
            ax.add_patch(plt.Rectangle((cols[x] - 0.5, rows[g] - 0.5), 1, 1, fill=False, edgecolor="black",
                                       linewidth=2.2))
    within = c["omissions"].attrs.get("within")
    _title(fig, "What each outlet leaves out: the share of its articles that mention each actor, concept or word; "
                "boxed where the other outlets mention it in most of their articles and this outlet never does "
                "or does significantly less" + (f" (compared on the same {within}s)" if within else ""))
    return plain_text(fig)
