"""Distinctive terms: bars per outlet and the Fightin' Words scatter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
from matplotlib.transforms import IdentityTransform

from ._layout import (
    SINGLE,
    _check_columns,
    _fit,
    _grid,
    _ink,
    _only,
    _order,
    _same_xlim,
    _wrap,
    level_text,
    outlet_palette,
    plain_text,
)


@plain_text
def plot_terms(
    data: pd.DataFrame,
    *,
    group: str | None = None,
    by: str = "outlet",
    x: str = "log_odds",
    top_n: int = 10,
    other: str = "rest",
    color: Any = None,
    palette: Mapping[str, Any] | None = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Bars of the terms one group uses most distinctively, with intervals.

    The ``top_n`` terms with the highest ``score`` (the z-score of
    :func:`framing.distinctive_terms`) are drawn as bars of length ``x``,
    longest on top, so that the order of the bars is the order of what they
    show; the x-axis label says how the terms were chosen.

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
        (``ci_low``, ``ci_high``) is drawn as an error bar, unless the group
        has a single article (``n_articles`` < 2): then no interval is drawn
        and the title says so.
    top_n : int, default=10
        Terms shown: the ``top_n`` highest ``score``.
    other : str, default="rest"
        The reference the group was compared with.
    color : colour, optional
        Bar colour (the group's colour in :func:`outlet_colors` by default).
    palette : mapping, optional
        Outlet colours (see :func:`outlet_colors`), used when ``color`` is
        not given.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Terms with ``q_value < 0.05`` are marked ``*``; terms whose
    distinctiveness rests on one article (``rests_on_one_article``) are drawn
    hatched and marked ``†``. The x-axis label lists the marks that occur.
    """
    _check_columns(data, by, "term", x, "score")
    groups = _order(data, by, None)
    group = _only(group, groups, "group")
    if group not in groups:
        raise ValueError(f"group {group!r} is not in the data; groups: {groups}")
    ax = plt.gca() if ax is None else ax
    part = data[(data[by].astype(str) == group)]
    if "other" in part.columns:
        part = part[part["other"].astype(str) == str(other)]
    n_available = len(part)
    part = part.sort_values(["score", "term"], ascending=[False, True]).head(top_n)
    part = part.sort_values(x, ascending=False, kind="stable")
    color = color if color is not None else outlet_palette(groups, palette)[group]
    y = np.arange(len(part))[::-1]
    one_article = bool("n_articles" in part.columns and len(part) and (part["n_articles"] < 2).all())
    xerr = None
    if (
        x == "log_odds"
        and not one_article
        and {"ci_low", "ci_high"} <= set(part.columns)
        and part["ci_low"].notna().any()
    ):
        xerr = np.vstack([part[x] - part["ci_low"], part["ci_high"] - part[x]]).clip(min=0)
    single = (
        part["rests_on_one_article"].to_numpy(bool, copy=True)
        if "rests_on_one_article" in part.columns
        else np.zeros(len(part), bool)
    )
    if one_article:
        single[:] = True  # a group of one article: every term rests on it
    bars = ax.barh(y, part[x], color=color, **kwargs)
    for bar, flag in zip(bars, single, strict=True):
        if flag:
            bar.set_hatch("///")
            bar.set_alpha(0.55)
    if xerr is not None:
        ax.errorbar(part[x], y, xerr=xerr, fmt="none", ecolor="0.25", elinewidth=0.9, capsize=2)
    labels = []
    starred = False
    for row, flag in zip(part.itertuples(index=False), single, strict=True):
        mark = "*" if "q_value" in part.columns and getattr(row, "q_value", np.nan) < 0.05 else ""
        starred = starred or bool(mark)
        labels.append(f"{row.term}{mark}{' ' + SINGLE if flag else ''}")
    ax.set_yticks(y, labels)
    ax.axvline(0, color="0.3", linewidth=0.8)
    name = {"log_odds": "log-odds ratio", "score": "score", "z": "z-score"}.get(x, x)
    xlabel = f"{name} vs. the {other}" if other == "rest" else f"{name} vs. {other}"
    if xerr is not None:
        xlabel += f" ({level_text(data)} CI over articles)"
    notes = []
    if n_available > len(part) and x != "score":
        notes.append(f"top {len(part)} by z")
    if starred:
        notes.append("* q < 0.05")
    if single.any():
        notes.append(f"hatched {SINGLE}: one article")
    if notes:
        xlabel += "\n" + "; ".join(notes)
    title = _wrap(group, 44, max_lines=2)
    if one_article:
        title += "\n(1 article: no intervals)"
    ax.set(xlabel=xlabel, title=title)
    ax.spines[["top", "right"]].set_visible(False)
    return plain_text(ax)


@plain_text
def compare_terms(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    top_n: int = 10,
    col_wrap: int = 4,
    height: float | None = None,
    aspect: float = 1.15,
    **kwargs,
) -> Figure:
    """Distinctive terms of every group, one panel each (figure-level).

    Every panel shares the x range, so bar lengths compare across groups.

    Parameters
    ----------
    data : pandas.DataFrame
        Output of :func:`framing.distinctive_terms` (``compare="rest"``).
    by, order, palette, top_n
        Group column, panel order, colours and terms per panel.
    col_wrap : int, default=4
        Panels per row.
    height : float, optional
        Height of each panel in inches (by default from ``top_n``).
    aspect : float, default=1.15
        Width of each panel over its height.
    **kwargs
        Passed to :func:`plot_terms`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_columns(data, by, "term", "score")
    groups = _order(data, by, order)
    colors = outlet_palette(groups, palette)
    if height is None:
        height = 1.5 + 0.22 * top_n
    fig, axes = _grid(len(groups), col_wrap, height, max(aspect, 3.7 / height))
    for group, ax in zip(groups, axes, strict=True):
        if not has_terms(data, by, group):
            no_terms(ax, group)
            continue
        plot_terms(data, group=group, by=by, top_n=top_n, color=colors[group], ax=ax, **kwargs)
        ax.set_xlabel("log-odds vs. rest" if kwargs.get("x", "log_odds") == "log_odds" else ax.get_xlabel())
    _same_xlim(axes)
    single = any(p.get_hatch() for ax in axes for p in ax.patches)
    fig.suptitle(
        _fit(
            f"Words each outlet uses more than the others: the {top_n} with the highest z, "
            f"longest bar on top (bars: {level_text(data)} CI over articles; * q < 0.05"
            + (f"; hatched {SINGLE}: rests on one article)" if single else ")"),
            fig.get_figwidth(),
        ),
        fontsize="medium",
    )
    return plain_text(fig)


def has_terms(data: pd.DataFrame, by: str, group: str, other: str = "rest") -> bool:
    """Whether ``data`` holds a term of ``group`` against ``other``."""
    part = data[data[by].astype(str) == str(group)]
    if "other" in part.columns:
        part = part[part["other"].astype(str) == str(other)]
    return not part.empty


def no_terms(ax: Axes, group: str) -> Axes:
    """An empty panel saying that ``group`` has no distinctive terms to show.

    A group can have none: every term too rare in a small corpus, or every
    term house style (an outlet that republishes the same copy).
    """
    ax.set_title(str(group), fontsize="medium", loc="left")
    ax.annotate("no distinctive terms to show", (0.5, 0.5), xycoords="axes fraction", ha="center",
                va="center", fontsize="small", color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


class _LabelPlacer(Artist):
    """Annotations of points placed without overlaps, at draw time.

    Drawn before the labels (lowest z-order), the placer moves each label to
    the first free spot around its point, most important label first.
    Candidate spots lie at growing distances and in several directions; a
    spot is free when the label's box stays inside the axes and overlaps no
    label already placed, the legend, and no point of ``obstacles`` (data
    coordinates); covering a point of ``soft`` costs a tenth as much. When no
    spot is free, the one with the least overlap is taken. Labels away from
    their point get a thin leader line. Placing at draw time means the
    positions are computed on the final layout, at the size and resolution
    the figure is drawn at.
    """

    def __init__(self, ax: Axes, labels: list, obstacles: np.ndarray, soft: np.ndarray) -> None:
        super().__init__()
        self.axes = ax
        self.labels = labels
        # leader lines in display coordinates, drawn under the labels
        self.leaders = [
            ax.add_line(Line2D([], [], transform=IdentityTransform(), color="0.6", linewidth=0.5, zorder=3,
                               visible=False, in_layout=False))
            for _ in labels
        ]
        self.obstacles = obstacles
        self.soft = soft
        self.set_zorder(-10)

    def draw(self, renderer) -> None:
        ax = self.axes
        px = renderer.points_to_pixels(1.0)
        frame = ax.get_window_extent(renderer)
        obs = [ax.transData.transform(self.obstacles)] if len(self.obstacles) else []
        weights = [np.full(len(self.obstacles), 5.0)] if len(self.obstacles) else []
        if len(self.soft):
            obs.append(ax.transData.transform(self.soft))
            weights.append(np.full(len(self.soft), 0.5))
        obs = np.vstack(obs) if obs else np.empty((0, 2))
        weights = np.concatenate(weights) if weights else np.empty(0)
        radius = 3.5 * px  # about half a marker, in pixels
        placed: list[tuple[float, float, float, float]] = []
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            lb = legend.get_window_extent(renderer)
            placed.append((lb.x0, lb.y0, lb.x1, lb.y1))
        for label, leader in zip(self.labels, self.leaders, strict=True):
            x0, y0 = ax.transData.transform(label.xy)
            box0 = label.get_window_extent(renderer)
            w, h = box0.width + 3 * px, box0.height + px  # a little air between labels
            best = None
            for angle, dist in _SPOTS:
                c, s_ = np.cos(np.radians(angle)), np.sin(np.radians(angle))
                ax_, ay_ = x0 + c * (dist * px + radius), y0 + s_ * (dist * px + radius)
                ha = "left" if c > 0.3 else "right" if c < -0.3 else "center"
                va = "bottom" if s_ > 0.7 else "top" if s_ < -0.7 else "center"
                left = ax_ if ha == "left" else ax_ - w if ha == "right" else ax_ - w / 2
                bottom = ay_ if va == "bottom" else ay_ - h if va == "top" else ay_ - h / 2
                box = (left, bottom, left + w, bottom + h)
                outside = (
                    max(frame.x0 - box[0], 0) + max(box[2] - frame.x1, 0)
                    + max(frame.y0 - box[1], 0) + max(box[3] - frame.y1, 0)
                )
                cost = 50.0 * outside
                for other in placed:
                    ox = min(box[2], other[2]) - max(box[0], other[0])
                    oy = min(box[3], other[3]) - max(box[1], other[1])
                    if ox > 0 and oy > 0:
                        cost += 1000.0 * (ox * oy) / (w * h)
                if len(obs):
                    inside = (
                        (obs[:, 0] > box[0] - radius) & (obs[:, 0] < box[2] + radius)
                        & (obs[:, 1] > box[1] - radius) & (obs[:, 1] < box[3] + radius)
                    )
                    cost += float(weights[inside].sum())
                if best is None or cost < best[0]:
                    best = (cost, c, s_, dist, ha, va, box)
                if cost == 0:
                    break
            _, c, s_, dist, ha, va, box = best
            placed.append(box)
            label.xyann = (c * (dist + radius / px), s_ * (dist + radius / px))
            label.set_ha(ha)
            label.set_va(va)
            # leader line from just outside the point to the nearest edge of the label
            tx = min(max(x0, box[0]), box[2])
            ty = min(max(y0, box[1]), box[3])
            gap = np.hypot(tx - x0, ty - y0)
            leader.set_visible(dist > 6 and gap > radius)
            if gap > radius:
                leader.set_data([x0 + (tx - x0) * radius / gap, tx], [y0 + (ty - y0) * radius / gap, ty])


def _count_ticks(axis) -> None:
    """Readable ticks on a log axis of counts: 1, 2, 5, 10, 20, 50 ... written "1,000" and "20k", no minor labels.

    matplotlib labels minor ticks of a log axis spanning less than a decade or
    two, in mathtext powers, and those run into each other.
    """
    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0), numticks=12))
    axis.set_major_formatter(FuncFormatter(_count_text))
    axis.set_minor_locator(LogLocator(base=10, subs=tuple(range(2, 10)), numticks=12))
    axis.set_minor_formatter(NullFormatter())


def _count_text(value: float, _pos=None) -> str:
    if value >= 10_000:
        return f"{value / 1000:,.0f}k"
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


#: Candidate label positions around a point: (angle in degrees, distance in points).
_SPOTS = [(a, r) for r in (4, 12, 22, 34, 48, 64) for a in (0, 180, 25, -25, 155, -155, 55, -55, 125, -125, 90, -90)]


@plain_text
def plot_fightin_words(
    data: pd.DataFrame,
    *,
    group: str | None = None,
    by: str = "outlet",
    other: str = "rest",
    label_top: int = 10,
    threshold: float = 1.96,
    color: Any = None,
    other_color: Any = None,
    palette: Mapping[str, Any] | None = None,
    other_label: str | None = None,
    legend: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """The "Fightin' Words" plot: term frequency against z-score.

    Every term is a point at its total frequency (log scale) and its z-score
    for ``group`` against ``other`` (Monroe et al. 2008, figure 4). Terms
    beyond ``threshold`` are coloured and the ``label_top`` strongest on each
    side are labelled, each label at the first free spot around its point.

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
        Colour of the group's terms (its colour in :func:`outlet_colors` with
        ``palette``, a mapping of outlet colours, by
        default).
    other_color : colour, optional
        Colour of the terms ``other`` uses more (dark grey by default; pass
        the other outlet's colour when ``other`` is one outlet).
    other_label : str, optional
        How to name ``other`` in the labels ("the rest" for ``"rest"``), e.g.
        the other outlet's name when only two are compared.
    legend : bool, default=True
        Explain the colours in a legend.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "term", "z", "count", "count_other")
    groups = _order(data, by, None)
    group = _only(group, groups, "group")
    part = data[data[by].astype(str) == group]
    if "other" in part.columns:
        part = part[part["other"].astype(str) == str(other)]
    if part.empty:
        raise ValueError(f"no rows for group {group!r} against {other!r}")
    ax = plt.gca() if ax is None else ax
    color = color if color is not None else outlet_palette(groups, palette)[group]
    other_color = other_color if other_color is not None else "#707070"
    if np.abs(np.subtract(to_rgb(other_color), to_rgb(color))).max() < 0.25:
        other_color = "#b0b0b0" if sum(to_rgb(color)) < 1.5 else "#303030"  # never the group's own colour
    freq = (part["count"] + part["count_other"]).to_numpy(float)
    z = part["z"].to_numpy(float)
    side = np.where(z >= threshold, "pos", np.where(z <= -threshold, "neg", "mid"))
    cmap = {"pos": color, "neg": other_color, "mid": "#cfcfcf"}
    them = other_label if other_label is not None else "the rest" if other == "rest" else other
    names = {
        "pos": f"used more by {_wrap(group, 30, max_lines=1)}",
        "neg": f"used more by {_wrap(them, 30, max_lines=1)}",
        "mid": f"|z| < {threshold:g}",
    }
    kwargs.setdefault("s", 14)
    for key in ("mid", "neg", "pos"):
        sel = side == key
        ax.scatter(freq[sel], z[sel], color=cmap[key], linewidths=0, zorder=2 if key != "mid" else 1,
                   label=names[key] if sel.any() else None, **kwargs)
    ax.set_xscale("log")
    _count_ticks(ax.xaxis)
    ax.axhline(threshold, color="0.6", linewidth=0.7, linestyle="--")
    ax.axhline(-threshold, color="0.6", linewidth=0.7, linestyle="--")
    ax.axhline(0, color="0.85", linewidth=0.6, zorder=0)
    ax.margins(x=0.06, y=0.1)
    ax.set(
        xlabel="occurrences in the corpus (log scale)",
        ylabel=_wrap(f"z-score: {group} vs. {them}", 40, max_lines=2),
        title=_wrap(f"{group} vs. {them}", 48, max_lines=2),
    )
    ax.spines[["top", "right"]].set_visible(False)
    if legend:
        handles, names_ = ax.get_legend_handles_labels()
        ax.legend(handles[::-1], names_[::-1], loc="best", fontsize="x-small", frameon=True, framealpha=0.85, edgecolor="none",
                  markerscale=1.2, handletextpad=0.2)
    order = np.argsort(-z, kind="stable")
    top = [i for i in order[:label_top] if z[i] >= threshold]
    bottom = [i for i in order[::-1][:label_top] if z[i] <= -threshold]
    chosen = sorted(top + bottom, key=lambda i: -abs(z[i]))
    coloured = np.flatnonzero(side != "mid")
    labels = [
        ax.annotate(
            str(part["term"].iat[i]), (freq[i], z[i]), xytext=(4, 0), textcoords="offset points",
            va="center", fontsize="small", color=_ink(color) if z[i] > 0 else _ink(other_color), zorder=4,
        )
        for i in chosen
    ]
    if labels:
        ax.add_artist(_LabelPlacer(ax, labels, np.column_stack([freq[coloured], z[coloured]]),
                                   np.column_stack([freq[side == "mid"], z[side == "mid"]])))
    return plain_text(ax)


# -- sentiment -------------------------------------------------------------------------


