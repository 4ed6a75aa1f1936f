"""Colours, marks and the layout helpers every chart shares."""

from __future__ import annotations

import functools
import re
import textwrap
import unicodedata
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from statistics import NormalDist
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

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


#: The outlet colours: Okabe & Ito's and Paul Tol's muted colour-blind-safe
#: schemes without their light colours (yellow, sky blue, sand, cyan, pale grey),
#: Okabe-Ito orange darkened: every one has a contrast of at least 3:1 on white.
OUTLET_COLORS = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#332288",
    "#882255", "#117733", "#999933", "#CC6677", "#AA4499", "#B07000",
)


def _home(name: str, n: int) -> int:
    """The colour an outlet name hashes to: CRC-32 of its NFC, case-folded UTF-8 form, modulo ``n``."""
    key = unicodedata.normalize("NFC", str(name)).casefold()
    return zlib.crc32(key.encode("utf-8")) % n


def outlet_colors(
    names: Sequence[str], palette: Mapping[str, Any] | Sequence[Any] | None = None
) -> dict[str, Any]:
    """A colour per outlet that does not depend on which other outlets are present.

    Each name is hashed (CRC-32 of its NFC-normalised, case-folded form) to a
    home colour of :data:`OUTLET_COLORS` (colour-blind safe, none light on
    white), so an outlet has the same colour in every chart, comparison and
    session, whatever outlets come with it.

    Collisions: of the names that share a home colour, the first in sorted
    (case-folded) order keeps it; the others, in that order, take the next
    colour along the palette that is no present name's home colour and not
    yet taken. So an outlet that is alone at its home colour keeps it when
    outlets are added or removed, unless a newcomer hashes to the same colour
    and sorts before it; only outlets that collided can move. With more
    outlets than colours the colours repeat (charts then also label outlets
    directly).

    Parameters
    ----------
    names : sequence of str
        The outlets.
    palette : mapping or sequence, optional
        A mapping gives colours for some (or all) outlets and wins; the other
        outlets are hashed into the palette's colours the mapping does not
        use. A sequence of colours replaces :data:`OUTLET_COLORS` as the
        colours hashed into.

    Returns
    -------
    dict
        Outlet name -> colour, in the order of ``names``.

    Examples
    --------
    >>> c = outlet_colors(["Harbor Lantern", "Capitol Ledger"])
    >>> c == {k: v for k, v in outlet_colors(["Capitol Ledger", "Sablewood", "Harbor Lantern"]).items() if k in c}
    True
    """
    names = list(dict.fromkeys(str(o) for o in names))
    given: dict[str, Any] = {}
    colors: Sequence[Any] = OUTLET_COLORS
    if isinstance(palette, Mapping):
        given = {str(k): v for k, v in palette.items()}
    elif palette is not None:
        colors = list(palette)
        if not colors:
            raise ValueError("palette must hold at least one colour")
    used = {str(v).lower() for v in given.values()}
    free = [c for c in colors if str(c).lower() not in used] or list(colors)
    n = len(free)
    rest = sorted((o for o in names if o not in given), key=lambda o: (unicodedata.normalize("NFC", o).casefold(), o))
    home = {o: _home(o, n) for o in rest}
    taken: dict[int, str] = {}
    for o in rest:
        taken.setdefault(home[o], o)
    homes = set(taken)
    out = {o: free[h] for h, o in taken.items()}
    for o in rest:
        if o in out:
            continue
        for step in range(1, n + 1):
            slot = (home[o] + step) % n
            if slot not in taken and slot not in homes:
                taken[slot] = o
                out[o] = free[slot]
                break
        else:  # more outlets than colours: share the home colour
            out[o] = free[home[o]]
    out.update({o: given[o] for o in names if o in given})
    return {o: out[o] for o in names}


def outlet_palette(
    outlets: Sequence[str], palette: Mapping[str, Any] | Sequence[Any] | None = None
) -> dict[str, Any]:
    """A colour per outlet, stable across charts: :func:`outlet_colors`.

    Examples
    --------
    >>> outlet_palette(["A", "B"]) == outlet_colors(["A", "B"])
    True
    """
    return outlet_colors(outlets, palette)


def plain_text(target):
    """Chart text drawn as written: a decorator for chart functions, or applied to an Axes or Figure.

    As a decorator, the chart function draws with ``text.parse_math`` off
    (restored afterwards) and what it returns passes through the same rule
    (:func:`_plain_texts`); applied to an artist, every text in it is made
    plain. Returns the wrapped function or ``artist``.
    """
    if isinstance(target, Artist):
        return _plain_texts(target)

    @functools.wraps(target)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context({"text.parse_math": False}):
            out = target(*args, **kwargs)
        if isinstance(out, Artist):
            _plain_texts(out)
        return out

    return wrapper


def _plain_texts(artist):
    """Every text in ``artist`` (an Axes or a Figure) drawn as written, never as mathtext.

    Outlet names, terms, labels and actors come from users and their data; a
    ``$`` in one ("Ca$h Daily", "$5 fares") would otherwise start a formula.
    Every chart passes what it returns through here, so it is done in one
    place; texts a user adds to the returned chart afterwards keep
    matplotlib's default. Text in Chinese, Japanese or Korean falls back on
    an installed CJK font (:func:`cjk_font`) instead of drawing empty boxes.
    Returns ``artist``.
    """
    cjk = None
    for text in artist.findobj(Text):
        text.set_parse_math(False)
        if _WIDE.search(text.get_text()):
            cjk = cjk if cjk is not None else cjk_font()
            if cjk and cjk not in text.get_fontfamily():
                text.set_fontfamily([*text.get_fontfamily(), cjk])
    return artist


#: Characters the default fonts lack: CJK, kana, Hangul (and their punctuation and full-width forms).
_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
#: Fonts with Chinese, Japanese and Korean glyphs, the first installed one is the fallback.
CJK_FONTS = ("Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR", "Source Han Sans",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "Noto Sans SC", "Noto Sans JP")
_CJK_FILES = ("notosanscjk", "sourcehansans", "wqy-zenhei", "wqy-microhei", "droidsansfallback")


@functools.lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The installed font that charts fall back on for CJK text (None: none installed).

    The first of :data:`CJK_FONTS` matplotlib knows; a font installed after
    matplotlib built its font list (fonts-noto-cjk, fonts-wqy-zenhei,
    fonts-droid-fallback) is found among the system fonts and added.
    """
    known = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in known:
            return name
    for path in font_manager.findSystemFonts():
        flat = Path(path).name.lower().replace("_", "").replace(" ", "")
        if any(key in flat for key in _CJK_FILES) and "bold" not in flat and "mono" not in flat:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    known = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in known), None)


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


def _only(value: str | None, options: Sequence[str], name: str) -> str:
    """``value``, or when it is None the one option there is (a ValueError when there are several)."""
    if value is not None:
        return value
    if len(options) != 1:
        raise ValueError(f"data holds several {name}s {options}; choose one with {name}=")
    return options[0]


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


def interval_note(row) -> str:
    """What to print beside an estimate without a usable interval ("" when it has one).

    The table's ``ci_note`` when it has one ("one article: no interval",
    "every article identical"), else worked out from ``n_articles``.
    """
    note = row.get("ci_note", "") if hasattr(row, "get") else ""
    if isinstance(note, str) and note:
        return note
    if pd.notna(row.get("ci_low", np.nan)) and pd.notna(row.get("ci_high", np.nan)):
        return ""
    if pd.isna(row.get("estimate", np.nan)):
        return ""
    n = row.get("n_articles", np.nan)
    return "one article: no interval" if pd.notna(n) and n < 2 else "no interval"


def test_line(part: pd.DataFrame, by: str = "outlet") -> str:
    """The title line of the test that the groups differ: its p-value, or why no test was possible."""
    if "p_value" not in part.columns:
        return ""
    groups = "outlets" if by == "outlet" else f"groups of {by}"
    p = part["p_value"].dropna()
    if len(p):
        return f"\n{groups} differ: permutation p = {p.iloc[0]:.3g}"
    tests = part["test"].dropna().astype(str) if "test" in part.columns else pd.Series(dtype=str)
    why = next((t for t in tests if t.startswith("no test possible")), "")
    if why:
        return f"\n{groups} differ: " + why.replace("no test possible: ", "no test possible (") + ")"
    return ""


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


