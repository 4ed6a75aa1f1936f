import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.testing.decorators import check_figures_equal

from framing import plot
from framing.plot import OKABE_ITO, TOL_MUTED, outlet_palette


def terms_table(groups=("A", "B"), n=4):
    rows = []
    for g in groups:
        for i in range(n):
            rows.append({
                "outlet": g, "other": "rest", "term": f"{g.lower()}term{i}", "score": 3.0 - i,
                "z": 3.0 - i, "log_odds": 1.5 - 0.3 * i, "ci_low": 1.0 - 0.3 * i, "ci_high": 2.0 - 0.3 * i,
                "q_value": 0.01 if i == 0 else 0.5, "single_article": i == 3,
                "count": 10 + i, "count_other": 2 + i,
            })
    return pd.DataFrame(rows)


def test_palette_is_stable_and_colour_blind_safe():
    assert outlet_palette(["A", "B", "C"]) == {"A": OKABE_ITO[0], "B": OKABE_ITO[1], "C": OKABE_ITO[2]}
    twelve = outlet_palette([f"o{i}" for i in range(12)])
    assert list(twelve.values()) == list(TOL_MUTED)
    assert outlet_palette(["A", "B"], {"B": "red"})["B"] == "red"


def test_plot_terms_bars_labels_and_marks():
    fig, ax = plt.subplots()
    out = plot.plot_terms(terms_table(), group="B", top_n=3, ax=ax)
    assert out is ax
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([1.5, 1.2, 0.9])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["bterm0*", "bterm1", "bterm2"]  # highest score on top
    assert all(p.get_facecolor()[:3] == pytest.approx(plt.matplotlib.colors.to_rgb(OKABE_ITO[1])) for p in ax.patches)
    assert ax.get_title() == "B"


def test_plot_terms_marks_single_article_terms():
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
    data = terms_table(groups=("A",), n=2).drop(columns=["ci_low", "ci_high", "q_value", "single_article"])
    plot.plot_terms(data, group="A", ax=fig_test.subplots())
    ax = fig_ref.subplots()
    ax.barh([1, 0], [1.5, 1.2], color=OKABE_ITO[0])
    ax.set_yticks([1, 0], ["aterm0", "aterm1"])
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel="log-odds ratio vs. the rest (95% CI over articles)", title="A")
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
