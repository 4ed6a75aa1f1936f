"""Every chart of a comparison, drawn for 2 and for 12 outlets.

The corpora are built here from the sentences of the bundled demo corpora, so
the tests need no shared data: the texts are reshuffled into new articles and
given to 2 or 12 outlets (one with a very long name, one with a single
article, one without headlines). Every chart must draw without a warning, keep
each outlet's colour and place, and save as vector graphics.
"""

import functools
import html
import io
import json
import re
import shutil
import subprocess
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

import framing
from framing.plot import outlet_palette

LONG = "The Extremely Long-Named International Broadcasting Corporation of the Eastern Seaboard"


def rebuilt_corpus(k: int, per_outlet: int = 3, sentences_per_article: int = 9):
    """``k`` outlets of demo-corpus sentences; the last outlet has one article and no headlines."""
    sentences = []
    for name in ("rafah", "plant-closure"):
        s = framing.load_example(name).sentences()
        sentences += s.loc[s["section"] != "headline", "text"].tolist()
    rng = np.random.default_rng(7)
    order = rng.permutation(len(sentences))
    outlets = [f"Outlet {chr(65 + i)}" for i in range(k)]
    outlets[0] = LONG
    rows, pos = [], 0
    for i, outlet in enumerate(outlets):
        n_articles = 1 if i == k - 1 else per_outlet
        for j in range(n_articles):
            chunk = [sentences[t] for t in order[pos:pos + sentences_per_article]]
            pos = (pos + sentences_per_article) % (len(sentences) - sentences_per_article)
            title = "" if i == k - 1 else chunk[0][:80]
            rows.append({"doc_id": f"{i}-{j}", "outlet": outlet, "title": title, "text": " ".join(chunk[1:])})
    return framing.load_corpus(pd.DataFrame(rows))


@functools.cache
def comparison(k: int):
    corpus = rebuilt_corpus(k)
    actors, concepts = framing.datasets.load_example_lists("rafah")
    actors = {**actors, "Nobody": ["zzyzx quux"]}  # an actor no outlet mentions
    concepts = {**concepts, "unused": ["qqqq", "xyzzy"]}  # a concept no outlet uses
    return framing.compare(corpus, actors, concepts, n_resamples=20, random_state=0, progress=False)


@pytest.fixture(scope="module", params=[2, 12], ids=["2 outlets", "12 outlets"])
def result(request):
    return comparison(request.param)


def test_every_chart_draws_without_warnings_as_vector_graphics(result):
    # SVG for both corpora; PDF (a second full draw of every chart) once, on the smaller
    formats = ("svg", "pdf") if len(result.groups) == 2 else ("svg",)
    with plt.rc_context({"svg.fonttype": "none"}):
        for name in result.charts:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                fig = result.plot(name)
                for fmt in formats:
                    buf = io.BytesIO()
                    fig.savefig(buf, format=fmt)
                    data = buf.getvalue()
                    assert (b"<text" in data) if fmt == "svg" else data.startswith(b"%PDF"), (name, fmt)
            plt.close(fig)


def outlet_rows(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def test_outlets_keep_their_order_and_colour_in_every_chart(result):
    from framing.plot._layout import _tick

    expected = [_tick(g) for g in result.groups]
    palette = outlet_palette(result.groups)
    for name in ("overview", "sentiment", "loaded", "voice", "quotes", "frames", "emotive", "actor_sentiment"):
        fig = result.plot(name)
        first = fig.axes[0]
        assert outlet_rows(first) == expected, name
        plt.close(fig)
    fig = result.plot("overview")
    colours = [to_rgb(p.get_facecolor()) for p in fig.axes[0].patches]
    assert colours == [pytest.approx(to_rgb(palette[g])) for g in result.groups]
    plt.close(fig)
    fig = result.plot("sentiment")
    markers = [line for line in fig.axes[0].lines if line.get_marker() == "D"]
    by_row = {int(line.get_ydata()[0]): to_rgb(line.get_color()) for line in markers}
    for row, colour in by_row.items():
        assert colour == pytest.approx(to_rgb(palette[result.groups[row]]))
    plt.close(fig)


def test_outlet_names_fit_on_two_lines(result):
    fig = result.plot("sentiment")
    assert all(label.count("\n") <= 1 for label in outlet_rows(fig.axes[0]))
    plt.close(fig)


def visible_panels(fig):
    return [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]


def test_panels_scale_with_the_number_of_outlets(result):
    k = len(result.groups)
    fig = result.plot("fightin_words")
    assert len(visible_panels(fig)) == (1 if k == 2 else k)  # two outlets: one panel, both sides coloured
    plt.close(fig)
    fig = result.plot("terms")
    assert len(visible_panels(fig)) == k
    plt.close(fig)
    fig = result.plot("arc")
    assert len(visible_panels(fig)) == (1 if k <= 4 else k)  # many outlets: small multiples
    plt.close(fig)
    fig = result.plot("dashboard")
    assert len(visible_panels(fig)) == 3 + k
    plt.close(fig)


def test_empty_actors_and_concepts_are_named_not_drawn(result):
    fig = result.plot("emotive")
    assert "Nobody" not in [t.get_text() for t in fig.axes[0].get_xticklabels()]
    title = " ".join(fig.get_suptitle().split())
    assert "No outlet mentions:" in title and title.endswith("Nobody.")
    plt.close(fig)
    fig = result.plot("labels")
    assert "unused" not in " ".join(ax.get_title() for ax in fig.axes)
    title = " ".join(fig.get_suptitle().split())
    assert "no outlet names:" in title and title.endswith("unused)")
    plt.close(fig)


def test_rests_on_one_article_outlet_has_no_interval(result):
    single = result.groups[-1] if result.groups[-1] != LONG else result.groups[-2]
    assert (result.corpus.articles["outlet"] == single).sum() == 1
    fig = result.plot("sentiment")
    assert any(t.get_text() == "one article: no interval" for t in fig.axes[0].texts)
    assert "no headlines" in [t.get_text() for t in fig.axes[1].texts]
    plt.close(fig)


# -- the report's layout in a real browser -------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

# After loading: measure the wide tables, the images and the navigation, in an element of the DOM.
LAYOUT_CHECK = """
<script>
window.addEventListener("load", () => {
  const page = document.body.clientWidth;
  const out = {page: page};
  out.tables = Array.from(document.querySelectorAll(".table")).map(
    t => ({scroll: t.scrollWidth, client: t.clientWidth, right: t.getBoundingClientRect().right}));
  out.images = Array.from(document.images).map(i => ({natural: i.naturalWidth, right: i.getBoundingClientRect().right}));
  const links = Array.from(document.querySelectorAll("nav a")).map(a => a.getAttribute("href"));
  out.links = links.length;
  out.missing = links.filter(h => !document.querySelector(h));
  const last = document.querySelector(links[links.length - 1]);
  last.scrollIntoView();
  out.heading_top = last.getBoundingClientRect().top;
  out.nav_bottom = document.querySelector("nav").getBoundingClientRect().bottom;
  const table = document.querySelector(".table");
  const cell = table.querySelector("td");
  table.scrollLeft = 300;
  out.first_column_shift = cell.getBoundingClientRect().left - table.getBoundingClientRect().left;
  const pre = document.createElement("pre");
  pre.id = "layout-check";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_report_layout_in_a_browser(tmp_path):
    path = comparison(2).report(tmp_path / "report")
    checked = path.with_name("checked.html")
    checked.write_text(path.read_text(encoding="utf-8").replace("</body>", LAYOUT_CHECK + "</body>"),
                       encoding="utf-8")
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
             "--window-size=1000,900", "--virtual-time-budget=15000", "--dump-dom", checked.as_uri()]
    proc = subprocess.run([CHROMIUM, *flags], capture_output=True, text=True, timeout=180)
    match = re.search(r'<pre id="layout-check">(.*?)</pre>', proc.stdout, re.S)
    assert match, f"the page did not finish loading: {proc.stderr[-2000:]}"
    layout = json.loads(html.unescape(match.group(1)))
    page = layout["page"]
    summary = layout["tables"][0]
    assert summary["scroll"] > summary["client"]  # the summary is wider than the page: it scrolls ...
    assert all(t["right"] <= page + 2 for t in layout["tables"])  # ... inside its box, the page does not
    assert layout["images"] and all(i["natural"] > 0 and i["right"] <= page + 2 for i in layout["images"])
    assert layout["links"] >= 10 and layout["missing"] == []
    assert layout["heading_top"] >= layout["nav_bottom"] - 1  # a section jumped to is not under the sticky nav
    assert abs(layout["first_column_shift"]) <= 2  # the outlet column stays in view when scrolling sideways
