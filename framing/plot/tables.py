"""Outlets against items: heatmaps, label shares and stacked compositions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ._layout import (
    _LINE,
    MISSING,
    SINGLE,
    _axes_width,
    _balanced,
    _check_columns,
    _fit,
    _grid,
    _legend_below,
    _n_lines,
    _only,
    _order,
    _text_color,
    _tick,
    _wrap,
    interval_note,
    part_palette,
    plain_text,
)


@plain_text
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
    intervals: bool = False,
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
    intervals : bool, default=False
        Write each cell's interval ``[low, high]`` under its value (when
        ``data`` has the interval columns).
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
    if (uncertain or intervals) and {"ci_low", "ci_high"} <= set(data.columns):
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
            elif intervals and lows is not None:
                text += f"\n[{fmt.format(lows[i, j])}, {fmt.format(highs[i, j])}]"
            ax.text(j, i, text, ha="center", va="center", fontsize="x-small" if "\n" in text else "small",
                    color=_text_color(rgba[:3]))
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
    return plain_text(ax)


@plain_text
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
    concept = _only(concept, concepts, "concept")
    part = data[data["concept"].astype(str) == concept]
    if part.empty:
        raise ValueError(f"concept {concept!r} is not in the data; concepts: {concepts}")
    ax = plot_composition(
        part, by=by, part="label", order=order, colors=label_colors, min_share=min_share,
        xlabel="share of the concept's mentions (counts inside the bars)", title=f"Labels for “{concept}”",
        empty="no mentions", ax=ax, **kwargs,
    )
    if {"ci_low", "ci_high"} <= set(part.columns):
        _first_label_intervals(part, by, _order(part, by, order), ax)
    return plain_text(ax)


def _first_label_intervals(part: pd.DataFrame, by: str, groups: list[str], ax: Axes) -> None:
    """The interval over articles of the first label's share, a black whisker at the edge of its segment.

    A bar whose share rests on one article says so beside its count instead.
    """
    first = part[part["label"].astype(str) == str(part["label"].iloc[0])]
    first = first.set_index(first[by].astype(str))
    first = first[~first.index.duplicated()]
    for y, g in enumerate(groups):
        if g not in first.index or not first.loc[g, "count"]:
            continue
        row = first.loc[g]
        if pd.notna(row["ci_low"]) and pd.notna(row["ci_high"]):
            ax.errorbar(row["share"], y, xerr=[[row["share"] - row["ci_low"]], [row["ci_high"] - row["share"]]],
                        fmt="none", ecolor="black", elinewidth=1.2, capsize=3, zorder=4)
        note = interval_note(row)
        if note:
            ax.annotate(note, (1.01, y), xycoords=ax.get_yaxis_transform(), xytext=(0, -9),
                        textcoords="offset points", va="center", fontsize="x-small", color="0.35")


@plain_text
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
    return plain_text(ax)


@plain_text
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
    return plain_text(fig)
