"""Estimates per outlet with their intervals: rates, shares, sentiment, the sentiment arc."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._layout import (
    _axes_width,
    _check_columns,
    _fit,
    _order,
    _tick,
    _wrap,
    interval_note,
    level_text,
    outlet_palette,
    plain_text,
    test_line,
)


@plain_text
def plot_estimates(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
    article_value: str | None = None,
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    xlabel: str = "estimate",
    title: str | None = None,
    zero_line: bool = True,
    missing: str = "no data",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """One estimate per group with its interval, over the articles behind it.

    The common chart of every per-outlet measure: a diamond at the group's
    ``estimate`` with its ``ci_low``-``ci_high`` interval and, when
    ``articles`` is given, every article as a dot, so readers see how much
    the articles of one outlet differ among themselves. A group without an
    interval (a single article) is labelled so next to its diamond; a group
    without an estimate gets the ``missing`` text instead of a point.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per group with ``estimate``, ``ci_low`` and ``ci_high``
        (and optionally ``n_articles``, and ``p_value``, shown in the title).
    by : str, default="outlet"
        The group column.
    articles : pandas.DataFrame, optional
        One row per article with the ``by`` column and ``article_value``.
    article_value : str, optional
        Column of ``articles`` to draw as dots.
    order, palette
        Group order (top to bottom) and colours.
    xlabel, title : str
        Axis label and title.
    zero_line : bool, default=True
        Draw a dotted line at zero.
    missing : str, default="no data"
        Written in the row of a group without an estimate.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar` for the estimates.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "estimate", "ci_low", "ci_high")
    groups = _order(data, by, order)
    colors = outlet_palette(groups, palette)
    ax = plt.gca() if ax is None else ax
    ypos = {g: i for i, g in enumerate(groups)}
    if articles is not None:
        _check_columns(articles, by, article_value)
        rng = np.random.default_rng(0)
        arts = articles[articles[by].astype(str).isin(groups) & articles[article_value].notna()]
        jitter = rng.uniform(-0.18, 0.18, size=len(arts))
        ax.scatter(
            arts[article_value],
            arts[by].astype(str).map(ypos) + jitter,
            s=16,
            alpha=0.55,
            c=[colors[g] for g in arts[by].astype(str)],
            linewidths=0,
            zorder=2,
        )
    part = data.set_index(data[by].astype(str))
    part = part[~part.index.duplicated()].reindex(groups)
    kwargs.setdefault("fmt", "D")
    kwargs.setdefault("markersize", 7)
    notes = []
    for g in groups:
        row = part.loc[g]
        if pd.isna(row["estimate"]):
            ax.annotate(missing, (0.5, ypos[g]), xycoords=("axes fraction", "data"), ha="center",
                        va="center", fontsize="small", color="0.4")
            continue
        err, note = None, interval_note(row)
        if pd.notna(row["ci_low"]) and pd.notna(row["ci_high"]):
            # an interval that misses its estimate by rounding (identical values) draws as none
            err = [[max(row["estimate"] - row["ci_low"], 0.0)], [max(row["ci_high"] - row["estimate"], 0.0)]]
        if note:
            notes.append(ax.annotate(note, (row["estimate"], ypos[g]), xytext=(0, -7), textcoords="offset points",
                                     ha="center", va="top", fontsize="x-small", color="0.35"))
        ax.errorbar(
            row["estimate"],
            ypos[g],
            xerr=err,
            color=colors[g],
            ecolor=colors[g],
            elinewidth=2,
            capsize=4,
            markeredgecolor="white",
            zorder=3,
            **kwargs,
        )
    if zero_line:
        ax.axvline(0, color="0.5", linewidth=0.8, linestyle=":")
    if notes:
        # notes near an edge of the axes run inwards
        ax.autoscale_view()
        lo, hi = ax.get_xlim()
        for note in notes:
            frac = (note.xy[0] - lo) / (hi - lo) if hi > lo else 0.5
            note.set_ha("left" if frac < 0.2 else "right" if frac > 0.8 else "center")
    ax.set_yticks(range(len(groups)), [_tick(g) for g in groups])
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set(xlabel=_fit(xlabel, _axes_width(ax)), ylabel="")
    if title is not None:
        title += test_line(part, by)
        ax.set_title(_fit(title, _axes_width(ax)), fontsize="medium")
    ax.spines[["top", "right"]].set_visible(False)
    return plain_text(ax)


_SENTIMENT_NAMES = {
    "mean_compound": "mean sentence sentiment (VADER compound)",
    "share_negative": "share of negative sentences",
    "share_positive": "share of positive sentences",
    "headline_compound": "headline sentiment (VADER compound)",
    "lede_compound": "lede sentiment (VADER compound)",
}


@plain_text
def plot_sentiment(
    data: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    metric: str = "mean_compound",
    by: str = "outlet",
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Sentiment per outlet: every article as a point, the mean and its CI.

    Parameters
    ----------
    data : pandas.DataFrame
        ``sentiment_profile(level="group")``: one row per (group, metric).
    articles : pandas.DataFrame, optional
        ``sentiment_profile(level="article")``; its articles are drawn as
        points (with a small deterministic vertical jitter).
    metric : str, default="mean_compound"
        The measure to draw.
    by, order, palette
        Group column, order (top to bottom) and colours.
    title : str, optional
        Title (default: "Sentiment per outlet: articles (dots), mean and
        <level> CI", the level the table records); the permutation p-value
        of the between-outlet test is added below it.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar` for the means.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "metric", "estimate", "ci_low", "ci_high")
    part = data[data["metric"] == metric]
    if part.empty:
        raise ValueError(f"no rows for metric {metric!r}; metrics: {sorted(data['metric'].unique())}")
    return plot_estimates(
        part, by=by, articles=articles, article_value=metric if articles is not None else None,
        order=order, palette=palette, xlabel=_SENTIMENT_NAMES.get(metric, metric),
        title=f"Sentiment per outlet: articles (dots), mean and {level_text(data)} CI" if title is None else title,
        missing="no headlines" if metric == "headline_compound" else "no data", ax=ax, **kwargs,
    )


@plain_text
def plot_arc(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    band: bool | None = None,
    highlight: str | None = None,
    legend: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """The sentiment arc: mean sentence sentiment from the top of an article to its end.

    Parameters
    ----------
    data : pandas.DataFrame
        ``sentiment_profile(level="arc")``.
    by, order, palette
        Group column, order and colours.
    band : bool, optional
        Shade the interval over articles; by default only with up to three
        groups (or for the ``highlight`` group), where the bands stay readable.
    highlight : str, optional
        Draw this group in its colour and the others as thin grey lines
        behind it, for small multiples (one panel per group) when many groups
        would tangle in one panel.
    legend : bool, default=True
        Name the groups in a legend beside the axes (not with ``highlight``:
        the title names the group).
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.plot`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "position", "estimate")
    groups = _order(data, by, order)
    colors = outlet_palette(groups, palette)
    ax = plt.gca() if ax is None else ax
    if highlight is not None and highlight not in groups:
        raise ValueError(f"highlight={highlight!r} is not a group; groups: {groups}")
    band = (len(groups) <= 3 or highlight is not None) if band is None else band
    kwargs.setdefault("marker", "o")
    kwargs.setdefault("markersize", 4)
    drew_band = False
    for g in groups:
        part = data[data[by].astype(str) == g].sort_values("position")
        if highlight is not None and g != highlight:
            ax.plot(part["position"], part["estimate"], color="0.8", linewidth=0.9, zorder=1)
            continue
        ax.plot(part["position"], part["estimate"], color=colors[g], label=_tick(g), zorder=3, **kwargs)
        if band and {"ci_low", "ci_high"} <= set(part.columns) and part["ci_low"].notna().any():
            drew_band = True
            ax.fill_between(
                part["position"],
                part["ci_low"],
                part["ci_high"],
                color=colors[g],
                alpha=0.12 if highlight is None else 0.2,
                linewidth=0,
                zorder=2,
            )
    ax.axhline(0, color="0.5", linewidth=0.8, linestyle=":")
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.5, 1], ["top", "middle", "end"])
    # no tick labels when the axis is shared and its labels hidden
    for label, ha in zip(ax.get_xticklabels(), ("left", "center", "right"), strict=False):
        label.set_ha(ha)
    ax.set(xlabel="position in the article", ylabel="mean sentence sentiment\n(VADER compound)")
    if highlight is None:
        ax.set_title("Sentiment arc" + (f" (bands: {level_text(data)} CI over articles)" if drew_band else ""),
                     fontsize="medium")
        if legend:
            ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                      ncols=1 if len(groups) <= 14 else 2)
    else:
        ax.set_title(_wrap(highlight, 40, max_lines=2), fontsize="medium")
    ax.spines[["top", "right"]].set_visible(False)
    return plain_text(ax)


# -- labels ----------------------------------------------------------------------------


