"""Actors: how much warmer or colder each outlet writes about them, and which narrative role it gives them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ._layout import _check_columns, _order, _wrap, outlet_palette, plain_text

__all__ = ["ROLE_COLORS", "plot_relative_sentiment", "plot_roles"]


@plain_text
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
    return plain_text(ax)


#: Colours of the three narrative roles (Paul Tol's light scheme).
ROLE_COLORS = {"hero": "#44BB99", "villain": "#EE8866", "victim": "#77AADD"}


@plain_text
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
    return plain_text(ax)
