"""User text in charts: drawn as written (no mathtext), CJK through an installed fallback font, readable log ticks."""

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from framing import plot
from framing.plot._layout import cjk_font
from framing.plot.terms import _count_text

NAMES = ["Ca$h $Daily$", "新华社 Xinhua", "Plain Post"]


def table():
    return pd.DataFrame({"outlet": NAMES, "estimate": [0.1, 0.2, 0.3], "ci_low": [0.0, 0.1, 0.2],
                         "ci_high": [0.2, 0.3, 0.4], "n_articles": [3, 3, 3]})


def test_dollar_signs_in_outlet_names_are_not_mathtext():
    fig, ax = plt.subplots()
    plot.plot_estimates(table(), title="Means", ax=ax)
    labels = {t.get_text(): t for t in ax.get_yticklabels()}
    assert "Ca$h $Daily$" in labels and not labels["Ca$h $Daily$"].get_parse_math()
    buf = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format="svg")
    plt.close(fig)
    assert "Ca$h $Daily$" in buf.getvalue()  # written as text, the dollars kept


def test_cjk_names_fall_back_on_an_installed_cjk_font():
    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (apt install fonts-noto-cjk)")
    fig, ax = plt.subplots()
    plot.plot_estimates(table(), ax=ax)
    labels = {t.get_text(): t for t in ax.get_yticklabels()}
    assert font in labels["新华社 Xinhua"].get_fontfamily()
    assert font not in labels["Plain Post"].get_fontfamily()  # Latin text keeps the default font
    plt.close(fig)


def test_fightin_words_log_ticks_are_plain_numbers():
    assert [_count_text(v) for v in (1, 2, 5, 10, 200, 1000, 5000, 20000)] == [
        "1", "2", "5", "10", "200", "1,000", "5,000", "20k"]
    rng = np.random.default_rng(0)
    n = 200
    data = pd.DataFrame({"outlet": "A", "other": "rest", "term": [f"t{i}" for i in range(n)],
                         "z": rng.normal(0, 1.5, n), "count": rng.integers(1, 30, n),
                         "count_other": rng.integers(0, 40, n)})
    fig, ax = plt.subplots()
    plot.plot_fightin_words(data, group="A", ax=ax)
    fig.canvas.draw()
    shown = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert shown and all("$" not in s and "^" not in s for s in shown)
    assert not [t.get_text() for t in ax.xaxis.get_minorticklabels() if t.get_text()]
    plt.close(fig)
