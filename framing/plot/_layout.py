"""Colours, marks and the layout helpers every chart shares."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Mapping, Sequence
from statistics import NormalDist
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.transforms import offset_copy


def plain_text(draw: Callable) -> Callable:
    """Draw with mathtext off, so that user text is shown as written.

    Outlet names, terms, labels and titles come from the corpus: matplotlib
    would read ``$...$`` in them as TeX ("Money $and$ More" in italics, or
    an error for an unbalanced ``$``). Every chart function is wrapped so that
    the text it creates is plain (``text.parse_math`` off while it draws;
    the setting is restored afterwards).
    """

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context({"text.parse_math": False}):
            return draw(*args, **kwargs)

    return wrapper


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


def level_of(data: pd.DataFrame, default: float = 0.95) -> float:
    """The confidence level of a table's intervals, as its analysis recorded it."""
    return float(getattr(data, "attrs", {}).get("ci", default))


def level_text(data: pd.DataFrame) -> str:
    """The confidence level of a table's intervals as a percentage ("95%")."""
    return f"{100 * level_of(data):g}%"


def critical_z(data: pd.DataFrame) -> float:
    """The two-sided normal quantile of the table's confidence level (1.96 at 95%)."""
    return float(NormalDist().inv_cdf(1 - (1 - level_of(data)) / 2))


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


