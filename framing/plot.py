"""Charts of framing results, one per question.

Axes-level functions are named ``plot_<thing>``: they take a tidy table made by
an analysis function, draw on ``ax`` (the current Axes by default) and return
it. Figure-level functions are named ``compare_<thing>``: they build and
return a whole :class:`~matplotlib.figure.Figure`. None of them calls
``plt.show()``, saves files or changes global settings.

Colours are stable: :func:`outlet_palette` gives every outlet the same
colour-blind-safe colour in every chart of a session when given the same
outlet list (the order of :attr:`framing.Corpus.outlets`), and outlets are
drawn in that order everywhere. The segments of stacked bars (labels, roles,
speakers) take their colours from :func:`part_palette`, a different scheme, so
that in a chart of outlets a colour always means an outlet.

The marks mean the same in every chart: ``†`` a value that rests on a single
article (no interval over articles can be computed), hatching a value whose
interval includes the reference (zero) or, for terms, rests on one article,
``—`` a value that is missing (not zero).
"""

from __future__ import annotations

import textwrap
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
from matplotlib.transforms import IdentityTransform, offset_copy

__all__ = [
    "outlet_palette",
    "part_palette",
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
    "plot_relative_sentiment",
    "plot_roles",
]

#: Okabe & Ito (2008) colours, ordered for contrast on white; yellow last.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
#: Paul Tol's "muted" scheme (colour-blind safe up to nine categories) plus three
#: colours; Tol's pale grey, invisible on white, is replaced by his vibrant orange
#: (grey means "not this outlet" in several charts, so no outlet is grey).
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
    "#EE7733",
    "#000000",
    "#6699CC",
)
#: Paul Tol's "light" scheme (colour-blind safe): the segments of stacked bars
#: (labels, roles, speakers), kept apart from the outlet colours so that a
#: colour in a chart of outlets always means an outlet.
TOL_LIGHT = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00")
_GREY = "#9a9a9a"
#: Background of a heatmap cell without a value.
MISSING = "#e6e6e6"
#: Text height of one line at the "small" font size, in inches (for sizing figures).
_LINE = 0.16
#: The mark for a value that rests on a single article (no interval over articles).
SINGLE = "†"


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


def part_palette(parts: Sequence[str], colors: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A colour per segment of a stacked bar (label, role, speaker ...).

    Paul Tol's light scheme, then his muted one for more than eight parts;
    colours given in ``colors`` win.

    Examples
    --------
    >>> part_palette(["killed", "died"])
    {'killed': '#77AADD', 'died': '#EE8866'}
    """
    parts = list(dict.fromkeys(str(p) for p in parts))
    base = TOL_LIGHT + TOL_MUTED
    out = {p: base[i % len(base)] for i, p in enumerate(parts)}
    if colors:
        out.update({str(k): v for k, v in colors.items()})
    return out


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


def _wrap(label: str, width: int = 22, max_lines: int | None = None) -> str:
    """Wrap ``label`` at ``width`` characters; cut it with "…" after ``max_lines`` lines."""
    lines = textwrap.wrap(str(label), width, break_long_words=True) or [str(label)]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return "\n".join(lines)


def _tick(label: str) -> str:
    """An outlet name as a tick label: at most two lines."""
    return _wrap(label, 24, max_lines=2)


def _n_lines(labels: Sequence[str]) -> int:
    """Lines of text the tick labels of ``labels`` take in total."""
    return sum(_tick(x).count("\n") + 1 for x in labels)


def _axes_width(ax: Axes) -> float:
    """Width of ``ax`` in inches (before any layout engine shrinks it)."""
    return ax.get_position().width * ax.figure.bbox.width / ax.figure.dpi


def _fit(text: str, width_in: float, size: float = 10.0) -> str:
    """Wrap ``text`` so that it fits ``width_in`` inches at font ``size`` points."""
    chars = max(int(width_in * 72 / (0.52 * size)), 12)
    return "\n".join(_wrap(line, chars) for line in str(text).split("\n"))


def _text_color(color) -> str:
    r, g, b = to_rgb(color)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


def _ink(color) -> tuple[float, float, float]:
    """``color`` darkened until text in it is readable on white."""
    r, g, b = to_rgb(color)
    lum = 0.299 * r + 0.587 * g + 0.114 * b
    if lum <= 0.5:
        return (r, g, b)
    k = 0.5 / lum
    return (r * k, g * k, b * k)


def _legend_shape(labels: Sequence[str], width_in: float) -> tuple[int, int]:
    """Columns and rows of a legend of ``labels`` (fontsize "small") that fits ``width_in`` inches."""
    if not len(labels):
        return 1, 0
    entry = 0.4 + 0.058 * max(len(str(lab)) for lab in labels)
    ncols = int(np.clip(width_in // entry, 1, len(labels)))
    return ncols, int(np.ceil(len(labels) / ncols))


def _legend_below(ax: Axes, title: str | None = None, **kwargs) -> Any:
    """A legend under the x-axis label of ``ax``, in as many columns as fit its width, read row by row."""
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    ncols, _ = _legend_shape(labels, _axes_width(ax) * 1.1)  # axes widen a little under the layout engine
    # matplotlib fills legend columns first; reorder so entries read left to right
    order = sorted(range(len(handles)), key=lambda i: (i % ncols, i // ncols))
    # below the tick labels and the x-axis label, whatever the height of the axes
    label_lines = ax.get_xlabel().count("\n") + 1 if ax.get_xlabel() else 0
    below = offset_copy(ax.transAxes, fig=ax.figure, y=-(18 + 13 * label_lines), units="points")
    kwargs.setdefault("fontsize", "small")
    return ax.legend(
        [handles[i] for i in order], [labels[i] for i in order], ncols=ncols, frameon=False,
        loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=below, title=title,
        title_fontsize="small", borderaxespad=0.2, **kwargs,
    )


def _balanced(n: int, col_wrap: int) -> int:
    """Columns for ``n`` panels, at most ``col_wrap``, with rows as full as possible (5 -> 3 + 2)."""
    rows = int(np.ceil(n / max(col_wrap, 1)))
    return max(1, int(np.ceil(n / max(rows, 1))))


def _grid(n: int, col_wrap: int, height: float, aspect: float, **kwargs):
    ncols = _balanced(n, col_wrap)
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


def _same_xlim(axes: Sequence[Axes], include_zero: bool = True) -> None:
    """Give every Axes the union of their x ranges, so bar lengths compare across panels."""
    lims = np.array([ax.get_xlim() for ax in axes])
    if not len(lims):
        return
    lo, hi = lims[:, 0].min(), lims[:, 1].max()
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    for ax in axes:
        ax.set_xlim(lo, hi)


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
    hatched and marked ``†``. The x-axis label lists the marks that occur.
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
    n_available = len(part)
    part = part.sort_values(["score", "term"], ascending=[False, True]).head(top_n)
    part = part.sort_values(x, ascending=False, kind="stable")
    color = color if color is not None else outlet_palette(groups)[group]
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
        part["single_article"].to_numpy(bool, copy=True)
        if "single_article" in part.columns
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
        xlabel += " (95% CI over articles)"
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
    return ax


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
        plot_terms(data, group=group, by=by, top_n=top_n, color=colors[group], ax=ax, **kwargs)
        ax.set_xlabel("log-odds vs. rest" if kwargs.get("x", "log_odds") == "log_odds" else ax.get_xlabel())
    _same_xlim(axes)
    single = any(p.get_hatch() for ax in axes for p in ax.patches)
    fig.suptitle(
        _fit(
            f"Words each outlet uses more than the others: the {top_n} with the highest z, "
            "longest bar on top (bars: 95% CI over articles; * q < 0.05"
            + (f"; hatched {SINGLE}: rests on one article)" if single else ")"),
            fig.get_figwidth(),
        ),
        fontsize="medium",
    )
    return fig


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


#: Candidate label positions around a point: (angle in degrees, distance in points).
_SPOTS = [(a, r) for r in (4, 12, 22, 34, 48, 64) for a in (0, 180, 25, -25, 155, -155, 55, -55, 125, -125, 90, -90)]


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
        Colour of the group's terms (its colour in :func:`outlet_palette` by
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
        err = None
        if pd.notna(row["ci_low"]) and pd.notna(row["ci_high"]):
            err = [[row["estimate"] - row["ci_low"]], [row["ci_high"] - row["estimate"]]]
        else:
            n = row["n_articles"] if "n_articles" in part.columns else np.nan
            note = f"{int(n)} article: no interval" if pd.notna(n) and n < 2 else "no interval"
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
    p = part["p_value"].dropna() if "p_value" in part.columns else pd.Series(dtype=float)
    if title is not None:
        if len(p):
            title += f"\noutlets differ: permutation p = {p.iloc[0]:.3g}"
        ax.set_title(_fit(title, _axes_width(ax)), fontsize="medium")
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
    title: str | None = "Sentiment per outlet: articles (dots), mean and 95% CI",
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
    title : str or None
        Title; the permutation p-value of the between-outlet test is added
        below it.
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
        title=title,
        missing="no headlines" if metric == "headline_compound" else "no data", ax=ax, **kwargs,
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
    colorbar: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """A table of estimates as colours, with the numbers written in.

    With ``uncertain`` true, cells whose interval (``ci_low``-``ci_high``)
    includes ``center`` are drawn with a hatched overlay, so that a reader
    does not mistake noise for a difference, and cells with a value but no
    interval (fewer than two articles behind them) are marked ``†``.
    Missing cells (an actor an outlet never mentions) are grey and marked
    ``missing``: they are not zero.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table with ``row``, ``col`` and ``value`` columns.
    row, col, value : str
        Columns for the rows, the columns and the colour.
    row_order, col_order : sequence of str, optional
        Orders (appearance order by default).
    center : float or None, default=0.0
        With a number, a diverging colour map centred there (symmetric around
        it); with None a sequential one from zero.
    cmap : str, optional
        Colour map name (``"RdBu"`` diverging, ``"Blues"`` sequential by
        default; both colour-blind safe).
    fmt : str, default="{:.2f}"
        Format of the numbers.
    uncertain : bool, default=True
        Hatch cells whose interval includes ``center`` (diverging maps only)
        and mark cells without an interval ``†`` (when ``data`` has the
        interval columns).
    missing : str, default="—"
        Text of empty cells.
    colorbar_label : str, optional
        Label of the colour bar (``value`` by default).
    colorbar : bool, default=True
        Draw the colour bar.
    ax : matplotlib.axes.Axes, optional
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.pcolormesh` (``vmin`` and
        ``vmax`` replace the automatic colour range).

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, row, col, value)
    rows = _order(data, row, row_order)
    cols = _order(data, col, col_order)
    ax = plt.gca() if ax is None else ax

    def grid(column: str) -> np.ndarray:
        return data.pivot_table(index=data[row].astype(str), columns=data[col].astype(str), values=column,
                                aggfunc="first", dropna=False).reindex(index=rows, columns=cols).to_numpy(float)

    values = grid(value)
    finite = values[np.isfinite(values)]
    if center is not None:
        span = max(np.abs(finite - center).max() if finite.size else 1.0, 1e-9)
        vmin, vmax = center - span, center + span
        cmap = cmap or "RdBu"
    else:
        vmin, vmax = 0.0, max(finite.max() if finite.size else 1.0, 1e-9)
        cmap = cmap or "Blues"
    vmin, vmax = kwargs.pop("vmin", vmin), kwargs.pop("vmax", vmax)
    cm = plt.get_cmap(cmap)
    # one vector rectangle per cell (an image would be a bitmap inside SVG and PDF);
    # missing cells are not drawn, so the grey background shows through
    kwargs.setdefault("edgecolors", "white")
    kwargs.setdefault("linewidth", 0.5)
    image = ax.pcolormesh(np.arange(len(cols) + 1) - 0.5, np.arange(len(rows) + 1) - 0.5,
                          np.ma.masked_invalid(values), cmap=cm, vmin=vmin, vmax=vmax, **kwargs)
    ax.set_facecolor(MISSING)
    ax.set_xlim(-0.5, len(cols) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    lows = highs = None
    if uncertain and {"ci_low", "ci_high"} <= set(data.columns):
        lows, highs = grid("ci_low"), grid("ci_high")
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = values[i, j]
            if not np.isfinite(v):
                ax.text(j, i, missing, ha="center", va="center", fontsize="small", color="0.35")
                continue
            rgba = cm((v - vmin) / (vmax - vmin))
            text = fmt.format(v)
            if lows is not None and not (np.isfinite(lows[i, j]) and np.isfinite(highs[i, j])):
                text += SINGLE
            ax.text(j, i, text, ha="center", va="center", fontsize="small", color=_text_color(rgba[:3]))
            if (center is not None and lows is not None and np.isfinite(lows[i, j])
                    and lows[i, j] <= center <= highs[i, j]):
                ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="////",
                                           edgecolor=(0.4, 0.4, 0.4, 0.45), linewidth=0))
    # column labels: level when short, slanted when long or many (wrapped lines would collide)
    cell = _axes_width(ax) / max(len(cols), 1)
    flat = [_wrap(c, 16, max_lines=2) for c in cols]
    widest = max((max(len(line) for line in f.split("\n")) for f in flat), default=0)
    if widest * 0.075 <= cell:
        ax.set_xticks(range(len(cols)), flat)
    else:
        ax.set_xticks(range(len(cols)), [_wrap(c, 28, max_lines=1) for c in cols], rotation=40, ha="right",
                      rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), [_tick(r) for r in rows])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, shrink=0.8, label=colorbar_label or value)
    return ax


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
        Shade the 95% interval over articles; by default only with up to three
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
        ax.set_title("Sentiment arc" + (" (bands: 95% CI over articles)" if drew_band else ""), fontsize="medium")
        if legend:
            ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                      ncols=1 if len(groups) <= 14 else 2)
    else:
        ax.set_title(_wrap(highlight, 40, max_lines=2), fontsize="medium")
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
        Colour per label (:func:`part_palette` by default).
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
        empty="no mentions", ax=ax, **kwargs,
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
    legend: bool = True,
    part_names: Mapping[str, str] | None = None,
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
        Order of the bars (top to bottom) and of the segments (left to right,
        and in the legend).
    colors : mapping, optional
        Colour per segment (:func:`part_palette` by default: colour-blind
        safe, and apart from the outlet colours).
    min_share : float, default=0.06
        Segments narrower than this are not annotated with their count.
    xlabel, title : str
        Axis label and title.
    empty : str, default="no mentions"
        Written next to a bar with no counts (the bar is missing, not zero).
    legend : bool, default=True
        Name the segments in a legend under the axes, read left to right in
        the order of the segments, in as many columns as fit.
    part_names : mapping, optional
        Display names of the segments in the legend.
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
    palette = part_palette(labels, colors)
    names = {lab: str((part_names or {}).get(lab, lab)) for lab in labels}
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
        ax.barh(y, shares, left=left, color=palette[lab], label=names[lab], edgecolor="white", linewidth=0.6,
                **kwargs)
        for yi, sh, c, lf in zip(y, shares, counts, left, strict=True):
            if sh >= min_share:
                ax.text(lf + sh / 2, yi, f"{int(c)}", ha="center", va="center", fontsize="small",
                        color=_text_color(palette[lab]))
        left += shares
    for yi, total in zip(y, totals, strict=True):
        ax.text(1.01, yi, f"n={int(total)}" if total else empty, va="center", fontsize="small", color="0.3",
                transform=ax.get_yaxis_transform())
    ax.set_yticks(y, [_tick(g) for g in groups])
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set(xlabel=_fit(xlabel, _axes_width(ax)))
    if title:
        ax.set_title(_fit(title, _axes_width(ax)), fontsize="medium")
    if legend:
        _legend_below(ax)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def compare_labels(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    order: Sequence[str] | None = None,
    col_wrap: int = 2,
    height: float | None = None,
    aspect: float | None = None,
    **kwargs,
) -> Figure:
    """Label choices for every concept, one panel each (figure-level).

    Parameters
    ----------
    data : pandas.DataFrame
        ``label_choices(level="group")``.
    by, order
        Group column and bar order (top to bottom).
    col_wrap : int, default=2
        Panels per row; outlet names are written only in the first column.
    height : float, optional
        Height of each panel in inches (by default from the number of groups
        and the length of the legend).
    aspect : float, optional
        Width over height of each panel (by default about 6 inches wide).
    **kwargs
        Passed to :func:`plot_labels`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_columns(data, "concept", by, "label", "count", "share")
    concepts = list(dict.fromkeys(data["concept"].astype(str)))
    groups = _order(data, by, order)
    if height is None:
        n_labels = data.groupby(data["concept"].astype(str))["label"].nunique().max() if len(data) else 1
        height = 1.6 + 0.28 * _n_lines(groups) + _LINE * (np.ceil(n_labels / 3) + 1)
    if aspect is None:
        aspect = 6.0 / height
    fig, axes = _grid(len(concepts), col_wrap, height, aspect)
    ncols = _balanced(len(concepts), col_wrap)
    for i, (concept, ax) in enumerate(zip(concepts, axes, strict=True)):
        plot_labels(data, concept=concept, by=by, order=groups, ax=ax, **kwargs)
        if i % ncols:
            ax.tick_params(labelleft=False)
    return fig


# -- actors: relative sentiment and narrative roles ----------------------------------


def plot_relative_sentiment(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    actors: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    palette: Mapping[str, Any] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """How much warmer or colder each outlet writes about each actor than the others.

    Draws, per actor (one row each), every outlet's ``relative`` sentiment
    (its mean target sentiment toward the actor minus the mean of all
    outlets) as a dot with its interval over articles. Zero is the outlets'
    common level, written at the right of each row ("all outlets -0.42"):
    when a story is negative for everyone, the chart still shows who is
    harsher or milder than the rest instead of painting every outlet hostile.

    Parameters
    ----------
    data : pandas.DataFrame
        The group-level output of :func:`framing.actor_sentiment`: columns
        ``by``, ``actor``, ``relative``, ``relative_ci_low``,
        ``relative_ci_high`` and ``all_outlets_mean``.
    by : str, default="outlet"
    actors : sequence of str, optional
        Actors to show, top to bottom (default: those with a value, in the
        table's order).
    order, palette
        Outlet order (legend and dodge) and colours (:func:`outlet_palette`).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "actor", "relative", "relative_ci_low", "relative_ci_high", "all_outlets_mean")
    if ax is None:
        ax = plt.gca()
    outlets = _order(data, by, order)
    colors = outlet_palette(outlets, palette)
    shown = data[data["relative"].notna()]
    names = list(actors) if actors is not None else list(dict.fromkeys(shown["actor"]))
    k = max(len(outlets), 1)
    step = 0.7 / k
    for row, actor in enumerate(names):
        part = data[data["actor"] == actor].set_index(by)
        for j, outlet in enumerate(outlets):
            if outlet not in part.index or pd.isna(part.at[outlet, "relative"]):
                continue
            y = row - 0.35 + step * (j + 0.5)
            x = float(part.at[outlet, "relative"])
            lo, hi = part.at[outlet, "relative_ci_low"], part.at[outlet, "relative_ci_high"]
            if pd.notna(lo) and pd.notna(hi):
                ax.plot([lo, hi], [y, y], color=colors[outlet], lw=1.4, solid_capstyle="butt")
                ax.plot([x], [y], "o", color=colors[outlet], ms=5)
            else:
                ax.plot([x], [y], "o", mfc="white", mec=colors[outlet], ms=5)
        mean = part["all_outlets_mean"].dropna()
        if len(mean):
            ax.annotate(f"all outlets {mean.iloc[0]:+.2f}", xy=(1.0, row), xycoords=("axes fraction", "data"),
                        xytext=(4, 0), textcoords="offset points", va="center", ha="left", fontsize="small",
                        color="#555555")
    ax.axvline(0, color="#555555", lw=0.8, ls=":")
    ax.set_yticks(range(len(names)), [_wrap(n, 24) for n in names])
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlabel("sentiment toward the actor minus the mean of all outlets\n"
                  "(difference on the -1 to +1 target-sentiment scale; 0 = the outlets' mean, shown at right;\n"
                  "hollow dot: one article, no interval)")
    handles = [Line2D([], [], marker="o", ls="-", color=colors[o], label=o) for o in outlets]
    if handles:
        ax.legend(handles=handles, title=by, loc="upper center", bbox_to_anchor=(0.5, -0.18),
                  ncol=min(len(handles), 4), frameon=False, fontsize="small")
    return ax


#: Colours of the three narrative roles (Paul Tol's light scheme).
ROLE_COLORS = {"hero": "#44BB99", "villain": "#EE8866", "victim": "#77AADD"}


def plot_roles(
    data: pd.DataFrame,
    *,
    by: str = "outlet",
    actors: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    colors: Mapping[str, Any] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who each outlet casts as hero, villain or victim: outlets x actors.

    One cell per outlet (rows) and actor (columns) holds a bar split into the
    shares of the actor's mentions cast as hero, villain and victim, with the
    number of mentions under it; ``—`` marks an actor the outlet never
    mentions.

    Parameters
    ----------
    data : pandas.DataFrame
        The group-level output of :func:`framing.actor_roles`: columns ``by``,
        ``actor``, ``role``, ``share`` and ``n_mentions``.
    by : str, default="outlet"
    actors : sequence of str, optional
        Actors to show, left to right (default: those mentioned, in the
        table's order).
    order : sequence of str, optional
        Outlet order, top to bottom.
    colors : mapping, optional
        Colour per role (default :data:`ROLE_COLORS`).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_columns(data, by, "actor", "role", "share", "n_mentions")
    if ax is None:
        ax = plt.gca()
    roles = ["hero", "villain", "victim"]
    col = {**ROLE_COLORS, **(dict(colors) if colors else {})}
    outlets = _order(data, by, order)
    mentioned = data[data["n_mentions"] > 0]
    names = list(actors) if actors is not None else list(dict.fromkeys(mentioned["actor"]))
    table = data.set_index([by, "actor", "role"])
    for r, outlet in enumerate(outlets):
        for c, actor in enumerate(names):
            key = (outlet, actor)
            n = int(table.loc[(outlet, actor, "hero"), "n_mentions"]) if (outlet, actor, "hero") in table.index else 0
            if n == 0:
                ax.text(c + 0.5, r + 0.5, "—", ha="center", va="center", color="#777777")
                continue
            left = c + 0.06
            for role in roles:
                share = float(table.loc[(*key, role), "share"])
                if not share > 0:
                    continue
                w = 0.88 * share
                ax.add_patch(plt.Rectangle((left, r + 0.2), w, 0.42, facecolor=col[role], edgecolor="white", lw=0.5))
                if share >= 0.25:
                    ax.text(left + w / 2, r + 0.41, f"{share:.0%}", ha="center", va="center", fontsize="x-small")
                left += w
            ax.text(c + 0.5, r + 0.8, f"n={n}", ha="center", va="center", fontsize="x-small", color="#555555")
    ax.set_xlim(0, len(names))
    ax.set_ylim(len(outlets), 0)
    ax.set_xticks([c + 0.5 for c in range(len(names))], [_wrap(n, 14) for n in names], fontsize="small")
    ax.xaxis.tick_top()
    ax.set_yticks([r + 0.5 for r in range(len(outlets))], outlets)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=col[r], label=r) for r in roles]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, frameon=False,
              title="share of the actor's mentions cast as")
    return ax
