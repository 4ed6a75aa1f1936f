"""Charts of framing results, one per question.

Axes-level functions are named ``plot_<thing>``: they take a tidy table made by
an analysis function, draw on ``ax`` (the current Axes by default) and return
it. Figure-level functions are named ``compare_<thing>``: they build and
return a whole :class:`~matplotlib.figure.Figure`. None of them calls
``plt.show()``, saves files or changes global settings.

Colours are stable: :func:`outlet_palette` gives every outlet the same
colour-blind-safe colour in every chart of a session when given the same
outlet list (the order of :attr:`framing.Corpus.outlets`), and outlets are
drawn in that order everywhere.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

__all__ = [
    "outlet_palette",
    "plot_terms",
    "plot_fightin_words",
    "compare_terms",
    "plot_estimates",
    "plot_heatmap",
    "plot_sentiment",
    "plot_arc",
    "plot_labels",
    "plot_composition",
    "compare_labels",
]

#: Okabe & Ito (2008) colours, ordered for contrast on white; yellow last.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
#: Paul Tol's "muted" scheme (colour-blind safe up to nine categories) plus two.
TOL_MUTED = (
    "#332288",
    "#CC6677",
    "#117733",
    "#DDCC77",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#DDDDDD",
    "#000000",
    "#6699CC",
)
_GREY = "#9a9a9a"


# -- shared helpers -----------------------------------------------------------


def outlet_palette(
    outlets: Sequence[str], palette: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A colour per outlet, stable across charts.

    Up to eight outlets get the Okabe-Ito colours, up to twelve Paul Tol's
    muted scheme (colour-blind safe for nine; with more outlets, charts also
    label outlets directly). Colours given in ``palette`` win.

    Examples
    --------
    >>> outlet_palette(["A", "B"])
    {'A': '#0072B2', 'B': '#D55E00'}
    """
    outlets = list(dict.fromkeys(str(o) for o in outlets))
    base = OKABE_ITO if len(outlets) <= len(OKABE_ITO) else TOL_MUTED
    colors = {o: base[i % len(base)] for i, o in enumerate(outlets)}
    if palette:
        colors.update({str(k): v for k, v in palette.items()})
    return colors


def _check_columns(data: pd.DataFrame, *columns: str) -> None:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, got {type(data).__name__}")
    missing = [c for c in columns if c is not None and c not in data.columns]
    if missing:
        raise KeyError(f"data lacks column(s) {missing}; it has {list(data.columns)}")


def _order(data: pd.DataFrame, column: str, order: Sequence[str] | None) -> list[str]:
    if order is not None:
        return [str(o) for o in order]
    return list(dict.fromkeys(data[column].astype(str)))


def _wrap(label: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _text_color(color) -> str:
    r, g, b = to_rgb(color)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


def _grid(n: int, col_wrap: int, height: float, aspect: float, **kwargs):
    ncols = max(1, min(col_wrap, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(
        nrows,
        ncols,
        squeeze=False,
        layout="constrained",
        figsize=(height * aspect * ncols, height * nrows),
        **kwargs,
    )
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, axes.flat[:n]


# -- distinctive terms ---------------------------------------------------------


def plot_terms(
    data: pd.DataFrame,
    *,
    group: str | None = None,
    by: str = "outlet",
    x: str = "log_odds",
    top_n: int = 10,
    other: str = "rest",
    color: Any = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Bars of the terms one group uses most distinctively, with intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        Output of :func:`framing.distinctive_terms`.
    group : str, optional
        The group to draw; required when ``data`` holds several.
    by : str, default="outlet"
        The group column.
    x : str, default="log_odds"
        Bar length. With ``"log_odds"`` the bootstrap interval over articles
        (``ci_low``, ``ci_high``) is drawn as an error bar.
    top_n : int, default=10
        Terms shown: the ``top_n`` highest ``score``.
    other : str, default="rest"
        The reference the group was compared with.
    color : colour, optional
        Bar colour (the group's colour in :func:`outlet_palette` by default).
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Terms with ``q_value < 0.05`` are marked ``*``; terms whose
    distinctiveness rests on one article (``single_article``) are drawn
    hatched and marked ``†``.
    """
    _check_columns(data, by, "term", x, "score")
    groups = _order(data, by, None)
    if group is None:
        if len(groups) != 1:
            raise ValueError(f"data holds several groups {groups}; choose one with group=")
        group = groups[0]
    if group not in groups:
        raise ValueError(f"group {group!r} is not in the data; groups: {groups}")
    ax = plt.gca() if ax is None else ax
    part = data[(data[by].astype(str) == group)]
    if "other" in part.columns:
        part = part[part["other"].astype(str) == str(other)]
    part = part.sort_values(["score", "term"], ascending=[False, True]).head(top_n)
    color = color if color is not None else outlet_palette(groups)[group]
    y = np.arange(len(part))[::-1]
    xerr = None
    if (
        x == "log_odds"
        and {"ci_low", "ci_high"} <= set(part.columns)
        and part["ci_low"].notna().any()
    ):
        xerr = np.vstack([part[x] - part["ci_low"], part["ci_high"] - part[x]]).clip(min=0)
    single = (
        part["single_article"].to_numpy(bool)
        if "single_article" in part.columns
        else np.zeros(len(part), bool)
    )
    bars = ax.barh(y, part[x], color=color, **kwargs)
    for bar, flag in zip(bars, single, strict=True):
        if flag:
            bar.set_hatch("///")
            bar.set_alpha(0.55)
    if xerr is not None:
        ax.errorbar(part[x], y, xerr=xerr, fmt="none", ecolor="0.25", elinewidth=0.9, capsize=2)
    labels = []
    for row, flag in zip(part.itertuples(index=False), single, strict=True):
        mark = "*" if "q_value" in part.columns and getattr(row, "q_value", np.nan) < 0.05 else ""
        labels.append(f"{row.term}{mark}{' †' if flag else ''}")
    ax.set_yticks(y, labels)
    ax.axvline(0, color="0.3", linewidth=0.8)
    xlabel = {
        "log_odds": "log-odds ratio vs. the rest (95% CI over articles)",
        "score": "score",
        "z": "z-score",
    }
    ax.set(xlabel=xlabel.get(x, x), title=_wrap(group, 40))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def compare_terms(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    top_n: int = 10,
    col_wrap: int = 4,
    height: float = 3.2,
    aspect: float = 1.15,
    **kwargs,
) -> Figure:
    """Distinctive terms of every group, one panel each (figure-level).

    Parameters
    ----------
    data : pandas.DataFrame
        Output of :func:`framing.distinctive_terms` (``compare="rest"``).
    by, order, palette, top_n
        Group column, panel order, colours and terms per panel.
    col_wrap : int, default=4
        Panels per row.
    height, aspect : float
        Size of each panel in inches (width = height * aspect).
    **kwargs
        Passed to :func:`plot_terms`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_columns(data, by, "term", "score")
    groups = _order(data, by, order)
    colors = outlet_palette(groups, palette)
    fig, axes = _grid(len(groups), col_wrap, height, aspect)
    for group, ax in zip(groups, axes, strict=True):
        plot_terms(data, group=group, by=by, top_n=top_n, color=colors[group], ax=ax, **kwargs)
        ax.set_xlabel("log-odds vs. rest")
    fig.suptitle(
        "Words each outlet uses more than the others (bars: 95% CI over articles; * q < 0.05; † one article)",
        fontsize="medium",
    )
    return fig


def _repel(ax: Axes, texts: list, direction: int = 1, pad: float = 1.0) -> None:
    """Stack overlapping annotations so none overlap, moving them away from the axis.

    A sweep in display space: labels are taken in order of height (bottom-up
    for ``direction=1``, top-down for ``-1``) and each is moved just past any
    already placed label it would overlap. The annotations must use
    ``textcoords="offset points"``; their leader lines follow.
    """
    if len(texts) < 2:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    points_per_pixel = 72.0 / fig.dpi
    boxes = {id(t): t.get_window_extent(renderer) for t in texts}
    ordered = sorted(texts, key=lambda t: direction * boxes[id(t)].y0)
    placed: list = []
    for t in ordered:
        box = boxes[id(t)]
        shift = 0.0
        moved = True
        while moved:
            moved = False
            for other in placed:
                if box.x0 < other.x1 and other.x0 < box.x1:
                    lo, hi = box.y0 + shift, box.y1 + shift
                    if lo < other.y1 + pad and other.y0 - pad < hi:
                        shift = (other.y1 + pad - box.y0) if direction > 0 else (other.y0 - pad - box.y1)
                        moved = True
        if shift:
            x, y = t.xyann
            t.xyann = (x, y + shift * points_per_pixel)
        placed.append(box.translated(0, shift))
    # keep the stack inside the axes: slide it back if it grew past the edge
    edge = ax.get_window_extent(renderer)
    excess = max(b.y1 for b in placed) - edge.y1 if direction > 0 else edge.y0 - min(b.y0 for b in placed)
    if excess > 0:
        for t in ordered:
            x, y = t.xyann
            t.xyann = (x, y - direction * excess * points_per_pixel)


def plot_fightin_words(
    data: pd.DataFrame,
    *,
    group: str | None = None,
    by: str = "outlet",
    other: str = "rest",
    label_top: int = 10,
    threshold: float = 1.96,
    color: Any = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """The "Fightin' Words" plot: term frequency against z-score.

    Every term is a point at its total frequency (log scale) and its z-score
    for ``group`` against ``other`` (Monroe et al. 2008, figure 4). Terms
    beyond ``threshold`` are coloured and the ``label_top`` strongest on each
    side are labelled, with labels moved apart so they do not overlap.

    Parameters
    ----------
    data : pandas.DataFrame
        Output of :func:`framing.distinctive_terms`.
    group : str, optional
        The group to draw (required when ``data`` holds several).
    by, other : str
        Group column and reference.
    label_top : int, default=10
        Terms labelled on each side.
    threshold : float, default=1.96
        |z| above which points are coloured.
    color : colour, optional
        Colour of the group's terms.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "term", "z", "count", "count_other")
    groups = _order(data, by, None)
    if group is None:
        if len(groups) != 1:
            raise ValueError(f"data holds several groups {groups}; choose one with group=")
        group = groups[0]
    part = data[data[by].astype(str) == group]
    if "other" in part.columns:
        part = part[part["other"].astype(str) == str(other)]
    if part.empty:
        raise ValueError(f"no rows for group {group!r} against {other!r}")
    ax = plt.gca() if ax is None else ax
    color = color if color is not None else outlet_palette(groups)[group]
    freq = (part["count"] + part["count_other"]).to_numpy(float)
    z = part["z"].to_numpy(float)
    colors = np.where(z >= threshold, "pos", np.where(z <= -threshold, "neg", "mid"))
    cmap = {"pos": color, "neg": "0.2", "mid": "#c8c8c8"}
    kwargs.setdefault("s", 14)
    for key in ("mid", "neg", "pos"):
        sel = colors == key
        ax.scatter(
            freq[sel],
            z[sel],
            color=cmap[key],
            linewidths=0,
            zorder=2 if key != "mid" else 1,
            **kwargs,
        )
    ax.set_xscale("log")
    ax.axhline(threshold, color="0.6", linewidth=0.7, linestyle="--")
    ax.axhline(-threshold, color="0.6", linewidth=0.7, linestyle="--")
    order = np.argsort(-z, kind="stable")
    top = [i for i in order[:label_top] if z[i] >= threshold]
    bottom = [i for i in order[::-1][:label_top] if z[i] <= -threshold]
    texts = {1: [], -1: []}
    for i in top + bottom:
        t = ax.annotate(
            part["term"].iat[i],
            (freq[i], z[i]),
            xytext=(5, 0),
            textcoords="offset points",
            fontsize="small",
            va="center",
            color=color if z[i] > 0 else "0.2",
            arrowprops={
                "arrowstyle": "-",
                "color": "0.65",
                "linewidth": 0.5,
                "shrinkA": 0,
                "shrinkB": 2,
            },
        )
        texts[1 if z[i] > 0 else -1].append(t)
    ax.set(
        xlabel="frequency in the corpus (log scale)",
        ylabel=f"z-score: {_wrap(group, 30)} vs. {other}",
        title=f"{group} vs. {other}",
    )
    for direction, group_texts in texts.items():
        _repel(ax, group_texts, direction)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


# -- sentiment -------------------------------------------------------------------------


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
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """One estimate per group with its interval, over the articles behind it.

    The common chart of every per-outlet measure: a diamond at the group's
    ``estimate`` with its ``ci_low``-``ci_high`` interval and, when
    ``articles`` is given, every article as a dot, so readers see how much
    the articles of one outlet differ among themselves.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per group with ``estimate``, ``ci_low`` and ``ci_high``
        (and optionally ``p_value``, shown in the title).
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
    for g in groups:
        row = part.loc[g]
        if pd.isna(row["estimate"]):
            ax.annotate("no data", (0.5, ypos[g]), xycoords=("axes fraction", "data"), ha="center",
                        va="center", fontsize="small", color="0.4")
            continue
        err = None
        if pd.notna(row["ci_low"]):
            err = [[row["estimate"] - row["ci_low"]], [row["ci_high"] - row["estimate"]]]
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
    ax.set_yticks(range(len(groups)), [_wrap(g) for g in groups])
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set(xlabel=xlabel, ylabel="")
    p = part["p_value"].dropna() if "p_value" in part.columns else pd.Series(dtype=float)
    if title is not None:
        if len(p):
            title += f"\noutlets differ: permutation p = {p.iloc[0]:.3g}"
        ax.set_title(title, fontsize="medium")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


_SENTIMENT_NAMES = {
    "mean_compound": "mean sentence sentiment (VADER compound)",
    "share_negative": "share of negative sentences",
    "share_positive": "share of positive sentences",
    "headline_compound": "headline sentiment (VADER compound)",
    "lede_compound": "lede sentiment (VADER compound)",
}


def plot_sentiment(
    data: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    metric: str = "mean_compound",
    by: str = "outlet",
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
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
        title="Sentiment per outlet: articles (dots), mean and 95% CI", ax=ax, **kwargs,
    )


def plot_heatmap(
    data: pd.DataFrame,
    *,
    row: str = "outlet",
    col: str = "actor",
    value: str = "estimate",
    row_order: Sequence[str] | None = None,
    col_order: Sequence[str] | None = None,
    center: float | None = 0.0,
    cmap: str | None = None,
    fmt: str = "{:.2f}",
    uncertain: bool = True,
    missing: str = "—",
    colorbar_label: str | None = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """A table of estimates as colours, with the numbers written in.

    Cells whose interval (``ci_low``-``ci_high``) includes ``center`` are
    drawn with a hatched overlay when ``uncertain`` is true, so that a
    reader does not mistake noise for a difference; missing cells (an actor
    an outlet never mentions) are grey and marked ``missing``.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table with ``row``, ``col`` and ``value`` columns.
    row, col, value : str
        Columns for the rows, the columns and the colour.
    row_order, col_order : sequence of str, optional
        Orders (appearance order by default).
    center : float or None, default=0.0
        With a number, a diverging colour map centred there; with None a
        sequential one from zero.
    cmap : str, optional
        Colour map name (``"RdBu"`` diverging, ``"Blues"`` sequential by
        default; both colour-blind safe).
    fmt : str, default="{:.2f}"
        Format of the numbers.
    uncertain : bool, default=True
        Hatch cells whose interval includes ``center``.
    missing : str, default="—"
        Text of empty cells.
    colorbar_label : str, optional
        Label of the colour bar (``value`` by default).
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.imshow`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, row, col, value)
    rows = _order(data, row, row_order)
    cols = _order(data, col, col_order)
    ax = plt.gca() if ax is None else ax
    table = data.pivot_table(index=data[row].astype(str), columns=data[col].astype(str), values=value,
                             aggfunc="first", dropna=False).reindex(index=rows, columns=cols)
    values = table.to_numpy(dtype=float)
    finite = values[np.isfinite(values)]
    if center is not None:
        span = max(np.abs(finite - center).max() if finite.size else 1.0, 1e-9)
        vmin, vmax = center - span, center + span
        cmap = cmap or "RdBu"
    else:
        vmin, vmax = 0.0, max(finite.max() if finite.size else 1.0, 1e-9)
        cmap = cmap or "Blues"
    cm = plt.get_cmap(cmap).with_extremes(bad="#e6e6e6")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cm, vmin=vmin, vmax=vmax, aspect="auto", **kwargs)
    lows = highs = None
    if uncertain and center is not None and {"ci_low", "ci_high"} <= set(data.columns):
        lows = data.pivot_table(index=data[row].astype(str), columns=data[col].astype(str), values="ci_low",
                                aggfunc="first", dropna=False).reindex(index=rows, columns=cols).to_numpy(float)
        highs = data.pivot_table(index=data[row].astype(str), columns=data[col].astype(str), values="ci_high",
                                 aggfunc="first", dropna=False).reindex(index=rows, columns=cols).to_numpy(float)
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = values[i, j]
            if not np.isfinite(v):
                ax.text(j, i, missing, ha="center", va="center", fontsize="small", color="0.35")
                continue
            rgba = cm((v - vmin) / (vmax - vmin))
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize="small", color=_text_color(rgba[:3]))
            if lows is not None and np.isfinite(lows[i, j]) and lows[i, j] <= center <= highs[i, j]:
                ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="////",
                                           edgecolor=(0.4, 0.4, 0.4, 0.45), linewidth=0))
    ax.set_xticks(range(len(cols)), [_wrap(c, 16) for c in cols], rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), [_wrap(r) for r in rows])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label=colorbar_label or value)
    return ax


def plot_arc(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    band: bool | None = None,
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
        Shade the 95% interval over articles; by default only with up to three
        groups, where the bands stay readable.
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
    band = len(groups) <= 3 if band is None else band
    kwargs.setdefault("marker", "o")
    kwargs.setdefault("markersize", 4)
    for g in groups:
        part = data[data[by].astype(str) == g].sort_values("position")
        ax.plot(part["position"], part["estimate"], color=colors[g], label=g, **kwargs)
        if band and {"ci_low", "ci_high"} <= set(part.columns):
            ax.fill_between(
                part["position"],
                part["ci_low"],
                part["ci_high"],
                color=colors[g],
                alpha=0.12,
                linewidth=0,
            )
    ax.axhline(0, color="0.5", linewidth=0.8, linestyle=":")
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.5, 1], ["top", "middle", "end"])
    ax.set(xlabel="position in the article", ylabel="mean sentence sentiment")
    ax.set_title(
        "Sentiment arc" + (" (bands: 95% CI over articles)" if band else ""), fontsize="medium"
    )
    ax.legend(fontsize="small", frameon=False, loc="best", ncols=1 if len(groups) <= 6 else 2)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


# -- labels ----------------------------------------------------------------------------


def plot_labels(
    data: pd.DataFrame,
    *,
    concept: str | None = None,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    label_colors: Mapping[str, Any] | None = None,
    min_share: float = 0.06,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Which label each outlet uses for one concept: 100% stacked bars with counts.

    Parameters
    ----------
    data : pandas.DataFrame
        ``label_choices(level="group")``: columns ``concept``, ``<by>``,
        ``label``, ``count``, ``share``.
    concept : str, optional
        The concept to draw (required when ``data`` holds several).
    by, order
        Group column and bar order (top to bottom).
    label_colors : mapping, optional
        Colour per label (a qualitative palette by default).
    min_share : float, default=0.06
        Segments narrower than this are not annotated with their count.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, "concept", by, "label", "count", "share")
    concepts = list(dict.fromkeys(data["concept"].astype(str)))
    if concept is None:
        if len(concepts) != 1:
            raise ValueError(f"data holds several concepts {concepts}; choose one with concept=")
        concept = concepts[0]
    part = data[data["concept"].astype(str) == concept]
    if part.empty:
        raise ValueError(f"concept {concept!r} is not in the data; concepts: {concepts}")
    return plot_composition(
        part, by=by, part="label", order=order, colors=label_colors, min_share=min_share,
        xlabel="share of the concept's mentions (counts inside the bars)", title=f"Labels for “{concept}”",
        ax=ax, **kwargs,
    )


def plot_composition(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    part: str = "label",
    count: str = "count",
    order: Sequence[str] | None = None,
    part_order: Sequence[str] | None = None,
    colors: Mapping[str, Any] | None = None,
    min_share: float = 0.06,
    xlabel: str = "share (counts inside the bars)",
    title: str | None = None,
    empty: str = "no mentions",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """What each group's total is made of: 100% stacked bars with the counts written in.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table with the ``by``, ``part`` and ``count`` columns.
    by : str, default="outlet"
        One bar per value.
    part : str, default="label"
        One segment per value (labels, reporting-verb categories, speakers,
        roles ...).
    count : str, default="count"
        The counts; shares are computed from them per bar.
    order, part_order : sequence of str, optional
        Order of the bars (top to bottom) and of the segments.
    colors : mapping, optional
        Colour per segment (a colour-blind-safe qualitative palette by
        default).
    min_share : float, default=0.06
        Segments narrower than this are not annotated with their count.
    xlabel, title : str
        Axis label and title.
    empty : str, default="no mentions"
        Written next to a bar with no counts.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, part, count)
    groups = _order(data, by, order)
    labels = _order(data, part, part_order)
    base = TOL_MUTED if len(labels) > len(OKABE_ITO) else OKABE_ITO
    palette = {lab: base[i % len(base)] for i, lab in enumerate(labels)}
    if colors:
        palette.update(colors)
    ax = plt.gca() if ax is None else ax
    table = data.pivot_table(
        index=data[by].astype(str), columns=data[part].astype(str), values=count, aggfunc="sum",
        fill_value=0, observed=False,
    ).reindex(index=groups, columns=labels, fill_value=0)
    totals = table.sum(axis=1)
    left = np.zeros(len(groups))
    y = np.arange(len(groups))
    kwargs.setdefault("height", 0.7)
    for lab in labels:
        counts = table[lab].to_numpy(float)
        shares = np.divide(counts, totals.to_numpy(float), out=np.zeros_like(counts), where=totals.to_numpy() > 0)
        ax.barh(y, shares, left=left, color=palette[lab], label=lab, edgecolor="white", linewidth=0.6, **kwargs)
        for yi, sh, c, lf in zip(y, shares, counts, left, strict=True):
            if sh >= min_share:
                ax.text(lf + sh / 2, yi, f"{int(c)}", ha="center", va="center", fontsize="small",
                        color=_text_color(palette[lab]))
        left += shares
    for yi, total in zip(y, totals, strict=True):
        ax.text(1.01, yi, f"n={int(total)}" if total else empty, va="center", fontsize="small", color="0.3",
                transform=ax.get_yaxis_transform())
    ax.set_yticks(y, [_wrap(g) for g in groups])
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set(xlabel=xlabel)
    if title:
        ax.set_title(title, fontsize="medium")
    ax.legend(ncols=min(len(labels), 4), fontsize="small", frameon=False, loc="upper center",
              bbox_to_anchor=(0.5, -0.18))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def compare_labels(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    col_wrap: int = 2,
    height: float = 3.4,
    aspect: float = 1.6,
    **kwargs,
) -> Figure:
    """Label choices for every concept, one panel each (figure-level).

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_columns(data, "concept", by, "label", "count", "share")
    concepts = list(dict.fromkeys(data["concept"].astype(str)))
    fig, axes = _grid(len(concepts), col_wrap, height, aspect)
    for concept, ax in zip(concepts, axes, strict=True):
        plot_labels(data, concept=concept, by=by, order=order, ax=ax, **kwargs)
    return fig
