import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb
from matplotlib.testing.decorators import check_figures_equal

from framing import plot
from framing.plot import outlet_palette, part_palette
from framing.plot._layout import OKABE_ITO, OUTLET_COLORS, SINGLE, TOL_LIGHT, TOL_MUTED


def terms_table(groups=("A", "B"), n=4):
    rows = []
    for g in groups:
        for i in range(n):
            rows.append({
                "outlet": g, "other": "rest", "term": f"{g.lower()}term{i}", "score": 3.0 - i,
                "z": 3.0 - i, "log_odds": 1.5 - 0.3 * i, "ci_low": 1.0 - 0.3 * i, "ci_high": 2.0 - 0.3 * i,
                "q_value": 0.01 if i == 0 else 0.5, "rests_on_one_article": i == 3,
                "count": 10 + i, "count_other": 2 + i,
            })
    return pd.DataFrame(rows)


def test_palette_is_stable_and_colour_blind_safe():
    three = outlet_palette(["A", "B", "C"])
    assert set(three.values()) <= set(OUTLET_COLORS) and len(set(three.values())) == 3
    twelve = outlet_palette([f"o{i}" for i in range(12)])
    assert sorted(twelve.values()) == sorted(OUTLET_COLORS)  # as many outlets as colours: each once
    assert outlet_palette(["A", "B"], {"B": "red"})["B"] == "red"


def test_plot_terms_bars_labels_and_marks():
    fig, ax = plt.subplots()
    out = plot.plot_terms(terms_table(), group="B", top_n=3, ax=ax)
    assert out is ax
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([1.5, 1.2, 0.9])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["bterm0*", "bterm1", "bterm2"]  # highest score on top
    assert all(p.get_facecolor()[:3] == pytest.approx(plt.matplotlib.colors.to_rgb(outlet_palette(["A", "B"])["B"])) for p in ax.patches)
    assert ax.get_title() == "B"


def test_plot_terms_marks_rests_on_one_article_terms():
    fig, ax = plt.subplots()
    plot.plot_terms(terms_table(), group="A", top_n=4, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "aterm3 †"
    assert ax.patches[3].get_hatch() == "///"


def test_plot_terms_requires_a_group_and_columns():
    with pytest.raises(ValueError, match="choose one with group="):
        plot.plot_terms(terms_table())
    with pytest.raises(KeyError, match=r"lacks column\(s\) \['score'\]"):
        plot.plot_terms(terms_table().drop(columns="score"), group="A")


@check_figures_equal(extensions=["png"])
def test_plot_terms_matches_hand_built_bars(fig_test, fig_ref):
    data = terms_table(groups=("A",), n=2).drop(columns=["ci_low", "ci_high", "q_value", "rests_on_one_article"])
    plot.plot_terms(data, group="A", ax=fig_test.subplots())
    ax = fig_ref.subplots()
    ax.barh([1, 0], [1.5, 1.2], color=outlet_palette(["A"])["A"])
    ax.set_yticks([1, 0], ["aterm0", "aterm1"])
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel="log-odds ratio vs. the rest", title="A")
    ax.spines[["top", "right"]].set_visible(False)


@pytest.mark.parametrize("k", [2, 5, 12])
def test_compare_terms_one_panel_per_outlet(k):
    names = [f"A very long outlet name number {i}" for i in range(k)]
    fig = plot.compare_terms(terms_table(groups=names), top_n=2)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == k
    colors = [visible[i].patches[0].get_facecolor()[:3] for i in range(k)]
    expected = outlet_palette(names)
    assert colors == [pytest.approx(plt.matplotlib.colors.to_rgb(expected[n])) for n in names]


def test_fightin_words_points_and_labels():
    fig, ax = plt.subplots()
    data = terms_table(n=4).assign(z=lambda d: np.where(d["term"].str.endswith("3"), -2.5, d["z"]))
    plot.plot_fightin_words(data, group="A", label_top=2, ax=ax)
    n_points = sum(len(c.get_offsets()) for c in ax.collections)
    assert n_points == 4
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == ["aterm0", "aterm1", "aterm3"]
    assert ax.get_xscale() == "log"


def sentiment_tables():
    g = pd.DataFrame({
        "outlet": ["A", "B", "C"], "metric": "mean_compound", "n_articles": [3, 3, 0],
        "estimate": [-0.2, 0.1, np.nan], "ci_low": [-0.3, 0.0, np.nan], "ci_high": [-0.1, 0.2, np.nan],
        "p_value": 0.01,
    })
    a = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "mean_compound": [-0.3, -0.2, -0.1, 0.0, 0.1, 0.2]})
    return g, a


def test_plot_sentiment_points_means_and_missing_outlet():
    g, a = sentiment_tables()
    fig, ax = plt.subplots()
    plot.plot_sentiment(g, articles=a, ax=ax)
    assert len(ax.collections[0].get_offsets()) == 6
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    assert any(t.get_text() == "no data" for t in ax.texts)
    assert "p = 0.01" in ax.get_title()


def test_plot_arc_lines_per_outlet():
    arc = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "bin": [0, 1, 0, 1], "position": [0.25, 0.75] * 2,
                        "estimate": [0.1, -0.1, 0.0, 0.2], "ci_low": [0, -0.2, -0.1, 0.1], "ci_high": [0.2, 0, 0.1, 0.3]})
    fig, ax = plt.subplots()
    plot.plot_arc(arc, ax=ax)
    assert [line.get_label() for line in ax.lines if not line.get_label().startswith("_")] == ["A", "B"]
    assert len(ax.collections) == 2  # bands for two outlets


def labels_table():
    return pd.DataFrame({
        "concept": "armed group", "outlet": ["A", "A", "B", "B", "C", "C"],
        "label": ["terrorists", "fighters"] * 3, "count": [6, 2, 0, 4, 0, 0], "share": [0.75, 0.25, 0, 1, np.nan, np.nan],
    })


def test_plot_labels_stacked_shares_with_counts():
    fig, ax = plt.subplots()
    plot.plot_labels(labels_table(), ax=ax)
    widths = [round(p.get_width(), 3) for p in ax.patches]
    assert widths == [0.75, 0.0, 0.0, 0.25, 1.0, 0.0]
    texts = [t.get_text() for t in ax.texts]
    assert "6" in texts and "4" in texts and "n=8" in texts and "no mentions" in texts
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["terrorists", "fighters"]


def test_plots_never_touch_global_state():
    before = dict(plt.rcParams)
    g, a = sentiment_tables()
    plot.plot_sentiment(g, articles=a, ax=plt.figure().subplots())
    plot.compare_terms(terms_table())
    plot.compare_labels(labels_table())
    assert dict(plt.rcParams) == before


# -- every axes-level function: artists against the data ------------------------------

def rgb(color):
    return pytest.approx(to_rgb(color))


def test_outlet_colours_have_no_colour_that_vanishes_on_white():
    for color in OUTLET_COLORS + TOL_MUTED:
        r, g, b = to_rgb(color)
        assert 0.299 * r + 0.587 * g + 0.114 * b < 0.8, color


def test_part_palette_is_apart_from_outlet_colours():
    parts = part_palette([f"p{i}" for i in range(8)])
    assert list(parts.values()) == list(TOL_LIGHT)
    assert not set(TOL_LIGHT) & (set(OKABE_ITO) | set(TOL_MUTED) | set(OUTLET_COLORS))
    assert part_palette(["a", "b"], {"b": "red"}) == {"a": TOL_LIGHT[0], "b": "red"}


def test_plot_terms_orders_bars_by_what_they_show():
    # chosen by score (z), drawn by log-odds: the longest bar is on top
    data = terms_table(groups=("A",), n=4).assign(log_odds=[0.5, 2.0, 1.0, 1.5], ci_low=np.nan, ci_high=np.nan)
    fig, ax = plt.subplots()
    plot.plot_terms(data, group="A", top_n=3, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["aterm1", "aterm2", "aterm0*"]
    widths = [p.get_width() for p in sorted(ax.patches, key=lambda p: -p.get_y())]
    assert widths == pytest.approx([2.0, 1.0, 0.5])
    assert "top 3 by z" in ax.get_xlabel()
    assert "CI" not in ax.get_xlabel()  # no interval drawn, none claimed
    assert not ax.collections  # no error bars


def test_plot_terms_draws_no_interval_for_a_rests_on_one_article_group():
    data = terms_table(groups=("A",), n=3).assign(n_articles=1, rests_on_one_article=False)
    fig, ax = plt.subplots()
    plot.plot_terms(data, group="A", ax=ax)
    assert not ax.collections  # no error bars
    assert "1 article" in ax.get_title()
    assert all(p.get_hatch() == "///" for p in ax.patches)  # every term rests on the one article
    assert all(t.get_text().endswith(SINGLE) for t in ax.get_yticklabels())
    assert "hatched" in ax.get_xlabel()


def test_plot_terms_error_bars_match_the_intervals():
    fig, ax = plt.subplots()
    plot.plot_terms(terms_table(), group="A", top_n=2, ax=ax)
    (bars,) = [c for c in ax.collections]
    segments = sorted(bars.get_segments(), key=lambda s: -s[0][1])
    assert [tuple(s[:, 0]) for s in segments] == [pytest.approx((1.0, 2.0)), pytest.approx((0.7, 1.7))]
    assert "(95% CI over articles)" in ax.get_xlabel()


def test_compare_terms_shares_the_x_range_and_explains_the_marks():
    data = terms_table(groups=("A", "B", "C")).assign(
        log_odds=lambda d: np.where(d["outlet"] == "C", d["log_odds"] * 3, d["log_odds"]))
    fig = plot.compare_terms(data, top_n=2)
    lims = {ax.get_xlim() for ax in fig.axes if ax.get_visible()}
    assert len(lims) == 1
    assert "longest bar on top" in fig.get_suptitle()


def fightin_table():
    rows = []
    for i, z in enumerate([4.0, 3.0, 2.5, 1.0, 0.0, -1.0, -2.5, -3.5]):
        rows.append({"outlet": "A", "other": "rest", "term": f"term{i}", "z": z, "count": 5 + i,
                     "count_other": 3 + 2 * i})
    return pd.DataFrame(rows)


def test_fightin_words_colours_each_side_and_explains_them():
    fig, ax = plt.subplots()
    plot.plot_fightin_words(fightin_table(), group="A", label_top=2, color="#0072B2", other_color="#D55E00", ax=ax)
    by_colour = {tuple(np.round(c.get_facecolor()[0][:3], 3)): len(c.get_offsets()) for c in ax.collections}
    assert by_colour[tuple(np.round(to_rgb("#0072B2"), 3))] == 3
    assert by_colour[tuple(np.round(to_rgb("#D55E00"), 3))] == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "used more by A", "used more by the rest", "|z| < 1.96"]
    assert sorted(t.get_text() for t in ax.texts) == ["term0", "term1", "term6", "term7"]


def test_fightin_words_never_uses_the_outlet_colour_for_the_other_side():
    fig, ax = plt.subplots()
    plot.plot_fightin_words(fightin_table(), group="A", color="#707070", ax=ax)
    colours = {tuple(np.round(c.get_facecolor()[0][:3], 3)) for c in ax.collections}
    assert len(colours) == 3


def test_fightin_words_labels_stay_inside_the_axes_without_overlapping():
    rng = np.random.default_rng(0)
    n = 60
    data = pd.DataFrame({
        "outlet": "A", "other": "rest", "term": [f"word{i:02d}" for i in range(n)],
        "z": np.r_[rng.uniform(2, 3, 20), rng.uniform(-1.9, 1.9, 30), rng.uniform(-3, -2, 10)],
        "count": rng.integers(2, 8, n), "count_other": rng.integers(2, 8, n),
    })
    fig, ax = plt.subplots(figsize=(5, 4), layout="constrained")
    plot.plot_fightin_words(data, group="A", label_top=10, ax=ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == 20
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1 and frame.y0 - 1 <= b.y0 and b.y1 <= frame.y1 + 1
               for b in boxes)
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert overlaps == 0


def estimates_table():
    return pd.DataFrame({
        "outlet": ["A", "B", "C", "D"], "n_articles": [3, 1, 0, 4],
        "estimate": [0.2, -0.1, np.nan, 0.4], "ci_low": [0.1, np.nan, np.nan, 0.3],
        "ci_high": [0.3, np.nan, np.nan, 0.5],
    })


def test_plot_estimates_points_intervals_colours_and_missing():
    fig, ax = plt.subplots()
    plot.plot_estimates(estimates_table(), order=["D", "C", "B", "A"], ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["D", "C", "B", "A"]
    markers = [line for line in ax.lines if line.get_marker() == "D"]
    assert [(line.get_xdata()[0], line.get_ydata()[0]) for line in markers] == [(0.4, 0), (-0.1, 2), (0.2, 3)]
    palette = outlet_palette(["D", "C", "B", "A"])
    assert [to_rgb(line.get_color()) for line in markers] == [rgb(palette[g]) for g in ("D", "B", "A")]
    intervals = [seg for c in ax.collections for seg in c.get_segments()]
    assert sorted(tuple(np.round(s[:, 0], 6)) for s in intervals) == [(0.1, 0.3), (0.3, 0.5)]
    texts = [t.get_text() for t in ax.texts]
    assert "no data" in texts  # C: missing, not zero
    assert "one article: no interval" in texts  # B: a point without an interval says why


def test_plot_estimates_dots_per_article():
    articles = pd.DataFrame({"outlet": ["A", "A", "B", "D", "D"], "value": [0.1, 0.3, -0.1, 0.35, np.nan]})
    fig, ax = plt.subplots()
    plot.plot_estimates(estimates_table(), articles=articles, article_value="value", ax=ax)
    (dots,) = ax.collections[:1]
    offsets = dots.get_offsets()
    assert len(offsets) == 4  # the NaN article is not drawn
    assert list(offsets[:, 0]) == pytest.approx([0.1, 0.3, -0.1, 0.35])
    assert np.all(np.abs(offsets[:, 1] - np.array([0, 0, 1, 3])) <= 0.18)


@check_figures_equal(extensions=["png"])
def test_plot_estimates_matches_hand_built_reference(fig_test, fig_ref):
    data = pd.DataFrame({"outlet": ["A", "B"], "estimate": [0.2, -0.1], "ci_low": [0.1, -0.3],
                         "ci_high": [0.3, 0.0]})
    plot.plot_estimates(data, xlabel="mean", title="Means", ax=fig_test.subplots())
    ax = fig_ref.subplots()
    style = dict(fmt="D", markersize=7, elinewidth=2, capsize=4, markeredgecolor="white", zorder=3)
    colors = outlet_palette(["A", "B"])
    ax.errorbar(0.2, 0, xerr=[[0.1], [0.1]], color=colors["A"], ecolor=colors["A"], **style)
    ax.errorbar(-0.1, 1, xerr=[[0.2], [0.1]], color=colors["B"], ecolor=colors["B"], **style)
    ax.axvline(0, color="0.5", linewidth=0.8, linestyle=":")
    ax.set_yticks([0, 1], ["A", "B"])
    ax.set_ylim(1.5, -0.5)
    ax.set(xlabel="mean", ylabel="")
    ax.set_title("Means", fontsize="medium")
    ax.spines[["top", "right"]].set_visible(False)


def test_plot_sentiment_says_when_an_outlet_has_no_headlines():
    g, a = sentiment_tables()
    g = g.assign(metric="headline_compound")
    fig, ax = plt.subplots()
    plot.plot_sentiment(g, metric="headline_compound", ax=ax)
    assert "no headlines" in [t.get_text() for t in ax.texts]


def heatmap_table():
    return pd.DataFrame({
        "outlet": ["A", "A", "B", "B"], "actor": ["x", "y", "x", "y"],
        "estimate": [0.5, -0.2, np.nan, 0.1], "ci_low": [0.3, -0.4, np.nan, np.nan],
        "ci_high": [0.7, 0.1, np.nan, np.nan],
    })


def test_plot_heatmap_cells_marks_and_centred_scale():
    fig, ax = plt.subplots()
    plot.plot_heatmap(heatmap_table(), ax=ax)
    image = ax.collections[0]
    values = image.get_array()
    assert np.ma.getmaskarray(values).tolist() == [[False, False], [True, False]]  # missing, not zero
    assert values[0].tolist() == [0.5, -0.2]
    lo, hi = image.get_clim()
    assert lo == pytest.approx(-hi) and hi == pytest.approx(0.5)  # diverging scale centred on 0
    assert [t.get_text() for t in ax.texts] == ["0.50", "-0.20", "—", f"0.10{SINGLE}"]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert [(p.get_x(), p.get_y()) for p in hatched] == [(0.5, -0.5)]  # only the interval that includes 0
    assert [t.get_text() for t in ax.get_xticklabels()] == ["x", "y"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]


def test_plot_heatmap_sequential_scale_starts_at_zero():
    fig, ax = plt.subplots()
    data = heatmap_table().assign(estimate=[4.0, 1.0, np.nan, 2.0])
    plot.plot_heatmap(data, center=None, ax=ax)
    assert ax.collections[0].get_clim() == (0.0, 4.0)
    assert not [p for p in ax.patches if p.get_hatch()]


def test_plot_heatmap_slants_long_column_labels():
    data = pd.DataFrame({"outlet": "A", "actor": [f"a rather long actor name {i}" for i in range(12)],
                         "estimate": np.linspace(-1, 1, 12)})
    fig, ax = plt.subplots(figsize=(6, 3))
    plot.plot_heatmap(data, ax=ax)
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {40.0}
    assert all("\n" not in t.get_text() for t in ax.get_xticklabels())


@check_figures_equal(extensions=["png"])
def test_plot_heatmap_matches_hand_built_reference(fig_test, fig_ref):
    plot.plot_heatmap(heatmap_table(), colorbar_label="sentiment", ax=fig_test.subplots())
    ax = fig_ref.subplots()
    values = np.ma.masked_invalid([[0.5, -0.2], [np.nan, 0.1]])
    image = ax.pcolormesh([-0.5, 0.5, 1.5], [-0.5, 0.5, 1.5], values, cmap="RdBu", vmin=-0.5, vmax=0.5,
                          edgecolors="white", linewidth=0.5)
    ax.set_facecolor("#e6e6e6")  # missing cells
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(1.5, -0.5)
    for (x, y, text, color) in ((0, 0, "0.50", "white"), (1, 0, "-0.20", "black"), (0, 1, "—", "0.35"),
                                (1, 1, f"0.10{SINGLE}", "black")):
        ax.text(x, y, text, ha="center", va="center", fontsize="small", color=color)
    ax.add_patch(plt.Rectangle((0.5, -0.5), 1, 1, fill=False, hatch="////", edgecolor=(0.4, 0.4, 0.4, 0.45),
                               linewidth=0))
    ax.set_xticks([0, 1], ["x", "y"])
    ax.set_yticks([0, 1], ["A", "B"])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig_ref.colorbar(image, ax=ax, shrink=0.8, label="sentiment")


def arc_table(groups=("A", "B", "C", "D", "E")):
    rows = []
    for i, g in enumerate(groups):
        for b, pos in enumerate((0.25, 0.75)):
            rows.append({"outlet": g, "bin": b, "position": pos, "estimate": 0.1 * i - 0.05 * b,
                         "ci_low": 0.1 * i - 0.1, "ci_high": 0.1 * i + 0.1})
    return pd.DataFrame(rows)


def test_plot_arc_legend_outside_and_no_bands_with_many_outlets():
    fig, ax = plt.subplots()
    plot.plot_arc(arc_table(), ax=ax)
    assert not ax.collections  # five outlets: bands would hide each other
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["A", "B", "C", "D", "E"]
    assert legend.get_bbox_to_anchor().x0 > ax.get_window_extent().x1  # beside the axes, not over the lines
    palette = outlet_palette(list("ABCDE"))
    assert [to_rgb(line.get_color()) for line in ax.lines[:5]] == [rgb(palette[g]) for g in "ABCDE"]


def test_plot_arc_highlight_draws_one_outlet_over_grey_others():
    fig, ax = plt.subplots()
    plot.plot_arc(arc_table(), highlight="C", ax=ax)
    coloured = [line for line in ax.lines if not line.get_label().startswith("_")]
    assert [line.get_label() for line in coloured] == ["C"]
    assert to_rgb(coloured[0].get_color()) == rgb(outlet_palette(list("ABCDE"))["C"])
    assert sum(to_rgb(line.get_color()) == to_rgb("0.8") for line in ax.lines) == 4
    assert len(ax.collections) == 1  # the band of C
    assert ax.get_title() == "C" and ax.get_legend() is None
    with pytest.raises(ValueError, match="not a group"):
        plot.plot_arc(arc_table(), highlight="Z", ax=ax)


def composition_table():
    return pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B", "B", "C", "C", "C"],
        "role": ["agent", "patient", "other"] * 3,
        "count": [6, 3, 1, 0, 2, 2, 0, 0, 0],
    })


def test_plot_composition_shares_positions_colours_and_empty_bars():
    fig, ax = plt.subplots()
    plot.plot_composition(composition_table(), part="role", ax=ax)
    widths = [round(p.get_width(), 3) for p in ax.patches]
    assert widths == [0.6, 0.0, 0.0, 0.3, 0.5, 0.0, 0.1, 0.5, 0.0]
    lefts = [round(p.get_x(), 3) for p in ax.patches]
    assert lefts == [0.0, 0.0, 0.0, 0.6, 0.0, 0.0, 0.9, 0.5, 0.0]
    colours = [to_rgb(p.get_facecolor()) for p in ax.patches[::3]]
    assert colours == [rgb(c) for c in TOL_LIGHT[:3]]
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("no mentions") == 1 and "n=10" in texts and "n=4" in texts
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]


def test_plot_composition_legend_reads_left_to_right_and_fits():
    data = pd.DataFrame({"outlet": "A", "label": [f"label {i}" for i in range(7)], "count": 1})
    fig, ax = plt.subplots(figsize=(4, 3))
    plot.plot_composition(data, ax=ax)
    legend = ax.get_legend()
    ncols = legend._ncols
    assert 1 < ncols < 7
    names = [t.get_text() for t in legend.get_texts()]
    # matplotlib lays entries out column by column; read row by row they must be in segment order
    rows = int(np.ceil(len(names) / ncols))
    columns = np.array_split(np.array(names, dtype=object), ncols)
    read = [col[r] for r in range(rows) for col in columns if r < len(col)]
    assert read == [f"label {i}" for i in range(7)]


@check_figures_equal(extensions=["png"])
def test_plot_composition_matches_hand_built_reference(fig_test, fig_ref):
    data = composition_table().iloc[:6]
    plot.plot_composition(data, part="role", xlabel="share", legend=False, ax=fig_test.subplots())
    ax = fig_ref.subplots()
    shares = {"agent": [0.6, 0.0], "patient": [0.3, 0.5], "other": [0.1, 0.5]}
    counts = {"agent": [6, 0], "patient": [3, 2], "other": [1, 2]}
    left = np.zeros(2)
    for color, role in zip(TOL_LIGHT, shares, strict=False):
        ax.barh([0, 1], shares[role], left=left, color=color, label=role, edgecolor="white", linewidth=0.6,
                height=0.7)
        for y in (0, 1):
            if shares[role][y] >= 0.06:
                ax.text(left[y] + shares[role][y] / 2, y, str(counts[role][y]), ha="center", va="center",
                        fontsize="small", color="black")
        left += shares[role]
    for y, n in ((0, 10), (1, 4)):
        ax.text(1.01, y, f"n={n}", va="center", fontsize="small", color="0.3", transform=ax.get_yaxis_transform())
    ax.set_yticks([0, 1], ["A", "B"])
    ax.set_ylim(1.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set(xlabel="share")
    ax.spines[["top", "right"]].set_visible(False)


def test_long_outlet_names_take_at_most_two_lines():
    name = "The Extremely Long-Named International Broadcasting Corporation of the Eastern Seaboard"
    data = estimates_table().assign(outlet=[name, "B", "C", "D"])
    fig, ax = plt.subplots()
    plot.plot_estimates(data, ax=ax)
    label = ax.get_yticklabels()[0].get_text()
    assert label.count("\n") == 1 and label.endswith("…")


@pytest.mark.parametrize("k", [2, 5, 12])
def test_compare_labels_one_panel_per_concept_names_only_in_first_column(k):
    outlets = [f"Outlet {i}" for i in range(k)]
    data = pd.concat([labels_table().assign(concept=f"concept {j}") for j in range(3)])
    data = pd.concat([data.assign(outlet=data["outlet"].map({"A": o, "B": o + "b", "C": o + "c"}))
                      for o in outlets[: max(1, k // 3)]])
    fig = plot.compare_labels(data)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3
    shown = [any(t.get_visible() and t.get_text() for t in ax.get_yticklabels()) for ax in visible]
    assert shown == [True, False, True]  # two columns: 2 + 1


PLOTTERS = {
    "plot_terms": lambda ax: plot.plot_terms(terms_table(), group="A", ax=ax),
    "plot_fightin_words": lambda ax: plot.plot_fightin_words(fightin_table(), ax=ax),
    "plot_estimates": lambda ax: plot.plot_estimates(estimates_table(), ax=ax),
    "plot_sentiment": lambda ax: plot.plot_sentiment(*sentiment_tables()[:1], articles=sentiment_tables()[1], ax=ax),
    "plot_heatmap": lambda ax: plot.plot_heatmap(heatmap_table(), ax=ax),
    "plot_arc": lambda ax: plot.plot_arc(arc_table(), ax=ax),
    "plot_labels": lambda ax: plot.plot_labels(labels_table(), ax=ax),
    "plot_composition": lambda ax: plot.plot_composition(composition_table(), part="role", ax=ax),
}
FIGURES = {
    "compare_terms": lambda: plot.compare_terms(terms_table(groups=list("ABCDE"))),
    "compare_labels": lambda: plot.compare_labels(labels_table()),
}


@pytest.mark.parametrize("name", sorted(PLOTTERS))
def test_axes_level_functions_return_the_axes_they_were_given(name):
    fig, ax = plt.subplots()
    assert PLOTTERS[name](ax) is ax


@pytest.mark.parametrize("name", sorted(PLOTTERS) + sorted(FIGURES))
def test_every_chart_function_leaves_rcparams_alone(name):
    before = dict(plt.rcParams)
    with plt.rc_context({"font.size": 13}):  # a user's setting is respected, not reset
        if name in PLOTTERS:
            fig, ax = plt.subplots()
            PLOTTERS[name](ax)
        else:
            fig = FIGURES[name]()
        fig.canvas.draw()
        assert plt.rcParams["font.size"] == 13
        assert fig.axes[0].xaxis.label.get_fontsize() == pytest.approx(13)
    assert dict(plt.rcParams) == before


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
@pytest.mark.parametrize("name", sorted(PLOTTERS) + sorted(FIGURES))
def test_every_chart_function_saves_as_vector_graphics(name, fmt):
    import io

    if name in PLOTTERS:
        fig, ax = plt.subplots(layout="constrained")
        PLOTTERS[name](ax)
    else:
        fig = FIGURES[name]()
    buf = io.BytesIO()
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format=fmt)
    data = buf.getvalue()
    # drawn as vectors: the only bitmap allowed is the smooth gradient of a colour bar
    bitmaps = 1 if name == "plot_heatmap" else 0
    if fmt == "svg":
        assert b"<svg" in data[:400] and data.count(b"<image") == bitmaps
        assert b"<text" in data  # text kept as text
    else:
        assert data.startswith(b"%PDF") and data.count(b"/Subtype /Image") == bitmaps


def test_plot_composition_names_parts_in_the_legend():
    fig, ax = plt.subplots()
    plot.plot_composition(composition_table(), part="role", part_names={"agent": "acts"}, ax=ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["acts", "patient", "other"]
